"""The capacity module's scenario and run pages for the page-by-page browser check."""

from django.urls import reverse

from onderdak.capacity.models import MonthlyFigure, RunStatus
from tests.browser.webpage import WebPage, url
from tests.capacity.plans_data import facility_with_figures
from tests.capacity.rights_plans import PLANNERS, READERS
from tests.capacity.rights_scenarios import example_run, example_scenario, second_scenario


def of_scenario(name: str):
    return lambda user: reverse(name, args=[example_scenario().pk])


def of_run(user) -> str:
    run = example_run()
    assert run.status == RunStatus.DONE
    return reverse("capacity:run_detail", args=[run.pk])


def compared(user) -> str:
    ids = [example_run().scenario_id, second_scenario().pk]
    return reverse("capacity:compare") + "?" + "&".join(f"s={pk}" for pk in ids)


def calibrated(user) -> str:
    """The calibration page, with a year of a facility's figures."""
    if not MonthlyFigure.objects.exists():
        facility_with_figures()
    return reverse("capacity:calibration")


PAGES = [
    WebPage("capacity:scenario_list", url("capacity:scenario_list"), allowed=READERS),
    WebPage(
        "capacity:scenario_create",
        url("capacity:scenario_create"),
        allowed=PLANNERS,
        invalid_input={"#id_name": "", "#id_runs": "0"},
    ),
    WebPage("capacity:scenario_detail", of_scenario("capacity:scenario_detail"), allowed=READERS),
    WebPage(
        "capacity:scenario_update",
        of_scenario("capacity:scenario_update"),
        allowed=PLANNERS,
        invalid_input={"#id_horizon_months": "601"},
    ),
    WebPage(
        "capacity:scenario_changes",
        of_scenario("capacity:scenario_changes"),
        allowed=PLANNERS,
        invalid_input={"#id_places_0": "3"},
    ),
    WebPage(
        "capacity:scenario_types",
        of_scenario("capacity:scenario_types"),
        allowed=PLANNERS,
        invalid_input={"#id_contingent_nachtopvang": "0,5"},
    ),
    WebPage("capacity:scenario_delete", of_scenario("capacity:scenario_delete"), allowed=PLANNERS),
    WebPage("capacity:run_detail", of_run, allowed=READERS),
    WebPage(
        "capacity:compare",
        url("capacity:compare"),
        allowed=READERS,
        invalid_input={},
    ),
    WebPage("capacity:compare?two", compared, allowed=READERS),
    WebPage("capacity:calibration", calibrated, allowed=READERS),
]
