"""Checking the rows of a count file: municipality, category, age band, gender and finding
organisation → people. The result is every row by primary key, or every error found."""

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderdak.imports.files import cells
from onderdak.imports.files.checking import RowChecker, check_table
from onderdak.imports.files.columns import Column, Header
from onderdak.imports.files.problems import CheckResult, Progress, Table, file_error
from onderdak.monitor.services.aggregates import RowIds

MUNICIPALITY = Column("municipality", "gemeente", ("municipality", "cbs code", "gemeentecode"))
PEOPLE = Column("people", "aantal", ("people", "number", "aantal personen", "number of people"))
#: The breakdown columns, keyed by the dimension of their reference values (``Dimension``).
BREAKDOWNS = (
    Column("category", "categorie", ("category", "ethos categorie", "ethos category")),
    Column("age_band", "leeftijd", ("age band", "leeftijdsgroep", "leeftijdscategorie", "age")),
    Column("gender", "geslacht", ("gender", "sex")),
    Column("finder", "vindplaats", ("finding organisation", "finder", "finding organization")),
)
COLUMNS = (MUNICIPALITY, *BREAKDOWNS, PEOPLE)
UNKNOWN = {
    "category": gettext_lazy("Unknown category: use a code or name from the list of codes."),
    "age_band": gettext_lazy("Unknown age band: use a code or name from the list of codes."),
    "gender": gettext_lazy("Unknown gender: use a code or name from the list of codes."),
    "finder": gettext_lazy(
        "Unknown finding organisation: use a code or name from the list of codes."
    ),
}
#: The most people a file may hold in all (the database's limit for a version's total).
MAX_TOTAL = 2_147_483_647


@dataclass(frozen=True)
class CountLookups:
    """What the rows may name: municipalities of the count's region by ``cells.cbs_key`` and by
    normal name; per dimension, the active values by normal code and names. ``retired`` holds
    the normal codes and names of values no longer used for new imports."""

    municipalities: Mapping[str, int]
    values: Mapping[str, Mapping[str, int]]
    retired: Mapping[str, frozenset[str]]


def municipality_id(cell, municipalities: Mapping[str, int]) -> int:
    """The municipality a cell names by CBS code or name, within the lookups' region."""
    key = cells.key(cell)
    found = municipalities.get(cells.cbs_key(key) or "") or municipalities.get(key)
    if found is None:
        if not key:
            raise cells.CellError(_("Fill in the municipality (CBS code or name)."))
        raise cells.CellError(_("Unknown municipality in this region: use its CBS code or name."))
    return found


def check_count_rows(
    table: Table, lookups: CountLookups, progress: Progress | None = None
) -> CheckResult[RowIds]:
    """Every row checked; the rows by primary key only when there is no error at all."""
    return check_table(table, COLUMNS, lambda header: _CountChecker(header, lookups), progress)


class _CountChecker(RowChecker[RowIds]):
    def __init__(self, header: Header, lookups: CountLookups) -> None:
        super().__init__(header)
        self.lookups = lookups
        self.seen: dict[tuple, int] = {}
        self.known: dict[tuple, int | str] = {}  # (column, cell) → id or error message

    def check(self, number: int, row: list) -> None:
        ids = {}
        for column in COLUMNS:
            cell = self.cell(row, column.key)
            found = self.lookup(column.key, cell)
            if isinstance(found, int):
                ids[column.key] = found
            else:
                self.error(number, column.key, cell, found)
        if len(ids) == len(COLUMNS):
            self.add(number, RowIds(**ids))

    def lookup(self, key: str, cell) -> int | str:
        """The id a cell names, or the error's message; remembered, since values repeat."""
        memo = (key, type(cell), cell)
        if memo not in self.known:
            try:
                self.known[memo] = self.read(key, cell)
            except cells.CellError as error:
                self.known[memo] = error.message
        return self.known[memo]

    def read(self, key: str, cell) -> int:
        if key == "municipality":
            return municipality_id(cell, self.lookups.municipalities)
        if key == "people":
            return cells.people(cell)
        found = self.lookups.values[key].get(cells.key(cell))
        if found is not None:
            return found
        if not cells.key(cell):
            raise cells.CellError(_("Fill in this cell."))
        if cells.key(cell) in self.lookups.retired.get(key, frozenset()):
            raise cells.CellError(_("This value is no longer used for new counts."))
        raise cells.CellError(str(UNKNOWN[key]))

    def add(self, number: int, row: RowIds) -> None:
        earlier = self.seen.setdefault(row[:5], number)
        if earlier != number:
            message = _(
                "The same municipality, category, age band, gender and finding organisation as "
                "row %(row)s."
            ) % {"row": earlier}
            self.error(number, "", "", message)
            return
        self.rows.append(row)

    def result(self) -> CheckResult[RowIds]:
        if not self.errors and sum(row.people for row in self.rows) > MAX_TOTAL:
            self.errors.append(file_error(_("The file holds more people than can be stored.")))
        return super().result()
