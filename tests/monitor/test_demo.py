"""The monitor's demo: two fictitious counts and an indicator, imported through the pipeline,
reproducible, with small cells, and loaded once."""

from io import StringIO

import pytest
from django.core.management import call_command

from onderdak.accounts.models import Role
from onderdak.imports.models import ImportJob
from onderdak.monitor import demo
from onderdak.monitor.models import Count, CountRow, IndicatorValue

pytestmark = pytest.mark.usefixtures("reference_values")


@pytest.fixture
def officer(make_member):
    return make_member(Role.POLICY_OFFICER)


def test_two_fictitious_counts_and_an_indicator_through_the_import(region, officer):
    result = demo.load_demo(region=region, by=officer)
    assert [c.count_date.year for c in result.counts] == [2024, 2022]
    for count in result.counts:
        assert count.is_demo
        assert "fictief" in count.title
        assert "Fictieve" in count.source
        assert count.current_version.row_count > 100
        assert count.current_version.imported_by == officer
    assert result.indicator.is_demo
    assert "fictief" in result.indicator.name
    assert IndicatorValue.objects.filter(indicator=result.indicator).count() == 13 * 5
    assert ImportJob.objects.filter(created_by=officer).count() == 3


def test_every_municipality_has_people_and_larger_towns_more(region, officer):
    count = demo.load_demo(region=region, by=officer).counts[0]
    totals = {}
    for row in CountRow.objects.filter(version=count.current_version).select_related(
        "municipality"
    ):
        totals[row.municipality.cbs_code] = totals.get(row.municipality.cbs_code, 0) + row.people
    assert len(totals) == 13
    assert totals["GM0546"] == max(totals.values())  # Leiden, the largest town
    small_cells = CountRow.objects.filter(version=count.current_version, people__lt=5).count()
    assert small_cells > 50


def test_the_figures_are_the_same_every_time():
    populations = {"GM0546": 125_000, "GM0553": 23_000}
    assert demo.count_csv(demo.COUNTS[0], populations) == demo.count_csv(
        demo.COUNTS[0], populations
    )
    assert demo.indicator_csv(populations) == demo.indicator_csv(populations)


def test_loading_twice_adds_nothing(region, officer):
    demo.load_demo(region=region, by=officer)
    again = demo.load_demo(region=region, by=officer)
    assert again.jobs == []
    assert Count.objects.filter(is_demo=True).count() == 2
    assert ImportJob.objects.count() == 3


def test_the_demo_command_loads_the_monitor_once(region, settings, tmp_path):
    settings.DEMO, settings.VAR_DIR, settings.STATIC_ROOT = True, tmp_path, tmp_path / "static"
    out = StringIO()
    call_command("demo", "--no-serve", stdout=out)
    line = next(line for line in out.getvalue().splitlines() if line.startswith("Monitor"))
    assert "ETHOS-telling 11 april 2024 (fictief)" in line
    assert "3 file(s) imported now" in line
    assert Count.objects.filter(region=region, is_demo=True).count() == 2
