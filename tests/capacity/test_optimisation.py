"""The plan optimisation: the problem built from the plan, tariffs and demand; runs inline and in
the background; the proposal beside the entered plan in charts, tables and words; a scenario made
from it; bad settings refused."""

import datetime
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.capacity.models import OptimisationRun, RunStatus, Scenario
from onderdak.capacity.services import optimisation as services
from onderdak.capacity.services.optimisation import OptimisationSettings, TypeLimits
from onderdak.capacity.services.runs import guarded
from onderdak.core.errors import DomainError
from onderdak.region.models import Municipality
from tests.capacity.factories import FacilityFactory
from tests.capacity.plans_data import (
    example_plan,
    facility_with_figures,
    leiden,
    plan_places,
    planner,
)

pytestmark = pytest.mark.usefixtures("facility_types")
YEARS = range(2024, 2033)
#: The places-weighted tariff of Leiden's two facilities (20 at 150 and 30 at 100 euro), a year.
COST = (20 * 150 + 30 * 100) / 50 * 365


@pytest.fixture
def plan(region):
    """Leiden's 24/7 protected housing: 30 places, phased down to 10. Its figures (22 occupied,
    3 waiting, 2 coming and 2 leaving a month) calibrate to an inflow of 2 a month and a stay of
    11 months: a demand of 22 (λW); measured, occupied plus waiting list, it is 25."""
    plan = example_plan(region)
    plan_places(
        plan, {2023: 30, 2024: 25, 2025: 20, 2026: 15} | dict.fromkeys(range(2027, 2033), 10)
    )
    facility_with_figures(occupied=22, waiting=3, last=datetime.date(2025, 6, 1))
    FacilityFactory(municipality=leiden(), places=30, tariff_per_day=Decimal("100.00"))
    return plan


def settings(**changes) -> OptimisationSettings:
    return OptimisationSettings(**{"budget": {}, **changes})


def test_the_problem_is_built_from_the_plan_tariffs_and_calibrated_demand(plan):
    problem = services.build_problem(plan=plan, settings=settings(demand_growth=0.1)).problem
    assert problem.years == tuple(YEARS)
    [cell] = problem.cells
    assert cell.key == "GM0546/beschermd-wonen-24-7"
    assert (cell.start, cell.entered[:3]) == (30, (25, 20, 15))
    assert cell.cost_per_place[0] == pytest.approx(COST)
    assert cell.demand[0] == pytest.approx(22 * 1.1)
    assert cell.demand[1] == pytest.approx(22 * 1.1**2)
    assert cell.label == "Leiden, Beschermd wonen met 24/7 toezicht"
    assert problem.budget == (float("inf"),) * 9


def test_a_type_cost_and_limits_entered_replace_the_defaults(plan):
    limits = {"beschermd-wonen-24-7": TypeLimits(Decimal("50000"), 2, 3)}
    problem = services.build_problem(plan=plan, settings=settings(types=limits)).problem
    [cell] = problem.cells
    assert (cell.cost_per_place[0], cell.max_increase, cell.max_decrease) == (50000, 2, 3)


def test_where_the_calibration_cannot_tell_the_measured_demand_is_taken(plan):
    katwijk = Municipality.objects.get(cbs_code="GM0537")
    plan_places(plan, {2023: 8}, municipality=katwijk)
    facility_with_figures(katwijk, months=3, occupied=9, waiting=1)  # too few months
    cells = services.build_problem(plan=plan, settings=settings()).problem.cells
    assert cells[0].key == "GM0537/beschermd-wonen-24-7"
    assert cells[0].demand[0] == pytest.approx(10)


def test_a_cell_without_demand_or_cost_is_left_out_and_said(plan):
    plan_places(
        plan,
        {2023: 4},
        municipality=Municipality.objects.get(cbs_code="GM0537"),
        facility_type_code="nachtopvang",
    )
    built = services.build_problem(plan=plan, settings=settings())
    assert [c.key for c in built.problem.cells] == ["GM0546/beschermd-wonen-24-7"]
    assert any("Katwijk" in note for note in built.notes)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"demand_growth": 2.0}, "demand_growth"),
        ({"unsheltered_weight": 0.5}, "unsheltered_weight"),
        ({"budget": {2025: Decimal("-1")}}, "budget.2025"),
        ({"types": {"nachtopvang": TypeLimits(max_increase=-1)}}, "types.nachtopvang.max_increase"),
    ],
)
def test_bad_settings_are_refused_per_field(plan, changes, field):
    with pytest.raises(DomainError) as caught:
        services.optimisation_run_start(plan=plan, settings=settings(**changes), by=planner())
    assert field in caught.value.fields
    assert not OptimisationRun.objects.exists()


def test_a_run_proposes_to_keep_places_for_the_demand_within_the_budget(plan):
    budget = dict.fromkeys(YEARS, Decimal(25 * COST))
    run = services.optimisation_run_start(plan=plan, settings=settings(budget=budget), by=planner())
    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    proposed = run.result["places"]["GM0546/beschermd-wonen-24-7"]
    assert proposed == [22] * 9
    assert sum(run.result["shortage"]["GM0546/beschermd-wonen-24-7"]) == 0
    assert sum(run.result["entered_shortage"]["GM0546/beschermd-wonen-24-7"]) > 0
    assert run.input["problem"]["budget"][0] == 25 * COST


