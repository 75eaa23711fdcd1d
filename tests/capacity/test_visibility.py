"""Who sees which facilities: the querysets of ``selectors.visibility`` agree with the object
permissions for every role, and a care worker never sees another care provider's facility —
not on its page, in the list, in the Excel download, in the API or among the figures."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.capacity.selectors.facilities import importable_facilities
from onderdak.capacity.selectors.visibility import visible_facilities, visible_figures
from onderdak.capacity.services.figures import FIGURE_FIELDS
from tests.capacity.facilities_data import example_facility, other_facility
from tests.capacity.factories import MonthlyFigureFactory
from tests.conftest import ALL_ROLES

pytestmark = pytest.mark.usefixtures("facility_types")


@pytest.fixture
def facilities(region):
    own, other = example_facility(), other_facility()
    MonthlyFigureFactory(facility=other)
    return own, other


@pytest.mark.parametrize("role", ALL_ROLES)
def test_the_querysets_agree_with_the_permissions(facilities, make_member, region, role):
    user = make_member(role)
    seen = set(visible_facilities(user=user, region=region))
    assert seen == {f for f in facilities if user.has_perm("capacity.view_facility", f)}
    figures = set(visible_figures(user=user, region=region))
    assert figures == {
        figure
        for f in facilities
        for figure in f.monthly_figures.all()
        if user.has_perm("capacity.view_monthlyfigure", figure)
    }
    enterable = set(importable_facilities(user=user, region=region))
    assert enterable == {f for f in facilities if user.has_perm("capacity.change_monthlyfigure", f)}


def test_another_region_is_seen_by_nobody(facilities, make_member, region):
    user = make_member(Role.REGIONAL_COORDINATOR)
    assert not visible_facilities(user=user, region=None).exists()


@pytest.fixture
def worker_client(facilities, make_member, login):
    return login(make_member(Role.CARE_WORKER))


@pytest.mark.parametrize(
    "name", ["capacity:facility_detail", "capacity:figure_month", "capacity:facility_update"]
)
def test_another_care_providers_facility_is_not_found(facilities, worker_client, name):
    own, other = facilities
    response = worker_client.get(reverse(name, args=[other.pk]))
    assert response.status_code == (403 if name.endswith("update") else 404)
    if name != "capacity:facility_update":
        assert worker_client.get(reverse(name, args=[own.pk])).status_code == 200


def test_the_year_grid_of_another_care_providers_facility_is_not_found(facilities, worker_client):
    _own, other = facilities
    url = reverse("capacity:figure_year", args=[other.pk, 2024])
    assert worker_client.get(url).status_code == 404


def test_the_list_and_its_download_hold_only_the_own_facilities(facilities, worker_client):
    own, other = facilities
    page = worker_client.get(reverse("capacity:facility_list") + "?actief=").text
    assert own.name in page
    assert other.name not in page
    download = worker_client.get(reverse("capacity:facility_export") + "?actief=")
    sheet = load_workbook(io.BytesIO(download.content)).worksheets[0]
    names = {row[1] for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert own.name in names
    assert other.name not in names


def test_the_api_holds_only_the_own_facilities_and_figures(facilities, make_member, api_login):
    own, other = facilities
    client = api_login(make_member(Role.CARE_WORKER))
    listed = {f["id"] for f in client.get(reverse("facility-list")).json()["results"]}
    assert listed == {own.pk}
    assert client.get(reverse("facility-detail", args=[other.pk])).status_code == 404
    figures = client.get(reverse("monthly-figure-list")).json()["results"]
    assert {f["facility"] for f in figures} == {own.pk}
    theirs = other.monthly_figures.first()
    assert client.get(reverse("monthly-figure-detail", args=[theirs.pk])).status_code == 404


def test_a_care_worker_cannot_enter_figures_for_another_care_provider(
    facilities, make_member, api_login
):
    _own, other = facilities
    client = api_login(make_member(Role.CARE_WORKER))
    response = client.post(
        reverse("monthly-figure-list"),
        {"facility": other.pk, "month": "2024-05", **dict.fromkeys(FIGURE_FIELDS, 1)},
        format="json",
    )
    assert response.status_code == 400
    assert "facility" in response.json()["fields"]
