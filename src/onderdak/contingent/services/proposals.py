"""Writes to proposals: making one, the answers of the care provider and the corporation, and
cancelling one.

Rows are locked in one order everywhere (proposal, then nomination, then dwelling), so two
transactions on the same cases wait for each other instead of deadlocking; the one that comes
second finds the cases changed and gets a ``Conflict`` (409). The partial unique constraints on
``Proposal`` hold the same rules in the database.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from onderdak.accounts.models import User
from onderdak.contingent.models import (
    DeclineParty,
    DeclineReason,
    Dwelling,
    DwellingStatus,
    Evaluation,
    Nomination,
    NominationStatus,
    Placement,
    Proposal,
    ProposalOrigin,
)
from onderdak.contingent.selectors.proposals import fit_problems
from onderdak.contingent.services import notifications
from onderdak.contingent.workflows import DWELLING, NOMINATION, PROPOSAL
from onderdak.core.api.exceptions import NON_FIELD
from onderdak.core.errors import Conflict, DomainError
from onderdak.core.validation import save_validated


def _notify_created(case) -> None:
    transaction.on_commit(lambda: notifications.case_created(case=case))


def _notify_step(case, action: str) -> None:
    transaction.on_commit(lambda: notifications.step_taken(case=case, action=action))


# --- Making a proposal ---------------------------------------------------------------------------


@transaction.atomic
def proposal_create(
    *,
    nomination: Nomination,
    dwelling: Dwelling,
    reason: str,
    by: User | None,
    origin: str = ProposalOrigin.MANUAL,
) -> Proposal:
    """Propose ``dwelling`` for ``nomination``: both must be free and fit each other, and the pair
    must never have been proposed before. A proposal by hand needs a reason."""
    if origin == ProposalOrigin.MANUAL and not reason.strip():
        raise DomainError(
            _("Give the reason for this proposal."),
            fields={"reason": [_("Give the reason for this proposal.")]},
        )
    nomination = NOMINATION.lock(nomination)
    dwelling = DWELLING.lock(dwelling)
    _check_free(nomination, dwelling)
    _check_fit(nomination, dwelling)
    NOMINATION.apply(nomination, "propose")
    DWELLING.apply(dwelling, "propose")
    proposal = _insert(
        Proposal(nomination=nomination, dwelling=dwelling, origin=origin, reason=reason, made_by=by)
    )
    _notify_created(proposal)
    return proposal


def _check_free(nomination: Nomination, dwelling: Dwelling) -> None:
    if nomination.status != NominationStatus.APPROVED:
        raise Conflict(
            _("This nomination is not in the pool (it is “%(status)s”).")
            % {"status": nomination.get_status_display()},
            code="nomination_not_free",
        )
    if dwelling.status != DwellingStatus.AVAILABLE:
        raise Conflict(
            _("This dwelling is not available (it is “%(status)s”).")
            % {"status": dwelling.get_status_display()},
            code="dwelling_not_free",
        )
    if Proposal.objects.filter(nomination=nomination, dwelling=dwelling).exists():
        raise Conflict(
            _(
                "This dwelling was proposed for this nomination before; a pair is never "
                "proposed twice."
            ),
            code="pair_proposed_before",
        )


def _check_fit(nomination: Nomination, dwelling: Dwelling) -> None:
    excluded = set(nomination.exclusions.values_list("municipality_id", flat=True))
    problems = fit_problems(nomination, dwelling, excluded)
    if problems:
        raise DomainError(
            _("This dwelling does not fit the nomination."),
            code="no_fit",
            fields={NON_FIELD: problems},
        )


def _insert(proposal: Proposal) -> Proposal:
    """Save a new proposal; a pair or an open proposal that a concurrent transaction made in the
    meantime is a ``Conflict``, not a server error."""
    proposal.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            proposal.save()
    except IntegrityError as error:
        raise Conflict(
            _("Someone else proposed this nomination or this dwelling in the meantime."),
            code="proposed_meanwhile",
        ) from error
    return proposal


# --- The care provider's answer ------------------------------------------------------------------


@transaction.atomic
def proposal_provider_accept(*, proposal: Proposal, expected_version: int, by: User) -> Proposal:
    """The care provider, with the client, accepts: the corporation answers next."""
    proposal = PROPOSAL.apply(
        proposal,
        "provider_accept",
        expected_version=expected_version,
        changes={"provider_answered_at": timezone.now()},
    )
    _notify_step(proposal, "provider_accept")
    return proposal


@transaction.atomic
def proposal_provider_decline(
    *,
    proposal: Proposal,
    expected_version: int,
    by: User,
    reason: DeclineReason,
    note: str = "",
) -> Proposal:
    """The care provider declines for ``reason``: the nomination goes back to the pool (or is
    closed after too many refusals without a valid reason) and the dwelling is free again."""
    return _decline(
        proposal, "provider_decline", DeclineParty.PROVIDER, expected_version, reason, note
    )


# --- The corporation's answer --------------------------------------------------------------------


@transaction.atomic
def proposal_corporation_accept(
    *,
    proposal: Proposal,
    expected_version: int,
    by: User,
    lease_type: str,
    lease_start: datetime.date,
    guidance_end: datetime.date,
) -> Placement:
    """The corporation accepts: the nomination is placed, the dwelling let, and a placement
    starts with its evaluation moments (the dwelling's year's months after the lease start)."""
    _check_lease_start(lease_start, proposal.dwelling)
    proposal = PROPOSAL.apply(
        proposal,
        "corporation_accept",
        expected_version=expected_version,
        changes={"corporation_answered_at": timezone.now()},
    )
    nomination = NOMINATION.apply(proposal.nomination, "place")
    dwelling = DWELLING.apply(proposal.dwelling, "let")
    placement = save_validated(
        Placement(
            proposal=proposal,
            nomination=nomination,
            dwelling=dwelling,
            lease_type=lease_type,
            lease_start=lease_start,
            guidance_end=guidance_end,
        )
    )
    _plan_evaluations(placement, dwelling.contingent_year.evaluation_months)
    _notify_step(proposal, "corporation_accept")
    return placement


def _check_lease_start(lease_start: datetime.date, dwelling: Dwelling) -> None:
    if lease_start < dwelling.available_from:
        message = _("The lease cannot start before the dwelling is available (%(date)s).") % {
            "date": dwelling.available_from.strftime("%d-%m-%Y")
        }
        raise DomainError(message, fields={"lease_start": [message]})


def _plan_evaluations(placement: Placement, months: list[int]) -> None:
    Evaluation.objects.bulk_create(
        Evaluation(
            placement=placement,
            month=month,
            due_on=placement.lease_start + relativedelta(months=month),
        )
        for month in months
    )


@transaction.atomic
def proposal_corporation_decline(
    *,
    proposal: Proposal,
    expected_version: int,
    by: User,
    reason: DeclineReason,
    note: str = "",
) -> Proposal:
    """The corporation declines for ``reason``; the cases are freed as for the care provider's
    decline."""
    return _decline(
        proposal, "corporation_decline", DeclineParty.CORPORATION, expected_version, reason, note
    )


# --- Declining and cancelling --------------------------------------------------------------------


def _decline(
    proposal: Proposal,
    action: str,
    party: str,
    expected_version: int,
    reason: DeclineReason,
    note: str,
) -> Proposal:
    _check_decline_reason(reason, party, proposal.nomination)
    answered = ANSWERED_AT[party]
    proposal = PROPOSAL.apply(
        proposal,
        action,
        expected_version=expected_version,
        changes={answered: timezone.now(), "decline_reason": reason, "decline_note": note},
    )
    free_nomination(proposal.nomination, refused=not reason.is_valid)
    DWELLING.apply(proposal.dwelling, "release")
    _notify_step(proposal, action)
    return proposal


#: Where the time of a party's answer is kept.
ANSWERED_AT = {
    DeclineParty.PROVIDER: "provider_answered_at",
    DeclineParty.CORPORATION: "corporation_answered_at",
}


def _check_decline_reason(reason: DeclineReason, party: str, nomination: Nomination) -> None:
    usable = (
        reason.is_active
        and reason.party in (party, DeclineParty.BOTH)
        and reason.region_id == nomination.contingent_year.region_id
    )
    if not usable:
        message = _("Choose one of the reasons on the list.")
        raise DomainError(message, fields={"reason": [message]})


def free_nomination(nomination: Nomination, *, refused: bool) -> Nomination:
    """Back to the pool, keeping its approval date (its waiting time); a refusal without a valid
    reason counts, and closes the nomination once the year's limit is reached."""
    nomination = NOMINATION.lock(nomination)
    refusals = nomination.refusals + (1 if refused else 0)
    limit = nomination.contingent_year.refusals_before_closing
    action = "close" if refused and limit and refusals >= limit else "return_to_pool"
    nomination = NOMINATION.apply(nomination, action, changes={"refusals": refusals})
    _notify_step(nomination, action)
    return nomination


@transaction.atomic
def proposal_cancel(
    *, proposal: Proposal, reason: str, expected_version: int, by: User
) -> Proposal:
    """The coordinator cancels an open proposal: the nomination goes back to the pool and the
    dwelling is available again. The pair is not proposed again."""
    if not reason.strip():
        message = _("Give the reason for cancelling.")
        raise DomainError(message, fields={"reason": [message]})
    proposal = PROPOSAL.apply(
        proposal, "cancel", expected_version=expected_version, changes={"decline_note": reason}
    )
    free_nomination(proposal.nomination, refused=False)
    DWELLING.apply(proposal.dwelling, "release")
    _notify_step(proposal, "cancel")
    return proposal
