"""Reading a file's bytes into a table: type by content, encodings, separators, limits."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from onderdak.imports.files import xlsxfiles
from onderdak.imports.files.problems import ReadError
from onderdak.imports.files.reading import read_table
from tests.imports.files import csv_bytes, xlsx_bytes
from tests.monitor.importing.files import count_file

LIMIT = 1024 * 1024
ROWS = [("gemeente", "aantal"), ("Leiden", "3"), ("Lisse", "4")]


def read(content: bytes):
    return read_table(content, max_bytes=LIMIT)


@pytest.mark.parametrize("separator", [";", ",", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_in_every_accepted_encoding_and_separator(separator, encoding):
    table = read(
        csv_bytes(
            [("gemeente", "naam"), ("Leiden", "Café “Zoë”")], separator=separator, encoding=encoding
        )
    )
    assert table.header == ["gemeente", "naam"]
    assert table.rows == [(2, ["Leiden", "Café “Zoë”"])]


def test_the_separator_is_the_one_the_header_uses_most():
    table = read(b'gemeente;naam\r\n"Alphen, aan den Rijn";x\r\n')
    assert table.rows == [(2, ["Alphen, aan den Rijn", "x"])]


def test_excels_separator_hint_names_the_separator_and_counts_as_a_row():
    table = read(b"sep=,\r\ngemeente,aantal\r\nLeiden;Oost,3\r\n")
    assert table.header_row == 2
    assert table.rows == [(3, ["Leiden;Oost", "3"])]


def test_blank_rows_are_skipped_and_rows_keep_their_spreadsheet_number():
    table = read(b"\r\ngemeente;aantal\r\n;\r\nLeiden;3\r\n\r\nLisse;4\r\n")
    assert table.header_row == 2
    assert [number for number, _ in table.rows] == [4, 6]


def test_xlsx_reads_the_first_sheet_with_typed_cells():
    table = read(xlsx_bytes([*ROWS[:1], ("Leiden", 3), ("Lisse", 4.0)], extra_sheet=True))
    assert table.header == ["gemeente", "aantal"]
    assert table.rows == [(2, ["Leiden", 3.0]), (3, ["Lisse", 4.0])]


def test_xlsx_row_numbers_follow_the_sheet_when_the_table_starts_lower():
    workbook = Workbook()
    sheet = workbook.active
    sheet["B3"], sheet["C3"], sheet["B5"], sheet["C5"] = "gemeente", "aantal", "Leiden", 2
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read(buffer.getvalue())
    assert table.header_row == 3
    assert table.rows == [(5, ["Leiden", 2.0])]


def test_the_type_comes_from_the_content_not_the_name():
    assert read(count_file([("Leiden", 1, 1, 1, 1, 1)], "xlsx")).header[0] == "gemeente"
    assert read(count_file([("Leiden", 1, 1, 1, 1, 1)], "csv")).header[0] == "gemeente"


def zip_with(names: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in names.items():
            package.writestr(name, data)
    return buffer.getvalue()


def sheet_with_cells(*refs: str) -> bytes:
    cells = "".join(f'<row r="{ref[1:]}"><c r="{ref}"><v>1</v></c></row>' for ref in refs)
    xml = f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>'
    return xml.encode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \r\n  ", "empty"),
        (b"gemeente;aantal\r\n", "no rows with data"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
        ("gemeente;aantal\r\nLeiden;3\r\n".encode("utf-16"), "UTF-16"),
        ("gemeente;aantal\r\nLeiden;3\r\n".encode("utf-16-le"), "UTF-16"),
        (b"gemeente;aantal\r\nLeiden;\x01\x02\r\n", "characters a CSV file cannot have"),
        (b"gemeente;aantal\r\nLeiden\x81;3\r\n", "encoding is not recognised"),
        (b"gemeente aantal\r\nLeiden 3\r\n", "only one column"),
        (b'gemeente;aantal\r\n"Leiden;3\r\n', "quotes"),
        (b"PK\x03\x04 not really a zip", "damaged"),
        (zip_with({"a.txt": b"x"}), "not an Excel workbook"),
        (zip_with({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}), ".ods"),
    ],
)
def test_files_that_cannot_be_read_say_why(content, message):
    with pytest.raises(ReadError, match=message.replace(".", r"\.").replace("(", r"\(")):
        read(content)


def test_a_file_over_the_limit_is_refused_before_reading():
    with pytest.raises(ReadError, match="larger than 1 MB"):
        read(b"x;" * LIMIT)


def test_a_sheet_spanning_too_many_cells_is_refused_before_calamine_allocates_them():
    """calamine allocates the rectangle up to the last cell: A1 and XFD1048576 would be 17
    billion cells, and the process would be killed."""
    content = zip_with(
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/worksheets/sheet1.xml": sheet_with_cells("A1", "XFD1048576"),
        }
    )
    with pytest.raises(ReadError, match="column XFD"):
        read(content)


def test_a_zip_bomb_stops_at_the_cap(monkeypatch):
    monkeypatch.setattr(xlsxfiles, "MAX_XML_BYTES", 1000)
    content = zip_with(
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/sharedStrings.xml": b" " * 5000,
        }
    )
    with pytest.raises(ReadError, match="too large once unpacked"):
        read(content)


def test_an_unexpected_failure_of_a_reader_is_a_read_error(monkeypatch):
    def broken(content):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(xlsxfiles, "read_rows", broken)
    with pytest.raises(ReadError, match="damaged"):
        read(xlsx_bytes(ROWS))
