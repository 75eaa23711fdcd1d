"""Import files as tests write them: rows of cells to CSV (any encoding, any separator) or XLSX."""

import io
from collections.abc import Sequence

from openpyxl import Workbook


def csv_bytes(
    rows: Sequence[Sequence], *, separator: str = ";", encoding: str = "utf-8-sig"
) -> bytes:
    lines = [separator.join("" if cell is None else str(cell) for cell in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes(rows: Sequence[Sequence], *, extra_sheet: bool = False) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    if extra_sheet:
        workbook.create_sheet("Codes").append(["not", "read"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
