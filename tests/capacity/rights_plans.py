"""Rights of the capacity module's plan pages and endpoints, for ``tests/test_rights.py``.

``RULES``: URL name → its cases (``tests.rights_table.Case``); ``URLS``: URL name → a function
giving the path to request, for URLs that take arguments.

Capacity readers (policy, coordinator, municipality officer, governance reader) read the plan;
planners (policy officer, coordinator) make it and change any municipality's places; a
municipality officer changes their own municipality's places (the member the table makes works
for the first municipality organisation, Alphen aan den Rijn, GM0484).
"""

from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.capacity.models import OptimisationRun
from onderdak.capacity.services.optimisation import OptimisationSettings, optimisation_run_start
from onderdak.capacity.services.reference import facility_types_load
from tests.capacity.plans_data import example_plan, facility_with_figures, plan_places, planner
from tests.rights_table import Case

READERS = frozenset(
    {
        Role.POLICY_OFFICER,
        Role.REGIONAL_COORDINATOR,
        Role.MUNICIPALITY_OFFICER,
        Role.GOVERNANCE_READER,
    }
)
PLANNERS = frozenset({Role.POLICY_OFFICER, Role.REGIONAL_COORDINATOR})
OWN_MUNICIPALITY = "GM0484"


def plan_period():
    return {"first_year": 2023, "last_year": 2032, "notes": ""}


def municipality_grid():
    return {"places_housing-first_2024": "3"}


def subregion_grid():
    return {"places_GM0484_2024": "3"}


def api_lines():
    return {
        "lines": [
            {
                "municipality": OWN_MUNICIPALITY,
                "facility_type": "housing-first",
                "year": 2024,
                "places": 3,
            }
        ]
    }


def with_plan(name: str, *args):
    def path():
        facility_types_load()
        example_plan()
        return reverse(name, args=args)

    return path


RULES: dict = {
    "capacity:overview": [Case(READERS | {Role.CARE_WORKER})],
    "capacity:plan": [Case(READERS)],
    "capacity:plan_create": [
        Case(PLANNERS),
        Case(PLANNERS, "post", 302, {"data": plan_period}),
    ],
    "capacity:plan_update": [
        Case(PLANNERS),
        Case(PLANNERS, "post", 302, {"data": plan_period}),
    ],
    "capacity:plan_baseline": [Case(PLANNERS, "post", 302)],
    "capacity:plan_export": [Case(READERS)],
    "capacity:plan_municipality": [Case(READERS)],
    "capacity:plan_municipality_edit": [
        Case(PLANNERS | {Role.MUNICIPALITY_OFFICER}),
        Case(PLANNERS | {Role.MUNICIPALITY_OFFICER}, "post", 302, {"data": municipality_grid}),
    ],
    "capacity:plan_subregion": [Case(READERS)],
    "capacity:plan_subregion_edit": [
        Case(PLANNERS),
        Case(PLANNERS, "post", 302, {"data": subregion_grid}),
    ],
}


def optimisation_form():
    return {"demand_growth": "0", "unsheltered_weight": "1", "integer": "on"}


def example_optimisation():
    """An optimisation run on the example plan with a line (in the plan's first and last year)."""
    facility_types_load()
    plan = example_plan()
    run = OptimisationRun.objects.filter(plan=plan).first()
    if run is None:
        if not plan.lines.exists():
            plan_places(plan, {2023: 10, 2032: 6})
        facility_with_figures()
        run = optimisation_run_start(
            plan=plan, settings=OptimisationSettings(budget={}), by=planner()
        )
    return run


def after_optimisation(name: str):
    """A URL without arguments whose page needs the plan with lines and figures."""

    def path():
        example_optimisation()
        return reverse(name)

    return path


RULES.update(
    {
        "capacity:optimisation_list": [Case(READERS)],
        "capacity:optimisation_start": [
            Case(PLANNERS),
            Case(PLANNERS, "post", 302, {"data": optimisation_form}),
        ],
        "capacity:optimisation_detail": [Case(READERS)],
        "capacity:optimisation_export": [Case(READERS)],
        "capacity:optimisation_simulate": [Case(PLANNERS, "post", 302)],
        "capacity:calibration": [Case(READERS)],
    }
)

API_RULES: dict = {
    "optimisation-run-list": [
        Case(READERS, api=True),
        Case(PLANNERS, "post", 201, {"data": lambda: {"demand_growth": 0}}, api=True),
    ],
    "optimisation-run-detail": [Case(READERS, api=True)],
    "capacity-plan-list": [
        Case(READERS, api=True),
        Case(PLANNERS, "post", 201, {"data": plan_period}, api=True),
    ],
    "capacity-plan-detail": [
        Case(READERS, api=True),
        Case(PLANNERS, "patch", 200, {"data": lambda: {"notes": "x"}}, api=True),
    ],
    "capacity-plan-put-lines": [
        Case(PLANNERS | {Role.MUNICIPALITY_OFFICER}, "put", 200, {"data": api_lines}, api=True)
    ],
    "capacity-plan-checks": [Case(READERS, api=True)],
    "plan-line-list": [Case(READERS, api=True)],
}
RULES.update(API_RULES)


def plan_pk() -> int:
    facility_types_load()
    return example_plan().pk


URLS: dict = {
    **{
        name: (lambda name=name: reverse(name, args=[example_optimisation().pk]))
        for name in (
            "capacity:optimisation_detail",
            "capacity:optimisation_export",
            "capacity:optimisation_simulate",
            "optimisation-run-detail",
        )
    },
    "capacity:optimisation_start": after_optimisation("capacity:optimisation_start"),
    "optimisation-run-list": after_optimisation("optimisation-run-list"),
    **{
        name: (lambda name=name: reverse(name, args=[plan_pk()]))
        for name in ("capacity-plan-detail", "capacity-plan-put-lines", "capacity-plan-checks")
    },
    **{
        name: with_plan(name)
        for name in ("capacity:plan_update", "capacity:plan_baseline", "capacity:plan_export")
    },
    "capacity:plan_municipality": with_plan("capacity:plan_municipality", OWN_MUNICIPALITY),
    "capacity:plan_municipality_edit": with_plan(
        "capacity:plan_municipality_edit", OWN_MUNICIPALITY
    ),
    "capacity:plan_subregion": with_plan("capacity:plan_subregion", "rijnstreek"),
    "capacity:plan_subregion_edit": with_plan("capacity:plan_subregion_edit", "rijnstreek"),
}
