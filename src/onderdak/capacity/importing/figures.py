"""Checking the rows of a monthly figures file: facility (its number or name), month, and the
month's figures. The result is every row checked, or every error found.

A facility is named by its number (as the template's sheet of facilities gives it) or by its
name; only the facilities the importer may enter figures for are known (a care worker: their own
care provider's). Months follow the same rules as on the form (``services.figures``).
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from onderdak.capacity.models.facilities import MAX_PEOPLE
from onderdak.capacity.services.figures import FIGURE_FIELDS, FigureRow, FigureValues, month_error
from onderdak.imports.files import cells
from onderdak.imports.files.checking import RowChecker, check_table
from onderdak.imports.files.columns import Column, Header
from onderdak.imports.files.problems import Cell, CheckResult, Progress, Table

FACILITY = Column(
    "facility",
    "voorziening",
    ("facility", "nummer", "voorzieningnummer", "facility number", "naam voorziening", "name"),
)
MONTH = Column("month", "maand", ("month", "periode", "period"))
#: The figures' columns by the ``FigureValues`` field they fill: the template's name, and others.
FIGURE_NAMES = {
    "occupied": ("bezet", ("occupied", "bezette plaatsen", "occupied places")),
    "waiting_list": ("wachtlijst", ("waiting list", "wachtenden")),
    "inflow": ("instroom", ("inflow",)),
    "outflow_contingent": (
        "uitstroom contingent",
        ("outflow contingent", "uitstroom contingentwoning", "outflow to a contingent dwelling"),
    ),
    "outflow_housing": (
        "uitstroom woning",
        ("outflow housing", "uitstroom andere woning", "outflow to other housing"),
    ),
    "outflow_institution": (
        "uitstroom instelling",
        ("outflow institution", "uitstroom andere instelling", "outflow to another institution"),
    ),
    "outflow_unknown": (
        "uitstroom onbekend",
        ("outflow unknown", "outflow to an unknown destination"),
    ),
}
FIGURES = tuple(Column(key, *FIGURE_NAMES[key]) for key in FIGURE_FIELDS)
COLUMNS = (FACILITY, MONTH, *FIGURES)


@dataclass(frozen=True)
class Contract:
    """What a row's month is checked against."""

    start: datetime.date
    end: datetime.date | None


@dataclass(frozen=True)
class FigureLookups:
    """The facilities a file may name, by number and by normal name (a name may be shared by
    facilities of different care providers); ``own_only``: the importer is a care worker, who may
    name only their own care provider's; ``today`` decides which months lie in the future."""

    contracts: Mapping[int, Contract]
    names: Mapping[str, tuple[int, ...]]
    own_only: bool
    today: datetime.date


def check_figure_rows(
    table: Table, lookups: FigureLookups, progress: Progress | None = None
) -> CheckResult[FigureRow]:
    """Every row checked; the rows only when there is no error at all."""
    return check_table(table, COLUMNS, lambda header: _FigureChecker(header, lookups), progress)


class _FigureChecker(RowChecker[FigureRow]):
    def __init__(self, header: Header, lookups: FigureLookups) -> None:
        super().__init__(header)
        self.lookups = lookups
        self.seen: dict[tuple[int, datetime.date], int] = {}
        self.known: dict[tuple, int | str] = {}  # facility cell → id or error message

    def check(self, number: int, row: list[Cell]) -> None:
        facility = self.remembered(self.cell(row, "facility"))
        if isinstance(facility, str):
            self.error(number, "facility", self.cell(row, "facility"), facility)
            facility = None
        month = self.month(number, row, facility)
        values = self.values(number, row)
        if facility is not None and month is not None and values is not None:
            self.add(FigureRow(row=number, facility=facility, month=month, values=values))

    def remembered(self, cell: Cell) -> int | str:
        """The facility a cell names, or the error's message; remembered, since names repeat."""
        memo = (type(cell), cell)
        if memo not in self.known:
            try:
                self.known[memo] = self.facility(cell)
            except cells.CellError as error:
                self.known[memo] = error.message
        return self.known[memo]

    def facility(self, cell: Cell) -> int:
        key = cells.key(cell)
        if not key:
            raise cells.CellError(_("Fill in the facility (its number or name)."))
        if key.isdigit() and int(key) in self.lookups.contracts:
            return int(key)
        found = self.lookups.names.get(key, ())
        if len(found) > 1:
            raise cells.CellError(
                _("More than one facility has this name: use its number from the template.")
            )
        if not found:
            raise cells.CellError(self.unknown())
        return found[0]

    def unknown(self) -> str:
        if self.lookups.own_only:
            return _(
                "Not a facility of your care provider: use a number or name from the template's "
                "sheet of facilities."
            )
        return _("Unknown facility in this region: use its number or name.")

    def month(self, number: int, row: list[Cell], facility: int | None) -> datetime.date | None:
        """The row's month, checked against the facility's contract when the facility is known."""
        cell = self.cell(row, "month")
        try:
            month = cells.month(cell)
            if facility is not None:
                self.within_contract(month, facility)
        except cells.CellError as error:
            self.error(number, "month", cell, error.message)
            return None
        return month

    def within_contract(self, month: datetime.date, facility: int) -> None:
        contract = self.lookups.contracts[facility]
        problem = month_error(
            month,
            contract_start=contract.start,
            contract_end=contract.end,
            today=self.lookups.today,
        )
        if problem:
            raise cells.CellError(problem)

    def values(self, number: int, row: list[Cell]) -> FigureValues | None:
        found = {}
        for key in FIGURE_FIELDS:
            cell = self.cell(row, key)
            try:
                found[key] = cells.people(cell, limit=MAX_PEOPLE)
            except cells.CellError as error:
                self.error(number, key, cell, error.message)
        return FigureValues(**found) if len(found) == len(FIGURE_FIELDS) else None

    def add(self, row: FigureRow) -> None:
        earlier = self.seen.setdefault((row.facility, row.month), row.row)
        if earlier != row.row:
            message = _("The same facility and month as row %(row)s.") % {"row": earlier}
            self.error(row.row, "", "", message)
            return
        self.rows.append(row)