def test_a_tight_budget_binds_and_is_said_in_words(plan, make_member, login):
    budget = dict.fromkeys(YEARS, Decimal(20 * COST))
    run = services.optimisation_run_start(plan=plan, settings=settings(budget=budget), by=planner())
    assert run.result["places"]["GM0546/beschermd-wonen-24-7"] == [20] * 9
    client = login(make_member(Role.GOVERNANCE_READER))
    response = client.get(reverse("capacity:optimisation_detail", args=[run.pk]))
    outcome = response.context["outcome"]
    assert any("2024" in text for text in outcome.binding)
    assert response.context["cell_rows"][0][1][0] == "25 → 20"
    assert response.context["places_chart"].table.rows[1][1][0] == "20"  # the proposal, 2024


def test_a_budget_too_small_for_the_limits_says_how_much_is_missing(plan):
    limits = {"beschermd-wonen-24-7": TypeLimits(max_decrease=1)}
    budget = dict.fromkeys(YEARS, Decimal(1000))
    run = services.optimisation_run_start(
        plan=plan, settings=settings(budget=budget, types=limits), by=planner()
    )
    assert run.result["status"] == "infeasible"
    assert run.result["findings"][0]["kind"] == "budget"


def test_a_large_problem_is_solved_in_the_background(
    in_the_test_thread, plan, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services, "INLINE_SIZE", 1)
    started = []
    monkeypatch.setattr(services, "start_in_background", lambda *args: started.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        run = services.optimisation_run_start(plan=plan, settings=settings(), by=planner())
    assert run.status == RunStatus.QUEUED
    guarded(*started[0])
    run.refresh_from_db()
    assert run.status == RunStatus.DONE


def test_the_proposal_becomes_a_scenario_once(plan):
    budget = dict.fromkeys(YEARS, Decimal(20 * COST))
    run = services.optimisation_run_start(plan=plan, settings=settings(budget=budget), by=planner())
    scenario = services.optimisation_scenario_create(run=run, by=planner())
    assert scenario.parameters["plan_places"]["GM0546/beschermd-wonen-24-7"]["2024"] == 20
    assert services.optimisation_scenario_create(run=run, by=planner()) == scenario
    assert Scenario.objects.count() == 1


def test_the_pages_start_show_download_and_simulate(plan, make_member, login):
    client = login(make_member(Role.POLICY_OFFICER))
    form = client.get(reverse("capacity:optimisation_start")).context["form"]
    assert form.initial["budget_2024"] == "1.095.000,00"  # 25 places entered for 2024
    response = client.post(
        reverse("capacity:optimisation_start"),
        {
            "budget_2024": "730.000",
            "demand_growth": "0",
            "unsheltered_weight": "1",
            "integer": "on",
        },
    )
    run = OptimisationRun.objects.get()
    assert response.url == reverse("capacity:optimisation_detail", args=[run.pk])
    page = client.get(response.url)
    assert page.context["area"] == "GM0546"
    download = client.get(reverse("capacity:optimisation_export", args=[run.pk]))
    places, cost, _limits = load_workbook(io.BytesIO(download.content)).worksheets
    assert places.cell(5, 1).value == "Leiden, Beschermd wonen met 24/7 toezicht"
    assert cost.cell(5, 1).value == 2024
    simulate = client.post(reverse("capacity:optimisation_simulate", args=[run.pk]))
    assert simulate.url == reverse("capacity:scenario_detail", args=[Scenario.objects.get().pk])


def test_a_bad_budget_is_shown_on_its_input(plan, make_member, login):
    client = login(make_member(Role.POLICY_OFFICER))
    response = client.post(reverse("capacity:optimisation_start"), {"budget_2025": "-5"})
    assert response.status_code == 200
    assert response.context["form"].errors["budget_2025"]


def test_the_api_runs_the_optimisation_and_reads_its_proposal(plan, make_member, api_login):
    client = api_login(make_member(Role.POLICY_OFFICER))
    body = {
        "budget": {str(year): 20 * COST for year in YEARS},
        "types": {"beschermd-wonen-24-7": {"max_decrease": 10}},
        "demand_growth": 0,
    }
    response = client.post(reverse("optimisation-run-list"), body, format="json")
    assert response.status_code == 201
    detail = client.get(reverse("optimisation-run-detail", args=[response.json()["id"]])).json()
    assert detail["years"][0] == 2024
    assert detail["entered"]["GM0546/beschermd-wonen-24-7"][0] == 25
    assert detail["result"]["places"]["GM0546/beschermd-wonen-24-7"][0] == 20
    assert detail["binding"]
    bad = client.post(reverse("optimisation-run-list"), {"demand_growth": 5}, format="json")
    assert bad.status_code == 400
    assert "demand_growth" in bad.json()["fields"]
    reader = api_login(make_member(Role.GOVERNANCE_READER))
    assert reader.post(reverse("optimisation-run-list"), {}, format="json").status_code == 403


def test_the_region_closes_no_more_of_a_type_a_year_than_people_leave_it(plan):
    with translation.override("en"):
        problem = services.build_problem(plan=plan, settings=settings()).problem
    [limit] = problem.total_limits
    assert limit.cells == ("GM0546/beschermd-wonen-24-7",)
    assert limit.max_decrease == 24  # 2 leave a month
    assert limit.name == "Protected housing with 24/7 supervision in the region"
    free = services.build_problem(plan=plan, settings=settings(within_outflow=False)).problem
    assert free.total_limits == ()


def test_a_stored_problem_reads_back_the_same(plan):
    limits = {"beschermd-wonen-24-7": TypeLimits(max_increase=3)}
    budget = {2025: Decimal("500000")}
    built = services.build_problem(plan=plan, settings=settings(budget=budget, types=limits))
    stored = json.loads(json.dumps(services.input_json(built, settings())))
    assert services.problem_from_json(stored) == built.problem
