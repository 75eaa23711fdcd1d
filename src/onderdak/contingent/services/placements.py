"""Writes to placements: extending the guidance, the lease transfer (omklap), the end, and the
evaluations on their moments."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from onderdak.accounts.models import User
from onderdak.contingent.models import Evaluation, Placement, PlacementStatus
from onderdak.contingent.services import notifications
from onderdak.contingent.workflows import PLACEMENT
from onderdak.core.errors import Conflict, DomainError
from onderdak.core.validation import save_validated


def _refuse(field: str, message: str) -> None:
    raise DomainError(message, fields={field: [message]})


def _notify_step(placement: Placement, action: str) -> None:
    transaction.on_commit(lambda: notifications.step_taken(case=placement, action=action))


def _not_before_lease_start(placement: Placement, date: datetime.date, field: str) -> None:
    if date < placement.lease_start:
        _refuse(
            field,
            _("The date lies before the lease start (%(date)s).")
            % {"date": placement.lease_start.strftime("%d-%m-%Y")},
        )


@transaction.atomic
def placement_extend(
    *,
    placement: Placement,
    guidance_end: datetime.date,
    reason: str,
    expected_version: int,
    by: User,
) -> Placement:
    """Extend the guidance agreement to a later ``guidance_end``, for ``reason``."""
    if not reason.strip():
        _refuse("reason", _("Give the reason for the extension."))
    placement = PLACEMENT.lock(placement, expected_version)
    PLACEMENT.check(placement, "extend")  # a wrong state first, then the date against it
    if guidance_end <= placement.guidance_end:
        _refuse(
            "guidance_end",
            _("An extension ends after the current end of the guidance (%(date)s).")
            % {"date": placement.guidance_end.strftime("%d-%m-%Y")},
        )
    placement = PLACEMENT.apply(
        placement,
        "extend",
        expected_version=expected_version,
        changes={"guidance_end": guidance_end, "note": reason},
    )
    _notify_step(placement, "extend")
    return placement


@transaction.atomic
def placement_transfer(
    *, placement: Placement, transfer_date: datetime.date, expected_version: int, by: User
) -> Placement:
    """The lease goes over to the tenant (omklap): from then on an independent tenant."""
    _not_before_lease_start(placement, transfer_date, "transfer_date")
    placement = PLACEMENT.apply(
        placement,
        "transfer",
        expected_version=expected_version,
        changes={"transfer_date": transfer_date},
    )
    _notify_step(placement, "transfer")
    return placement


@transaction.atomic
def placement_end(
    *,
    placement: Placement,
    ended_on: datetime.date,
    end_reason: str,
    note: str,
    expected_version: int,
    by: User,
) -> Placement:
    """The placement ended (evicted, moved, back to an institution, other) before a transfer."""
    if not end_reason:
        _refuse("end_reason", _("Choose why the placement ended."))
    _not_before_lease_start(placement, ended_on, "ended_on")
    if ended_on > timezone.localdate():
        _refuse("ended_on", _("A placement cannot end in the future."))
    placement = PLACEMENT.apply(
        placement,
        "end",
        expected_version=expected_version,
        changes={"ended_on": ended_on, "end_reason": end_reason, "note": note},
    )
    _notify_step(placement, "end")
    return placement


@transaction.atomic
def evaluation_record(
    *,
    evaluation: Evaluation,
    held_on: datetime.date,
    living: str,
    rent_payment: str,
    tenancy: str,
    guidance: str,
    goals: str,
    note: str,
    by: User,
) -> Evaluation:
    """Record (or correct) how the placement goes at one evaluation moment."""
    evaluation = (
        Evaluation.objects.select_for_update().select_related("placement").get(pk=evaluation.pk)
    )
    placement = evaluation.placement
    if placement.status == PlacementStatus.ENDED:
        raise Conflict(_("This placement has ended; its evaluations can no longer be recorded."))
    _not_before_lease_start(placement, held_on, "held_on")
    if held_on > timezone.localdate():
        _refuse("held_on", _("An evaluation cannot be held in the future."))
    ratings = {
        "living": living,
        "rent_payment": rent_payment,
        "tenancy": tenancy,
        "guidance": guidance,
        "goals": goals,
    }
    missing = [name for name, value in ratings.items() if not value]
    if missing:
        message = _("Rate this part.")
        raise DomainError(_("Rate every part."), fields={name: [message] for name in missing})
    for name, value in {**ratings, "held_on": held_on, "note": note, "recorded_by": by}.items():
        setattr(evaluation, name, value)
    return save_validated(evaluation)
