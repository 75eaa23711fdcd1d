"""Excel (.xlsx) downloads of tables: a title and source label, a frozen bold header, real numbers.

Every app's export goes through :func:`xlsx_response`, so each download looks alike and is safe:

- amounts (``Decimal``) are numbers with two decimals, not text, so the user can calculate on;
- text that a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``, ``@``, a
  tab or a carriage return) is written as text with a quote prefix (CSV/formula injection,
  OWASP), whoever typed it;
- the file name is reduced to ASCII letters, digits and hyphens.

Rights are the caller's business: a view exports only what its selector already returned.
"""

import datetime
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
AMOUNT_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Characters Excel does not allow in a sheet's name; it also allows at most 31 characters.
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
HEADER_ROW = 4  # title, label, blank line, header
MAX_COLUMN_WIDTH = 60

CellValue = str | int | float | Decimal | datetime.date | bool | None


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[CellValue]]


def suppression_note(suppressed: bool) -> str:
    """The label line of a download that counts people: what is hidden, and from whom."""
    if not suppressed:
        return _("All figures, unsuppressed: for the regional coordinator only.")
    return _(
        "Counts from 1 to 4 are hidden (<5 or x on screen, empty here), and so are other figures "
        "wherever the totals would give them away."
    )


def safe_filename(name: str, extension: str = "xlsx") -> str:
    """``Scenario 2026 — "hoog"/x`` → ``scenario-2026-hoog-x.xlsx``; never empty or over 80."""
    stem = slugify(re.sub(r"[/\\.]", " ", name))[:80].strip("-") or "export"
    return f"{stem}.{extension}"


def xlsx_response(*, filename: str, title: str, label: str, sheets: Sequence[Sheet]):
    """An attachment download of a workbook with one worksheet per ``Sheet``."""
    response = HttpResponse(
        workbook_bytes(title=title, label=label, sheets=sheets), content_type=CONTENT_TYPE
    )
    response["Content-Disposition"] = content_disposition_header(True, safe_filename(filename))
    response["X-Content-Type-Options"] = "nosniff"
    return response


def workbook_bytes(*, title: str, label: str, sheets: Sequence[Sheet]) -> bytes:
    """The workbook as bytes. ``label`` says where the figures come from (and if they are demo)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.creator = "Onderdak"
    workbook.properties.title = text(title)
    for sheet in sheets:
        _write_sheet(workbook.create_sheet(sheet_name(sheet.title)), title, label, sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_name(title: str) -> str:
    return SHEET_NAME_FORBIDDEN.sub(" ", title)[:31].strip() or "Blad"


def _write_sheet(worksheet: Worksheet, title: str, label: str, sheet: Sheet) -> None:
    _put(worksheet.cell(1, 1), title).font = Font(bold=True, size=14)
    _put(worksheet.cell(2, 1), label)
    for column, header in enumerate(sheet.headers, start=1):
        _put(worksheet.cell(HEADER_ROW, column), header).font = Font(bold=True)
    for row_number, row in enumerate(sheet.rows, start=HEADER_ROW + 1):
        for column, value in enumerate(row, start=1):
            _put(worksheet.cell(row_number, column), value)
    worksheet.freeze_panes = worksheet.cell(HEADER_ROW + 1, 1)
    _fit_columns(worksheet, len(sheet.headers))


def _put(cell: Cell, value: CellValue) -> Cell:
    """Writes ``value`` with its proper type and format; text is never taken for a formula."""
    if isinstance(value, str):
        cell.value = text(value)
        if cell.value.startswith(FORMULA_START):
            cell.data_type = "s"
            cell.quotePrefix = True
    elif isinstance(value, Decimal):
        cell.value = float(value)
        cell.number_format = AMOUNT_FORMAT
    else:
        cell.value = value
        if isinstance(value, datetime.date):
            cell.number_format = DATE_FORMAT
    return cell


def text(value: str) -> str:
    """Without the control characters the xlsx format cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _fit_columns(worksheet: Worksheet, columns: int) -> None:
    """Column widths from the header and data (not the title rows, which may run on)."""
    for column in range(1, columns + 1):
        cells = worksheet.iter_rows(min_row=HEADER_ROW, min_col=column, max_col=column)
        longest = max((len(_shown(row[0].value)) for row in cells), default=8)
        width = min(max(longest + 2, 10), MAX_COLUMN_WIDTH)
        worksheet.column_dimensions[get_column_letter(column)].width = width


def _shown(value: CellValue) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}"
    return "" if value is None else str(value)
