"""Import files as tests write them: rows of cells to CSV (any encoding, any separator) or XLSX."""

import io
from collections.abc import Sequence

from openpyxl import Workbook

COUNT_HEADER = ("gemeente", "categorie", "leeftijd", "geslacht", "vindplaats", "aantal")
INDICATOR_HEADER = (
    "indicatorcode",
    "indicatornaam",
    "gemeente",
    "periode",
    "waarde",
    "eenheid",
    "bron",
)


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


def count_file(rows: Sequence[Sequence], kind: str = "csv", **options) -> bytes:
    data = [COUNT_HEADER, *rows]
    return csv_bytes(data, **options) if kind == "csv" else xlsx_bytes(data, **options)


GOOD_ROWS = [
    ("GM0546", "1", "18-26", "man", "gemeente", 3),
    ("Leiden", "2", "27-65", "vrouw", "opvang", 7),
    ("GM0484", "6", "0-17", "anders", "zorg", 0),
]
BAD_COUNT_ROWS = [
    ("Amsterdam", "1", "18-26", "man", "gemeente", "-1"),
    ("Leiden", "x", "18-26", "man", "gemeente", "2,5"),
]
