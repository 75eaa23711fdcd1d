"""The templates users download and fill in: the header on the first row (so the file imports as
it is), and in the XLSX a second sheet with every valid code and name (docs/imports.md)."""

import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Font

from onderdak.core.exports import FORMULA_START, Sheet, sheet_name, text
from onderdak.imports.files.columns import Column

BOM = "\ufeff"
CSV_SEPARATOR = ";"
COLUMN_WIDTH = 22


def template_csv(columns: Sequence[Column]) -> bytes:
    """The header, separated by semicolons, in UTF-8 with a BOM (so Excel reads it as UTF-8)."""
    return csv_file([c.name for c in columns], [])


def csv_file(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """A CSV file as Dutch Excel's "CSV UTF-8" writes it: a BOM, semicolons, CRLF line ends.
    (For the demo and the benchmark, whose cells hold no separators or quotes.)"""
    lines = [CSV_SEPARATOR.join(str(cell) for cell in row) for row in [header, *rows]]
    return (BOM + "\r\n".join(lines) + "\r\n").encode("utf-8")


def template_xlsx(*, title: str, columns: Sequence[Column], codes: Sequence[Sheet]) -> bytes:
    """A sheet ``title`` with the header in row 1, then one sheet per entry of ``codes``."""
    workbook = Workbook()
    data = workbook.active
    data.title = sheet_name(title)
    _header(data, [c.name for c in columns])
    for sheet in codes:
        worksheet = workbook.create_sheet(sheet_name(sheet.title))
        _header(worksheet, [str(h) for h in sheet.headers])
        for row in sheet.rows:
            worksheet.append([text(v) if isinstance(v, str) else v for v in row])
            for cell in worksheet[worksheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.data_type, cell.quotePrefix = "s", True  # text, never a formula
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _header(worksheet, names: Sequence[str]) -> None:
    worksheet.append(names)
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
        worksheet.column_dimensions[cell.column_letter].width = COLUMN_WIDTH
    worksheet.freeze_panes = "A2"
