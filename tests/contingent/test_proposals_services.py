"""Proposal services: making one by hand, both parties' answers, the refusal policy, cancelling,
and the loser of a race getting a 409."""

import datetime

import pytest
from django.db import transaction

from onderdak.accounts.models import Role
from onderdak.contingent.models import (
    DeclineParty,
    DwellingStatus,
    DwellingStream,
    ExcludedMunicipality,
    LeaseType,
    NominationStatus,
    Proposal,
    ProposalStatus,
    Stream,
)
from onderdak.contingent.services import proposals as services
from onderdak.core.errors import Conflict, DomainError
from tests.contingent.factories import (
    ContingentYearFactory,
    DeclineReasonFactory,
    DwellingFactory,
    NominationFactory,
    ProposalFactory,
    municipality,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_member):
    return make_member(Role.REGIONAL_COORDINATOR)


@pytest.fixture
def worker(make_member):
    return make_member(Role.CARE_WORKER)


@pytest.fixture
def officer(make_member):
    return make_member(Role.CORPORATION_OFFICER)


def propose(nomination, dwelling, by, reason="Past goed bij de zorgvraag"):
    return services.proposal_create(nomination=nomination, dwelling=dwelling, reason=reason, by=by)


def fresh(*cases):
    for case in cases:
        case.refresh_from_db()
    return cases


# --- Making a proposal ---------------------------------------------------------------------------


def test_a_proposal_by_hand_moves_both_cases(coordinator, django_capture_on_commit_callbacks):
    nomination, dwelling = NominationFactory(approved=True), DwellingFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        proposal = propose(nomination, dwelling, coordinator)
    assert len(callbacks) == 1  # case_created for the new proposal
    nomination, dwelling = fresh(nomination, dwelling)
    assert (proposal.status, proposal.origin, proposal.made_by) == (
        ProposalStatus.AWAITING_PROVIDER,
        "manual",
        coordinator,
    )
    assert (nomination.status, dwelling.status) == (
        NominationStatus.PROPOSED,
        DwellingStatus.PROPOSED,
    )
    assert (nomination.version, dwelling.version) == (2, 2)


def test_a_proposal_by_hand_needs_a_reason(coordinator):
    nomination, dwelling = NominationFactory(approved=True), DwellingFactory()
    with pytest.raises(DomainError) as refused:
        propose(nomination, dwelling, coordinator, reason="  ")
    assert "reason" in refused.value.fields
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    ("nomination_fields", "dwelling_fields", "message"),
    [
        ({"stream": Stream.PREVENTION}, {"stream": DwellingStream.OUTFLOW}, "other stream"),
        ({"rooms_needed": 3}, {"rooms": 2}, "fewer rooms"),
        ({"needs_ground_floor_or_lift": True}, {"floor": 3, "has_lift": False}, "ground floor"),
        ({"needs_wheelchair_access": True}, {"wheelchair_accessible": False}, "wheelchair"),
    ],
)
def test_a_dwelling_that_does_not_fit_is_refused(
    coordinator, nomination_fields, dwelling_fields, message
):
    nomination = NominationFactory(approved=True, **nomination_fields)
    dwelling = DwellingFactory(**dwelling_fields)
    with pytest.raises(DomainError) as refused:
        propose(nomination, dwelling, coordinator)
    assert refused.value.status_code == 400
    assert any(message in m for m in refused.value.fields["non_field_errors"])
    nomination, dwelling = fresh(nomination, dwelling)
    assert (nomination.status, dwelling.status) == (NominationStatus.APPROVED, "available")


def test_a_lift_or_the_ground_floor_both_do(coordinator):
    nomination = NominationFactory(approved=True, needs_ground_floor_or_lift=True)
    propose(nomination, DwellingFactory(floor=4, has_lift=True), coordinator)


def test_an_excluded_municipality_is_refused(coordinator):
    nomination = NominationFactory(approved=True)
    ExcludedMunicipality.objects.create(
        nomination=nomination, municipality=municipality(), reason="Veiligheid"
    )
    with pytest.raises(DomainError, match="does not fit"):
        propose(nomination, DwellingFactory(), coordinator)


def test_a_nomination_of_an_earlier_year_can_have_a_dwelling_of_this_year(coordinator, region):
    earlier = ContingentYearFactory(region=region, year=2024)
    nomination = NominationFactory(approved=True, contingent_year=earlier)
    proposal = propose(nomination, DwellingFactory(), coordinator)
    assert proposal.dwelling.contingent_year.year == 2025


