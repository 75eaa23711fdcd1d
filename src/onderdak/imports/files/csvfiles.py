"""CSV files: UTF-8 (with or without BOM) or Windows-1252, separated by ``;``, ``,`` or tab.

Dutch Excel's "CSV (puntkomma gescheiden)" writes Windows-1252 with semicolons; "CSV UTF-8"
writes UTF-8 with a BOM. Other encodings (UTF-16 "Unicode text", binary files) are refused with a
message that says how to save the file.
"""

import csv
import io
import re

from django.utils.translation import gettext as _

from onderdak.imports.files.problems import Cell, ReadError

SEPARATORS = (";", ",", "\t")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: Control characters no spreadsheet writes into a CSV file (tab, line feed and return are fine).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Excel's hint line ``sep=;`` before the header names the separator.
SEPARATOR_HINT = re.compile(r"^sep=(.)\r?$", re.IGNORECASE)
#: A field may hold at most this many characters (csv's default is 128 KB); longer means garbage.
FIELD_LIMIT = 10_000


def save_as_hint() -> str:
    return _(
        "Save it in Excel as “CSV UTF-8 (door komma's gescheiden)” or “CSV (puntkomma "
        "gescheiden)”, or as an Excel workbook (.xlsx)."
    )


def decode(content: bytes) -> str:
    """The text of ``content``: UTF-8 (a BOM is dropped), else Windows-1252."""
    if content.startswith(UTF16_BOMS) or b"\x00" in content:
        raise ReadError(
            _("The file is not a CSV text file in a known encoding (it may be UTF-16 or binary).")
            + " "
            + save_as_hint()
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = content.decode("cp1252")
        except UnicodeDecodeError as error:
            message = _("The file's encoding is not recognised.") + " " + save_as_hint()
            raise ReadError(message) from error
    if CONTROL.search(text):
        raise ReadError(
            _("The file holds characters a CSV file cannot have.") + " " + save_as_hint()
        )
    return text


def separator(text: str) -> str:
    """The separator used most in the first non-blank line (the header)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: header.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    if counts[best] == 0:
        raise ReadError(
            _(
                "The header has only one column: separate the columns with semicolons (;), "
                "commas (,) or tabs."
            )
        )
    return best


def read_rows(content: bytes) -> list[tuple[int, list[Cell]]]:
    """Every record with its row number (as a spreadsheet numbers them: a record is a row)."""
    text = decode(content)
    first, _newline, rest = text.partition("\n")
    hint = SEPARATOR_HINT.match(first)
    delimiter = hint.group(1) if hint else separator(text)
    reader = csv.reader(
        io.StringIO(rest if hint else text, newline=""), delimiter=delimiter, strict=True
    )
    first_row = 2 if hint else 1
    rows = []
    try:
        for number, record in enumerate(reader, start=first_row):
            if any(len(field) > FIELD_LIMIT for field in record):
                raise ReadError(
                    _("Row %(row)s has a cell of more than %(limit)s characters.")
                    % {"row": number, "limit": FIELD_LIMIT}
                )
            rows.append((number, [field.strip() for field in record]))
    except csv.Error as error:
        raise ReadError(
            _('Row %(row)s cannot be read: check its quotes (").')
            % {"row": reader.line_num + first_row - 1}
        ) from error
    return rows
