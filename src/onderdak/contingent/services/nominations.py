"""Writes of nominations: create and edit a draft, submit it, review it, withdraw it.

Every status change goes through ``workflows.NOMINATION`` (row lock, state and version check);
the party whose turn it is hears of it after the commit (``notifications.step_taken``). Each
service checks the user's permission on the nomination itself, so the web pages and the API
cannot differ in what they allow.
"""

import datetime
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from onderdak.accounts.models import Role, User
from onderdak.contingent.models import (
    Client,
    ContingentYear,
    DocumentKind,
    EligibilityCriterion,
    ExcludedMunicipality,
    Nomination,
    NominationStatus,
    Proposal,
)
from onderdak.contingent.models.proposals import OPEN
from onderdak.contingent.rules import organisation_ids
from onderdak.contingent.services import notifications
from onderdak.contingent.workflows import DWELLING, NOMINATION, PROPOSAL
from onderdak.core.api.exceptions import NON_FIELD
from onderdak.core.errors import Conflict, DomainError, Forbidden
from onderdak.region.models import Municipality, Organisation

#: A client younger or older than this is a typing error in the date of birth.
MIN_AGE = 16
MAX_AGE = 110
#: What a care worker fills in besides the client, the municipalities and the checklist.
DETAIL_FIELDS = (
    "household_adults",
    "household_children",
    "income_band",
    "rooms_needed",
    "needs_ground_floor_or_lift",
    "needs_wheelchair_access",
    "urgent",
    "tie_municipality",
    "current_situation",
    "current_facility",
    "guidance_provider",
    "guidance_intensity",
    "guidance_months",
)
EDITABLE_STATUSES = (NominationStatus.DRAFT, NominationStatus.INFO_REQUESTED)

Errors = dict[str, list[str]]


# --- Create and edit -----------------------------------------------------------------------------


@transaction.atomic
def nomination_create(
    *,
    contingent_year: ContingentYear,
    provider: Organisation,
    stream: str,
    client: Mapping[str, Any],
    data: Mapping[str, Any],
    preferred_municipalities: Iterable[Municipality] = (),
    exclusions: Iterable[Mapping[str, Any]] = (),
    criteria_met: Iterable[EligibilityCriterion] = (),
    submission_key: uuid.UUID | None = None,
    by: User,
) -> Nomination:
    """A draft nomination of a client of ``provider``, who must be one of ``by``'s providers.

    The provider's client with the same client number is reused; a different name or date of
    birth under that number is refused (a typing error is likelier than a new person). The same
    ``submission_key`` twice (a double click, a retried request) gives the first nomination back.
    """
    if submission_key and (earlier := _earlier_submission(submission_key, by)):
        return earlier
    if provider.pk not in organisation_ids(by, Role.CARE_WORKER):
        raise Forbidden(_("You can only nominate clients of your own care provider."))
    nomination = Nomination(
        contingent_year=contingent_year,
        provider=provider,
        stream=stream,
        created_by=by,
        submission_key=submission_key,
        **_details(data),
    )
    preferred, exclusions, criteria = (
        list(preferred_municipalities),
        list(exclusions),
        list(criteria_met),
    )
    record = _client_record(provider, client, current=None)
    _raise_if(_check(nomination, record, preferred, exclusions, criteria))
    try:
        with transaction.atomic():
            _save(nomination, record, preferred, exclusions, criteria)
    except IntegrityError:
        if submission_key and (earlier := _earlier_submission(submission_key, by)):
            return earlier  # the same form, sent twice at the same moment
        raise
    return nomination


