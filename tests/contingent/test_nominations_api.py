"""Nomination API: create (idempotent), change, each step, 409 on illegal steps and stale versions,
the one error shape, rights, documents, access logging and query counts."""

import uuid

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.contingent.models import Nomination, NominationStatus, ProposalStatus
from onderdak.region.models import Municipality
from tests.contingent.factories import (
    ContingentYearFactory,
    NominationFactory,
    ProposalFactory,
    care_provider,
)

pytestmark = pytest.mark.django_db

SHAPE = {"code", "message", "fields"}
PDF = b"%PDF-1.7 fictief"


@pytest.fixture
def year(region):
    return ContingentYearFactory()


@pytest.fixture
def worker(make_member):
    return make_member(Role.CARE_WORKER)


@pytest.fixture
def officer(make_member):
    return make_member(Role.MUNICIPALITY_OFFICER)


def tied_to(officer, **kwargs):
    tie = officer.organisations_for(Role.MUNICIPALITY_OFFICER)[0].municipality
    return NominationFactory(tie_municipality=tie, **kwargs)


def url(name: str, *args) -> str:
    return reverse(f"nomination-{name}", args=args)


def assert_error(response, status: int, field: str | None = None) -> dict:
    assert response.status_code == status, response.content[:300]
    body = response.json()
    assert set(body) == SHAPE
    if field:
        assert field in body["fields"], body
    return body


def payload(year, **changes) -> dict:
    body = {
        "contingent_year": year.year,
        "provider": care_provider().pk,
        "stream": "outflow",
        "client": {
            "name": "API Cliënt (fictief)",
            "date_of_birth": "1988-07-01",
            "client_number": "K-API",
        },
        "household_adults": 1,
        "household_children": 0,
        "income_band": "within_limit",
        "rooms_needed": 1,
        "needs_ground_floor_or_lift": False,
        "needs_wheelchair_access": False,
        "tie_municipality": "GM0546",
        "current_situation": "ambulant",
        "guidance_provider": care_provider().pk,
        "guidance_intensity": "light",
        "guidance_months": 18,
        "preferred_municipalities": ["GM0546"],
        "exclusions": [{"municipality": "GM0537", "reason": "Veiligheid"}],
    }
    return {**body, **changes}


# --- Create and change ---------------------------------------------------------------------------


def test_create_is_idempotent_on_the_submission_key(worker, api_login, year):
    api = api_login(worker)
    body = payload(year, submission_key=str(uuid.uuid4()))
    first = api.post(url("list"), body, format="json")
    assert first.status_code == 201, first.content
    data = first.json()
    assert (data["status"], data["version"]) == ("draft", 1)
    assert data["client"]["client_number"] == "K-API"
    assert data["exclusions"] == [{"municipality": "GM0537", "reason": "Veiligheid"}]
    second = api.post(url("list"), body, format="json")
    assert second.json()["id"] == data["id"]
    assert Nomination.objects.count() == 1


def test_create_for_another_provider_is_forbidden(worker, api_login, year):
    response = api_login(worker).post(
        url("list"), payload(year, provider=care_provider(1).pk), format="json"
    )
    assert_error(response, 403)
    assert not Nomination.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"tie_municipality": "GM9999"}, "tie_municipality"),
        ({"household_children": 40}, "household_children"),
        ({"exclusions": [{"municipality": "GM0537", "reason": ""}]}, "exclusions.0.reason"),
        ({"preferred_municipalities": ["GM0537"]}, "exclusions"),
        ({"client": {"name": "X", "date_of_birth": "2030-01-01", "client_number": "K"}}, None),
    ],
)
def test_bad_input_is_refused_in_the_error_shape(worker, api_login, year, changes, field):
    response = api_login(worker).post(url("list"), payload(year, **changes), format="json")
    body = assert_error(response, 400, field)
    if field is None:
        assert "client.date_of_birth" in body["fields"]
    assert not Nomination.objects.exists()


def test_partial_update_with_version(worker, api_login, year):
    nomination = NominationFactory()
    api = api_login(worker)
    response = api.patch(
        url("detail", nomination.pk), {"version": 1, "rooms_needed": 3}, format="json"
    )
    assert response.status_code == 200, response.content
    assert (response.json()["rooms_needed"], response.json()["version"]) == (3, 2)
    stale = api.patch(url("detail", nomination.pk), {"version": 1, "urgent": True}, format="json")
    assert assert_error(stale, 409)["code"] == "stale"
    missing = api.patch(url("detail", nomination.pk), {"urgent": True}, format="json")
    assert_error(missing, 400, "version")


# --- Reading -------------------------------------------------------------------------------------


def test_list_holds_only_visible_nominations(worker, api_login, year):
    own = NominationFactory()
    NominationFactory(provider=care_provider(1))
    response = api_login(worker).get(url("list"))
    assert [row["id"] for row in response.json()["results"]] == [own.pk]


