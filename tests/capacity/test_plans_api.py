"""The plan's API: the region's plan, its lines with filters, a grid replaced through the same
service as the pages (all or nothing, a municipality officer only their own), and its checks."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.capacity.models import CapacityPlan, PlanLine
from tests.capacity.plans_data import (
    example_plan,
    facility_with_figures,
    leiden,
    municipality_officer_of,
    plan_places,
)

pytestmark = pytest.mark.usefixtures("facility_types")
PLANS = reverse("capacity-plan-list")


LINES = reverse("plan-line-list")


def lines_url(plan) -> str:
    return reverse("capacity-plan-put-lines", args=[plan.pk])


@pytest.fixture
def officer(make_member, api_login):
    return api_login(make_member(Role.POLICY_OFFICER))


def test_a_planner_makes_the_plan_once(region, officer):
    response = officer.post(PLANS, {"first_year": 2023, "last_year": 2032}, format="json")
    assert response.status_code == 201
    assert response.json()["region"] == "holland-rijnland"
    again = officer.post(PLANS, {"first_year": 2023, "last_year": 2032}, format="json")
    assert again.status_code == 409
    assert again.json()["code"] == "plan_exists"


def test_the_list_holds_the_region_plan_and_a_period_change_is_checked(region, officer):
    plan = example_plan(region)
    plan_places(plan, {2031: 4})
    body = officer.get(PLANS).json()
    assert [p["id"] for p in body["results"]] == [plan.pk]
    url = reverse("capacity-plan-detail", args=[plan.pk])
    refused = officer.patch(url, {"last_year": 2030}, format="json")
    assert refused.status_code == 400
    assert "first_year" in refused.json()["fields"]
    assert officer.patch(url, {"notes": "Vastgesteld"}, format="json").status_code == 200
    assert CapacityPlan.objects.get().notes == "Vastgesteld"


def test_lines_are_listed_with_filters(region, officer):
    plan = example_plan(region)
    plan_places(plan, {2023: 10, 2024: 9})
    plan_places(plan, {2023: 2}, facility_type_code="housing-first")
    body = officer.get(LINES, {"facility_type": "housing-first"}).json()
    assert body["count"] == 1
    assert body["results"][0] | {"updated_at": None} == {
        "municipality": "GM0546",
        "municipality_name": "Leiden",
        "subregion": "leidse-regio",
        "facility_type": "housing-first",
        "year": 2023,
        "places": 2,
        "note": "",
        "updated_at": None,
    }
    assert officer.get(LINES, {"year": 2024}).json()["count"] == 1
    assert officer.get(LINES, {"subregion": "rijnstreek"}).json()["count"] == 0


def line(year=2025, places=5, municipality="GM0546", facility_type="housing-first", **extra):
    return {
        "municipality": municipality,
        "facility_type": facility_type,
        "year": year,
        "places": places,
        **extra,
    }


def test_a_grid_is_saved_whole(region, officer):
    plan = example_plan(region)
    plan_places(plan, {2024: 3}, facility_type_code="housing-first")
    response = officer.put(
        lines_url(plan),
        {"lines": [line(), line(2026, 6, note="besluit"), line(2024, None)]},
        format="json",
    )
    assert response.status_code == 200
    assert response.json() == {"created": 2, "changed": 0, "cleared": 1}
    assert sorted(PlanLine.objects.values_list("year", "places", "note")) == [
        (2025, 5, ""),
        (2026, 6, "besluit"),
    ]


def test_bad_lines_are_refused_with_their_index_and_nothing_is_saved(region, officer):
    plan = example_plan(region)
    response = officer.put(lines_url(plan), {"lines": [line(), line(2040, -1)]}, format="json")
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"lines.1.year", "lines.1.places"}
    unknown = officer.put(lines_url(plan), {"lines": [line(municipality="GM9999")]}, format="json")
    assert unknown.status_code == 400
    assert "lines.0.municipality" in unknown.json()["fields"]
    assert not PlanLine.objects.exists()


def test_a_municipality_officer_puts_only_their_own_lines(region, api_login):
    plan = example_plan(region)
    client = api_login(municipality_officer_of(leiden()))
    assert client.put(lines_url(plan), {"lines": [line()]}, format="json").status_code == 200
    other = client.put(lines_url(plan), {"lines": [line(municipality="GM0537")]}, format="json")
    assert other.status_code == 403
    assert (
        client.post(PLANS, {"first_year": 2023, "last_year": 2032}, format="json").status_code
        == 403
    )


def test_the_checks_are_read_as_on_the_page(region, officer):
    plan = example_plan(region)
    facility_with_figures(occupied=20, waiting=5)
    plan_places(plan, dict.fromkeys(plan.years, 10))
    body = officer.get(reverse("capacity-plan-checks", args=[plan.pk])).json()
    [check] = body["checks"]
    assert (check["kind"], check["municipality"], check["year"]) == ("below_demand", "GM0546", 2025)
    assert body["last_month"] == "2025-06-01"
    assert body["unchecked_types"] == []