@transaction.atomic
def nomination_update(
    *,
    nomination: Nomination,
    expected_version: int,
    by: User,
    client: Mapping[str, Any] | None = None,
    data: Mapping[str, Any] | None = None,
    preferred_municipalities: Iterable[Municipality] | None = None,
    exclusions: Iterable[Mapping[str, Any]] | None = None,
    criteria_met: Iterable[EligibilityCriterion] | None = None,
) -> Nomination:
    """Change a draft, or a nomination sent back for more information; what is ``None`` stays.

    The client is changed under their client number: a corrected name or date of birth holds for
    every nomination of that client. Year, stream and provider stay as they were created.
    """
    fresh = NOMINATION.lock(nomination, expected_version)
    if fresh.status not in EDITABLE_STATUSES:
        raise Conflict(
            _("A nomination that is “%(status)s” can no longer be changed.")
            % {"status": fresh.get_status_display()},
            code="invalid_transition",
        )
    _require_permission(by, "contingent.change_nomination", fresh)
    for name, value in _details(data or {}).items():
        setattr(fresh, name, value)
    record = (
        _client_record(fresh.provider, client, current=fresh.client) if client else fresh.client
    )
    preferred = list(
        fresh.preferred_municipalities.all()
        if preferred_municipalities is None
        else preferred_municipalities
    )
    exclusions = _current_exclusions(fresh) if exclusions is None else list(exclusions)
    criteria = list(fresh.criteria_met.all() if criteria_met is None else criteria_met)
    _raise_if(_check(fresh, record, preferred, exclusions, criteria))
    fresh.version += 1
    fresh.exclusions.all().delete()
    _save(fresh, record, preferred, exclusions, criteria)
    return fresh


def _earlier_submission(submission_key: uuid.UUID, by: User) -> Nomination | None:
    earlier = Nomination.objects.filter(submission_key=submission_key).first()
    if earlier and earlier.created_by_id != by.pk:
        raise Conflict(_("This form was already sent by someone else. Open a new form."))
    return earlier


