"""Writes of monthly figures: one facility's month entered on a form or through the API, a year of
months from a grid, or the rows of an imported file. Each month is stored once per facility:
entering it again replaces it.

Errors refuse the whole write (a month in the future, before the contract or after it, a figure
that is not a whole number from 0 to 100,000). Warnings do not: the figures are stored, and what
is off is said — more people in the facility than it has places, or a stock that does not follow
from last month's (last month's occupied + inflow - outflow ≠ this month's occupied).
"""

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass, fields

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from onderdak.accounts.models import User
from onderdak.capacity.models import Facility, MonthlyFigure
from onderdak.capacity.models.facilities import MAX_PEOPLE
from onderdak.capacity.months import first_of_month, month_label, previous_month
from onderdak.core.errors import DomainError
from onderdak.core.formatting import localized_number
from onderdak.core.validation import save_validated

BATCH_SIZE = 2000


@dataclass(frozen=True)
class FigureValues:
    """A month's figures: the stock at the end of the month and the flows during it."""

    occupied: int
    waiting_list: int
    inflow: int
    outflow_contingent: int
    outflow_housing: int
    outflow_institution: int
    outflow_unknown: int

    @property
    def outflow(self) -> int:
        return (
            self.outflow_contingent
            + self.outflow_housing
            + self.outflow_institution
            + self.outflow_unknown
        )

    @classmethod
    def of(cls, figure: MonthlyFigure) -> "FigureValues":
        return cls(*(getattr(figure, name) for name in FIGURE_FIELDS))


#: The figures of a month, in the order of the forms, the template and the API.
FIGURE_FIELDS = tuple(field.name for field in fields(FigureValues))


@dataclass(frozen=True)
class RecordedMonth:
    figure: MonthlyFigure
    created: bool
    warnings: list[str]


# --- Checks and warnings (plain functions: the import's checks use them too) ---------------------


def month_error(
    month: datetime.date,
    *,
    contract_start: datetime.date,
    contract_end: datetime.date | None,
    today: datetime.date,
) -> str | None:
    """What is wrong with figures for ``month`` (its first day) of a facility with this contract:
    a month still to come, or one outside the contract."""
    if month > first_of_month(today):
        return _("%(month)s lies in the future.") % {"month": month_label(month)}
    if month < first_of_month(contract_start):
        return _("The contract starts in %(start)s: there are no figures before it.") % {
            "start": month_label(contract_start)
        }
    if contract_end and month > first_of_month(contract_end):
        return _("The contract ended in %(end)s: there are no figures after it.") % {
            "end": month_label(contract_end)
        }
    return None


def value_error(value) -> str | None:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_PEOPLE:
        return _("Enter a whole number from 0 to %(limit)s.") % {
            "limit": localized_number(MAX_PEOPLE, 0, grouped=True)
        }
    return None


def figure_warnings(
    values: FigureValues, *, places: int, previous: FigureValues | None
) -> list[str]:
    """What is off in figures that may still be right: more occupied than places, or a stock
    that does not follow from last month's."""
    warnings = []
    if values.occupied > places:
        warnings.append(
            _("%(occupied)s places are occupied, more than the facility's %(places)s places.")
            % {"occupied": values.occupied, "places": places}
        )
    if previous is not None:
        expected = previous.occupied + values.inflow - values.outflow
        if expected != values.occupied:
            warnings.append(
                _(
                    "The stock does not follow from last month's: %(previous)s occupied + "
                    "%(inflow)s inflow - %(outflow)s outflow = %(expected)s, not %(occupied)s."
                )
                % {
                    "previous": previous.occupied,
                    "inflow": values.inflow,
                    "outflow": values.outflow,
                    "expected": expected,
                    "occupied": values.occupied,
                }
            )
    return warnings


# --- Entering months -----------------------------------------------------------------------------


@transaction.atomic
def monthly_figure_record(
    *, facility: Facility, month: datetime.date, values: FigureValues, by: User | None
) -> RecordedMonth:
    """Store one month of ``facility`` (a new month, or the month entered again: replaced).

    Errors name the form's fields (``month``, ``occupied``, …)."""
    facility = _locked(facility)
    month = first_of_month(month)
    errors = _errors(facility, month, values, row=None)
    if errors:
        raise DomainError(_("The figures are not valid."), fields=errors)
    return _record(facility, month, values, by)


