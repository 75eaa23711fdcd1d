"""Rights of the capacity module's facilities pages and endpoints, for ``tests/test_rights.py``.

``RULES``: URL name → its cases (``tests.rights_table.Case``); ``URLS``: URL name → a function
giving the path to request, for URLs that take arguments.

Readers of the module (policy, coordinator, municipality, governance) and care workers read
facilities (a care worker only their own care provider's: the example facility is of the care
provider every care worker of the table works for; ``test_visibility.py`` checks another's);
planners (policy, coordinator) create and change them; planners and care workers enter and
import monthly figures (``capacity/rules.py``).
"""

from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.capacity.models import FacilityType
from onderdak.capacity.services.figures import FIGURE_FIELDS
from tests.capacity.facilities_data import (
    example_facility,
    facility_payload,
    figure_payload,
    upload_payload,
)
from tests.rights_table import Case

PLANNERS = frozenset({Role.POLICY_OFFICER, Role.REGIONAL_COORDINATOR})
READERS = PLANNERS | {Role.MUNICIPALITY_OFFICER, Role.GOVERNANCE_READER}
WITH_WORKERS = READERS | {Role.CARE_WORKER}
ENTERERS = PLANNERS | {Role.CARE_WORKER}


def changed_name() -> dict:
    return {**facility_payload(), "name": facility_payload()["name"] + " (gewijzigd)"}


def api_facility() -> dict:
    payload = facility_payload()
    return {
        **payload,
        "municipality": "GM0546",
        "facility_type": "housing-first",
        "tariff_per_day": "55.50",  # the API's notation
        "contract_end": None,
    }


def api_figure() -> dict:
    return {**figure_payload(), "facility": example_facility().pk}


def year_grid() -> dict:
    """The grid of 2024 with March filled in."""
    return {f"m2024-03_{name}": figure_payload()[name] for name in FIGURE_FIELDS}


TESTED_ELSEWHERE = "a job is seen by whoever started it: tests/capacity/test_figure_imports.py"

RULES: dict = {
    "capacity:facility_list": [Case(WITH_WORKERS)],
    "capacity:facility_export": [Case(WITH_WORKERS)],
    "capacity:facility_type_list": [Case(WITH_WORKERS)],
    "capacity:facility_create": [
        Case(PLANNERS),
        Case(PLANNERS, "post", 302, {"data": facility_payload}),
    ],
    "capacity:facility_detail": [Case(WITH_WORKERS)],
    "capacity:facility_update": [
        Case(PLANNERS),
        Case(PLANNERS, "post", 302, {"data": changed_name}),
    ],
    "capacity:facility_deactivate": [Case(PLANNERS, "post", 302)],
    "capacity:facility_reactivate": [Case(PLANNERS, "post", 302)],
    "capacity:figure_month": [
        Case(ENTERERS),
        Case(ENTERERS, "post", 302, {"data": figure_payload}),
    ],
    "capacity:figure_year": [Case(ENTERERS), Case(ENTERERS, "post", 302, {"data": year_grid})],
    "capacity:figure_import": [
        Case(ENTERERS),
        Case(ENTERERS, "post", 302, {"data": upload_payload}),
    ],
    "capacity:import_list": [Case(ENTERERS)],
    "capacity:import_detail": TESTED_ELSEWHERE,
    "capacity:import_report": TESTED_ELSEWHERE,
    "capacity:import_template": [Case(ENTERERS)],
    "facility-type-list": [Case(WITH_WORKERS, api=True)],
    "facility-type-detail": [Case(WITH_WORKERS, api=True)],
    "facility-list": [
        Case(WITH_WORKERS, api=True),
        Case(PLANNERS, "post", 201, {"data": api_facility}, api=True),
    ],
    "facility-detail": [
        Case(WITH_WORKERS, api=True),
        Case(PLANNERS, "patch", 200, {"data": lambda: {"places": 25}}, api=True),
    ],
    "facility-deactivate": [Case(PLANNERS, "post", 200, api=True)],
    "facility-reactivate": [Case(PLANNERS, "post", 409, api=True)],  # it is active
    "monthly-figure-list": [
        Case(WITH_WORKERS, api=True),
        Case(ENTERERS, "post", 201, {"data": api_figure}, api=True),
    ],
    "monthly-figure-detail": [
        Case(WITH_WORKERS, api=True),
        Case(ENTERERS, "patch", 200, {"data": lambda: {"waiting_list": 4}}, api=True),
    ],
}


def facility_url(name: str):
    return lambda: reverse(name, args=[example_facility().pk])


URLS: dict = {
    **{
        name: facility_url(name)
        for name in (
            "capacity:facility_detail",
            "capacity:facility_update",
            "capacity:facility_deactivate",
            "capacity:facility_reactivate",
            "capacity:figure_month",
            "facility-detail",
            "facility-deactivate",
            "facility-reactivate",
        )
    },
    "capacity:figure_year": lambda: reverse(
        "capacity:figure_year", args=[example_facility().pk, 2024]
    ),
    "capacity:import_template": lambda: reverse(
        "capacity:import_template", args=["maandcijfers", "xlsx"]
    ),
    "facility-type-detail": lambda: reverse(
        "facility-type-detail", args=[FacilityType.objects.order_by("pk").first().pk]
    ),
    "monthly-figure-detail": lambda: reverse(
        "monthly-figure-detail", args=[example_facility().monthly_figures.first().pk]
    ),
}
