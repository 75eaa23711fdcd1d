"""Checking indicator rows, table-driven: periods, decimals, units, new codes and duplicates."""

import datetime
from decimal import Decimal

import pytest

from onderdak.imports.files.reading import read_table
from onderdak.monitor.importing.indicators import IndicatorLookups, check_indicator_rows
from tests.imports.files import csv_bytes, xlsx_bytes
from tests.monitor.importing.files import INDICATOR_HEADER

LOOKUPS = IndicatorLookups(
    municipalities={"gm0546": 546, "leiden": 546, "gm0553": 553, "lisse": 553},
    units={"ontruimingen": "aantal"},
)
GOOD = ("ontruimingen", "Ontruimingen", "Leiden", "2024", "12", "aantal", "Corporaties")


def check(rows, kind="csv"):
    data = [INDICATOR_HEADER, *rows]
    content = csv_bytes(data) if kind == "csv" else xlsx_bytes(data)
    return check_indicator_rows(read_table(content, max_bytes=10**7), LOOKUPS)


def with_cell(position: int, value) -> tuple:
    row = list(GOOD)
    row[position] = value
    return tuple(row)


@pytest.mark.parametrize(
    ("period", "expected"),
    [("2024", "2024"), ("2024-Q2", "2024-Q2"), ("2024-q4", "2024-Q4"), ("2024-06", "2024-06")],
)
def test_a_period_is_a_year_quarter_or_month(period, expected):
    result = check([with_cell(3, period)])
    assert result.rows[0].period == expected
    assert result.rows[0].year == 2024


def test_an_xlsx_date_gives_its_month_and_a_number_its_year():
    result = check([with_cell(3, datetime.datetime(2024, 6, 1)), with_cell(3, 2023)], kind="xlsx")
    assert [row.period for row in result.rows] == ["2024-06", "2023"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12,5", "12.5"), ("12.5", "12.5"), ("-3", "-3"), ("0,0001", "0.0001"), ("7", "7")],
)
def test_a_value_has_a_decimal_comma_or_point(value, expected):
    assert check([with_cell(4, value)]).rows[0].value == Decimal(expected)


def test_an_xlsx_number_is_taken_as_shown_without_binary_noise():
    result = check([with_cell(4, 0.1 + 0.2), with_cell(3, "2025")], kind="xlsx")
    assert [row.value for row in result.rows] == [Decimal("0.3"), Decimal(12)]


@pytest.mark.parametrize(
    ("position", "value", "message"),
    [
        (0, "", "Fill in"),
        (0, "ont ruimingen", "letters, digits"),
        (0, "ethos-people", "built-in indicators"),
        (0, "contingent-eigen", "built-in indicators"),
        (2, "Amsterdam", "Unknown municipality"),
        (3, "24", "Use a year"),
        (3, "2024-13", "Use a year"),
        (3, "2024-Q5", "Use a year"),
        (4, "1.234,5", "without thousands separators"),
        (4, "1,234.5", "without thousands separators"),
        (4, "12,34567", "At most 4 decimals"),
        (4, "abc", "decimal comma or point"),
        (4, "", "Enter a number"),
        (4, "123456789012345", "too large"),
        (5, "procent", "unit is “aantal”"),
        (6, "", "Fill in"),
        (6, "x" * 501, "At most 500"),
    ],
)
def test_each_bad_cell_is_one_error(position, value, message):
    result = check([with_cell(position, value)])
    assert not result.rows
    [error] = result.errors
    assert (error.row, error.column) == (2, INDICATOR_HEADER[position])
    assert message in error.message


def test_a_new_code_makes_an_indicator_with_one_name_and_unit():
    new = ("dakloos-jong", "Jongeren dakloos", "Lisse", "2024", "3", "personen", "Telling")
    result = check([new, (*new[:2], "Leiden", *new[3:])])
    assert [row.code for row in result.rows] == ["dakloos-jong", "dakloos-jong"]
    other_unit = check([new, (*new[:2], "Leiden", "2024", "3", "procent", "Telling")])
    assert "unit “personen”" in other_unit.errors[0].message
    other_name = check([new, (new[0], "Anders", "Leiden", *new[3:])])
    assert "name “Jongeren dakloos”" in other_name.errors[0].message


def test_an_existing_code_matches_in_any_case_and_its_unit_in_any_case():
    result = check([with_cell(0, "ONTRUIMINGEN"), with_cell(5, "Aantal")])
    assert not result.ok  # the same indicator, municipality and period twice
    assert "row 2" in result.errors[0].message
    assert result.errors[0].row == 3


def test_duplicates_are_refused_on_the_later_row():
    result = check([GOOD, with_cell(3, "2023"), GOOD])
    [error] = result.errors
    assert error.row == 4
    assert "row 2" in error.message
