"""The scenario and run pages' query counts are fixed and do not grow with the data.

Each page is requested once to warm up, counted, then counted again after the data grew (more
scenarios, each with runs). Beyond the seven queries of every logged-in request and the user's
region: a list reads its scenarios with their latest run (one query) and its count; a scenario's
page the scenario with its recent runs (two), what its parameters are checked against (types,
municipalities, subregions, the plan) and the names they use (municipalities, subregions,
types); a form of a scenario's part the plan, types, municipalities and subregions to choose
from (the settings per type also the calibration: the history, the names, the types, the
population); a run's page the run with its scenario; a comparison the scenarios to choose from
(read twice: the form's choices, then the chosen) and the latest finished runs of those chosen.
"""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.capacity.models import Scenario
from onderdak.capacity.services.runs import simulation_run_start
from tests.capacity.plans_data import planner
from tests.capacity.scenarios_data import small_scenario

pytestmark = pytest.mark.usefixtures("facility_types")

P, G, M = Role.POLICY_OFFICER, Role.GOVERNANCE_READER, Role.MUNICIPALITY_OFFICER


def _named(name):
    return Scenario.objects.get(name=name)


def run_of(region):
    return _named("Eerste").runs.first()


#: Page → (role, path builder, queries).
PAGES = {
    "scenarios (governance_reader)": (G, lambda r: reverse("capacity:scenario_list"), 10),
    "scenario (municipality_officer)": (
        M,
        lambda r: reverse("capacity:scenario_detail", args=[_named("Eerste").pk]),
        17,
    ),
    "scenario changes (policy_officer)": (
        P,
        lambda r: reverse("capacity:scenario_changes", args=[_named("Eerste").pk]),
        14,
    ),
    "scenario types (policy_officer)": (
        P,
        lambda r: reverse("capacity:scenario_types", args=[_named("Eerste").pk]),
        15,
    ),
    "run (governance_reader)": (
        G,
        lambda r: reverse("capacity:run_detail", args=[run_of(r).pk]),
        9,
    ),
    "run excel (policy_officer)": (
        P,
        lambda r: reverse("capacity:run_export", args=[run_of(r).pk]),
        9,
    ),
    "compare (policy_officer)": (
        P,
        lambda r: reverse("capacity:compare") + f"?s={_named('Eerste').pk}&s={_named('Tweede').pk}",
        12,
    ),
    "compare excel (municipality_officer)": (
        M,
        lambda r: (
            reverse("capacity:compare_export") + f"?s={_named('Eerste').pk}&s={_named('Tweede').pk}"
        ),
        12,
    ),
}


@pytest.fixture
def data(region):
    for name in ("Eerste", "Tweede"):
        simulation_run_start(scenario=small_scenario(region, name), by=planner())


def grow(region) -> None:
    by = planner()
    for index in range(4):
        scenario = small_scenario(region, f"Meer {index}", seed=index)
        simulation_run_start(scenario=scenario, by=by)
    for name in ("Eerste", "Tweede"):
        simulation_run_start(scenario=_named(name), by=by)


@pytest.mark.parametrize("name", list(PAGES))
def test_query_count_is_fixed_and_does_not_grow_with_the_data(
    name, region, data, make_member, login, django_assert_num_queries
):
    role, path, queries = PAGES[name]
    client = login(make_member(role))
    url = path(region)
    assert client.get(url).status_code == 200
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    grow(region)
    url = path(region)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
