"""Checking the rows of an indicator file: indicator code and name, municipality, period, value,
unit and source. A code the region has is matched (its unit must be the file's); a new code
becomes a new indicator named as in the file."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from onderdak.imports.files import cells
from onderdak.imports.files.checking import RowChecker, check_table
from onderdak.imports.files.columns import Column, Header
from onderdak.imports.files.problems import CheckResult, Progress, RowError, Table
from onderdak.monitor.importing.counts import MUNICIPALITY, municipality_id
from onderdak.monitor.selectors.indicators_catalogue import BUILT_IN_PREFIXES, is_built_in_code

CODE = Column("code", "indicatorcode", ("indicator code", "indicator", "code"))
NAME = Column("name", "indicatornaam", ("indicator name", "naam", "name"))
PERIOD = Column("period", "periode", ("period", "jaar", "year"))
VALUE = Column("value", "waarde", ("value",))
UNIT = Column("unit", "eenheid", ("unit",))
SOURCE = Column("source", "bron", ("source",))
COLUMNS = (CODE, NAME, MUNICIPALITY, PERIOD, VALUE, UNIT, SOURCE)
SLUG = re.compile(r"^[-a-z0-9_]{1,60}$")
#: The sizes of ``Indicator`` and ``IndicatorValue`` fields.
NAME_LENGTH, UNIT_LENGTH, SOURCE_LENGTH = 150, 50, 500
DIGITS, PLACES = 16, 4


@dataclass(frozen=True)
class IndicatorRow:
    """One checked value; ``code`` is lower case."""

    row: int
    code: str
    name: str
    municipality: int
    period: str
    value: Decimal
    unit: str
    source: str

    @property
    def year(self) -> int:
        return int(self.period[:4])


@dataclass(frozen=True)
class IndicatorLookups:
    """Municipalities as for counts; the region's indicators by lower-case code → unit."""

    municipalities: Mapping[str, int]
    units: Mapping[str, str]


def check_indicator_rows(
    table: Table, lookups: IndicatorLookups, progress: Progress | None = None
) -> CheckResult[IndicatorRow]:
    """Every row checked; the rows only when there is no error at all."""
    return check_table(table, COLUMNS, lambda header: _IndicatorChecker(header, lookups), progress)


class _IndicatorChecker(RowChecker[IndicatorRow]):
    def __init__(self, header: Header, lookups: IndicatorLookups) -> None:
        super().__init__(header)
        self.lookups = lookups
        self.seen: dict[tuple, int] = {}
        self.new: dict[str, tuple[str, str, int]] = {}  # new code → name, unit, first row

    def check(self, number: int, row: list) -> None:
        values = {}
        for column in COLUMNS:
            cell = self.cell(row, column.key)
            try:
                values[column.key] = self.read(column.key, cell)
            except cells.CellError as error:
                self.error(number, column.key, cell, error.message)
        if len(values) == len(COLUMNS) and self.consistent(number, row, values):
            self.add(IndicatorRow(row=number, **values))

    def read(self, key: str, cell):
        if key == "municipality":
            return municipality_id(cell, self.lookups.municipalities)
        if key == "period":
            return cells.period(cell)
        if key == "value":
            return cells.decimal(cell, places=PLACES, digits=DIGITS)
        if key == "code":
            code = cells.text(cell, max_length=60).lower()
            if not SLUG.match(code):
                raise cells.CellError(_("Use letters, digits, hyphens and underscores only."))
            if is_built_in_code(code):
                message = _("Codes starting with %(prefixes)s are kept for built-in indicators.")
                raise cells.CellError(message % {"prefixes": " / ".join(BUILT_IN_PREFIXES)})
            return code
        limits = {"name": NAME_LENGTH, "unit": UNIT_LENGTH, "source": SOURCE_LENGTH}
        return cells.text(cell, max_length=limits[key])

    def consistent(self, number: int, row: list, values: dict) -> bool:
        """The unit is the indicator's; a new code has one name and one unit in the file."""
        code, unit = values["code"], values["unit"]
        known = self.lookups.units.get(code)
        if known is not None:
            if unit.casefold() != known.casefold():
                message = _("The indicator's unit is “%(unit)s”.") % {"unit": known}
                return self.error(number, "unit", self.cell(row, "unit"), message)
            return True
        name, first_unit, first_row = self.new.setdefault(code, (values["name"], unit, number))
        if unit != first_unit:
            message = _("Row %(row)s gives this new indicator the unit “%(unit)s”.")
            message %= {"row": first_row, "unit": first_unit}
            return self.error(number, "unit", self.cell(row, "unit"), message)
        if values["name"] != name:
            message = _("Row %(row)s gives this new indicator the name “%(name)s”.")
            message %= {"row": first_row, "name": name}
            return self.error(number, "name", self.cell(row, "name"), message)
        return True

    def add(self, row: IndicatorRow) -> None:
        earlier = self.seen.setdefault((row.code, row.municipality, row.period), row.row)
        if earlier != row.row:
            message = _("The same indicator, municipality and period as row %(row)s.")
            self.errors.append(RowError(row.row, "", "", message % {"row": earlier}))
            return
        self.rows.append(row)
