"""The population a rate uses: the figure on or before the date, else the nearest after it."""

import datetime

import pytest

from onderdak.monitor.selectors.dashboard_population import (
    PopulationTable,
    population_table,
    year_start,
)
from onderdak.region.models import Municipality, PopulationFigure

D = datetime.date
TABLE = PopulationTable(
    {
        1: ((D(2020, 1, 1), 100), (D(2022, 1, 1), 120), (D(2024, 1, 1), 150)),
        2: ((D(2023, 1, 1), 50),),
    }
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2024, 4, 11), 150),  # after the latest: the latest
        (D(2024, 1, 1), 150),  # on the date itself
        (D(2023, 12, 31), 120),  # between: the one before
        (D(2019, 6, 1), 100),  # before the first: the nearest, after it
    ],
)
def test_the_figure_on_or_before_the_date_else_the_nearest(day, expected):
    assert TABLE.on(1, day) == expected


def test_an_area_has_a_population_only_when_each_municipality_has_one():
    assert TABLE.total([1, 2], D(2024, 4, 11)) == 200
    assert TABLE.total([1, 3], D(2024, 4, 11)) is None
    assert TABLE.total([], D(2024, 4, 11)) is None
    assert TABLE.on(3, D(2024, 4, 11)) is None


def test_a_year_uses_the_population_of_1_january():
    assert year_start(2024) == D(2024, 1, 1)
    assert TABLE.on(1, year_start(2023)) == 120


def test_the_region_table_is_one_query(region, django_assert_num_queries):
    leiden = Municipality.objects.get(cbs_code="GM0546")
    PopulationFigure.objects.create(
        municipality=leiden,
        reference_date=D(2010, 1, 1),
        population=117_000,
        source_url="https://example.org",
    )
    with django_assert_num_queries(1):
        table = population_table(region=region)
    assert table.on(leiden.pk, D(2011, 1, 1)) == 117_000
    assert table.on(leiden.pk, D(2005, 1, 1)) == 117_000
    assert len(table.figures) == region.municipalities.count()
