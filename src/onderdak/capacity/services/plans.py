"""Writes of the op- en afbouw plan: the region's plan, and its places per municipality x type x
year.

Lines are saved as a grid (a municipality's types x years, or a subregion's municipalities x years
for one type): every entry is checked first, and either all of them are saved or none. Only the
lines that change are written, one by one, so each change is in the audit trail with its author.
Whether the caller may change a municipality's lines is checked here too (a municipality officer
only their own), so the pages and the API cannot differ.
"""

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from onderdak.accounts.models import User
from onderdak.capacity.models import CapacityPlan, Facility, FacilityType, PlanLine
from onderdak.core.errors import Conflict, DomainError, Forbidden
from onderdak.core.validation import save_validated
from onderdak.region.models import Municipality, Region

DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR = 2023, 2032
CHANGE_LINE = "capacity.change_planline"


@transaction.atomic
def capacity_plan_create(
    *,
    region: Region,
    first_year: int = DEFAULT_FIRST_YEAR,
    last_year: int = DEFAULT_LAST_YEAR,
    notes: str = "",
) -> CapacityPlan:
    """The region's plan (one per region), from the baseline year to the target year."""
    if CapacityPlan.objects.filter(region=region).exists():
        raise Conflict(_("The region has a plan already."), code="plan_exists")
    _check_period(first_year, last_year)
    return save_validated(
        CapacityPlan(region=region, first_year=first_year, last_year=last_year, notes=notes)
    )


@transaction.atomic
def capacity_plan_update(
    *, plan: CapacityPlan, first_year: int, last_year: int, notes: str = ""
) -> CapacityPlan:
    """Another period or note. Lines outside a shorter period are not dropped silently: the
    change is refused until they are cleared."""
    _check_period(first_year, last_year)
    outside = plan.lines.exclude(year__gte=first_year, year__lte=last_year)
    years = sorted(set(outside.values_list("year", flat=True)))
    if years:
        message = _(
            "The plan has places in %(years)s, outside the new period; clear those years first."
        ) % {"years": ", ".join(str(y) for y in years)}
        raise DomainError(message, fields={"first_year": [message]})
    plan.first_year, plan.last_year, plan.notes = first_year, last_year, notes
    return save_validated(plan)


def _check_period(first_year: int, last_year: int) -> None:
    """The target year after the baseline year, said on the target year's field."""
    if first_year is not None and last_year is not None and last_year <= first_year:
        message = _("The target year comes after the baseline year.")
        raise DomainError(message, fields={"last_year": [message]})


@dataclass(frozen=True)
class PlanEntry:
    """The places to plan in one cell of the grid; ``places=None`` clears it, ``note=None``
    keeps the line's note."""

    municipality: Municipality
    facility_type: FacilityType
    year: int
    places: int | None
    note: str | None = None

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.municipality.pk, self.facility_type.pk, self.year)


@dataclass(frozen=True)
class LinesSaved:
    created: int
    changed: int
    cleared: int

    @property
    def total(self) -> int:
        return self.created + self.changed + self.cleared


def may_change_lines(user: User, municipality: Municipality) -> bool:
    """Whether ``user`` may change the plan lines of ``municipality``."""
    return user.has_perm(CHANGE_LINE, PlanLine(municipality_id=municipality.pk))


@transaction.atomic
def plan_lines_save(*, plan: CapacityPlan, entries: Sequence[PlanEntry], by: User) -> LinesSaved:
    """Save a grid of entries: all of them after every check, or none.

    Errors name the entry as ``lines.<index>.<field>``, in the order given.
    """
    _check_rights(entries, by)
    fields = {}
    for index, entry in enumerate(entries):
        errors = _entry_errors(plan, entry, entries[:index])
        fields.update({f"lines.{index}.{name}": msgs for name, msgs in errors.items()})
    if fields:
        message = _("The plan has not been saved; correct the places marked.")
        raise DomainError(message, fields=fields)
    return _write(_writes(plan, entries, _existing_lines(plan, entries), by))


