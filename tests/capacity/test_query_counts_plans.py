"""The plan pages' query counts are fixed and do not grow with the data (DESIGN.md §4.12).

Each page is requested once to warm up, counted, then counted again after the data grew (lines
in every municipality and type, more facilities with a year of figures). A count that changes
after ``grow`` means a query inside a loop: fix the selector, not the number here.

Beyond the seven queries of every logged-in request (session, user, TOTP device, memberships;
saving the session in three) and the user's region: the plan; the grid (municipalities, types,
lines); the checks (the latest month, the measured demand, the yearly outflow). A municipality's
page adds finding the municipality (a subregion's page has no checks: one fewer); the overview
adds the latest runs and, for a planner, the facilities without last month's figures; an API
list its count. The calibration reads the history, the facilities' names, the types and the
population; a list of optimisation runs its count, the runs and the plan; a run its record; the
form of a new one everything a problem is built from (the plan and its grid, the tariffs, the
population, the contingent years, the latest figures, the history for the calibration, the
measured demand), to show the entered plan's cost as the budget to start from.
"""

import datetime
from itertools import cycle, islice

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.capacity.models import FacilityType
from onderdak.region.models import Municipality
from tests.capacity.plans_data import example_plan, facility_with_figures, plan_places
from tests.capacity.rights_plans import example_optimisation

pytestmark = pytest.mark.usefixtures("facility_types")

P, G, M, C = (
    Role.POLICY_OFFICER,
    Role.GOVERNANCE_READER,
    Role.MUNICIPALITY_OFFICER,
    Role.REGIONAL_COORDINATOR,
)


def plan_id() -> int:
    return example_plan().pk


#: Page → (role, path, queries).
PAGES = {
    "overview (policy_officer)": (P, lambda: reverse("capacity:overview"), 17),
    "overview (care_worker)": (Role.CARE_WORKER, lambda: reverse("capacity:overview"), 9),
    "plan (governance_reader)": (G, lambda: reverse("capacity:plan"), 15),
    "plan excel (municipality_officer)": (M, lambda: reverse("capacity:plan_export"), 15),
    "municipality plan (municipality_officer)": (
        M,
        lambda: reverse("capacity:plan_municipality", args=["GM0546"]),
        16,
    ),
    "municipality grid (policy_officer)": (
        P,
        lambda: reverse("capacity:plan_municipality_edit", args=["GM0546"]),
        13,
    ),
    "subregion plan (regional_coordinator)": (
        C,
        lambda: reverse("capacity:plan_subregion", args=["leidse-regio"]),
        13,
    ),
    "subregion grid (policy_officer)": (
        P,
        lambda: reverse("capacity:plan_subregion_edit", args=["leidse-regio"]),
        13,
    ),
    "calibration (governance_reader)": (G, lambda: reverse("capacity:calibration"), 12),
    "optimisations (policy_officer)": (P, lambda: reverse("capacity:optimisation_list"), 10),
    "new optimisation (policy_officer)": (P, lambda: reverse("capacity:optimisation_start"), 31),
    "optimisation (municipality_officer)": (
        M,
        lambda: reverse("capacity:optimisation_detail", args=[example_optimisation().pk]),
        9,
    ),
    "api plans (policy_officer)": (P, lambda: reverse("capacity-plan-list"), 10),
    "api plan lines (governance_reader)": (G, lambda: reverse("plan-line-list"), 11),
    "api plan checks (policy_officer)": (
        P,
        lambda: reverse("capacity-plan-checks", args=[plan_id()]),
        15,
    ),
}


@pytest.fixture
def data(region):
    plan = example_plan(region)
    plan_places(plan, {2023: 10, 2032: 4})
    facility_with_figures(months=3)


def grow(region) -> None:
    plan = example_plan(region)
    municipalities = list(Municipality.objects.filter(region=region))
    for municipality, kind in zip(
        municipalities, islice(cycle(FacilityType.objects.all()), len(municipalities)), strict=True
    ):
        plan_places(
            plan,
            dict.fromkeys(plan.years, 7),
            municipality=municipality,
            facility_type_code=kind.code,
        )
        facility_with_figures(municipality, kind, last=datetime.date(2025, 6, 1))


@pytest.mark.parametrize("name", list(PAGES))
def test_query_count_is_fixed_and_does_not_grow_with_the_data(
    name, region, data, make_member, login, api_login, django_assert_num_queries
):
    role, path, queries = PAGES[name]
    user = make_member(role)
    client = api_login(user) if name.startswith("api") else login(user)
    url = path()
    assert client.get(url).status_code == 200
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    grow(region)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
