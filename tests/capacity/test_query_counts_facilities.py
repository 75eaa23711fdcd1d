"""The register's pages and endpoints: a fixed number of queries, whatever the data.

Each is requested once to warm up, counted, then counted again after the data grew (more
facilities of every type and care provider, more months of figures, more import jobs). Every
logged-in request reads the session, the user, the TOTP device and the memberships and saves the
session (7 queries, 8 with the user's region). Then: the list adds its filters' choices
(municipalities, subregions, types, care providers), the places per type, its count and its page;
its download the same without the count; a facility's page the facility and its figures; a
form its choices; a month's page its figures and the month before; the year grid the year's
figures; a job's page the job; a list of jobs its count and its page. A change in the second
count means a query inside a loop: fix the selector, not the number here.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.capacity.months import next_month
from onderdak.capacity.services.figure_imports import KEY
from onderdak.imports.services import import_job_start
from onderdak.region.models import Municipality, Organisation, OrganisationKind
from tests.capacity.facilities_data import (
    bad_rows,
    example_facility,
    example_job,
    figure_file,
    good_rows,
)
from tests.capacity.factories import FacilityFactory, MonthlyFigureFactory, facility_type
from tests.factories import member

P, W, G = Role.POLICY_OFFICER, Role.CARE_WORKER, Role.GOVERNANCE_READER
pytestmark = pytest.mark.usefixtures("facility_types")


@dataclass(frozen=True)
class Request:
    name: str
    role: str
    path: Callable[[], str]
    queries: int
    api: bool = False


def url(name: str, *args: Callable[[], object]) -> Callable[[], str]:
    return lambda: reverse(name, args=[arg() for arg in args])


def facility_pk():
    return example_facility().pk


def job_pk():
    return example_job("afgekeurd.csv", Role.CARE_WORKER).pk


def first_figure_pk():
    return example_facility().monthly_figures.first().pk


REQUESTS = [
    Request("list (planner)", P, url("capacity:facility_list"), 15),
    Request("list (care worker)", W, url("capacity:facility_list"), 15),
    Request(
        "list filtered",
        G,
        lambda: reverse("capacity:facility_list") + "?soort=beschermd-wonen-24-7&actief=",
        15,
    ),
    Request("excel", G, url("capacity:facility_export"), 14),
    Request("types", W, url("capacity:facility_type_list"), 9),
    Request("facility (reader)", G, url("capacity:facility_detail", facility_pk), 10),
    Request("facility (care worker)", W, url("capacity:facility_detail", facility_pk), 10),
    Request("create", P, url("capacity:facility_create"), 11),
    Request("update", P, url("capacity:facility_update", facility_pk), 13),
    Request("month", W, url("capacity:figure_month", facility_pk), 11),
    Request("year", W, lambda: reverse("capacity:figure_year", args=[facility_pk(), 2024]), 10),
    Request("import", W, url("capacity:figure_import"), 7),
    Request("imports", W, url("capacity:import_list"), 10),
    Request("import rejected", P, url("capacity:import_detail", job_pk), 9),
    Request(
        "template",
        W,
        lambda: reverse("capacity:import_template", args=["maandcijfers", "xlsx"]),
        9,
    ),
    Request("api types", G, url("facility-type-list"), 9, api=True),
    Request("api facilities", W, url("facility-list"), 10, api=True),
    Request("api facility", G, url("facility-detail", facility_pk), 9, api=True),
    Request("api figures", G, url("monthly-figure-list"), 10, api=True),
    Request("api figure", W, url("monthly-figure-detail", first_figure_pk), 10, api=True),
]


def grow(user) -> None:
    """More facilities of other types, care providers and municipalities, each with figures,
    and more imports by ``user``."""
    providers = Organisation.objects.filter(kind=OrganisationKind.CARE_PROVIDER).order_by("pk")
    municipalities = Municipality.objects.order_by("cbs_code")
    for i, code in enumerate(("time-out", "housing-first", "nachtopvang", "beschermd-thuis")):
        facility = FacilityFactory(
            name=f"Groei {i}",
            facility_type=facility_type(code),
            provider=providers[i % 2],
            municipality=municipalities[i],
        )
        month = datetime.date(2024, 1, 1)
        for _ in range(4):
            MonthlyFigureFactory(facility=facility, month=month)
            month = next_month(month)
    imports_by(user)


def imports_by(user) -> None:
    """A rejected and a good import of monthly figures by ``user``, if they may import."""
    if not user.has_perm("capacity.import_monthlyfigure"):
        return
    for rows in (bad_rows(), good_rows()):
        import_job_start(
            region=example_facility().region,
            kind=KEY,
            uploaded=ContentFile(figure_file(rows), name="groei.csv"),
            by=user,
        )


@pytest.mark.parametrize("request_", REQUESTS, ids=[r.name for r in REQUESTS])
def test_queries_do_not_grow_with_the_data(
    request_, region, login, api_login, django_assert_num_queries
):
    example_facility()
    user = member(request_.role)
    example_job("afgekeurd.csv", Role.CARE_WORKER)
    imports_by(user)
    client = (api_login if request_.api else login)(user)
    path = request_.path()
    client.get(path)
    with django_assert_num_queries(request_.queries):
        assert client.get(path).status_code == 200
    grow(user)
    with django_assert_num_queries(request_.queries):
        assert client.get(path).status_code == 200