def _details(data: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(data) - set(DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"Not a detail of a nomination: {sorted(unknown)}")
    return dict(data)


def _client_record(
    provider: Organisation, client: Mapping[str, Any], *, current: Client | None
) -> Client:
    """The client record ``client`` describes: the provider's record with that client number
    (which must be the same person), ``current`` corrected, or a new one."""
    number = (client.get("client_number") or "").strip()
    existing = Client.objects.filter(provider=provider, client_number=number).first()
    if current and (existing is None or existing.pk == current.pk):
        record = current
    elif existing:
        if not _same_person(existing, client):
            raise DomainError(
                _(
                    "This client number is already in use for a client with another name or "
                    "date of birth. Check the client number."
                ),
                fields={"client.client_number": [_("In use for another client.")]},
            )
        return existing
    else:
        record = Client(provider=provider)
    record.name = " ".join((client.get("name") or "").split())
    record.date_of_birth = client.get("date_of_birth")
    record.client_number = number
    return record


def _same_person(record: Client, client: Mapping[str, Any]) -> bool:
    name = " ".join((client.get("name") or "").split())
    return record.name.casefold() == name.casefold() and (
        record.date_of_birth == client.get("date_of_birth")
    )


def _current_exclusions(nomination: Nomination) -> list[dict[str, Any]]:
    return [
        {"municipality": e.municipality, "reason": e.reason}
        for e in nomination.exclusions.select_related("municipality")
    ]


# --- Validation ----------------------------------------------------------------------------------


def _check(
    nomination: Nomination,
    client: Client,
    preferred: Iterable[Municipality],
    exclusions: list[Mapping[str, Any]],
    criteria: Iterable[EligibilityCriterion],
) -> Errors:
    """Every error of the nomination at once, named by the field the user typed it in."""
    errors: Errors = {}
    _merge(errors, _model_errors(client, prefix="client.", exclude=["provider"]))
    _merge(errors, _date_of_birth_errors(client.date_of_birth))
    _merge(errors, _model_errors(nomination, exclude=["client", "submission_key"]))
    region_id = nomination.contingent_year.region_id
    if nomination.provider.region_id != region_id:
        errors.setdefault("provider", []).append(_("This care provider is not part of the region."))
    _merge(errors, _municipality_errors(region_id, list(preferred), exclusions))
    _merge(errors, _criteria_errors(nomination, list(criteria)))
    return errors


def _model_errors(instance, *, prefix: str = "", exclude: list[str]) -> Errors:
    try:
        instance.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as error:
        return {
            (NON_FIELD if name == NON_FIELD_ERRORS else f"{prefix}{name}"): list(messages)
            for name, messages in error.message_dict.items()
        }
    return {}


def _date_of_birth_errors(date_of_birth) -> Errors:
    if not isinstance(date_of_birth, datetime.date):
        return {}
    today = timezone.localdate()
    birthday_to_come = (today.month, today.day) < (date_of_birth.month, date_of_birth.day)
    age = today.year - date_of_birth.year - birthday_to_come
    if date_of_birth >= today:
        message = _("The date of birth must lie in the past.")
    elif age < MIN_AGE:
        message = _("A client must be at least %(age)d years old.") % {"age": MIN_AGE}
    elif age > MAX_AGE:
        message = _("Check the date of birth: the client would be over %(age)d.") % {"age": MAX_AGE}
    else:
        return {}
    return {"client.date_of_birth": [message]}


def _municipality_errors(
    region_id: int, preferred: list[Municipality], exclusions: list[Mapping[str, Any]]
) -> Errors:
    errors: Errors = {}
    excluded = [e.get("municipality") for e in exclusions]
    outside = _("%(name)s is not part of the region.")
    for municipality in preferred:
        if municipality.region_id != region_id:
            errors.setdefault("preferred_municipalities", []).append(
                outside % {"name": municipality}
            )
    for municipality in excluded:
        if municipality is not None and municipality.region_id != region_id:
            errors.setdefault("exclusions", []).append(outside % {"name": municipality})
    for municipality in {m for m in preferred if m in excluded}:
        errors.setdefault("exclusions", []).append(
            _("%(name)s cannot be both preferred and excluded.") % {"name": municipality}
        )
    if len(excluded) != len(set(excluded)):
        errors.setdefault("exclusions", []).append(_("Exclude each municipality only once."))
    if any(m is None for m in excluded):
        errors.setdefault("exclusions", []).append(_("Choose the municipality to exclude."))
    if any(not (e.get("reason") or "").strip() for e in exclusions):
        errors.setdefault("exclusions", []).append(
            _("Give the reason for each excluded municipality.")
        )
    return errors


def _criteria_errors(nomination: Nomination, criteria: list[EligibilityCriterion]) -> Errors:
    foreign = [
        c
        for c in criteria
        if c.contingent_year_id != nomination.contingent_year_id or c.stream != nomination.stream
    ]
    if not foreign:
        return {}
    return {"criteria_met": [_("Tick only criteria of this year's checklist for the stream.")]}


def _merge(errors: Errors, more: Errors) -> None:
    for name, messages in more.items():
        errors.setdefault(name, []).extend(str(m) for m in messages)


def _raise_if(errors: Errors) -> None:
    if errors:
        raise DomainError(_("The nomination is not complete or not correct."), fields=errors)


def _save(
    nomination: Nomination,
    client: Client,
    preferred: Iterable[Municipality],
    exclusions: list[Mapping[str, Any]],
    criteria: Iterable[EligibilityCriterion],
) -> None:
    """Save what ``_check`` passed (the unique checks are the database's)."""
    client.save()
    nomination.client = client
    nomination.save()
    nomination.preferred_municipalities.set(list(preferred))
    nomination.criteria_met.set(list(criteria))
    ExcludedMunicipality.objects.bulk_create(
        ExcludedMunicipality(
            nomination=nomination, municipality=e["municipality"], reason=e["reason"].strip()
        )
        for e in exclusions
    )


# --- Steps ---------------------------------------------------------------------------------------


@transaction.atomic
def nomination_submit(*, nomination: Nomination, expected_version: int, by: User) -> Nomination:
    """Send the nomination for review. Every criterion of the stream's checklist must be met and
    the client's consent must be among the documents."""
    fresh = _locked_for(nomination, "submit", expected_version, by)
    errors: Errors = {}
    unmet = _unmet_criteria(fresh)
    if unmet:
        errors["criteria_met"] = [_("Not met: %(criterion)s") % {"criterion": c} for c in unmet]
    if not fresh.documents.filter(kind=DocumentKind.CONSENT).exists():
        errors["documents"] = [_("Upload the client's consent before submitting.")]
    if errors:
        raise DomainError(_("The nomination cannot be submitted yet."), fields=errors)
    return _step(fresh, "submit", changes={"submitted_at": timezone.now()})


@transaction.atomic
def nomination_approve(*, nomination: Nomination, expected_version: int, by: User) -> Nomination:
    """Approve: the client enters the pool, and the waiting time starts now."""
    fresh = _locked_for(nomination, "approve", expected_version, by)
    return _step(fresh, "approve", changes={"approved_at": timezone.now()})


@transaction.atomic
def nomination_reject(
    *, nomination: Nomination, reason: str, expected_version: int, by: User
) -> Nomination:
    fresh = _locked_for(nomination, "reject", expected_version, by)
    return _step(fresh, "reject", changes={"decision_reason": _required_reason(reason)})


@transaction.atomic
def nomination_request_info(
    *, nomination: Nomination, reason: str, expected_version: int, by: User
) -> Nomination:
    """Send the nomination back to the care provider, saying what is missing."""
    fresh = _locked_for(nomination, "request_info", expected_version, by)
    return _step(fresh, "request_info", changes={"decision_reason": _required_reason(reason)})


@transaction.atomic
def nomination_withdraw(
    *, nomination: Nomination, reason: str, expected_version: int, by: User
) -> Nomination:
    """Withdraw before placement. An open proposal is cancelled and its dwelling offered again."""
    fresh = _locked_for(nomination, "withdraw", expected_version, by)
    reason = _required_reason(reason)
    if fresh.status == NominationStatus.PROPOSED:
        _cancel_open_proposal(fresh)
    return _step(fresh, "withdraw", changes={"withdrawal_reason": reason})


def _locked_for(nomination: Nomination, action: str, expected_version: int, by: User) -> Nomination:
    """The locked, current nomination, once the version, the permission and the state allow
    ``action``."""
    fresh = NOMINATION.lock(nomination, expected_version)
    _require_permission(by, NOMINATION[action].permission, fresh)
    NOMINATION.check(fresh, action)
    return fresh


def _step(nomination: Nomination, action: str, *, changes: dict[str, Any]) -> Nomination:
    moved = NOMINATION.apply(nomination, action, changes=changes)
    transaction.on_commit(lambda: notifications.step_taken(case=moved, action=action))
    return moved


def _cancel_open_proposal(nomination: Nomination) -> None:
    proposal = (
        Proposal.objects.filter(OPEN, nomination=nomination).select_related("dwelling").first()
    )
    if proposal is None:
        return
    cancelled = PROPOSAL.apply(proposal, "cancel")
    DWELLING.apply(proposal.dwelling, "release")
    transaction.on_commit(lambda: notifications.step_taken(case=cancelled, action="cancel"))


def _unmet_criteria(nomination: Nomination) -> list[EligibilityCriterion]:
    met = set(nomination.criteria_met.values_list("pk", flat=True))
    checklist = EligibilityCriterion.objects.filter(
        contingent_year_id=nomination.contingent_year_id, stream=nomination.stream
    )
    return [c for c in checklist if c.pk not in met]


def _required_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Give a reason."), fields={"reason": [_("Give a reason.")]})
    return reason


def _require_permission(by: User, permission: str, nomination: Nomination) -> None:
    if not by.has_perm(permission, nomination):
        raise Forbidden()