def test_list_filters(worker, api_login, year):
    NominationFactory(client__client_number="K-5", submitted=True)
    NominationFactory()
    api = api_login(worker)
    assert api.get(url("list"), {"status": "submitted"}).json()["count"] == 1
    assert api.get(url("list"), {"search": "k-5"}).json()["count"] == 1
    assert api.get(url("list"), {"tie_municipality": "GM0537"}).json()["count"] == 0
    assert api.get(url("list"), {"year": year.year}).json()["count"] == 2


def test_list_query_count_does_not_grow(worker, api_login, year, django_assert_max_num_queries):
    api = api_login(worker)
    NominationFactory()
    api.get(url("list"))
    with django_assert_max_num_queries(12) as one:
        api.get(url("list"))
    NominationFactory.create_batch(9)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert api.get(url("list")).json()["count"] == 10


def test_retrieve_is_logged(worker, api_login, year):
    nomination = NominationFactory()
    response = api_login(worker).get(url("detail", nomination.pk))
    assert response.status_code == 200
    reads = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(nomination.pk))
    assert reads.count() == 1


@pytest.mark.parametrize("role", [Role.CORPORATION_OFFICER, Role.GOVERNANCE_READER])
def test_roles_without_cases_are_refused(make_member, api_login, year, role):
    nomination = NominationFactory()
    api = api_login(make_member(role))
    assert_error(api.get(url("list")), 403)
    assert_error(api.get(url("detail", nomination.pk)), 403)


def test_another_providers_nomination_is_not_found(worker, api_login, year):
    nomination = NominationFactory(provider=care_provider(1))
    assert_error(api_login(worker).get(url("detail", nomination.pk)), 404)


# --- Steps ---------------------------------------------------------------------------------------


def test_review_steps(officer, api_login, year):
    api = api_login(officer)
    approved = tied_to(officer, submitted=True)
    response = api.post(url("approve", approved.pk), {"version": 1}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "approved"
    assert response.json()["approved_at"]
    sent_back = tied_to(officer, submitted=True)
    response = api.post(
        url("request-info", sent_back.pk), {"version": 1, "reason": "Plan mist"}, format="json"
    )
    assert (response.json()["status"], response.json()["decision_reason"]) == (
        "info_requested",
        "Plan mist",
    )


def test_illegal_step_is_409(officer, api_login, year):
    nomination = tied_to(officer)  # a draft
    response = api_login(officer).post(url("approve", nomination.pk), {"version": 1}, format="json")
    assert assert_error(response, 409)["code"] == "invalid_transition"


def test_stale_version_is_409(officer, api_login, year):
    nomination = tied_to(officer, submitted=True)
    response = api_login(officer).post(url("approve", nomination.pk), {"version": 7}, format="json")
    assert assert_error(response, 409)["code"] == "stale"


def test_reject_needs_a_reason(officer, api_login, year):
    nomination = tied_to(officer, submitted=True)
    response = api_login(officer).post(url("reject", nomination.pk), {"version": 1}, format="json")
    assert_error(response, 400, "reason")


def test_submit_lists_what_is_missing(worker, api_login, year):
    nomination = NominationFactory()
    response = api_login(worker).post(url("submit", nomination.pk), {"version": 1}, format="json")
    assert_error(response, 400, "documents")


def test_care_worker_cannot_approve(worker, api_login, year):
    nomination = NominationFactory(submitted=True)
    response = api_login(worker).post(url("approve", nomination.pk), {"version": 1}, format="json")
    assert_error(response, 403)


def test_withdraw_cancels_the_open_proposal(worker, api_login, year):
    proposal = ProposalFactory()
    response = api_login(worker).post(
        url("withdraw", proposal.nomination.pk), {"version": 1, "reason": "Verhuisd"}, format="json"
    )
    assert response.json()["status"] == NominationStatus.WITHDRAWN
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CANCELLED


# --- Documents -----------------------------------------------------------------------------------


def test_upload_list_and_download(worker, api_login, year, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    nomination = NominationFactory()
    api = api_login(worker)
    upload = SimpleUploadedFile("toestemming.pdf", PDF)
    response = api.post(
        url("documents", nomination.pk), {"kind": "consent", "file": upload}, format="multipart"
    )
    assert response.status_code == 201, response.content
    document = response.json()
    assert document["content_type"] == "application/pdf"
    listed = api.get(url("documents", nomination.pk)).json()
    assert [d["id"] for d in listed] == [document["id"]]
    download = api.get(document["download_url"])
    assert b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"
    assert LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, object_pk=str(document["id"])
    ).exists()


def test_upload_of_the_wrong_type_is_refused(worker, api_login, year, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    nomination = NominationFactory()
    upload = SimpleUploadedFile("plan.pdf", b"<html>")
    response = api_login(worker).post(
        url("documents", nomination.pk), {"kind": "consent", "file": upload}, format="multipart"
    )
    assert_error(response, 400, "file")


def test_reviewer_of_another_municipality_does_not_find_documents(officer, api_login, year):
    own = officer.organisations_for(Role.MUNICIPALITY_OFFICER)[0].municipality
    nomination = NominationFactory(tie_municipality=Municipality.objects.exclude(pk=own.pk)[0])
    assert_error(api_login(officer).get(url("documents", nomination.pk)), 404)
