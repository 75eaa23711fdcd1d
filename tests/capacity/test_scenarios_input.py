"""A scenario's engine input from the region's data: cells and their capacity from the plan with
the scenario's changes, inflow, stays, destinations, tariffs, the start, the contingent and its
split, and the groups."""

import datetime

import pytest

from onderdak.capacity.selectors.scenarios_input import (
    capacity,
    contingent_split,
    flow_input,
    paced,
    planned_places,
    region_data,
)
from onderdak.capacity.services.scenarios_parameters import scenario_parameters
from onderdak.contingent.models import SpreadTarget
from onderdak.core.errors import DomainError
from onderdak.engines import flow
from onderdak.region.models import Municipality
from tests.capacity.factories import FacilityFactory, facility_type
from tests.capacity.plans_data import facility_with_figures, leiden
from tests.capacity.scenarios_data import CHANGES, SETTINGS, SMALL, planned_region
from tests.contingent.factories import ContingentYearFactory

pytestmark = pytest.mark.usefixtures("facility_types")
TODAY = datetime.date(2026, 12, 5)


def built(region, **parameters):
    planned_region(region)
    checked = scenario_parameters({**SMALL, **parameters}, region=region)
    return flow_input(parameters=checked, data=region_data(region=region), today=TODAY)


def test_without_a_plan_there_is_nothing_to_run(region):
    with pytest.raises(DomainError) as caught:
        region_data(region=region)
    assert caught.value.code == "no_plan"


def test_cells_come_from_the_plan_with_their_capacity_per_month(region):
    result = built(region)
    keys = [cell.key for cell in result.engine.cells]
    assert keys == [
        "GM0537/nachtopvang",
        "GM0546/nachtopvang",
        "GM0546/beschermd-wonen-24-7",
    ]
    protected = result.engine.cells[2]
    assert protected.capacity[:12] == (34,) * 12  # 2026 has 40 - 3 x 2 places
    assert protected.capacity[12:] == (32,) * 12
    assert result.months[0] == datetime.date(2026, 1, 1)
    assert result.engine.months == 24
    assert (result.engine.runs, result.engine.seed) == (50, 0)


def test_inflow_stay_destinations_and_tariff_follow_the_type_settings(region):
    result = built(region, inflow_multiplier=2, stay_multiplier=0.5)
    cell = next(c for c in result.engine.cells if c.key == "GM0546/beschermd-wonen-24-7")
    population = (
        Municipality.objects.get(cbs_code="GM0546")
        .population_figures.latest("reference_date")
        .population
    )
    assert cell.inflow == pytest.approx(0.3 * population / 10_000 * 2)
    assert cell.stay == flow.Stay(flow.StayKind.EXPONENTIAL, 9.0)
    assert cell.destinations == flow.Destinations(0.6, 0.2, 0.1, 0.1)
    assert cell.when_full == flow.WhenFull.WAITING_LIST
    assert cell.tariff_per_day == 200
    shelter = next(c for c in result.engine.cells if c.key == "GM0546/nachtopvang")
    assert shelter.when_full == flow.WhenFull.UNSHELTERED


def test_a_lognormal_stay_has_its_spread(region):
    result = built(region, stay_distribution="lognormal", stay_spread=0.5)
    assert result.engine.cells[0].stay == flow.Stay(flow.StayKind.LOGNORMAL, 2.0, 1.0)


def test_a_type_without_figures_or_settings_is_left_out_and_said(region):
    result = built(region, types={"nachtopvang": SETTINGS["nachtopvang"]})
    assert [c.key for c in result.engine.cells] == ["GM0537/nachtopvang", "GM0546/nachtopvang"]
    assert any("Leiden" in note for note in result.notes)


def test_nothing_to_simulate_is_refused(region):
    with pytest.raises(DomainError) as caught:
        built(region, types={})
    assert caught.value.code == "nothing_to_simulate"


def test_cells_start_from_the_latest_figures_or_their_expected_occupancy(region):
    facility = facility_with_figures(occupied=38, waiting=4, last=datetime.date(2025, 12, 1))
    result = built(region)
    protected = next(c for c in result.engine.cells if c.key == "GM0546/beschermd-wonen-24-7")
    assert (protected.occupied, protected.waiting) == (34, 4 + 4)  # 4 above the 34 places
    shelter = next(c for c in result.engine.cells if c.key == "GM0546/nachtopvang")
    assert shelter.occupied == min(12, round(shelter.inflow * 2))
    assert facility.monthly_figures.count() == 12


def test_the_start_is_the_month_after_the_latest_figures_by_default(region):
    facility_with_figures(last=datetime.date(2025, 6, 1))
    result = built(region, start_month=None)
    assert result.months[0] == datetime.date(2025, 7, 1)


