"""Placement pages and API: who sees what (the corporation not the client), the steps with their
dates, evaluations, the download and query counts."""

import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.contingent.models import Evaluation, PlacementStatus
from onderdak.core.exports import HEADER_ROW
from tests.contingent.factories import PlacementFactory, corporation

pytestmark = pytest.mark.django_db
API = "/api/v1/placements/"
NAME = "Testcliënt Plaatsing (fictief)"


def url(name, *args):
    return reverse(f"contingent:{name}", args=args)


def html(response) -> str:
    return response.content.decode()


@pytest.fixture
def placement():
    placement = PlacementFactory(
        lease_start=datetime.date(2025, 1, 6),
        proposal__nomination__client__name=NAME,
    )
    Evaluation.objects.create(placement=placement, month=3, due_on=datetime.date(2025, 4, 6))
    return placement


def test_the_corporation_sees_no_client_and_the_care_worker_does(make_member, login, placement):
    officer = html(
        login(make_member(Role.CORPORATION_OFFICER)).get(url("placement_detail", placement.pk))
    )
    assert NAME not in officer
    assert "After 3 months" in officer
    worker = html(login(make_member(Role.CARE_WORKER)).get(url("placement_detail", placement.pk)))
    assert NAME in worker
    reads = LogEntry.objects.get_for_object(placement.nomination).filter(
        action=LogEntry.Action.ACCESS
    )
    assert reads.count() == 1


def test_others_get_404_or_403(make_member, login, placement):
    other = PlacementFactory(proposal__dwelling__corporation=corporation(1))
    officer = login(make_member(Role.CORPORATION_OFFICER))
    assert officer.get(url("placement_detail", other.pk)).status_code == 404
    assert login(make_member(Role.GOVERNANCE_READER)).get(url("placement_list")).status_code == 403


def test_the_list_takes_the_same_queries_for_1_or_10_rows(
    make_member, login, placement, django_assert_max_num_queries
):
    browser = login(make_member(Role.REGIONAL_COORDINATOR))
    with django_assert_max_num_queries(12) as one:
        browser.get(url("placement_list"))
    PlacementFactory.create_batch(9)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = html(browser.get(url("placement_list")))
    assert page.count('<th scope="row">') == 10


def test_the_download_follows_the_filter(make_member, login, placement):
    browser = login(make_member(Role.CORPORATION_OFFICER))
    response = browser.get(url("placement_export") + "?status=active")
    rows = list(
        load_workbook(io.BytesIO(response.content)).active.iter_rows(
            min_row=HEADER_ROW + 1, values_only=True
        )
    )
    assert [row[0] for row in rows] == [placement.pk]
    response = browser.get(url("placement_export") + "?status=ended")
    rows = list(
        load_workbook(io.BytesIO(response.content)).active.iter_rows(
            min_row=HEADER_ROW + 1, values_only=True
        )
    )
    assert rows == []


def test_transfer_and_evaluation_in_the_browser(make_member, login, placement):
    browser = login(make_member(Role.CORPORATION_OFFICER))
    page = html(browser.get(url("placement_detail", placement.pk)))
    assert url("placement_transfer", placement.pk) in page
    early = browser.post(
        url("placement_transfer", placement.pk), {"version": 1, "transfer_date": "2024-12-31"}
    )
    assert "before the lease start" in html(early)
    evaluation_url = url("evaluation_record", placement.pk, 3)
    refused = browser.post(evaluation_url, {"held_on": "2025-04-07", "living": "good"})
    assert refused.status_code == 200
    ratings = dict.fromkeys(("living", "rent_payment", "tenancy", "guidance", "goals"), "attention")
    assert browser.post(evaluation_url, {"held_on": "2025-04-07", **ratings}).status_code == 302
    assert browser.get(url("evaluation_record", placement.pk, 4)).status_code == 404
    browser.post(
        url("placement_transfer", placement.pk), {"version": 1, "transfer_date": "2026-01-06"}
    )
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.TRANSFERRED
    assert placement.evaluations.get().living == "attention"


def test_the_care_worker_may_not_transfer_the_lease(make_member, login, placement):
    browser = login(make_member(Role.CARE_WORKER))
    assert browser.get(url("placement_transfer", placement.pk)).status_code == 403


def test_api_steps_and_evaluations(make_member, api_login, placement):
    client = api_login(make_member(Role.CARE_WORKER))
    row = client.get(f"{API}{placement.pk}/").json()
    assert "nomination" not in row
    assert row["evaluations"][0]["month"] == 3
    body = {
        "held_on": "2025-04-08",
        **dict.fromkeys(("living", "rent_payment", "tenancy", "guidance", "goals"), "good"),
    }
    response = client.post(f"{API}{placement.pk}/evaluations/3/", body, format="json")
    assert response.json()["evaluations"][0]["held_on"] == "2025-04-08"
    assert (
        client.post(f"{API}{placement.pk}/evaluations/9/", body, format="json").status_code == 404
    )
    later = (placement.guidance_end + datetime.timedelta(days=90)).isoformat()
    response = client.post(
        f"{API}{placement.pk}/extend/",
        {"version": 1, "guidance_end": later, "reason": "Nodig"},
        format="json",
    )
    assert response.json()["status"] == "extended"
    again = client.post(
        f"{API}{placement.pk}/extend/",
        {"version": 2, "guidance_end": later, "reason": "x"},
        format="json",
    )
    assert (again.status_code, again.json()["code"]) == (409, "invalid_transition")
    ended = client.post(
        f"{API}{placement.pk}/end/",
        {"version": 2, "ended_on": "2025-06-01", "end_reason": "moved"},
        format="json",
    )
    assert ended.json()["status"] == "ended"
    assert (
        client.post(
            f"{API}{placement.pk}/transfer/",
            {"version": 3, "transfer_date": "2025-07-01"},
            format="json",
        ).status_code
        == 403
    )
