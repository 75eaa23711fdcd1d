"""A cell's value as the checks need it: text, a key to look up, a whole number, a decimal, a
period or a month. Each reader raises :class:`CellError` with the message for the report."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from onderdak.core.formatting import localized_number
from onderdak.imports.files.columns import normal
from onderdak.imports.files.problems import Cell

WHOLE = re.compile(r"^[0-9]+$")
DECIMAL = re.compile(r"^-?[0-9]+([.,][0-9]+)?$")
CBS_DIGITS = re.compile(r"^(?:gm)?0*([0-9]{1,4})$")
PERIOD = re.compile(r"^((?:19|20)[0-9]{2})(?:-(Q[1-4]|0[1-9]|1[0-2]))?$")
#: ``2024-06`` (a month), ``2024-06-15`` (a date), ``15-6-2024`` (a date as Dutch Excel writes it).
MONTH = re.compile(r"^((?:19|20)[0-9]{2})-([0-9]{1,2})$")
ISO_DATE = re.compile(r"^((?:19|20)[0-9]{2})-([0-9]{1,2})-([0-9]{1,2})$")
DAY_FIRST = re.compile(r"^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]((?:19|20)[0-9]{2})$")
#: No cell of a file holds more people than this; a larger number is a mistake in the file.
MAX_PEOPLE = 100_000


class CellError(Exception):
    def __init__(self, message: str) -> None:
        self.message = str(message)
        super().__init__(self.message)


def text(cell: Cell, *, max_length: int, required: bool = True) -> str:
    value = "" if cell is None else str(cell).strip()
    if isinstance(cell, float) and cell.is_integer():
        value = str(int(cell))
    if required and not value:
        raise CellError(_("Fill in this cell."))
    if len(value) > max_length:
        raise CellError(_("At most %(limit)s characters.") % {"limit": max_length})
    return value


def key(cell: Cell) -> str:
    """The cell as a lookup key: a whole number from XLSX as its digits, then :func:`normal`."""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, bool):
        return ""
    return normal(cell)


def cbs_key(value: str) -> str | None:
    """``GM0546``, ``gm0546``, ``0546`` and ``546`` (Excel drops the zeros) all give ``gm0546``."""
    match = CBS_DIGITS.match(value)
    return f"gm{int(match.group(1)):04d}" if match else None


def people(cell: Cell, *, limit: int = MAX_PEOPLE) -> int:
    """A whole number from 0 to ``limit``; an XLSX number with an integral value is fine,
    ``2,5``, ``1.5``, ``-1`` and text are not."""
    if isinstance(cell, bool):
        raise CellError(_("Enter a whole number of 0 or more."))
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, int):
        number = cell
    else:
        value = "" if cell is None else str(cell).strip()
        if not value:
            raise CellError(_("Enter the number of people (0 or more)."))
        if not WHOLE.match(value):
            raise CellError(_("Enter a whole number of 0 or more."))
        number = int(value)
    if not 0 <= number <= limit:
        message = _("Enter a whole number from 0 to %(limit)s.") % {
            "limit": localized_number(limit, 0, grouped=True)
        }
        raise CellError(message)
    return number


def decimal(cell: Cell, *, places: int, digits: int) -> Decimal:
    """A number with a decimal comma or point and no thousands separators, at most ``places``
    decimals and ``digits`` digits in all. An XLSX number is taken as the spreadsheet shows it."""
    if isinstance(cell, bool | datetime.date):
        raise CellError(_("Enter a number, e.g. 12,5."))
    if isinstance(cell, int | float):
        value = _from_float(float(cell), places)
    else:
        raw = "" if cell is None else str(cell).strip()
        if not raw:
            raise CellError(_("Enter a number, e.g. 12,5."))
        if not DECIMAL.match(raw):
            raise CellError(
                _("Enter a number with a decimal comma or point, without thousands separators.")
            )
        value = Decimal(raw.replace(",", "."))
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        raise CellError(_("At most %(places)s decimals.") % {"places": places})
    if abs(value) >= Decimal(10) ** (digits - places):
        raise CellError(_("The number is too large."))
    return value


def _from_float(number: float, places: int) -> Decimal:
    """A spreadsheet number: rounded to ``places`` when it differs from that only by binary
    noise (0.1 + 0.2), else as it is."""
    try:
        exact = Decimal(repr(number))
        rounded = round(exact, places)
    except (InvalidOperation, ValueError) as error:  # inf, nan
        raise CellError(_("Enter a number, e.g. 12,5.")) from error
    return rounded if abs(exact - rounded) < Decimal("1e-9") else exact


def period(cell: Cell) -> str:
    """A year (``2024``), a quarter (``2024-Q2``) or a month (``2024-06``); a date from XLSX
    (Excel makes one of ``2024-06``) gives its month."""
    if isinstance(cell, datetime.date):
        return f"{cell.year:04d}-{cell.month:02d}"
    value = text(cell, max_length=10).upper()
    if not PERIOD.match(value):
        raise CellError(_("Use a year (2024), a quarter (2024-Q2) or a month (2024-06)."))
    return value


def month(cell: Cell) -> datetime.date:
    """A month as its first day: ``2024-06``, a date (``2024-06-15``, ``15-6-2024``) or a date
    from XLSX (Excel makes one of ``2024-06``); a date gives its month."""
    if isinstance(cell, datetime.date):
        return datetime.date(cell.year, cell.month, 1)
    value = text(cell, max_length=10)
    year, number, day = _month_parts(value)
    try:
        datetime.date(year, number, day)
    except ValueError as error:
        raise CellError(_("Use a month (2024-06) or a date (15-6-2024).")) from error
    return datetime.date(year, number, 1)


def _month_parts(value: str) -> tuple[int, int, int]:
    """Year, month and day of ``value``, or a :class:`CellError`."""
    if match := MONTH.match(value):
        return int(match.group(1)), int(match.group(2)), 1
    if match := ISO_DATE.match(value):
        return int(match.group(1)), int(match.group(2)), int(match.group(3))
    if match := DAY_FIRST.match(value):
        return int(match.group(3)), int(match.group(2)), int(match.group(1))
    raise CellError(_("Use a month (2024-06) or a date (15-6-2024)."))
