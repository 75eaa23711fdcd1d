"""Scenarios: parameters checked field by field (every mistake at once), stored as what differs
from the defaults, and read back the same."""

import datetime

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onderdak.capacity.models import Scenario
from onderdak.capacity.services import scenarios as services
from onderdak.capacity.services.scenarios_parameters import (
    PlanChange,
    ScenarioParameters,
    TypeSetting,
    scenario_parameters,
)
from onderdak.core.errors import DomainError
from tests.capacity.plans_data import example_plan, planner
from tests.capacity.scenarios_data import CHANGES

pytestmark = pytest.mark.usefixtures("facility_types")

FULL = {
    "horizon_months": 60,
    "start_month": "2027-01",
    "runs": 200,
    "seed": 7,
    "contingent_per_year": 350,
    "contingent_split": "spread_targets",
    "inflow_multiplier": 1.2,
    "stay_multiplier": 0.8,
    "stay_distribution": "lognormal",
    "stay_spread": 0.5,
    "plan_changes": CHANGES,
    "plan_places": {"GM0546/housing-first": {"2027": 12}},
    "types": {
        "housing-first": {
            "inflow_per_10000": 0.5,
            "mean_stay_months": 18,
            "tariff_per_day": 95.5,
            "destinations": {"contingent": 0.5, "housing": 0.3, "institution": 0.1, "unknown": 0.1},
        }
    },
}


def errors_of(raw, region) -> dict[str, list[str]]:
    with translation.override("en"), pytest.raises(DomainError) as caught:
        scenario_parameters(raw, region=region)
    return caught.value.fields


def test_no_parameters_mean_every_default(region):
    parameters = scenario_parameters({}, region=region)
    assert parameters == ScenarioParameters()
    assert (parameters.horizon_months, parameters.runs, parameters.seed) == (120, 1000, 0)
    assert parameters.as_json() == {}


def test_every_parameter_is_read(region):
    example_plan(region)
    parameters = scenario_parameters(FULL, region=region)
    assert parameters.start_month == datetime.date(2027, 1, 1)
    assert parameters.plan_changes == (
        PlanChange("add", "housing-first", subregion="leidse-regio", places=30, from_year=2027),
        PlanChange("pace", "beschermd-wonen-24-7", municipality="GM0546", factor=2.0),
    )
    assert parameters.plan_places == {"GM0546/housing-first": {2027: 12}}
    assert parameters.types["housing-first"] == TypeSetting(
        0.5,
        18.0,
        95.5,
        {"contingent": 0.5, "housing": 0.3, "institution": 0.1, "unknown": 0.1},
    )


def test_stored_parameters_read_back_the_same(region):
    example_plan(region)
    parameters = scenario_parameters(FULL, region=region)
    assert scenario_parameters(parameters.as_json(), region=region) == parameters
    assert parameters.as_json()["plan_changes"][1] == {
        "action": "pace",
        "facility_type": "beschermd-wonen-24-7",
        "municipality": "GM0546",
        "factor": 2.0,
    }


