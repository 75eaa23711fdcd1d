"""Rights of the capacity module's scenario and run pages and endpoints, for
``tests/test_rights.py``.

``RULES``: URL name → its cases (``tests.rights_table.Case``); ``URLS``: URL name → a function
giving the path to request, for URLs that take arguments.

Capacity readers (policy, coordinator, municipality officer, governance reader) read scenarios,
their runs and comparisons; planners (policy officer, coordinator) make, change, run and delete
them.
"""

from django.urls import reverse

from onderdak.capacity.models import Scenario, SimulationRun
from onderdak.capacity.services.reference import facility_types_load
from onderdak.capacity.services.runs import simulation_run_start
from onderdak.region.models import Region
from tests.capacity.plans_data import planner
from tests.capacity.rights_plans import PLANNERS, READERS
from tests.capacity.scenarios_data import small_scenario
from tests.rights_table import Case

NAME = "Rechtentabel"


def example_scenario() -> Scenario:
    facility_types_load()
    region = Region.objects.order_by("pk").first()
    return Scenario.objects.filter(name=NAME).first() or small_scenario(region, NAME)


def example_run() -> SimulationRun:
    scenario = example_scenario()
    return scenario.runs.first() or simulation_run_start(scenario=scenario, by=planner())


def second_scenario() -> Scenario:
    region = Region.objects.order_by("pk").first()
    found = Scenario.objects.filter(name=f"{NAME} 2").first()
    if found is None:
        found = small_scenario(region, f"{NAME} 2", contingent_per_year=350)
        simulation_run_start(scenario=found, by=planner())
    return found


def comparison() -> dict:
    return {"s": [example_run().scenario_id, second_scenario().pk]}


def scenario_form() -> dict:
    return {
        "name": f"Formulier {Scenario.objects.count()}",
        "contingent_split": "population",
        "stay_distribution": "exponential",
    }


def changes_form() -> dict:
    return {
        "action_0": "add",
        "facility_type_0": "housing-first",
        "area_0": "gemeente:GM0546",
        "places_0": "3",
    }


def types_form() -> dict:
    return {"mean_stay_months_housing-first": "12"}


def api_scenario() -> dict:
    return {"name": f"API {Scenario.objects.count()}", "parameters": {"runs": 50}}


def of_scenario(name: str):
    return lambda: reverse(name, args=[example_scenario().pk])


def of_run(name: str):
    return lambda: reverse(name, args=[example_run().pk])


RULES: dict = {
    "capacity:scenario_list": [Case(READERS)],
    "capacity:scenario_create": [
        Case(PLANNERS),
        Case(PLANNERS, "post", 302, {"data": scenario_form}),
    ],
    "capacity:scenario_detail": [Case(READERS)],
    "capacity:scenario_update": [
        Case(PLANNERS),
        Case(PLANNERS, "post", 302, {"data": scenario_form}),
    ],
    "capacity:scenario_changes": [
        Case(PLANNERS),
        Case(PLANNERS, "post", 302, {"data": changes_form}),
    ],
    "capacity:scenario_types": [
        Case(PLANNERS),
        Case(PLANNERS, "post", 302, {"data": types_form}),
    ],
    "capacity:scenario_delete": [Case(PLANNERS), Case(PLANNERS, "post", 302)],
    "capacity:run_start": [Case(PLANNERS, "post", 302)],
    "capacity:run_detail": [Case(READERS)],
    "capacity:run_export": [Case(READERS)],
    "capacity:compare": [Case(READERS), Case(READERS, "get", 200, {"data": comparison})],
    "capacity:compare_export": [Case(READERS, "get", 200, {"data": comparison})],
}
API_RULES: dict = {
    "scenario-list": [
        Case(READERS, api=True),
        Case(PLANNERS, "post", 201, {"data": api_scenario}, api=True),
    ],
    "scenario-detail": [
        Case(READERS, api=True),
        Case(PLANNERS, "patch", 200, {"data": lambda: {"description": "x"}}, api=True),
        Case(PLANNERS, "delete", 204, api=True),
    ],
    "scenario-run": [Case(PLANNERS, "post", 201, api=True)],
    "scenario-compare": [Case(READERS, "get", 200, {"data": comparison}, api=True)],
    "simulation-run-list": [Case(READERS, api=True)],
    "simulation-run-detail": [Case(READERS, api=True)],
    "calibration-list": [Case(READERS, api=True)],
}
RULES.update(API_RULES)

URLS: dict = {
    "scenario-detail": lambda: reverse("scenario-detail", args=[example_scenario().pk]),
    "scenario-run": lambda: reverse("scenario-run", args=[example_scenario().pk]),
    "simulation-run-detail": lambda: reverse("simulation-run-detail", args=[example_run().pk]),
    **{
        name: of_scenario(name)
        for name in (
            "capacity:scenario_detail",
            "capacity:scenario_update",
            "capacity:scenario_changes",
            "capacity:scenario_types",
            "capacity:scenario_delete",
            "capacity:run_start",
        )
    },
    "capacity:run_detail": of_run("capacity:run_detail"),
    "capacity:run_export": of_run("capacity:run_export"),
}