@pytest.mark.parametrize(
    ("nomination_status", "dwelling_status", "code"),
    [
        (NominationStatus.SUBMITTED, DwellingStatus.AVAILABLE, "nomination_not_free"),
        (NominationStatus.PROPOSED, DwellingStatus.AVAILABLE, "nomination_not_free"),
        (NominationStatus.APPROVED, DwellingStatus.PROPOSED, "dwelling_not_free"),
        (NominationStatus.APPROVED, DwellingStatus.LET, "dwelling_not_free"),
    ],
)
def test_both_must_be_free(coordinator, nomination_status, dwelling_status, code):
    nomination = NominationFactory(status=nomination_status)
    dwelling = DwellingFactory(status=dwelling_status)
    with pytest.raises(Conflict) as refused:
        propose(nomination, dwelling, coordinator)
    assert (refused.value.status_code, refused.value.code) == (409, code)


def test_a_pair_is_never_proposed_twice(coordinator, worker):
    nomination, dwelling = NominationFactory(approved=True), DwellingFactory()
    proposal = propose(nomination, dwelling, coordinator)
    services.proposal_cancel(
        proposal=proposal, reason="Vergissing", expected_version=1, by=coordinator
    )
    with pytest.raises(Conflict) as refused:
        propose(nomination, dwelling, coordinator)
    assert refused.value.code == "pair_proposed_before"


def test_a_concurrent_proposal_loses_with_a_conflict(coordinator):
    """The database's partial unique constraint catches what slipped past the checks."""
    nomination, dwelling = NominationFactory(approved=True), DwellingFactory()
    ProposalFactory(nomination=NominationFactory(proposed=True), dwelling=dwelling)
    # The dwelling row says "available" but an open proposal holds it (as after a race).
    type(dwelling).objects.filter(pk=dwelling.pk).update(status=DwellingStatus.AVAILABLE)
    with pytest.raises(Conflict) as refused, transaction.atomic():
        propose(nomination, dwelling, coordinator)
    assert refused.value.code == "proposed_meanwhile"
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.APPROVED


# --- Answers -------------------------------------------------------------------------------------


def test_the_provider_accepts_then_the_corporation(worker, officer):
    proposal = ProposalFactory(dwelling__available_from=datetime.date(2025, 1, 31))
    proposal = services.proposal_provider_accept(proposal=proposal, expected_version=1, by=worker)
    assert proposal.status == ProposalStatus.AWAITING_CORPORATION
    assert proposal.provider_answered_at is not None
    start = datetime.date(2025, 1, 31)
    placement = services.proposal_corporation_accept(
        proposal=proposal,
        expected_version=proposal.version,
        by=officer,
        lease_type=LeaseType.TRANSFER,
        lease_start=start,
        guidance_end=start + datetime.timedelta(days=365),
    )
    proposal, nomination, dwelling = fresh(proposal, placement.nomination, placement.dwelling)
    assert proposal.status == ProposalStatus.ACCEPTED
    assert (nomination.status, dwelling.status) == (NominationStatus.PLACED, DwellingStatus.LET)
    due = [(e.month, e.due_on) for e in placement.evaluations.order_by("month")]
    assert due == [
        (3, datetime.date(2025, 4, 30)),
        (6, datetime.date(2025, 7, 31)),
        (12, datetime.date(2026, 1, 31)),
    ]


def test_the_lease_cannot_start_before_the_dwelling_is_available(officer):
    proposal = ProposalFactory(awaiting_corporation=True)
    start = proposal.dwelling.available_from - datetime.timedelta(days=1)
    with pytest.raises(DomainError) as refused:
        services.proposal_corporation_accept(
            proposal=proposal,
            expected_version=1,
            by=officer,
            lease_type=LeaseType.REGULAR,
            lease_start=start,
            guidance_end=start + datetime.timedelta(days=365),
        )
    assert "lease_start" in refused.value.fields
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.AWAITING_CORPORATION


def test_guidance_must_end_after_the_lease_starts_and_nothing_is_saved(officer):
    proposal = ProposalFactory(awaiting_corporation=True)
    start = proposal.dwelling.available_from
    with pytest.raises(DomainError) as refused:
        services.proposal_corporation_accept(
            proposal=proposal,
            expected_version=1,
            by=officer,
            lease_type=LeaseType.REGULAR,
            lease_start=start,
            guidance_end=start,
        )
    assert "guidance_end" in refused.value.fields
    proposal, nomination, dwelling = fresh(proposal, proposal.nomination, proposal.dwelling)
    assert (proposal.status, nomination.status, dwelling.status) == (
        ProposalStatus.AWAITING_CORPORATION,
        NominationStatus.PROPOSED,
        DwellingStatus.PROPOSED,
    )