@pytest.mark.parametrize(
    ("raw", "field", "message"),
    [
        ({"horizon_months": 0}, "horizon_months", "from 1 to 600"),
        ({"horizon_months": 601}, "horizon_months", "from 1 to 600"),
        ({"horizon_months": 12.5}, "horizon_months", "whole number"),
        ({"runs": "veel"}, "runs", "Give a number."),
        ({"runs": 10_001}, "runs", "from 1 to 10000"),
        ({"seed": -1}, "seed", "from 0"),
        ({"contingent_per_year": -5}, "contingent_per_year", "from 0"),
        ({"inflow_multiplier": 0}, "inflow_multiplier", "above 0"),
        ({"stay_multiplier": float("nan")}, "stay_multiplier", "Give a number."),
        ({"start_month": "2026-13"}, "start_month", "YYYY-MM"),
        ({"contingent_split": "lot"}, "contingent_split", "population, spread_targets"),
        ({"stay_distribution": "gamma"}, "stay_distribution", "exponential, lognormal"),
        ({"wachttijd": 3}, "wachttijd", "Unknown parameter."),
        ({"plan_changes": {}}, "plan_changes", "as a list"),
        (
            {"plan_changes": [{"action": "add", "facility_type": "x", "municipality": "GM0546"}]},
            "plan_changes.0.facility_type",
            "known facility type",
        ),
        (
            {"plan_changes": [{"action": "add", "facility_type": "housing-first", "places": 3}]},
            "plan_changes.0.municipality",
            "municipality or a subregion",
        ),
        (
            {
                "plan_changes": [
                    {
                        "action": "add",
                        "facility_type": "housing-first",
                        "municipality": "GM9999",
                        "places": 3,
                    }
                ]
            },
            "plan_changes.0.municipality",
            "not part of the region",
        ),
        (
            {
                "plan_changes": [
                    {
                        "action": "add",
                        "facility_type": "housing-first",
                        "subregion": "leidse-regio",
                        "places": 3,
                        "from_year": 2040,
                    }
                ]
            },
            "plan_changes.0.from_year",
            "The plan runs from 2023 to 2032.",
        ),
        (
            {
                "plan_changes": [
                    {"action": "pace", "facility_type": "nachtopvang", "municipality": "GM0546"}
                ]
            },
            "plan_changes.0.factor",
            "twice as fast",
        ),
        (
            {"plan_places": {"GM0546/onbekend": {"2027": 3}}},
            "plan_places.GM0546/onbekend",
            "GM0546/housing-first",
        ),
        (
            {"plan_places": {"GM0546/housing-first": {"2050": 3}}},
            "plan_places.GM0546/housing-first",
            "not a year of the plan",
        ),
        (
            {"plan_places": {"GM0546/housing-first": {"2027": -3}}},
            "plan_places.GM0546/housing-first",
            "from 0",
        ),
        ({"types": {"onbekend": {}}}, "types.onbekend", "Unknown facility type."),
        (
            {"types": {"nachtopvang": {"mean_stay_months": 0}}},
            "types.nachtopvang.mean_stay_months",
            "above 0",
        ),
        (
            {
                "types": {
                    "nachtopvang": {
                        "destinations": {
                            "contingent": 0.5,
                            "housing": 0.5,
                            "institution": 0.5,
                            "unknown": 0,
                        }
                    }
                }
            },
            "types.nachtopvang.destinations",
            "add up to 1.5, not to 1",
        ),
        (
            {"types": {"nachtopvang": {"destinations": {"contingent": 1}}}},
            "types.nachtopvang.destinations",
            "contingent, housing, institution, unknown",
        ),
    ],
)
def test_bad_parameters_are_refused_with_a_clear_message(region, raw, field, message):
    example_plan(region)
    fields = errors_of(raw, region)
    assert any(message in text for text in fields[field]), fields


def test_every_mistake_is_reported_at_once(region):
    fields = errors_of({"runs": 0, "seed": -1, "types": {"onbekend": {}}}, region)
    assert set(fields) == {"runs", "seed", "types.onbekend"}


def test_a_change_from_a_year_needs_a_plan(region):
    raw = {
        "plan_changes": [
            {
                "action": "add",
                "facility_type": "housing-first",
                "municipality": "GM0546",
                "places": 3,
                "from_year": 2027,
            }
        ]
    }
    assert "no plan" in errors_of(raw, region)["plan_changes.0.from_year"][0]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    raw=st.dictionaries(
        st.sampled_from(
            [
                "horizon_months",
                "runs",
                "seed",
                "inflow_multiplier",
                "start_month",
                "plan_changes",
                "types",
            ]
        ),
        st.none()
        | st.integers(-5, 700)
        | st.floats(allow_nan=True)
        | st.text(max_size=8)
        | st.lists(st.integers(), max_size=2),
    )
)
def test_any_input_is_read_or_refused_never_a_crash(region, raw):
    try:
        parameters = scenario_parameters(raw, region=region)
    except DomainError as error:
        fields = error.fields
        parameters = None
    else:
        fields = {}
    assert bool(fields) != bool(parameters)
    if parameters is not None:
        assert scenario_parameters(parameters.as_json(), region=region) == parameters


def test_a_scenario_stores_only_what_differs_from_the_defaults(region):
    scenario = services.scenario_create(
        region=region,
        name="Contingent 350",
        parameters={"contingent_per_year": 350, "runs": 1000},
        by=planner(),
    )
    assert scenario.parameters == {"contingent_per_year": 350}


def test_a_scenario_with_bad_parameters_is_not_saved(region):
    with pytest.raises(DomainError):
        services.scenario_create(region=region, name="Fout", parameters={"runs": 0})
    assert not Scenario.objects.exists()


def test_names_are_unique_in_the_region(region):
    services.scenario_create(region=region, name="Basis")
    with pytest.raises(DomainError) as caught:
        services.scenario_create(region=region, name="Basis")
    assert caught.value.fields


def test_update_changes_what_is_given_and_delete_removes(region):
    scenario = services.scenario_create(region=region, name="Basis", parameters={"seed": 3})
    services.scenario_update(scenario=scenario, description="Nieuw")
    assert scenario.parameters == {"seed": 3}
    services.scenario_update(scenario=scenario, parameters={"runs": 50})
    scenario.refresh_from_db()
    assert (scenario.description, scenario.parameters) == ("Nieuw", {"runs": 50})
    services.scenario_delete(scenario=scenario)
    assert not Scenario.objects.exists()
