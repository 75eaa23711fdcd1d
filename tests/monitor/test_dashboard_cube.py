"""A count version as one cube: every cell and margin, every group adding up, and the suppression
engine's answer over all of it (computed once per process for the same figures)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from onderdak.engines.suppression import Hidden, exposure
from onderdak.monitor.models import Dimension, ReferenceValue
from onderdak.monitor.selectors import dashboard_cube
from onderdak.monitor.selectors.dashboard_cube import REGION_KEY, CellKey, cube
from onderdak.monitor.selectors.dashboard_data import aggregate_rows, monitor_data
from tests.monitor.dashboard_data import count_with, seeded_rows
from tests.monitor.factories import version_with

pytestmark = pytest.mark.usefixtures("reference_values")


def data_for(rows, region, *, suppressed=True):
    count_with(rows)
    data = monitor_data(region=region, suppressed=suppressed)
    return data, data.counts[-1]


def test_every_group_adds_up_and_the_region_holds_everyone(region):
    rows = seeded_rows(1)
    data, count = data_for(rows, region, suppressed=False)
    values = data.cube(count).values
    for group in data.cube(count).groups:
        assert values[group.total] == sum(values[part] for part in group.parts), group
    assert values[CellKey(REGION_KEY)] == sum(row[-1] for row in rows)
    leiden = sum(row[-1] for row in rows if row[0] == "GM0546")
    assert values[CellKey("m:GM0546")] == leiden


def test_each_area_has_every_cell_of_every_breakdown(region):
    data, count = data_for(seeded_rows(2, cells=5), region, suppressed=False)
    dims = data.dimensions(count)
    areas = 13 + 3 + 1
    per_area = len(dims.categories) * (len(dims.age_bands) + 1) + len(dims.age_bands) + 1
    per_area += len(dims.genders) + len(dims.finders)
    assert len(data.cube(count).values) == areas * per_area
    assert (len(dims.categories), len(dims.age_bands)) == (7, 4)


def test_a_value_taken_out_of_use_stays_in_the_cube_of_a_count_that_uses_it(region):
    ReferenceValue.objects.filter(dimension=Dimension.FINDER, code="overig").update(is_active=False)
    ReferenceValue.objects.filter(dimension=Dimension.FINDER, code="corporatie").update(
        is_active=False
    )
    data, count = data_for([("GM0546", "1", "18-26", "man", "overig", 7)], region)
    codes = {data.references[pk].code for pk in data.dimensions(count).finders}
    assert "overig" in codes  # used, though out of use
    assert "corporatie" not in codes  # out of use and unused


def test_small_counts_are_hidden_and_none_can_be_narrowed_down(region):
    data, count = data_for(seeded_rows(3), region)
    result = data.cube(count)
    small = [key for key, value in result.values.items() if 0 < value < 5]
    assert small
    assert all(key in result.hidden for key in small)
    # "x" only where the "<5" label itself would give the count away (see the engine)
    assert sum(result.hidden[key] == Hidden.SMALL for key in small) > len(small) / 2
    ranges = exposure(result.values, result.groups, result.hidden)
    for key in small:
        low, high = ranges[key]
        assert high - low >= 1, (key, ranges[key])


def test_the_coordinator_sees_every_cell(region):
    data, count = data_for(seeded_rows(3), region, suppressed=False)
    assert data.cube(count).hidden == {}
    figure = data.cube(count).total(REGION_KEY)
    assert figure.value == data.cube(count).values[CellKey(REGION_KEY)]


def test_a_version_is_built_and_suppressed_once_per_process(region, monkeypatch):
    calls = []
    engine = dashboard_cube.suppress
    monkeypatch.setattr(dashboard_cube, "_memo", type(dashboard_cube._memo)())
    monkeypatch.setattr(
        dashboard_cube, "suppress", lambda *a, **k: calls.append(1) or engine(*a, **k)
    )
    count = count_with(seeded_rows(5))
    first = monitor_data(region=region, suppressed=True)
    built = first.cube(first.counts[-1])
    again = monitor_data(region=region, suppressed=True)
    with CaptureQueriesContext(connection) as queries:
        assert again.cube(again.counts[-1]) is built  # kept: no aggregates read
    assert len(queries) == 0
    assert monitor_data(region=region, suppressed=False).cube(again.counts[-1]).hidden == {}
    version_with(count, seeded_rows(6))  # a re-import: a new version, a new cube
    newer = monitor_data(region=region, suppressed=True)
    assert newer.cube(newer.counts[-1]) is not built
    assert len(calls) == 2


def test_a_cube_does_not_depend_on_the_order_of_the_aggregates(region):
    count = count_with(seeded_rows(7))
    data = monitor_data(region=region, suppressed=True)
    rows = aggregate_rows([count.current_version_id])[count.current_version_id]
    dims = data.dimensions(data.counts[-1])
    forward = cube(rows, data.geography, dims, suppressed=True)
    backward = cube(rows[::-1], data.geography, dims, suppressed=True)
    assert forward.values == backward.values
    assert forward.hidden == backward.hidden
