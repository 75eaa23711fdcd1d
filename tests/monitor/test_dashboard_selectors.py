"""The dashboard's figures: from the current version's aggregates only, with the population on
the count's date, the change since the previous count, the tables per area, the map per
indicator and year, and the contingent's figures exactly as its report publishes them."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from onderdak.contingent.selectors import reports
from onderdak.monitor.models import CountRow, IndicatorValue
from onderdak.monitor.selectors.dashboard import (
    CATEGORIES,
    TREND_PEOPLE,
    TREND_RATE,
    TREND_YEARS,
    DashboardQuery,
    dashboard,
    home_figure,
)
from onderdak.monitor.selectors.dashboard_cube import REGION_KEY
from onderdak.monitor.selectors.indicators_catalogue import PLACEMENTS, WAITING
from onderdak.region.models import Municipality, PopulationFigure
from tests.contingent.factories import ContingentYearFactory, PlacementFactory, municipality
from tests.monitor.dashboard_data import (
    EARLIER,
    LATER,
    count_with,
    imported_indicator,
    seeded_rows,
    two_counts,
)
from tests.monitor.factories import version_with

pytestmark = pytest.mark.usefixtures("reference_values")
TENTH = Decimal("0.1")


def coordinator_view(region, **query):
    return dashboard(region=region, suppressed=False, query=DashboardQuery(**query))


def rate(people: int, population: int) -> Decimal:
    return (Decimal(people) * 10_000 / population).quantize(TENTH, ROUND_HALF_UP)


def _latest_sum(region) -> int:
    total = 0
    for municipality_ in region.municipalities.all():
        figure = municipality_.population_figures.filter(reference_date__lte=LATER).first()
        total += figure.population
    return total


def test_key_figures_are_the_latest_count_its_rate_and_its_change(region):
    earlier, later = two_counts()
    people = {c: c.current_version.people_total for c in (earlier, later)}
    result = coordinator_view(region)
    figures = {item.indicator.code: item.figure.value for item in result.key_figures}
    assert result.count.pk == later.pk
    assert result.previous.pk == earlier.pk
    assert figures["ethos-people"] == people[later]
    assert figures["ethos-per-10000"] == rate(people[later], _latest_sum(region))
    assert figures["ethos-change"] == people[later] - people[earlier]
    change = Decimal(people[later] - people[earlier]) * 100 / people[earlier]
    assert figures["ethos-change-percent"] == change.quantize(TENTH, ROUND_HALF_UP)


def test_a_rate_uses_the_population_on_or_before_the_count_date_else_the_nearest(region):
    leiden = Municipality.objects.get(cbs_code="GM0546")
    for day, population in (
        (datetime.date(2021, 1, 1), 120_000),
        (datetime.date(2025, 1, 1), 140_000),
    ):
        PopulationFigure.objects.create(
            municipality=leiden,
            reference_date=day,
            population=population,
            source_url="https://cbs.nl",
        )
    earlier = count_with([("GM0546", "1", "18-26", "man", "gemeente", 36)], count_date=EARLIER)
    bundled = leiden.population_figures.get(reference_date=datetime.date(2024, 1, 1)).population

    def leiden_rate(count_date: datetime.date) -> Decimal:
        result = coordinator_view(region, indicator="ethos-per-10000", year=count_date.year)
        return next(r.figure.value for r in result.map.rows if r.municipality.code == "GM0546")

    assert leiden_rate(EARLIER) == rate(36, 120_000)  # 2021, before the count of 2022
    count_with([("GM0546", "1", "18-26", "man", "gemeente", 36)], count_date=LATER)
    assert leiden_rate(LATER) == rate(36, bundled)  # 1 January 2024, not 2025
    PopulationFigure.objects.filter(municipality=leiden, reference_date__lt=EARLIER).delete()
    assert earlier.count_date < datetime.date(2024, 1, 1)
    assert leiden_rate(EARLIER) == rate(36, bundled)  # nothing before: the nearest after


def test_figures_come_from_the_aggregates_of_the_current_version_only(region):
    count = count_with(seeded_rows(8))
    newer = version_with(count, [("GM0546", "2", "27-65", "vrouw", "zorg", 9)])
    CountRow.objects.all().delete()  # the dashboard must not need them
    with CaptureQueriesContext(connection) as queries:
        result = coordinator_view(region)
    assert not any("monitor_countrow" in q["sql"] for q in queries.captured_queries)
    assert result.count.version == newer.pk
    assert result.key_figures[0].figure.value == 9


def test_the_category_table_puts_the_subregions_side_by_side_and_a_subregion_alone(region):
    count_with(seeded_rows(9))
    whole = coordinator_view(region).table(CATEGORIES)
    assert whole.columns[:3] == ("Leidse regio", "Duin- en Bollenstreek", "Rijnstreek")
    assert whole.series == (0, 1, 2)
    totals = whole.rows[-1]
    assert totals.is_total
    assert totals.cells[3].value == sum(c.value for c in totals.cells[:3])
    assert totals.cells[4].value == 100
    part = coordinator_view(region, subregion="rijnstreek").table(CATEGORIES)
    assert part.columns == (
        "Alphen aan den Rijn",
        "Kaag en Braassem",
        "Nieuwkoop",
        "Rijnstreek",
        part.columns[-1],
    )
    assert part.series == (3,)
    for row in part.rows:
        assert row.cells[3].value == sum(c.value for c in row.cells[:3])


def test_trends_have_a_line_per_area_and_a_point_per_count(region):
    earlier, later = two_counts()
    result = coordinator_view(region)
    people = result.table(TREND_PEOPLE)
    assert people.columns == tuple(d.strftime("%-d-%-m-%Y") for d in (EARLIER, LATER))
    assert [row.code for row in people.rows] == [
        "s:leidse-regio",
        "s:duin-en-bollenstreek",
        "s:rijnstreek",
        REGION_KEY,
    ]
    assert [c.value for c in people.rows[-1].cells] == [
        earlier.current_version.people_total,
        later.current_version.people_total,
    ]
    assert result.table(TREND_RATE).rows[-1].cells[-1].value == result.key_figures[1].figure.value
    assert result.table(TREND_YEARS) is None  # a count indicator on the map: no yearly trend


def test_unknown_choices_fall_back_and_say_why(region):
    count_with(seeded_rows(10))
    result = coordinator_view(region, count=999, subregion="nergens", indicator="geen", year=1990)
    assert set(result.errors) == {"count", "subregion", "indicator", "year"}
    assert result.count is not None
    assert result.area.key == REGION_KEY
    assert result.indicator.code == "ethos-per-10000"
    assert result.year == LATER.year


def test_the_map_of_an_imported_indicator_shows_the_year_or_its_latest_period(region):
    indicator = imported_indicator(region, counts_people=False, years=(2023,))
    leiden = Municipality.objects.get(cbs_code="GM0546")
    for period, value in (("2024-Q1", 1), ("2024-Q2", 2)):
        IndicatorValue.objects.create(
            indicator=indicator,
            municipality=leiden,
            period=period,
            year=2024,
            value=value,
            source="s",
        )
    result = coordinator_view(region, indicator=indicator.code, year=2024)
    assert result.years == [2023, 2024]
    assert result.map.period.key == "2024-Q2"
    shown = {r.municipality.code: r.figure.value for r in result.map.rows}
    assert shown["GM0546"] == 2
    assert shown["GM0547"] is None  # no value in 2024
    trend = result.table(TREND_YEARS)
    assert trend.columns == ("2023", "2024-Q1", "2024-Q2")
    assert len(trend.rows) == 13  # an imported rate has no totals: a line per municipality


def test_contingent_figures_are_the_reports_own_with_its_suppression(region):
    year = ContingentYearFactory(year=2025)
    for cbs, placed in (("GM0546", 6), ("GM0534", 2), ("GM0484", 5)):
        for _ in range(placed):
            PlacementFactory(
                proposal__nomination__contingent_year=year,
                proposal__dwelling__municipality=municipality(cbs),
            )
    report = reports.year_report(contingent_year=year, suppressed=True)
    policy = dashboard(
        region=region, suppressed=True, query=DashboardQuery(indicator=PLACEMENTS, year=2025)
    )
    for row in policy.map.rows:
        cell = report.municipality_cells[row.municipality.code]
        assert row.figure.hidden == cell.hidden
        if not cell.hidden:
            population = _population(row.municipality.pk, 2025)
            assert row.figure.value == rate(cell.value, population)
    waiting = dashboard(
        region=region, suppressed=True, query=DashboardQuery(indicator=WAITING, year=2025)
    )
    leiden = next(r for r in waiting.map.rows if r.municipality.code == "GM0546")
    medians = {row.label: row.cells[1] for row in report.table("waiting").rows}
    assert leiden.figure.hidden == medians["Leidse regio"].hidden
    assert leiden.figure.shown == medians["Leidse regio"].shown
    assert waiting.table(TREND_YEARS).columns == ("2025",)


def _population(municipality_pk: int, year: int) -> int:
    figures = PopulationFigure.objects.filter(municipality_id=municipality_pk)
    at = figures.filter(reference_date__lte=datetime.date(year, 1, 1)).order_by("-reference_date")
    return (at.first() or figures.order_by("reference_date").first()).population


def test_without_counts_there_are_no_count_figures_but_imported_ones_still_show(region):
    imported_indicator(region)
    result = dashboard(region=region, suppressed=True, query=DashboardQuery())
    assert result.count is None
    assert result.tables[0].key == TREND_YEARS
    assert result.indicator.code == "ontruimingen"
    assert result.map.period.key == "2024"


def test_the_home_figure_is_the_latest_count_suppressed_as_on_the_dashboard(region):
    assert home_figure(region=region, suppressed=True) is None
    _earlier, later = two_counts()
    found = home_figure(region=region, suppressed=True)
    assert found.count.pk == later.pk
    board = dashboard(region=region, suppressed=True, query=DashboardQuery())
    assert found.people == board.key_figures[0].figure
