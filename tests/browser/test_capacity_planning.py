"""The op- en afbouw plan, scenarios and the plan optimisation in real Chromium, as a policy
officer: make the plan, fill its baseline from the register, edit a plan line (a refused one
first), make and run two scenarios and compare them, and run the optimisation and simulate its
proposal. axe-core checks every page and state on the way; links are followed by their address,
so the test holds in either language."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from onderdak.accounts.models import Role
from onderdak.capacity import demo as facilities_demo
from onderdak.capacity.models import (
    CapacityPlan,
    OptimisationRun,
    PlanLine,
    RunStatus,
    Scenario,
    SimulationRun,
)
from onderdak.capacity.services.reference import facility_types_load
from tests.browser.accessibility import assert_accessible
from tests.browser.test_contingent import as_role, checked, follow, press, visit
from tests.factories import member

LEIDEN = "GM0546"
SCENARIO = {"#id_runs": "50", "#id_horizon_months": "24", "#id_start_month": "2027-01"}


def make_the_plan(page: Page) -> CapacityPlan:
    visit(page, reverse("capacity:overview"))
    follow(page, reverse("capacity:plan"))
    follow(page, reverse("capacity:plan_create"))
    press(page)
    checked(page)
    plan = CapacityPlan.objects.get()
    assert (plan.first_year, plan.last_year) == (2023, 2032)
    page.locator(f"main form[action='{reverse('capacity:plan_baseline')}'] button").click()
    checked(page)
    assert PlanLine.objects.filter(year=2023).count() > 13
    expect(page.locator("#plan-regio-titel")).to_have_count(1)
    return plan


def edit_a_plan_line(page: Page) -> None:
    follow(page, reverse("capacity:plan_municipality", args=[LEIDEN]))
    follow(page, reverse("capacity:plan_municipality_edit", args=[LEIDEN]))
    page.fill("#id_places_housing-first_2030", "-3")
    press(page)
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)
    assert not PlanLine.objects.filter(year=2030).exists()
    page.fill("#id_places_housing-first_2030", "24")
    press(page)
    checked(page)
    expect(page).to_have_url(reverse("capacity:plan_municipality", args=[LEIDEN]))
    expect(page.locator("main table").first).to_contain_text("24")
    line = PlanLine.objects.get(municipality__cbs_code=LEIDEN, year=2030)
    assert (line.facility_type.code, line.places) == ("housing-first", 24)


def make_and_run(page: Page, name: str, contingent: str) -> SimulationRun:
    visit(page, reverse("capacity:scenario_list"))
    follow(page, reverse("capacity:scenario_create"))
    page.fill("#id_name", name)
    for selector, value in {**SCENARIO, "#id_contingent_per_year": contingent}.items():
        page.fill(selector, value)
    press(page)
    checked(page)
    scenario = Scenario.objects.get(name=name)
    expect(page).to_have_url(reverse("capacity:scenario_detail", args=[scenario.pk]))
    press(page, f"main form[action='{reverse('capacity:run_start', args=[scenario.pk])}']")
    checked(page)
    run = scenario.runs.get()
    expect(page).to_have_url(reverse("capacity:run_detail", args=[run.pk]))
    assert run.status == RunStatus.DONE
    expect(page.locator(".chart__band-area")).to_have_count(5)
    expect(page.locator("blockquote")).to_contain_text(name)
    return run


def compare(page: Page, runs: list[SimulationRun]) -> None:
    visit(page, reverse("capacity:compare"))
    for run in runs:
        page.locator(f"main input[name=s][value='{run.scenario_id}']").check()
    page.locator("main form[method=get] button[type=submit]").click()
    checked(page)
    expect(page.locator(".chart__band-area")).to_have_count(10)  # two bands in five charts
    with page.expect_download() as info:
        page.locator(f"main a[href^='{reverse('capacity:compare_export')}']").click()
    book = load_workbook(io.BytesIO(info.value.path().read_bytes()))
    names = {row[0] for row in book.worksheets[0].iter_rows(min_row=5, values_only=True)}
    assert names == {run.scenario.name for run in runs}


def optimise(page: Page) -> None:
    visit(page, reverse("capacity:overview"))
    follow(page, reverse("capacity:optimisation_list"))
    follow(page, reverse("capacity:optimisation_start"))
    # The plan has little beyond its baseline, so what it costs is no budget: none, this time.
    budgets = page.locator("main input[name^=budget_]")
    for index in range(budgets.count()):
        budgets.nth(index).fill("")
    page.fill("#id_demand_growth", "2")
    press(page)
    checked(page)
    run = OptimisationRun.objects.get()
    url = reverse("capacity:optimisation_detail", args=[run.pk])
    expect(page).to_have_url(url)
    # The region's plan is solved in the background: while it runs (checked above, unless it
    # was done first), the progress bar is polled and links to the result at the end.
    if page.locator("#run-progress").count():
        page.locator(f"#run-progress a[href='{url}']").click(timeout=60_000)
        checked(page)
    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    expect(page.locator("#optimalisatie-plaatsen-titel")).to_have_count(1)
    page.locator(
        f"main form[action='{reverse('capacity:optimisation_simulate', args=[run.pk])}'] button"
    ).click()
    checked(page)
    proposal = Scenario.objects.get(parameters__has_key="plan_places")
    expect(page).to_have_url(reverse("capacity:scenario_detail", args=[proposal.pk]))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_plan_scenarios_comparison_and_optimisation(browser, site, region):
    facility_types_load()
    facilities_demo.load_demo(region=region, by=member(Role.POLICY_OFFICER))
    context, page = as_role(browser, site, Role.POLICY_OFFICER)
    try:
        make_the_plan(page)
        edit_a_plan_line(page)
        runs = [
            make_and_run(page, "Contingent 250 (browsertest)", "250"),
            make_and_run(page, "Contingent 350 (browsertest)", "350"),
        ]
        compare(page, runs)
        optimise(page)
        assert re.search(r"/capaciteit/scenarios/\d+/$", page.url)
    finally:
        context.close()