@transaction.atomic
def monthly_figures_record_months(
    *, facility: Facility, months: Mapping[datetime.date, FigureValues], by: User | None
) -> list[RecordedMonth]:
    """Store several months of ``facility`` at once (a year's grid): all of them, or, when any
    is wrong, none. Errors are named ``months.<yyyy-mm>[.<field>]``."""
    facility = _locked(facility)
    errors: dict[str, list[str]] = {}
    for month, values in months.items():
        errors.update(_errors(facility, month, values, row=f"{month:%Y-%m}"))
    if errors:
        raise DomainError(_("The figures are not valid."), fields=errors)
    return [_record(facility, month, months[month], by) for month in sorted(months)]


def _locked(facility: Facility) -> Facility:
    """The facility's row, locked: two people entering its figures at once take turns."""
    return Facility.objects.select_for_update().get(pk=facility.pk)


def _errors(
    facility: Facility, month: datetime.date, values: FigureValues, *, row: str | None
) -> dict[str, list[str]]:
    """The errors of one month, named by field (``occupied``, ``month``) or, for a row of
    several months, as ``months.<row>.<field>`` and ``months.<row>``."""
    errors = {
        (name if row is None else f"months.{row}.{name}"): [message]
        for name in FIGURE_FIELDS
        if (message := value_error(getattr(values, name)))
    }
    problem = month_error(
        month,
        contract_start=facility.contract_start,
        contract_end=facility.contract_end,
        today=timezone.localdate(),
    )
    if problem:
        errors["month" if row is None else f"months.{row}"] = [problem]
    return errors


def _record(
    facility: Facility, month: datetime.date, values: FigureValues, by: User | None
) -> RecordedMonth:
    figure = MonthlyFigure.objects.filter(facility=facility, month=month).first()
    created = figure is None
    figure = figure or MonthlyFigure(facility=facility, month=month)
    for name, value in zip(FIGURE_FIELDS, astuple(values), strict=True):
        setattr(figure, name, value)
    figure.entered_by = by
    save_validated(figure)
    previous = MonthlyFigure.objects.filter(facility=facility, month=previous_month(month)).first()
    warnings = figure_warnings(
        values, places=facility.places, previous=previous and FigureValues.of(previous)
    )
    return RecordedMonth(figure=figure, created=created, warnings=warnings)


# --- Storing an imported file --------------------------------------------------------------------


@dataclass(frozen=True)
class FigureRow:
    """One checked row of a file: the facility (its id), the month (its first day), the figures."""

    row: int
    facility: int
    month: datetime.date
    values: FigureValues


@dataclass(frozen=True)
class StoredFigures:
    created: int
    replaced: int
    #: ``(row, message)`` for every row whose figures may still be right but look off.
    warnings: list[tuple[int, str]]


@transaction.atomic
def monthly_figures_store(*, rows: Sequence[FigureRow], by: User | None) -> StoredFigures:
    """Write checked ``rows`` in one transaction (the import job carries the audit entry, not each
    row); a month a facility has already is replaced."""
    existing = _existing(rows)
    MonthlyFigure.objects.bulk_create(
        [_figure(row, by) for row in rows],
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["facility", "month"],
        update_fields=[*FIGURE_FIELDS, "entered_by", "updated_at"],
    )
    replaced = sum((row.facility, row.month) in existing for row in rows)
    return StoredFigures(
        created=len(rows) - replaced, replaced=replaced, warnings=_stored_warnings(rows)
    )


def _figure(row: FigureRow, by: User | None) -> MonthlyFigure:
    return MonthlyFigure(
        facility_id=row.facility,
        month=row.month,
        entered_by=by,
        **dict(zip(FIGURE_FIELDS, astuple(row.values), strict=True)),
    )


def _months_around(rows: Iterable[FigureRow]):
    """The figures of the rows' facilities from the month before the first row's month on."""
    rows = list(rows)
    if not rows:
        return MonthlyFigure.objects.none()
    start = previous_month(min(row.month for row in rows))
    return MonthlyFigure.objects.filter(
        facility__in={row.facility for row in rows}, month__gte=start
    )


def _existing(rows: Sequence[FigureRow]) -> set[tuple[int, datetime.date]]:
    return set(_months_around(rows).values_list("facility_id", "month"))


def _stored_warnings(rows: Sequence[FigureRow]) -> list[tuple[int, str]]:
    """Each row's warnings, against the months as stored now (this file's and earlier ones)."""
    stored = {
        (figure.facility_id, figure.month): figure
        for figure in _months_around(rows)
        .select_related("facility")
        .only(*FIGURE_FIELDS, "facility_id", "month", "facility__places")
    }
    warnings = []
    for row in rows:
        previous = stored.get((row.facility, previous_month(row.month)))
        places = stored[(row.facility, row.month)].facility.places
        for message in figure_warnings(
            row.values, places=places, previous=previous and FigureValues.of(previous)
        ):
            warnings.append((row.row, message))
    return warnings
