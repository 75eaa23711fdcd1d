"""Proposal API: the limited shape for corporations, each action, 409 on illegal steps and stale
versions, the one error shape, and a proposal by hand."""

import datetime

import pytest

from onderdak.accounts.models import Role
from onderdak.contingent.models import DeclineParty, Proposal, ProposalStatus
from tests.contingent.factories import (
    DeclineReasonFactory,
    DwellingFactory,
    NominationFactory,
    ProposalFactory,
    corporation,
)

pytestmark = pytest.mark.django_db
BASE = "/api/v1/proposals/"
HIDDEN = {"nomination", "reason", "decline_note", "made_by"}


def action(pk, name):
    return f"{BASE}{pk}/{name}/"


def test_the_corporation_gets_the_limited_shape(make_member, api_login):
    proposal = ProposalFactory(reason="Alleen voor de zorg")
    body = api_login(make_member(Role.CORPORATION_OFFICER)).get(BASE).json()
    assert body["count"] == 1
    row = body["results"][0]
    assert not HIDDEN & set(row)
    assert row["household"]["household_size"] == 1
    detail = api_login(make_member(Role.CORPORATION_OFFICER)).get(f"{BASE}{proposal.pk}/").json()
    assert not HIDDEN & set(detail)


def test_the_care_worker_gets_the_nomination(make_member, api_login):
    proposal = ProposalFactory()
    row = api_login(make_member(Role.CARE_WORKER)).get(f"{BASE}{proposal.pk}/").json()
    assert row["nomination"] == proposal.nomination.pk


def test_another_corporation_gets_404_and_an_empty_list(make_member, api_login):
    proposal = ProposalFactory(dwelling__corporation=corporation(1))
    client = api_login(make_member(Role.CORPORATION_OFFICER))
    assert client.get(BASE).json()["count"] == 0
    assert client.get(f"{BASE}{proposal.pk}/").status_code == 404


def test_the_whole_answer_path(make_member, api_login):
    proposal = ProposalFactory()
    worker = api_login(make_member(Role.CARE_WORKER))
    response = worker.post(action(proposal.pk, "provider-accept"), {"version": 1}, format="json")
    assert (response.status_code, response.json()["status"]) == (200, "awaiting_corporation")
    officer = api_login(make_member(Role.CORPORATION_OFFICER))
    start = proposal.dwelling.available_from
    response = officer.post(
        action(proposal.pk, "corporation-accept"),
        {
            "version": 2,
            "lease_type": "regular",
            "lease_start": start.isoformat(),
            "guidance_end": (start + datetime.timedelta(days=400)).isoformat(),
        },
        format="json",
    )
    assert response.status_code == 200
    assert [e["month"] for e in response.json()["evaluations"]] == [3, 6, 12]


def test_a_stale_version_is_409_in_the_error_shape(make_member, api_login):
    proposal = ProposalFactory()
    worker = api_login(make_member(Role.CARE_WORKER))
    response = worker.post(action(proposal.pk, "provider-accept"), {"version": 5}, format="json")
    assert response.status_code == 409
    assert set(response.json()) == {"code", "message", "fields"}
    assert response.json()["code"] == "stale"


def test_an_illegal_step_is_409(make_member, api_login):
    proposal = ProposalFactory(status=ProposalStatus.CANCELLED)
    worker = api_login(make_member(Role.CARE_WORKER))
    response = worker.post(action(proposal.pk, "provider-accept"), {"version": 1}, format="json")
    assert (response.status_code, response.json()["code"]) == (409, "invalid_transition")


def test_a_decline_with_the_wrong_partys_reason_is_400(make_member, api_login):
    proposal = ProposalFactory()
    reason = DeclineReasonFactory(label="Alleen corporatie", party=DeclineParty.CORPORATION)
    worker = api_login(make_member(Role.CARE_WORKER))
    response = worker.post(
        action(proposal.pk, "provider-decline"),
        {"version": 1, "reason": reason.pk},
        format="json",
    )
    assert response.status_code == 400
    assert "reason" in response.json()["fields"]
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.AWAITING_PROVIDER


def test_the_corporation_may_not_answer_for_the_provider(make_member, api_login):
    proposal = ProposalFactory()
    officer = api_login(make_member(Role.CORPORATION_OFFICER))
    response = officer.post(action(proposal.pk, "provider-accept"), {"version": 1}, format="json")
    assert response.status_code == 403


def test_the_corporation_declines_and_the_coordinator_cancels(make_member, api_login):
    declined = ProposalFactory(awaiting_corporation=True)
    reason = DeclineReasonFactory()
    officer = api_login(make_member(Role.CORPORATION_OFFICER))
    response = officer.post(
        action(declined.pk, "corporation-decline"),
        {"version": 1, "reason": reason.pk, "note": "Onderhoud"},
        format="json",
    )
    assert response.json()["status"] == "declined_by_corporation"
    cancelled = ProposalFactory()
    coordinator = api_login(make_member(Role.REGIONAL_COORDINATOR))
    assert (
        coordinator.post(action(cancelled.pk, "cancel"), {"version": 1}, format="json").status_code
        == 400
    )
    response = coordinator.post(
        action(cancelled.pk, "cancel"), {"version": 1, "reason": "Vergissing"}, format="json"
    )
    assert response.json()["status"] == "cancelled"


def test_a_proposal_by_hand_and_the_same_pair_again(make_member, api_login):
    nomination, dwelling = NominationFactory(approved=True), DwellingFactory()
    coordinator = api_login(make_member(Role.REGIONAL_COORDINATOR))
    body = {"nomination": nomination.pk, "dwelling": dwelling.pk, "reason": "Past goed"}
    response = coordinator.post(BASE, body, format="json")
    assert response.status_code == 201
    assert response.json()["origin"] == "manual"
    again = coordinator.post(BASE, body, format="json")
    assert again.status_code == 400  # the nomination is no longer in the pool
    assert "nomination" in again.json()["fields"]
    assert Proposal.objects.count() == 1


def test_filters(make_member, api_login):
    ProposalFactory()
    client = api_login(make_member(Role.REGIONAL_COORDINATOR))
    assert client.get(BASE, {"status": "awaiting_provider"}).json()["count"] == 1
    assert client.get(BASE, {"stream": "prevention"}).json()["count"] == 0
    assert client.get(BASE, {"municipality": "GM0546", "year": 2025}).json()["count"] == 1
