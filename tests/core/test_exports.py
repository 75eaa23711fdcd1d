"""Excel downloads: the file opens, numbers are numbers, formulas typed as text stay text."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from onderdak.core import exports
from onderdak.core.exports import HEADER_ROW, Sheet


def open_workbook(content: bytes):
    return load_workbook(io.BytesIO(content))


def one_sheet(rows, headers=("Gemeente", "Bedrag")):
    content = exports.workbook_bytes(
        title="Bekostiging 2026",
        label="Demo, fictief — bron: voorbeeld",
        sheets=[Sheet("Per gemeente", headers, rows)],
    )
    return open_workbook(content)["Per gemeente"]


def test_title_label_and_a_bold_frozen_header():
    sheet = one_sheet([["Leiden", Decimal("1234.56")]])
    assert sheet["A1"].value == "Bekostiging 2026"
    assert sheet["A1"].font.bold
    assert sheet["A2"].value == "Demo, fictief — bron: voorbeeld"
    header = sheet[HEADER_ROW]
    assert [c.value for c in header] == ["Gemeente", "Bedrag"]
    assert all(c.font.bold for c in header)
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"


def test_amounts_are_numbers_with_two_decimals_and_other_types_keep_theirs():
    sheet = one_sheet(
        [["Leiden", Decimal("1234.5"), 2026, 0.25, datetime.date(2026, 1, 1), None, True]],
        headers=("a", "b", "c", "d", "e", "f", "g"),
    )
    row = sheet[HEADER_ROW + 1]
    amount, year, fraction, date, empty, flag = row[1:]
    assert amount.value == pytest.approx(1234.5)
    assert amount.data_type == "n"
    assert amount.number_format == exports.AMOUNT_FORMAT
    assert (year.value, year.number_format) == (2026, "General")
    assert fraction.value == 0.25
    assert date.value == datetime.datetime(2026, 1, 1)
    assert empty.value is None
    assert flag.value is True


@pytest.mark.parametrize(
    "typed", ["=SUM(A1:A2)", "+31 71 000", "-2+3", "@cmd", "\t=1+1", '=HYPERLINK("x")']
)
def test_text_that_looks_like_a_formula_is_written_as_text(typed):
    cell = one_sheet([[typed, Decimal(1)]])[f"A{HEADER_ROW + 1}"]
    assert cell.value == typed
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_headers_and_titles_are_protected_too():
    content = exports.workbook_bytes(
        title="=kwaad()", label="@label", sheets=[Sheet("=blad", ["=kop"], [])]
    )
    sheet = open_workbook(content).worksheets[0]
    for cell in (sheet["A1"], sheet["A2"], sheet[f"A{HEADER_ROW}"]):
        assert cell.data_type == "s"
        assert cell.value.startswith(("=", "@"))


def test_control_characters_are_dropped_and_sheet_names_made_valid():
    content = exports.workbook_bytes(
        title="t", label="l", sheets=[Sheet("a/b:c*d?[e]" + "x" * 40, ["kop"], [["a\x00b\x1fc"]])]
    )
    sheet = open_workbook(content).worksheets[0]
    assert sheet.title == "a b c d  e " + "x" * 20
    assert sheet[f"A{HEADER_ROW + 1}"].value == "abc"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Scenario 2026 — “hoog”/x", "scenario-2026-hoog-x.xlsx"),
        ("../../etc/passwd", "etc-passwd.xlsx"),
        ("Één, twee; drie\r\nvier", "een-twee-drie-vier.xlsx"),
        ("", "export.xlsx"),
        ("—", "export.xlsx"),
        ("rapport.xlsx.exe", "rapport-xlsx-exe.xlsx"),
        ("a" * 200, "a" * 80 + ".xlsx"),
    ],
)
def test_file_names_are_safe(name, expected):
    assert exports.safe_filename(name) == expected


def test_response_is_an_attachment_of_the_xlsx_type():
    response = exports.xlsx_response(
        filename="Vergelijking A/B",
        title="Vergelijking",
        label="bron",
        sheets=[Sheet("Verschillen", ["x"], [[Decimal("-1.5")]])],
    )
    assert response["Content-Type"] == exports.CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="vergelijking-a-b.xlsx"'
    cell = open_workbook(response.content)["Verschillen"][f"A{HEADER_ROW + 1}"]
    assert cell.value == -1.5
