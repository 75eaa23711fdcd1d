"""The plan's reads: the grid, measured demand and yearly outflow from the monthly figures, and
both checks on constructed data."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from onderdak.capacity.selectors.plans import plan_grid
from onderdak.capacity.selectors.plans_checks import CheckKind, plan_checks
from onderdak.capacity.selectors.plans_demand import measured
from onderdak.region.models import Municipality, Organisation, OrganisationKind, Region
from tests.capacity.factories import FacilityFactory, MonthlyFigureFactory, facility_type
from tests.capacity.plans_data import (
    example_plan,
    facility_with_figures,
    leiden,
    plan_places,
)

pytestmark = pytest.mark.usefixtures("facility_types")
JUNE = datetime.date(2025, 6, 1)


def test_the_grid_holds_every_line_and_sums_areas(region):
    plan = example_plan(region)
    katwijk = Municipality.objects.get(cbs_code="GM0537")
    plan_places(plan, {2023: 10, 2032: 4})
    plan_places(plan, {2023: 1, 2032: 6}, municipality=katwijk)
    grid = plan_grid(plan=plan)
    kind = facility_type()
    assert grid.cell(leiden(), kind)[:2] == [10, None]
    assert grid.total(grid.municipalities, kind)[0] == 11
    assert grid.total(grid.municipalities, kind)[-1] == 10
    assert [t.code for t in grid.used_types([katwijk])] == ["beschermd-wonen-24-7"]
    assert {m.cbs_code for m in grid.in_subregion(leiden().subregion)} >= {"GM0546"}


def test_measured_demand_averages_occupied_and_waiting_over_the_latest_twelve_months(region):
    facility_with_figures(occupied=18, waiting=3, outflow=2)
    facility_with_figures(occupied=10, waiting=0, outflow=1)
    old = facility_with_figures(last=datetime.date(2023, 1, 1), occupied=99)  # outside the window
    demand = measured(region=region)
    assert (demand.first_month, demand.last_month) == (datetime.date(2024, 7, 1), JUNE)
    assert demand.demand[("GM0546", "beschermd-wonen-24-7")] == Decimal("31.0")
    assert demand.yearly_outflow["beschermd-wonen-24-7"] == Decimal("36.0")
    assert old.monthly_figures.count() == 12


def test_a_shorter_window_is_scaled_to_a_year(region):
    facility_with_figures(months=6, outflow=2)
    assert measured(region=region).yearly_outflow["beschermd-wonen-24-7"] == Decimal("24.0")


def test_without_figures_nothing_is_measured_or_checked(region):
    plan = example_plan(region)
    plan_places(plan, {2023: 10})
    checks = plan_checks(grid=plan_grid(plan=plan))
    assert not checks.demand.has_figures
    assert checks.checks == ()
    assert [t.code for t in checks.unchecked_types] == ["beschermd-wonen-24-7"]


def test_a_plan_below_its_own_measured_demand_is_flagged_once_with_its_lowest_year(region):
    plan = example_plan(region)
    facility_with_figures(occupied=18, waiting=3)  # demand 21
    path = [30, 30, 25, 20, 22, 22, 22, 15, 21, 21]
    plan_places(plan, dict(zip(range(2023, 2033), path, strict=True)))
    checks = plan_checks(grid=plan_grid(plan=plan))
    [check] = checks.checks
    assert check.kind == CheckKind.BELOW_DEMAND
    assert (check.year, check.places, check.other_places, check.other_year) == (
        2026,
        20,
        15,
        2030,
    )
    with translation.override("en"):
        [(_check, message)] = checks.for_municipality(leiden())
    assert "From 2026 the plan has 20 places" in message
    assert "21.0" in message
    assert "07/2024 to 06/2025" in message


def test_years_before_the_latest_figures_are_not_checked(region):
    plan = example_plan(region)
    facility_with_figures(occupied=18, waiting=3)
    plan_places(plan, dict.fromkeys(range(2023, 2033), 21) | {2023: 5, 2024: 5})
    assert plan_checks(grid=plan_grid(plan=plan)).checks == ()


def test_a_regional_total_that_shrinks_faster_than_outflow_is_flagged(region):
    plan = example_plan(region)
    katwijk = Municipality.objects.get(cbs_code="GM0537")
    facility_with_figures(occupied=5, waiting=0, outflow=1)  # 12 leave a year
    places = dict.fromkeys(range(2023, 2033), 10)
    plan_places(plan, places | {2027: 0, 2028: 0, 2029: 0, 2030: 0, 2031: 0, 2032: 0})
    plan_places(plan, places | {2030: 4, 2031: 4, 2032: 4}, municipality=katwijk)
    checks = plan_checks(grid=plan_grid(plan=plan))
    faster = [c for c in checks.checks if c.kind == CheckKind.FASTER_THAN_OUTFLOW]
    assert [(c.year, c.other_places, c.places) for c in faster] == []  # 10 and 6: within 12
    plan_places(plan, places | {2030: 0, 2031: 0, 2032: 0}, municipality=katwijk)
    plan_places(plan, places | {2027: 0}, municipality=Municipality.objects.get(cbs_code="GM0547"))
    checks = plan_checks(grid=plan_grid(plan=plan))
    faster = [c for c in checks.checks if c.kind == CheckKind.FASTER_THAN_OUTFLOW]
    assert [(c.year, c.other_places, c.places, c.measured) for c in faster] == [
        (2027, 30, 10, Decimal("12.0"))
    ]
    with translation.override("en"):
        message = faster[0].message(checks.demand)
    assert "In 2027 the region closes 20 places (from 30 to 10)" in message


def test_a_type_without_figures_is_listed_as_unchecked(region):
    plan = example_plan(region)
    facility_with_figures()
    plan_places(plan, {2023: 4}, facility_type_code="housing-first")
    plan_places(plan, {2023: 40})
    checks = plan_checks(grid=plan_grid(plan=plan))
    assert [t.code for t in checks.unchecked_types] == ["housing-first"]


def test_figures_of_another_region_do_not_count(region):
    facility_with_figures()
    other = Region.objects.create(name="Andere regio", slug="andere-regio")
    subregion = other.subregions.create(name="Ergens", slug="ergens")
    elders = Municipality.objects.create(
        region=other, subregion=subregion, cbs_code="GM9999", name="Elders"
    )
    provider = Organisation.objects.create(
        region=other, name="Elders zorg", kind=OrganisationKind.CARE_PROVIDER
    )
    facility = FacilityFactory(region=other, municipality=elders, provider=provider)
    MonthlyFigureFactory(facility=facility, month=datetime.date(2030, 1, 1), occupied=500)
    demand = measured(region=region)
    assert demand.last_month == JUNE
    assert list(demand.demand.values()) == [Decimal("21.0")]
