"""The monitor's import files as tests write them: counts and indicators, as CSV or XLSX."""

from collections.abc import Sequence

from tests.imports.files import csv_bytes, xlsx_bytes

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
