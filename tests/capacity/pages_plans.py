"""The capacity module's plan pages for the page-by-page browser check."""

from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.capacity.services.reference import facility_types_load
from tests.browser.webpage import WebPage, url
from tests.capacity.plans_data import example_plan, plan_places
from tests.capacity.rights_plans import (
    OWN_MUNICIPALITY,
    PLANNERS,
    READERS,
    example_optimisation,
)


def planned(name: str, *args):
    """The page of a plan with places in the baseline and the target."""

    def path(user):
        facility_types_load()
        plan = example_plan()
        if not plan.lines.exists():
            plan_places(plan, {2023: 30, 2032: 12})
            plan_places(plan, {2023: 2, 2032: 14}, facility_type_code="housing-first")
        return reverse(name, args=args)

    return path


def optimised(name: str):
    """A page of the plan optimisation, after a run on the example plan."""

    def path(user):
        facility_types_load()
        run = example_optimisation()
        return reverse(name, args=[run.pk]) if name.endswith("detail") else reverse(name)

    return path


PAGES = [
    WebPage("capacity:overview", url("capacity:overview"), allowed=READERS | {Role.CARE_WORKER}),
    WebPage("capacity:plan", planned("capacity:plan"), allowed=READERS),
    WebPage(
        "capacity:plan_update",
        planned("capacity:plan_update"),
        allowed=PLANNERS,
        invalid_input={"#id_first_year": "2030", "#id_last_year": "2025"},
    ),
    WebPage(
        "capacity:plan_municipality",
        planned("capacity:plan_municipality", "GM0546"),
        allowed=READERS,
    ),
    WebPage(
        "capacity:plan_municipality_edit",
        planned("capacity:plan_municipality_edit", OWN_MUNICIPALITY),
        allowed=PLANNERS | {Role.MUNICIPALITY_OFFICER},
        invalid_input={"#id_places_housing-first_2025": "-4"},
    ),
    WebPage(
        "capacity:plan_subregion",
        planned("capacity:plan_subregion", "leidse-regio"),
        allowed=READERS,
    ),
    WebPage(
        "capacity:plan_subregion_edit",
        planned("capacity:plan_subregion_edit", "leidse-regio"),
        allowed=PLANNERS,
        invalid_input={"#id_places_GM0546_2025": "-4"},
    ),
    WebPage("capacity:optimisation_list", optimised("capacity:optimisation_list"), allowed=READERS),
    WebPage(
        "capacity:optimisation_start",
        optimised("capacity:optimisation_start"),
        allowed=PLANNERS,
        invalid_input={"#id_budget_2025": "-5"},
    ),
    WebPage(
        "capacity:optimisation_detail", optimised("capacity:optimisation_detail"), allowed=READERS
    ),
]
