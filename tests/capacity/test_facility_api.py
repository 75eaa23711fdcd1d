"""The register's API: facility types, facilities (filters, create, change, deactivate), monthly
figures (a month stored or replaced with its warnings, changed, filtered), the import through
the shared ``imports`` endpoint, and the one error shape."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.capacity.models import Facility, MonthlyFigure
from onderdak.capacity.services.figures import FIGURE_FIELDS
from tests.capacity.facilities_data import (
    example_facility,
    figure_file,
    good_rows,
    other_facility,
)
from tests.capacity.factories import FacilityFactory, facility_type
from tests.capacity.in_english import english  # noqa: F401
from tests.capacity.rights_facilities import api_facility

pytestmark = pytest.mark.usefixtures("facility_types", "english")


@pytest.fixture
def api_as(make_member, api_login, region):
    return lambda role: api_login(make_member(role))


def figure(**changes) -> dict:
    return {
        "facility": example_facility().pk,
        "month": "2024-03",
        **dict(zip(FIGURE_FIELDS, (19, 2, 3, 1, 1, 0, 0), strict=True)),
        **changes,
    }


def test_facility_types_by_code(api_as):
    body = api_as(Role.CARE_WORKER).get(reverse("facility-type-list")).json()
    assert body["count"] == 8
    assert body["results"][0]["code"] == "nachtopvang"
    assert {"default_level", "when_full"} <= set(body["results"][0])


def test_facilities_are_filtered(api_as):
    example_facility()
    other_facility()
    FacilityFactory(name="Klein", facility_type=facility_type("housing-first"), is_active=False)
    client = api_as(Role.GOVERNANCE_READER)
    url = reverse("facility-list")
    assert client.get(url).json()["count"] == 3
    assert [
        f["name"] for f in client.get(url, {"facility_type": "housing-first"}).json()["results"]
    ] == ["Klein"]
    assert client.get(url, {"is_active": "false"}).json()["count"] == 1
    first = client.get(url, {"provider": example_facility().provider_id}).json()["results"]
    assert {f["name"] for f in first} == {example_facility().name, "Klein"}
    named = next(f for f in first if f["name"] == example_facility().name)
    assert (named["municipality"], named["latest_month"], named["tariff_per_day"]) == (
        example_facility().municipality.cbs_code,
        "2024-02-01",
        "150.00",
    )


def test_a_planner_creates_a_facility_with_the_types_level(api_as):
    response = api_as(Role.POLICY_OFFICER).post(
        reverse("facility-list"), api_facility(), format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["level"], body["municipality"], body["facility_type"]) == (
        "local",
        "GM0546",
        "housing-first",
    )
    assert Facility.objects.filter(pk=body["id"]).exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"places": -1}, "places"),
        ({"contract_end": "2023-01-01"}, "contract_end"),
        ({"municipality": "GM9999"}, "municipality"),
        ({"facility_type": "onbekend"}, "facility_type"),
    ],
)
def test_bad_input_is_400_in_the_error_shape(api_as, changes, field):
    response = api_as(Role.REGIONAL_COORDINATOR).post(
        reverse("facility-list"), {**api_facility(), **changes}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"code", "message", "fields"}
    assert field in response.json()["fields"]


def test_a_care_worker_may_not_create_or_change_facilities(api_as):
    client = api_as(Role.CARE_WORKER)
    assert client.post(reverse("facility-list"), api_facility(), format="json").status_code == 403
    url = reverse("facility-detail", args=[example_facility().pk])
    assert client.patch(url, {"places": 3}, format="json").status_code == 403


def test_change_deactivate_and_reactivate(api_as):
    client = api_as(Role.POLICY_OFFICER)
    facility = example_facility()
    changed = client.patch(
        reverse("facility-detail", args=[facility.pk]), {"places": 22}, format="json"
    )
    assert changed.json()["places"] == 22
    off = client.post(reverse("facility-deactivate", args=[facility.pk]))
    assert off.json()["is_active"] is False
    again = client.post(reverse("facility-deactivate", args=[facility.pk]))
    assert (again.status_code, again.json()["code"]) == (409, "already_inactive")
    assert client.post(reverse("facility-reactivate", args=[facility.pk])).json()["is_active"]


def test_a_new_month_is_201_and_the_same_month_again_200_with_warnings(api_as):
    client = api_as(Role.CARE_WORKER)
    first = client.post(reverse("monthly-figure-list"), figure(), format="json")
    assert first.status_code == 201
    assert (first.json()["month"], first.json()["outflow"], first.json()["warnings"]) == (
        "2024-03",
        2,
        [],
    )
    again = client.post(reverse("monthly-figure-list"), figure(occupied=25), format="json")
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert len(again.json()["warnings"]) == 2  # over the places, and the stock
    assert MonthlyFigure.objects.get(pk=first.json()["id"]).occupied == 25


def test_a_date_is_taken_as_its_month(api_as):
    response = api_as(Role.POLICY_OFFICER).post(
        reverse("monthly-figure-list"), figure(month="2024-03-20"), format="json"
    )
    assert response.json()["month"] == "2024-03"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"month": "2099-01"}, "month"),
        ({"month": "maart"}, "month"),
        ({"occupied": -1}, "occupied"),
        ({"inflow": 100_001}, "inflow"),
    ],
)
def test_bad_figures_are_400_naming_the_field(api_as, changes, field):
    response = api_as(Role.POLICY_OFFICER).post(
        reverse("monthly-figure-list"), figure(**changes), format="json"
    )
    assert response.status_code == 400
    assert field in response.json()["fields"]
    assert not MonthlyFigure.objects.filter(month__year__in=[2099]).exists()


def test_change_a_stored_month_keeps_its_facility_and_month(api_as):
    client = api_as(Role.CARE_WORKER)
    stored = example_facility().monthly_figures.get(month="2024-02-01")
    url = reverse("monthly-figure-detail", args=[stored.pk])
    body = client.patch(url, {"waiting_list": 7, "month": "2024-05"}, format="json").json()
    assert (body["waiting_list"], body["month"], body["occupied"]) == (7, "2024-02", 18)
    put = client.put(url, figure(occupied=17), format="json").json()
    assert (put["occupied"], put["month"]) == (17, "2024-02")


def test_figures_are_filtered_by_facility_month_and_type(api_as):
    example_facility()
    client = api_as(Role.MUNICIPALITY_OFFICER)
    url = reverse("monthly-figure-list")
    assert client.get(url, {"month_from": "2024-02-01"}).json()["count"] == 1
    assert client.get(url, {"facility_type": "housing-first"}).json()["count"] == 0
    assert client.get(url, {"facility": example_facility().pk}).json()["count"] == 2


def test_a_reader_may_not_enter_figures(api_as):
    response = api_as(Role.GOVERNANCE_READER).post(
        reverse("monthly-figure-list"), figure(), format="json"
    )
    assert response.status_code == 403


def test_import_a_file_through_the_shared_endpoint(api_as):
    upload = SimpleUploadedFile("cijfers.csv", figure_file(good_rows()))
    response = api_as(Role.CARE_WORKER).post(
        reverse("import-list"), {"kind": "monthly_figures", "file": upload}, format="multipart"
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["outcome"]["created"], body["kind"]) == (
        "done",
        1,
        "monthly_figures",
    )


def test_a_reader_may_not_import_figures(api_as):
    upload = SimpleUploadedFile("cijfers.csv", figure_file(good_rows()))
    response = api_as(Role.GOVERNANCE_READER).post(
        reverse("import-list"), {"kind": "monthly_figures", "file": upload}, format="multipart"
    )
    assert response.status_code == 403
