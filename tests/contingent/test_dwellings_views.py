"""Dwelling pages and API: who sees which dwellings, offering and changing one, withdrawing,
bad input that saves nothing, the download and query counts."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.contingent.models import Dwelling, DwellingStatus
from onderdak.core.exports import HEADER_ROW
from tests.contingent.factories import ContingentYearFactory, DwellingFactory, corporation

pytestmark = pytest.mark.django_db
API = "/api/v1/dwellings/"


def url(name, *args):
    return reverse(f"contingent:{name}", args=args)


def html(response) -> str:
    return response.content.decode()


def form(year, **changes) -> dict:
    return {
        "contingent_year": year.pk,
        "street": "Haarlemmerstraat",
        "house_number": "7",
        "postcode": "2312dk",
        "place": "Leiden",
        "municipality": Dwelling._meta.get_field("municipality")
        .related_model.objects.get(cbs_code="GM0546")
        .pk,
        "dwelling_type": "apartment",
        "rooms": "2",
        "floor": "0",
        "rent": "640.00",
        "available_from": "2025-04-01",
        "stream": "either",
        **changes,
    }


def test_each_corporation_sees_its_own_and_the_coordinator_all(make_member, login):
    own, other = DwellingFactory(), DwellingFactory(corporation=corporation(1))
    officer = login(make_member(Role.CORPORATION_OFFICER))
    page = html(officer.get(url("dwelling_list")))
    assert url("dwelling_detail", own.pk) in page
    assert url("dwelling_detail", other.pk) not in page
    assert officer.get(url("dwelling_detail", other.pk)).status_code == 404
    coordinator = login(make_member(Role.REGIONAL_COORDINATOR))
    page = html(coordinator.get(url("dwelling_list")))
    assert url("dwelling_detail", other.pk) in page


@pytest.mark.parametrize("role", [Role.CARE_WORKER, Role.POLICY_OFFICER])
def test_other_roles_see_no_dwellings(make_member, login, role):
    assert login(make_member(role)).get(url("dwelling_list")).status_code == 403


def test_the_list_filters_and_downloads(make_member, login):
    available, let = DwellingFactory(), DwellingFactory(let=True)
    officer = login(make_member(Role.CORPORATION_OFFICER))
    page = html(officer.get(url("dwelling_list") + "?status=let"))
    assert url("dwelling_detail", let.pk) in page
    assert url("dwelling_detail", available.pk) not in page
    response = officer.get(url("dwelling_export") + "?status=available")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert [row[0] for row in rows] == [available.pk]


def test_the_list_takes_the_same_queries_for_1_or_10_rows(
    make_member, login, django_assert_max_num_queries
):
    browser = login(make_member(Role.CORPORATION_OFFICER))
    DwellingFactory()
    with django_assert_max_num_queries(12) as one:
        browser.get(url("dwelling_list"))
    DwellingFactory.create_batch(9)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = html(browser.get(url("dwelling_list")))
    assert page.count('<th scope="row">') == 10


def test_offer_a_dwelling(make_member, login):
    year = ContingentYearFactory()
    browser = login(make_member(Role.CORPORATION_OFFICER))
    response = browser.post(url("dwelling_create"), form(year))
    dwelling = Dwelling.objects.get()
    assert response["Location"] == url("dwelling_detail", dwelling.pk)
    assert (dwelling.postcode, dwelling.corporation) == ("2312 DK", corporation())


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"rent": "20"}, "not plausible"),
        ({"rooms": "0"}, ""),
        ({"postcode": "abc"}, "four digits"),
    ],
)
def test_bad_input_gives_a_message_and_saves_nothing(make_member, login, changes, message):
    browser = login(make_member(Role.CORPORATION_OFFICER))
    response = browser.post(url("dwelling_create"), form(ContingentYearFactory(), **changes))
    assert response.status_code == 200
    assert message in html(response)
    assert response.context["form"].errors
    assert not Dwelling.objects.exists()


def test_change_and_withdraw(make_member, login):
    dwelling = DwellingFactory()
    browser = login(make_member(Role.CORPORATION_OFFICER))
    detail = html(browser.get(url("dwelling_detail", dwelling.pk)))
    assert url("dwelling_update", dwelling.pk) in detail
    assert url("dwelling_withdraw", dwelling.pk) in detail
    data = {**form(dwelling.contingent_year, rooms="4"), "version": 1}
    assert browser.post(url("dwelling_update", dwelling.pk), data).status_code == 302
    stale = browser.post(url("dwelling_update", dwelling.pk), {**data, "rooms": "5"})
    assert "Someone else changed this dwelling" in html(stale)
    browser.post(url("dwelling_withdraw", dwelling.pk), {"version": 2, "reason": "Verkocht"})
    dwelling.refresh_from_db()
    assert (dwelling.rooms, dwelling.status) == (4, DwellingStatus.WITHDRAWN)


def test_the_coordinator_reads_but_does_not_change(make_member, login):
    dwelling = DwellingFactory()
    browser = login(make_member(Role.REGIONAL_COORDINATOR))
    assert url("dwelling_withdraw", dwelling.pk) not in html(
        browser.get(url("dwelling_detail", dwelling.pk))
    )
    assert browser.get(url("dwelling_update", dwelling.pk)).status_code == 403


# --- API ------------------------------------------------------------------------------------------


def test_api_create_update_and_withdraw(make_member, api_login):
    year = ContingentYearFactory()
    client = api_login(make_member(Role.CORPORATION_OFFICER))
    body = {**form(year), "municipality": "GM0546"}
    response = client.post(API, body, format="json")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert (created["postcode"], created["version"]) == ("2312 DK", 1)
    pk = created["id"]
    missing = client.patch(f"{API}{pk}/", {"rooms": 3}, format="json")
    assert (missing.status_code, list(missing.json()["fields"])) == (400, ["version"])
    changed = client.patch(f"{API}{pk}/", {"version": 1, "rooms": 3}, format="json")
    assert (changed.json()["rooms"], changed.json()["version"]) == (3, 2)
    stale = client.post(f"{API}{pk}/withdraw/", {"version": 1, "reason": "x"}, format="json")
    assert (stale.status_code, stale.json()["code"]) == (409, "stale")
    done = client.post(f"{API}{pk}/withdraw/", {"version": 2, "reason": "x"}, format="json")
    assert done.json()["status"] == "withdrawn"


def test_api_refuses_another_corporation(make_member, api_login):
    client = api_login(make_member(Role.CORPORATION_OFFICER))
    body = {
        **form(ContingentYearFactory()),
        "municipality": "GM0546",
        "corporation": corporation(1).pk,
    }
    response = client.post(API, body, format="json")
    assert response.status_code == 403
    other = DwellingFactory(corporation=corporation(1))
    assert client.get(f"{API}{other.pk}/").status_code == 404
    assert client.get(API, {"corporation": other.corporation_id}).json()["count"] == 0
