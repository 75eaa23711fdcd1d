"""The capacity module's facilities pages for the page-by-page browser check.

A care worker sees the example facility (of their own care provider) and enters its figures;
``other_facility`` (another care provider's) is not found for them.
"""

from django.urls import reverse

from onderdak.accounts.models import Role
from tests.browser.webpage import WebPage, url
from tests.capacity.facilities_data import example_facility, example_job, other_facility
from tests.capacity.rights_facilities import ENTERERS, PLANNERS, READERS, WITH_WORKERS


def facility_url(name: str, *extra):
    return lambda user: reverse(name, args=[example_facility().pk, *extra])


def job_url(file_name: str, role: str):
    return lambda user: reverse("capacity:import_detail", args=[example_job(file_name, role).pk])


PAGES = [
    WebPage("capacity:facility_list", url("capacity:facility_list"), allowed=WITH_WORKERS),
    WebPage(
        "capacity:facility_list?filters",
        lambda user: reverse("capacity:facility_list") + "?soort=beschermd-wonen-24-7&actief=",
        allowed=WITH_WORKERS,
    ),
    WebPage(
        "capacity:facility_type_list", url("capacity:facility_type_list"), allowed=WITH_WORKERS
    ),
    WebPage(
        "capacity:facility_create",
        url("capacity:facility_create"),
        allowed=PLANNERS,
        invalid_input={"#id_places": "-3", "#id_contract_start": "2024-05-01"},
    ),
    WebPage(
        "capacity:facility_detail", facility_url("capacity:facility_detail"), allowed=WITH_WORKERS
    ),
    WebPage(
        "capacity:facility_detail?other",
        lambda user: reverse("capacity:facility_detail", args=[other_facility().pk]),
        allowed=READERS,
        denied_status=None,
    ),
    WebPage(
        "capacity:facility_update",
        facility_url("capacity:facility_update"),
        allowed=PLANNERS,
        invalid_input={"#id_name": "", "#id_contract_end": "2020-01-01"},
    ),
    WebPage(
        "capacity:figure_month",
        facility_url("capacity:figure_month"),
        allowed=ENTERERS,
        invalid_input={"#id_occupied": "-1", "#id_inflow": ""},
    ),
    WebPage(
        "capacity:figure_year",
        facility_url("capacity:figure_year", 2024),
        allowed=ENTERERS,
        invalid_input={"#id_m2024-05_occupied": "4"},
    ),
    WebPage(
        "capacity:figure_import",
        url("capacity:figure_import"),
        allowed=ENTERERS,
        invalid_input={},
    ),
    WebPage("capacity:import_list", url("capacity:import_list"), allowed=ENTERERS),
    *(
        WebPage(
            f"capacity:import_detail?{name}",
            job_url(name, role),
            allowed=frozenset({Role.POLICY_OFFICER, Role.REGIONAL_COORDINATOR}),
            denied_status=None,
        )
        for name, role in (
            ("afgekeurd.csv", Role.POLICY_OFFICER),
            ("goed.csv", Role.POLICY_OFFICER),
        )
    ),
]
