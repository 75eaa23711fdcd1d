"""Writes to a contingent year: its targets and policy, the key and split over the corporations,
the spread over the municipalities, the eligibility checklists, and the reasons to decline.

Every write runs in one transaction and validates every row: a bad row anywhere leaves nothing
half-saved. A change to the year or its split locks the year's row and bumps its ``version``; a
caller that sends the version it read (``expected_version``) is refused when someone else changed
the year in between. Each saved or deleted row leaves its entry in the audit trail.

An error about one row of a collection names it the way the row was received (``stocks.2``,
``targets.4.change_reason``), so a form can show it beside the input it was typed in.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from onderdak.accounts.models import User
from onderdak.contingent.models import (
    ContingentYear,
    CorporationStock,
    CorporationTarget,
    DeclineReason,
    EligibilityCriterion,
    SpreadTarget,
    Stream,
)
from onderdak.core.api.exceptions import NON_FIELD
from onderdak.core.errors import Conflict, DomainError
from onderdak.core.validation import save_validated
from onderdak.engines.contingent import SplitError, split_targets
from onderdak.region.models import Municipality, Region

Row = Mapping[str, Any]

#: The year's policy: when steps stall, when evaluations are due, when refusals close a case.
POLICY_FIELDS = frozenset(
    {
        "refusals_before_closing",
        "review_days",
        "answer_days",
        "placement_days",
        "evaluation_months",
    }
)
#: Fields of a year that may change after it was created (not its region or the year itself).
EDITABLE_FIELDS = POLICY_FIELDS | {"total", "outflow_target", "prevention_target", "key_source"}
STREAM_TARGET_FIELDS = ("outflow_target", "prevention_target")
DECLINE_REASON_FIELDS = frozenset({"label", "party", "is_valid", "is_active", "position"})


# --- The year ------------------------------------------------------------------------------------


@transaction.atomic
def contingent_year_create(
    *,
    region: Region,
    year: int,
    total: int,
    outflow_target: int,
    prevention_target: int,
    key_source: str = "",
    by: User,
    **policy: Any,
) -> ContingentYear:
    """A new year with its target per stream (together the total) and, optionally, its policy."""
    _check_names(policy, POLICY_FIELDS)
    if ContingentYear.objects.filter(region=region, year=year).exists():
        raise _invalid({"year": [_("There is already a contingent for this year.")]})
    contingent_year = ContingentYear(
        region=region,
        year=year,
        total=total,
        outflow_target=outflow_target,
        prevention_target=prevention_target,
        key_source=key_source,
        **policy,
    )
    return save_validated(contingent_year)


@transaction.atomic
def contingent_year_update(
    *,
    contingent_year: ContingentYear,
    expected_version: int | None,
    by: User,
    confirm_recompute: bool = False,
    **changes: Any,
) -> ContingentYear:
    """Change a year's targets, key source or policy.

    A new target for a stream changes every corporation's share of it, so the split is computed
    again by the key; when that would discard targets changed by hand, the caller must confirm
    (``confirm_recompute``).
    """
    _check_names(changes, EDITABLE_FIELDS)
    fresh = _locked(contingent_year, expected_version)
    streams_changed = any(
        name in changes and changes[name] != getattr(fresh, name) for name in STREAM_TARGET_FIELDS
    )
    for name, value in changes.items():
        setattr(fresh, name, value)
    saved = _bump(fresh)
    if streams_changed and saved.stocks.exists():
        _check_confirmed(saved, confirm_recompute)
        _recompute(saved, list(saved.stocks.select_related("corporation")))
    return saved


# --- The key and the split over the corporations -------------------------------------------------


@transaction.atomic
def stocks_replace(
    *,
    contingent_year: ContingentYear,
    stocks: Sequence[Row],
    key_source: str,
    by: User,
    expected_version: int | None = None,
    confirm_recompute: bool = False,
) -> list[CorporationStock]:
    """Replace the key (each corporation's social rental stock, with one source) and compute every
    corporation's share of each stream again by it.

    The computed shares become the targets: targets changed by hand are discarded, which the
    caller must confirm (``confirm_recompute``) when there are any.
    """
    fresh = _locked(contingent_year, expected_version)
    _check_unique(stocks, "corporation", "stocks", _("This corporation is in the list twice."))
    _check_confirmed(fresh, confirm_recompute)
    CorporationStock.objects.filter(contingent_year=fresh).delete()
    saved = _save_rows((CorporationStock(contingent_year=fresh, **row) for row in stocks), "stocks")
    fresh.key_source = key_source
    fresh = _bump(fresh)
    _recompute(fresh, saved)
    return saved


@transaction.atomic
def targets_change(
    *,
    contingent_year: ContingentYear,
    targets: Sequence[Row],
    by: User,
    expected_version: int | None = None,
) -> list[CorporationTarget]:
    """Change corporations' targets by hand. A target other than the key's share needs a reason;
    per stream the targets must still add up to the stream's target."""
    fresh = _locked(contingent_year, expected_version)
    existing = {
        (t.corporation_id, t.stream): t
        for t in CorporationTarget.objects.filter(contingent_year=fresh).select_for_update()
    }
    saved = _save_rows(_changed_targets(existing, targets), "targets")
    _check_stream_sums(fresh, existing.values())
    _bump(fresh)
    return saved


def _changed_targets(existing: Mapping, targets: Sequence[Row]) -> Iterable[CorporationTarget]:
    """The existing target rows with their new values; a reason only where the target differs."""
    for index, row in enumerate(targets):
        corporation, stream = row["corporation"], row["stream"]
        target = existing.get((corporation.pk, stream))
        if target is None:
            message = _("%(corporation)s has no share of this stream; enter the key first.") % {
                "corporation": corporation
            }
            raise _invalid({f"targets.{index}": [message]})
        target.target = row["target"]
        target.change_reason = "" if target.target == target.computed else row["change_reason"]
        yield target


def _check_stream_sums(contingent_year: ContingentYear, targets: Iterable) -> None:
    """Each stream's targets add up to the stream's target, else a message with both numbers."""
    sums = dict.fromkeys(Stream.values, 0)
    for target in targets:
        sums[target.stream] += target.target
    for stream, total in sums.items():
        expected = contingent_year.stream_target(stream)
        if total != expected:
            message = _(
                "The targets for %(stream)s add up to %(total)d; they must add up to the "
                "stream's target of %(expected)d."
            ) % {"stream": Stream(stream).label, "total": total, "expected": expected}
            raise _invalid({"targets": [message]})


def _recompute(contingent_year: ContingentYear, stocks: Sequence[CorporationStock]) -> None:
    """Every corporation's share of each stream by the key; the shares become the targets."""
    by_key = {f"{stock.corporation_id:012d}": stock for stock in stocks}
    try:
        split = split_targets(
            outflow=contingent_year.outflow_target,
            prevention=contingent_year.prevention_target,
            stocks={key: stock.dwellings for key, stock in by_key.items()},
        )
    except SplitError as error:
        message = _("Enter at least one corporation with social rental dwellings.")
        raise _invalid({"stocks": [message]}) from error
    CorporationTarget.objects.filter(contingent_year=contingent_year).delete()
    for key, parts in split.items():
        for stream, part in parts.items():
            corporation = by_key[key].corporation
            CorporationTarget.objects.create(
                contingent_year=contingent_year,
                corporation=corporation,
                stream=stream,
                computed=part,
                target=part,
            )


def _check_confirmed(contingent_year: ContingentYear, confirmed: bool) -> None:
    """Refuses to discard targets changed by hand unless the caller confirmed it."""
    if confirmed:
        return
    changed = contingent_year.targets.exclude(change_reason="").count()
    if changed:
        raise Conflict(
            _(
                "%(count)d targets were changed by hand. Computing the split again discards "
                "those changes; confirm that this is what you want."
            )
            % {"count": changed},
            code="confirm_recompute",
            fields={"confirm_recompute": [_("Confirm to discard the changes by hand.")]},
        )


# --- The spread over the municipalities ----------------------------------------------------------


@transaction.atomic
def spread_targets_replace(
    *,
    contingent_year: ContingentYear,
    targets: Sequence[Row],
    by: User,
    expected_version: int | None = None,
) -> list[SpreadTarget]:
    """Replace the optional targets per municipality; every municipality must be of the region."""
    fresh = _locked(contingent_year, expected_version)
    _check_unique(targets, "municipality", "targets", _("This municipality is in the list twice."))
    _check_region(fresh, targets)
    SpreadTarget.objects.filter(contingent_year=fresh).delete()
    saved = _save_rows((SpreadTarget(contingent_year=fresh, **row) for row in targets), "targets")
    _bump(fresh)
    return saved


def _check_region(contingent_year: ContingentYear, targets: Sequence[Row]) -> None:
    for index, row in enumerate(targets):
        municipality: Municipality = row["municipality"]
        if municipality.region_id != contingent_year.region_id:
            message = _("%(municipality)s is not part of the region.") % {
                "municipality": municipality
            }
            raise _invalid({f"targets.{index}": [message]})


# --- The eligibility checklists ------------------------------------------------------------------


@transaction.atomic
def criteria_replace(
    *,
    contingent_year: ContingentYear,
    stream: str,
    texts: Sequence[str],
    by: User,
    expected_version: int | None = None,
) -> list[EligibilityCriterion]:
    """Replace a stream's checklist, in the order given. A criterion already ticked on a
    nomination stays: removing (or rewording) it is refused."""
    if stream not in Stream.values:
        raise _invalid({"stream": [_("Choose a stream.")]})
    fresh = _locked(contingent_year, expected_version)
    wanted = [text.strip() for text in texts]
    message = _("This criterion is in the list twice.")
    _check_unique([{"text": text} for text in wanted], "text", "texts", message)
    current = {c.text: c for c in fresh.criteria.filter(stream=stream).select_for_update()}
    _delete_unticked([c for text, c in current.items() if text not in wanted])
    rows = (
        _positioned(
            current.get(text) or EligibilityCriterion(contingent_year=fresh, stream=stream), text, i
        )
        for i, text in enumerate(wanted)
    )
    saved = _save_rows(rows, "texts")
    _bump(fresh)
    return saved


def _positioned(criterion: EligibilityCriterion, text: str, position: int) -> EligibilityCriterion:
    criterion.text, criterion.position = text, position
    return criterion


def _delete_unticked(criteria: Sequence[EligibilityCriterion]) -> None:
    in_use = EligibilityCriterion.objects.filter(
        pk__in=[c.pk for c in criteria], nominations__isnull=False
    )
    ticked = sorted(set(in_use.values_list("text", flat=True)))
    if ticked:
        raise Conflict(
            _(
                "This criterion is already ticked on a nomination and cannot be removed or "
                "reworded: %(texts)s."
            )
            % {"texts": "; ".join(ticked)},
            code="criterion_in_use",
        )
    for criterion in criteria:
        criterion.delete()


# --- Reasons to decline --------------------------------------------------------------------------


@transaction.atomic
def decline_reason_create(
    *,
    region: Region,
    label: str,
    party: str,
    is_valid: bool = True,
    is_active: bool = True,
    position: int = 0,
    by: User,
) -> DeclineReason:
    """A reason to decline a proposal, for the care provider, the corporation or both."""
    reason = DeclineReason(
        region=region,
        label=label,
        party=party,
        is_valid=is_valid,
        is_active=is_active,
        position=position,
    )
    return _save_decline_reason(reason)


@transaction.atomic
def decline_reason_update(
    *, decline_reason: DeclineReason, by: User, **changes: Any
) -> DeclineReason:
    """Change a reason. A reason in use is not deleted but put out of use (``is_active``), so
    earlier refusals keep their reason."""
    _check_names(changes, DECLINE_REASON_FIELDS)
    fresh = DeclineReason.objects.select_for_update().get(pk=decline_reason.pk)
    for name, value in changes.items():
        setattr(fresh, name, value)
    return _save_decline_reason(fresh)


def _save_decline_reason(reason: DeclineReason) -> DeclineReason:
    """Validate and save; a label already on the list is reported on the label field."""
    taken = DeclineReason.objects.filter(region=reason.region_id, label=reason.label)
    if reason.pk:
        taken = taken.exclude(pk=reason.pk)
    if taken.exists():
        raise _invalid({"label": [_("This reason is already on the list.")]})
    return save_validated(reason)


# --- Shared --------------------------------------------------------------------------------------


def _invalid(fields: Mapping[str, Sequence[str]]) -> DomainError:
    return DomainError(_("The input is not valid."), fields=fields)


def _check_names(values: Mapping[str, Any], allowed: frozenset[str]) -> None:
    """A programming error, not the user's: the caller passed a field that cannot be set."""
    unknown = set(values) - allowed
    if unknown:
        raise TypeError(f"Not a field that can be set here: {', '.join(sorted(unknown))}")


def _locked(contingent_year: ContingentYear, expected_version: int | None) -> ContingentYear:
    """The year, freshly read and locked; refused when changed since ``expected_version``."""
    fresh = (
        ContingentYear.objects.select_for_update()
        .select_related("region")
        .get(pk=contingent_year.pk)
    )
    if expected_version is not None and fresh.version != expected_version:
        raise Conflict(
            _(
                "Someone else changed this contingent year in the meantime. Reload the page to "
                "see the change, then try again."
            ),
            code="stale",
        )
    return fresh


def _bump(contingent_year: ContingentYear) -> ContingentYear:
    contingent_year.version += 1
    return save_validated(contingent_year)


def _check_unique(rows: Sequence[Row], name: str, collection: str, message: str) -> None:
    seen = set()
    for index, row in enumerate(rows):
        value = row[name]
        if value in seen:
            raise _invalid({f"{collection}.{index}": [message]})
        seen.add(value)


def _save_rows(instances: Iterable[Model], collection: str) -> list:
    """Save each row validated; an error names the row: ``stocks.2.dwellings``."""
    saved = []
    for index, instance in enumerate(instances):
        try:
            saved.append(save_validated(instance))
        except DomainError as error:
            fields = {
                f"{collection}.{index}" if name == NON_FIELD else f"{collection}.{index}.{name}": m
                for name, m in error.fields.items()
            }
            raise DomainError(error.message, fields=fields) from error
    return saved
