"""Writes to dwellings: a corporation offers one, changes it while it is available, or
withdraws it (which cancels an open proposal for it)."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from onderdak.accounts.models import Role, User
from onderdak.contingent.models import (
    OPEN_PROPOSAL_STATUSES,
    ContingentYear,
    Dwelling,
    DwellingStatus,
    Proposal,
    normalised_postcode,
)
from onderdak.contingent.models.base import REASON_LENGTH
from onderdak.contingent.rules import organisation_ids
from onderdak.contingent.services import notifications
from onderdak.contingent.services.proposals import free_nomination
from onderdak.contingent.workflows import DWELLING, PROPOSAL
from onderdak.core.errors import Conflict, DomainError, Forbidden
from onderdak.core.validation import save_validated
from onderdak.region.models import Organisation

#: What a corporation enters about a dwelling; the rest is set by the scheme.
EDITABLE_FIELDS = frozenset(
    {
        "street",
        "house_number",
        "postcode",
        "place",
        "municipality",
        "dwelling_type",
        "rooms",
        "floor",
        "has_lift",
        "wheelchair_accessible",
        "rent",
        "available_from",
        "stream",
    }
)


@transaction.atomic
def dwelling_create(
    *,
    corporation: Organisation,
    contingent_year: ContingentYear,
    data: Mapping[str, Any],
    by: User,
) -> Dwelling:
    """Offer a dwelling of ``corporation`` (one ``by`` works for) for ``contingent_year``."""
    if corporation.pk not in organisation_ids(by, Role.CORPORATION_OFFICER):
        raise Forbidden(_("You can only offer dwellings of your own corporation."))
    if corporation.region_id != contingent_year.region_id:
        message = _("This corporation is not part of the year's region.")
        raise DomainError(message, fields={"corporation": [message]})
    dwelling = Dwelling(corporation=corporation, contingent_year=contingent_year, created_by=by)
    _set_fields(dwelling, data)
    return save_validated(dwelling)


@transaction.atomic
def dwelling_update(
    *, dwelling: Dwelling, expected_version: int, by: User, **changes: Any
) -> Dwelling:
    """Change what was entered about a dwelling; only while it is available (a proposal was made
    on what it was)."""
    dwelling = DWELLING.lock(dwelling, expected_version)
    if dwelling.status != DwellingStatus.AVAILABLE:
        raise Conflict(
            _("A dwelling can only be changed while it is available; this one is “%(status)s”.")
            % {"status": dwelling.get_status_display()},
            code="invalid_transition",
        )
    _set_fields(dwelling, changes)
    dwelling.version += 1
    return save_validated(dwelling)


def _set_fields(dwelling: Dwelling, values: Mapping[str, Any]) -> None:
    unknown = sorted(set(values) - EDITABLE_FIELDS)
    if unknown:
        raise DomainError(
            _("These fields cannot be set: %(fields)s.") % {"fields": ", ".join(unknown)}
        )
    for name, value in values.items():
        setattr(dwelling, name, value)
    if dwelling.postcode:
        dwelling.postcode = normalised_postcode(dwelling.postcode)


@transaction.atomic
def dwelling_withdraw(
    *, dwelling: Dwelling, reason: str, expected_version: int, by: User
) -> Dwelling:
    """Take a dwelling out of the contingent. An open proposal for it is cancelled and its
    nomination goes back to the pool, keeping its waiting time."""
    if not reason.strip():
        message = _("Give the reason for withdrawing the dwelling.")
        raise DomainError(message, fields={"reason": [message]})
    proposal = Proposal.objects.filter(dwelling=dwelling, status__in=OPEN_PROPOSAL_STATUSES).first()
    if proposal is not None:
        _cancel_for_withdrawal(proposal, reason)
    dwelling = DWELLING.apply(
        dwelling,
        "withdraw",
        expected_version=expected_version,
        changes={"withdrawal_reason": reason},
    )
    transaction.on_commit(lambda: notifications.step_taken(case=dwelling, action="withdraw"))
    return dwelling


def _cancel_for_withdrawal(proposal: Proposal, reason: str) -> None:
    """Locks the proposal, then its nomination, before the dwelling: the order of every service."""
    note = (_("The dwelling was withdrawn: %(reason)s") % {"reason": reason})[:REASON_LENGTH]
    proposal = PROPOSAL.apply(proposal, "cancel", changes={"decline_note": note})
    free_nomination(proposal.nomination, refused=False)
    transaction.on_commit(lambda: notifications.step_taken(case=proposal, action="cancel"))
