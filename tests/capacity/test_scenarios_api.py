"""The scenarios API: CRUD with parameters checked by the same service (errors under
``parameters.``), the ``run`` action, ``compare``, and the runs with key figures, quote and
bands."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.capacity.models import Scenario, SimulationRun
from tests.capacity.scenarios_data import SMALL, planned_region, small_scenario

pytestmark = pytest.mark.usefixtures("facility_types")
SCENARIOS = reverse("scenario-list")
RUNS = reverse("simulation-run-list")


@pytest.fixture
def officer(make_member, api_login):
    return api_login(make_member(Role.POLICY_OFFICER))


def test_a_scenario_is_created_with_only_what_differs_from_the_defaults(region, officer):
    response = officer.post(
        SCENARIOS,
        {"name": "350 per jaar", "parameters": {"contingent_per_year": 350, "runs": 1000}},
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["parameters"] == {"contingent_per_year": 350}
    assert body["latest_run"] is None


def test_bad_parameters_are_named_under_parameters(region, officer):
    response = officer.post(
        SCENARIOS,
        {"name": "Fout", "parameters": {"runs": 0, "types": {"onbekend": {}}}},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"parameters.runs", "parameters.types.onbekend"}
    duplicate = officer.post(SCENARIOS, {"name": "Dubbel"}, format="json")
    assert duplicate.status_code == 201
    again = officer.post(SCENARIOS, {"name": "Dubbel"}, format="json")
    assert again.status_code == 400
    assert not any(name.startswith("parameters") for name in again.json()["fields"])


def test_a_scenario_is_changed_and_deleted(region, officer):
    scenario = small_scenario(region)
    url = reverse("scenario-detail", args=[scenario.pk])
    response = officer.patch(url, {"description": "Ander"}, format="json")
    assert response.json()["description"] == "Ander"
    assert response.json()["parameters"] == {**SMALL, "start_month": "2026-01"}
    assert officer.delete(url).status_code == 204
    assert not Scenario.objects.exists()


def test_run_starts_a_run_and_its_record_holds_figures_quote_and_bands(region, officer):
    scenario = small_scenario(region)
    response = officer.post(reverse("scenario-run", args=[scenario.pk]))
    assert response.status_code == 201
    run = response.json()
    assert (run["status"], run["runs"], run["months"]) == ("done", 50, 24)
    detail = officer.get(reverse("simulation-run-detail", args=[run["id"]])).json()
    assert detail["month_list"][0] == "2026-01"
    assert detail["key_figures"][0]["scope"] == "region"
    assert "Onderdak" in detail["quote"]
    assert len(detail["bands"]["region"]["waiting"]["p90"]) == 24
    listed = officer.get(RUNS, {"scenario": scenario.pk}).json()
    assert [r["id"] for r in listed["results"]] == [run["id"]]
    assert "bands" not in listed["results"][0]


def test_a_run_that_cannot_start_is_refused_with_the_reason(region, officer):
    scenario = Scenario.objects.create(region=region, name="Zonder plan")
    response = officer.post(reverse("scenario-run", args=[scenario.pk]))
    assert response.status_code == 400
    assert response.json()["code"] == "no_plan"
    assert not SimulationRun.objects.exists()


def test_compare_gives_each_scenarios_key_figures(region, officer):
    planned_region(region)
    one = small_scenario(region, "Een")
    other = small_scenario(region, "Ander", contingent_per_year=350)
    for scenario in (one, other):
        officer.post(reverse("scenario-run", args=[scenario.pk]))
    url = reverse("scenario-compare")
    body = officer.get(url, {"s": [one.pk, other.pk], "scope": "type:nachtopvang"}).json()
    assert [r["scenario"] for r in body["runs"]] == [one.pk, other.pk]
    assert body["key_figures"][0]["scope"] == "type:nachtopvang"
    assert officer.get(url, {"s": [one.pk]}).status_code == 400
    assert officer.get(url, {"s": [one.pk, other.pk], "scope": "x"}).status_code == 400


def test_readers_read_but_do_not_run(region, make_member, api_login):
    scenario = small_scenario(region)
    reader = api_login(make_member(Role.GOVERNANCE_READER))
    assert reader.get(SCENARIOS).status_code == 200
    assert reader.post(reverse("scenario-run", args=[scenario.pk])).status_code == 403
    assert reader.post(SCENARIOS, {"name": "x"}, format="json").status_code == 403