def _check_rights(entries: Sequence[PlanEntry], by: User) -> None:
    municipalities = {entry.municipality.pk: entry.municipality for entry in entries}
    refused = sorted(m.name for m in municipalities.values() if not may_change_lines(by, m))
    if refused:
        raise Forbidden(
            _("You may not change the plan of %(names)s.") % {"names": ", ".join(refused)}
        )


def _existing_lines(plan: CapacityPlan, entries: Sequence[PlanEntry]) -> dict:
    municipalities = {entry.municipality.pk for entry in entries}
    lines = PlanLine.objects.filter(plan=plan, municipality_id__in=municipalities)
    return {(ln.municipality_id, ln.facility_type_id, ln.year): ln for ln in lines}


def _entry_errors(
    plan: CapacityPlan, entry: PlanEntry, before: Sequence[PlanEntry]
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if entry.places is not None and entry.places < 0:
        errors["places"] = [_("Places cannot be negative.")]
    if entry.year not in plan.years:
        errors["year"] = [
            _("The plan runs from %(first)s to %(last)s.")
            % {"first": plan.first_year, "last": plan.last_year}
        ]
    if entry.municipality.region_id != plan.region_id:
        errors["municipality"] = [_("This municipality is not part of the region.")]
    if any(other.key == entry.key for other in before):
        errors["places"] = [_("These places have been entered twice.")]
    return errors or _model_errors(plan, entry)


def _model_errors(plan: CapacityPlan, entry: PlanEntry) -> dict[str, list[str]]:
    """The model's own checks (the largest number of places, the note's length)."""
    if entry.places is None:
        return {}
    line = PlanLine(
        plan=plan,
        municipality=entry.municipality,
        facility_type=entry.facility_type,
        year=entry.year,
        places=entry.places,
        note=entry.note or "",
    )
    try:
        line.full_clean(exclude=["updated_by"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        return error.message_dict
    return {}


def _writes(plan: CapacityPlan, entries, existing: dict, by: User) -> list[tuple[str, PlanLine]]:
    """What each entry does to its line: ``create``, ``change`` or ``clear`` (or nothing)."""
    writes = []
    for entry in entries:
        line = existing.get(entry.key)
        if entry.places is None:
            writes += [("clear", line)] if line is not None else []
        elif line is None:
            line = PlanLine(plan=plan, municipality=entry.municipality, year=entry.year)
            line.facility_type, line.places = entry.facility_type, entry.places
            line.note, line.updated_by = entry.note or "", by
            writes.append(("create", line))
        elif (line.places, line.note) != (entry.places, _note(entry, line)):
            line.places, line.note, line.updated_by = entry.places, _note(entry, line), by
            writes.append(("change", line))
    return writes


def _note(entry: PlanEntry, line: PlanLine) -> str:
    return line.note if entry.note is None else entry.note


def _write(writes: list[tuple[str, PlanLine]]) -> LinesSaved:
    for action, line in writes:
        if action == "clear":
            line.delete()
        else:
            line.save()
    done = Counter(action for action, _line in writes)
    return LinesSaved(done["create"], done["change"], done["clear"])


@transaction.atomic
def plan_baseline_fill(*, plan: CapacityPlan, by: User) -> LinesSaved:
    """The baseline year's places from the facility register: per municipality and type, the
    places of the active facilities whose contract runs in that year. Cells without such a
    facility keep what was entered."""
    first, last = datetime.date(plan.first_year, 1, 1), datetime.date(plan.first_year, 12, 31)
    rows = (
        Facility.objects.filter(region=plan.region, is_active=True, contract_start__lte=last)
        .filter(Q(contract_end__isnull=True) | Q(contract_end__gte=first))
        .values("municipality", "facility_type")
        .annotate(places=Sum("places"))
    )
    municipalities = {m.pk: m for m in plan.region.municipalities.defer("boundary")}
    types = {t.pk: t for t in FacilityType.objects.all()}
    entries = [
        PlanEntry(
            municipalities[row["municipality"]],
            types[row["facility_type"]],
            plan.first_year,
            row["places"],
        )
        for row in rows
    ]
    return plan_lines_save(plan=plan, entries=entries, by=by)