def test_tariffs_default_to_the_facilities_weighted_by_places(region):
    FacilityFactory(municipality=leiden(), places=10, tariff_per_day=100)
    FacilityFactory(municipality=leiden(), places=30, tariff_per_day=200)
    settings = {k: dict(v) for k, v in SETTINGS.items()}
    del settings["beschermd-wonen-24-7"]["tariff_per_day"]
    del settings["nachtopvang"]["tariff_per_day"]
    result = built(region, types=settings)
    tariffs = {c.key: c.tariff_per_day for c in result.engine.cells}
    assert tariffs["GM0546/beschermd-wonen-24-7"] == pytest.approx(175)
    assert tariffs["GM0546/nachtopvang"] == 0
    assert any(facility_type("nachtopvang").label in note for note in result.notes)


def test_groups_are_the_region_each_subregion_and_each_type(region):
    result = built(region)
    assert result.engine.groups["region"] == tuple(c.key for c in result.engine.cells)
    assert result.engine.groups["subregion:duin-en-bollenstreek"] == ("GM0537/nachtopvang",)
    assert result.engine.groups["type:nachtopvang"] == ("GM0537/nachtopvang", "GM0546/nachtopvang")
    assert result.labels["subregion:leidse-regio"] == "Leidse regio"
    assert result.labels["region"] == region.name


def test_the_contingent_is_the_regions_year_split_by_population(region):
    ContingentYearFactory(year=2025, total=300, outflow_target=250, prevention_target=50)
    result = built(region)
    total = sum(series[0] for series in result.engine.contingent.values())
    parameters = scenario_parameters(SMALL, region=region)
    split = contingent_split(parameters, region_data(region=region), 2026)
    assert sum(split.values()) == pytest.approx(250)  # 2026 takes 2025's outflow stream
    assert total == pytest.approx((split["GM0546"] + split["GM0537"]) / 12)
    assert split["GM0546"] > split["GM0537"]


def test_without_contingent_years_250_a_year_or_the_scenarios_number_of_which_the_outflow(region):
    planned_region(region)
    data = region_data(region=region)
    plain = scenario_parameters(SMALL, region=region)
    assert sum(contingent_split(plain, data, 2026).values()) == pytest.approx(200)
    more = scenario_parameters({**SMALL, "contingent_per_year": 350}, region=region)
    assert sum(contingent_split(more, data, 2026).values()) == pytest.approx(280)


def test_spread_targets_fix_their_municipalities_and_the_rest_goes_by_population(region):
    year = ContingentYearFactory(year=2026, total=250, outflow_target=200, prevention_target=50)
    SpreadTarget.objects.create(contingent_year=year, municipality=leiden(), target=100)
    planned_region(region)
    data = region_data(region=region)
    parameters = scenario_parameters({**SMALL, "contingent_split": "spread_targets"}, region=region)
    split = contingent_split(parameters, data, 2026)
    assert split["GM0546"] == pytest.approx(80)  # 100 of 250, scaled to the outflow's 200
    assert sum(split.values()) == pytest.approx(200)


def test_changes_add_places_split_over_a_subregion_and_change_the_pace(region):
    planned_region(region)
    parameters = scenario_parameters(
        {
            **SMALL,
            "plan_changes": CHANGES,
            "plan_places": {"GM0537/nachtopvang": {"2030": 0}},
        },
        region=region,
    )
    places = planned_places(parameters, region_data(region=region))
    added = [
        places[(m, "housing-first")] for m in ("GM0546", "GM0547", "GM0579", "GM0626", "GM0638")
    ]
    assert sum(cell[2027] for cell in added) == 30
    assert all(cell[2026] == 0 for cell in added)
    assert places[("GM0546", "housing-first")][2027] > places[("GM0638", "housing-first")][2027]
    assert places[("GM0546", "beschermd-wonen-24-7")][2024] == 36  # 40, then 4 fewer a year
    assert places[("GM0546", "beschermd-wonen-24-7")][2032] == 22  # the plan's end
    assert places[("GM0537", "nachtopvang")][2030] == 0


def test_pace_stays_within_the_paths_end_and_capacity_holds_the_plan_years():
    path = {2023: 40, 2024: 38, 2025: 30, 2026: 30}
    assert paced(path, 2) == {2023: 40, 2024: 36, 2025: 30, 2026: 30}
    assert paced(path, 0.5) == {2023: 40, 2024: 39, 2025: 35, 2026: 35}
    months = [datetime.date(2022, 12, 1), datetime.date(2024, 5, 1), datetime.date(2030, 1, 1)]
    assert capacity(path, months) == (40, 38, 30)