def test_a_stale_answer_is_a_conflict(worker):
    proposal = ProposalFactory()
    with pytest.raises(Conflict) as refused:
        services.proposal_provider_accept(proposal=proposal, expected_version=7, by=worker)
    assert refused.value.code == "stale"


def test_an_answer_out_of_turn_is_a_conflict(officer):
    proposal = ProposalFactory()
    reason = DeclineReasonFactory()
    with pytest.raises(Conflict) as refused:
        services.proposal_corporation_decline(
            proposal=proposal, expected_version=1, by=officer, reason=reason
        )
    assert refused.value.code == "invalid_transition"


def test_a_decline_returns_the_nomination_keeping_its_waiting_time(worker):
    proposal = ProposalFactory()
    approved_at = proposal.nomination.approved_at
    reason = DeclineReasonFactory(party=DeclineParty.PROVIDER, is_valid=True)
    services.proposal_provider_decline(
        proposal=proposal, expected_version=1, by=worker, reason=reason, note="Te ver weg"
    )
    proposal, nomination, dwelling = fresh(proposal, proposal.nomination, proposal.dwelling)
    assert proposal.status == ProposalStatus.DECLINED_BY_PROVIDER
    assert (proposal.decline_reason, proposal.decline_note) == (reason, "Te ver weg")
    assert (nomination.status, nomination.approved_at, nomination.refusals) == (
        NominationStatus.APPROVED,
        approved_at,
        0,
    )
    assert dwelling.status == DwellingStatus.AVAILABLE


def test_refusals_without_a_valid_reason_close_the_nomination(worker, region):
    year = ContingentYearFactory()
    year.refusals_before_closing = 2
    year.save()
    reason = DeclineReasonFactory(label="Geen reden", is_valid=False)
    nomination = NominationFactory(approved=True)
    for expected in (NominationStatus.APPROVED, NominationStatus.CLOSED):
        nomination.refresh_from_db()
        NominationFactory._meta.model.objects.filter(pk=nomination.pk).update(
            status=NominationStatus.PROPOSED
        )
        proposal = ProposalFactory(nomination=nomination)
        services.proposal_provider_decline(
            proposal=proposal, expected_version=1, by=worker, reason=reason
        )
        nomination.refresh_from_db()
        assert nomination.status == expected
    assert nomination.refusals == 2


@pytest.mark.parametrize(
    "reason_fields",
    [{"party": DeclineParty.CORPORATION}, {"is_active": False}],
)
def test_a_decline_reason_must_be_active_and_for_this_party(worker, reason_fields):
    proposal = ProposalFactory()
    reason = DeclineReasonFactory(label="Andere reden", **reason_fields)
    with pytest.raises(DomainError) as refused:
        services.proposal_provider_decline(
            proposal=proposal, expected_version=1, by=worker, reason=reason
        )
    assert "reason" in refused.value.fields
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.AWAITING_PROVIDER


def test_the_corporation_declines(officer):
    proposal = ProposalFactory(awaiting_corporation=True)
    reason = DeclineReasonFactory(party=DeclineParty.CORPORATION)
    services.proposal_corporation_decline(
        proposal=proposal, expected_version=1, by=officer, reason=reason
    )
    proposal, nomination, dwelling = fresh(proposal, proposal.nomination, proposal.dwelling)
    assert proposal.status == ProposalStatus.DECLINED_BY_CORPORATION
    assert proposal.corporation_answered_at is not None
    assert (nomination.status, dwelling.status) == (NominationStatus.APPROVED, "available")


def test_cancel_frees_both_sides_and_needs_a_reason(coordinator):
    proposal = ProposalFactory(awaiting_corporation=True)
    with pytest.raises(DomainError):
        services.proposal_cancel(proposal=proposal, reason="", expected_version=1, by=coordinator)
    services.proposal_cancel(
        proposal=proposal, reason="Dubbel voorgesteld", expected_version=1, by=coordinator
    )
    proposal, nomination, dwelling = fresh(proposal, proposal.nomination, proposal.dwelling)
    assert (proposal.status, proposal.decline_note) == (
        ProposalStatus.CANCELLED,
        "Dubbel voorgesteld",
    )
    assert (nomination.status, dwelling.status) == (NominationStatus.APPROVED, "available")
