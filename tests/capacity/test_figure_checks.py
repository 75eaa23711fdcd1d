"""Checking the rows of a monthly figures file, table-driven: every kind of error in both file
types, facilities by number or name, months in every accepted form. The lookups are built by
hand: these checks need no database."""

import datetime

import pytest
from django.utils import translation

from onderdak.capacity.importing.figures import (
    COLUMNS,
    Contract,
    FigureLookups,
    check_figure_rows,
)
from onderdak.capacity.services.figures import FigureValues
from onderdak.imports.files.reading import read_table
from tests.capacity.facilities_data import HEADER
from tests.imports.files import csv_bytes, xlsx_bytes

TODAY = datetime.date(2024, 6, 15)
LOOKUPS = FigureLookups(
    contracts={
        7: Contract(datetime.date(2023, 1, 1), None),
        8: Contract(datetime.date(2024, 2, 10), datetime.date(2024, 4, 30)),
        9: Contract(datetime.date(2023, 1, 1), None),
    },
    names={"de haven": (7,), "het anker": (8, 9)},
    own_only=False,
    today=TODAY,
)
GOOD = (7, "2024-03", 18, 3, 2, 1, 1, 0, 0)
KINDS = ["csv", "xlsx"]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def check(rows, kind="csv", lookups=LOOKUPS, header=HEADER):
    data = [header, *rows]
    content = csv_bytes(data) if kind == "csv" else xlsx_bytes(data)
    return check_figure_rows(read_table(content, max_bytes=10**7), lookups)


def with_cell(position: int, value) -> tuple:
    row = list(GOOD)
    row[position] = value
    return tuple(row)


def test_the_template_header_is_the_columns():
    assert tuple(column.name for column in COLUMNS) == HEADER


@pytest.mark.parametrize("kind", KINDS)
def test_a_good_file_gives_every_row(kind):
    result = check([GOOD, (8, "2024-04", 5, 0, 1, 0, 0, 0, 1)], kind)
    assert result.errors == []
    first, second = result.rows
    assert (first.row, first.facility, first.month) == (2, 7, datetime.date(2024, 3, 1))
    assert first.values == FigureValues(18, 3, 2, 1, 1, 0, 0)
    assert (second.facility, second.month, second.values.outflow) == (
        8,
        datetime.date(2024, 4, 1),
        1,
    )


@pytest.mark.parametrize(
    ("cell", "facility"),
    [(7, 7), ("7", 7), (7.0, 7), ("De Haven", 7), ("  de  haven ", 7), ("DE_HAVEN", 7)],
)
def test_a_facility_by_number_or_name(cell, facility):
    assert check([with_cell(0, cell)], "xlsx").rows[0].facility == facility


@pytest.mark.parametrize(
    ("cell", "month"),
    [
        ("2024-03", datetime.date(2024, 3, 1)),
        ("2024-3", datetime.date(2024, 3, 1)),
        ("2024-03-31", datetime.date(2024, 3, 1)),
        ("31-3-2024", datetime.date(2024, 3, 1)),
        ("1/3/2024", datetime.date(2024, 3, 1)),
        ("15.03.2024", datetime.date(2024, 3, 1)),
    ],
)
def test_a_month_in_every_accepted_form(cell, month):
    assert check([with_cell(1, cell)]).rows[0].month == month


def test_an_excel_date_gives_its_month():
    result = check([with_cell(1, datetime.datetime(2024, 3, 1))], "xlsx")
    assert result.rows[0].month == datetime.date(2024, 3, 1)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("position", "value", "message"),
    [
        (0, "", "Fill in the facility (its number or name)."),
        (0, "Nergens", "Unknown facility in this region: use its number or name."),
        (0, 12, "Unknown facility in this region: use its number or name."),
        (0, "Het Anker", "More than one facility has this name: use its number from the template."),
        (1, "", "Fill in this cell."),
        (1, "maart 2024", "Use a month (2024-06) or a date (15-6-2024)."),
        (1, "2024-13", "Use a month (2024-06) or a date (15-6-2024)."),
        (1, "31-2-2024", "Use a month (2024-06) or a date (15-6-2024)."),
        (1, "2024-07", "July 2024 lies in the future."),
        (1, "2022-12", "The contract starts in January 2023: there are no figures before it."),
        (2, "-1", "Enter a whole number of 0 or more."),
        (2, "2,5", "Enter a whole number of 0 or more."),
        (2, "1.5", "Enter a whole number of 0 or more."),
        (2, "veel", "Enter a whole number of 0 or more."),
        (2, "", "Enter the number of people (0 or more)."),
        (3, 100_001, "Enter a whole number from 0 to 100,000."),
        (8, "-3", "Enter a whole number of 0 or more."),
        (8, 2.5, "Enter a whole number of 0 or more."),
    ],
)
def test_every_error_is_reported_with_row_column_and_value(kind, position, value, message):
    result = check([GOOD, with_cell(position, value)], kind)
    assert result.rows == []
    assert [(e.row, e.column, e.message) for e in result.errors] == [(3, HEADER[position], message)]


def test_a_month_after_the_contract_ended_is_an_error():
    result = check([(8, "2024-05", 5, 0, 1, 0, 0, 0, 1)])
    assert result.errors[0].message == (
        "The contract ended in April 2024: there are no figures after it."
    )


def test_the_same_facility_and_month_twice_is_an_error_on_the_later_row():
    result = check([GOOD, with_cell(0, "De Haven")])
    assert [(e.row, e.message) for e in result.errors] == [
        (3, "The same facility and month as row 2.")
    ]


def test_a_care_workers_unknown_facility_says_it_is_not_theirs():
    own_only = FigureLookups(
        contracts={7: LOOKUPS.contracts[7]}, names={}, own_only=True, today=TODAY
    )
    result = check([with_cell(0, 8)], lookups=own_only)
    assert "Not a facility of your care provider" in result.errors[0].message


def test_every_error_of_a_row_is_reported():
    result = check([(12, "x", -1, 0, 0, 0, 0, 0, "")])
    assert [e.column for e in result.errors] == [
        "voorziening",
        "maand",
        "bezet",
        "uitstroom onbekend",
    ]


def test_columns_in_another_order_with_english_names_and_others_besides():
    header = ("month", "Facility", "note", "occupied", "waiting list", "inflow")
    header += ("outflow contingent", "outflow housing", "outflow institution", "outflow unknown")
    row = ("2024-03", 7, "x", 18, 3, 2, 1, 1, 0, 0)
    assert check([row], header=header).rows[0].values.occupied == 18


def test_a_missing_column_is_one_error_without_the_rows():
    result = check([GOOD[:-1]], header=HEADER[:-1])
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (1, "uitstroom onbekend", "The column “uitstroom onbekend” is missing.")
    ]
