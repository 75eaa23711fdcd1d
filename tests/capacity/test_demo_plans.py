"""The plan's demo: a fictitious plan from the demo facilities that builds up small-scale places
and phases down central ones, the issue's scenarios marked as demo, loaded once, quickly, and
runnable."""

import time

import pytest

from onderdak.accounts.models import Role
from onderdak.capacity import demo as facilities_demo
from onderdak.capacity import demo_plans
from onderdak.capacity.models import PlanLine, RunStatus, Scenario
from onderdak.capacity.services.runs import simulation_run_start

pytestmark = pytest.mark.usefixtures("facility_types")


@pytest.fixture
def officer(make_member):
    return make_member(Role.POLICY_OFFICER)


@pytest.fixture
def demo(region, officer):
    facilities_demo.load_demo(region=region, by=officer)
    began = time.perf_counter()
    result = demo_plans.load_demo(region=region, by=officer)
    return result, time.perf_counter() - began


def places(plan, code: str, year: int) -> int:
    lines = PlanLine.objects.filter(plan=plan, facility_type__code=code, year=year)
    return sum(line.places for line in lines)


def test_the_plan_builds_up_small_scale_places_and_phases_down_central_ones(demo):
    result, seconds = demo
    plan = result.plan
    assert (plan.first_year, plan.last_year) == (2023, 2032)
    assert "Fictief" in plan.notes
    assert result.created
    assert places(plan, "housing-first", 2032) > places(plan, "housing-first", 2023) > 0
    assert places(plan, "beschermd-wonen-24-7", 2032) < places(plan, "beschermd-wonen-24-7", 2023)
    municipalities = PlanLine.objects.filter(plan=plan, facility_type__code="housing-first")
    assert municipalities.values("municipality").distinct().count() == 13
    assert seconds < 10


def test_the_issues_scenarios_are_demo_scenarios(demo):
    result, _seconds = demo
    names = [s.name for s in result.scenarios]
    assert len(names) == 4
    assert all(name.endswith("(demo, fictief)") for name in names)
    assert all(s.is_demo for s in result.scenarios)
    parameters = {s.name: s.parameters for s in result.scenarios}
    assert parameters["Contingent 350 per jaar (demo, fictief)"] == {"contingent_per_year": 350}
    faster = parameters["Snellere afbouw in Leiden (demo, fictief)"]  # the largest town
    assert faster["plan_changes"][0] == {
        "action": "pace",
        "facility_type": "beschermd-wonen-24-7",
        "municipality": "GM0546",
        "factor": 2.0,
    }
    added = parameters["30 plaatsen Housing First extra in Leidse regio (demo, fictief)"]
    assert added["plan_changes"][0]["places"] == 30


def test_loading_twice_adds_nothing(demo, region, officer):
    result, _seconds = demo
    again = demo_plans.load_demo(region=region, by=officer)
    assert not again.created
    assert again.lines == result.lines
    assert Scenario.objects.count() == 4


def test_a_demo_scenario_runs_on_the_demo_figures(demo, officer):
    result, _seconds = demo
    scenario = result.scenarios[0]
    scenario.parameters = {**scenario.parameters, "runs": 50, "horizon_months": 24}
    scenario.save()
    run = simulation_run_start(scenario=scenario, by=officer)
    assert run.status == RunStatus.DONE
    assert run.input["notes"] == []
    assert len(run.input["engine"]["cells"]) > 13
