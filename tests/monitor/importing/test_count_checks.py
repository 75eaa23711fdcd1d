"""Checking count rows, table-driven: every kind of error, in both file types; a good file gives
every row by primary key. The lookups are built by hand: these checks need no database."""

import pytest

from onderdak.imports.files.reading import read_table
from onderdak.monitor.importing.counts import CountLookups, check_count_rows
from onderdak.monitor.services.aggregates import RowIds
from tests.imports.files import csv_bytes, xlsx_bytes
from tests.monitor.importing.files import COUNT_HEADER, GOOD_ROWS, count_file

LOOKUPS = CountLookups(
    municipalities={"gm0546": 546, "leiden": 546, "gm0484": 484, "alphen aan den rijn": 484},
    values={
        "category": {"1": 11, "buitenslapers": 11, "living rough": 11, "2": 12, "6": 16},
        "age_band": {"18-26": 22, "27-65": 23, "0-17": 21, "minor (under 18)": 21},
        "gender": {"man": 31, "male": 31, "vrouw": 32, "anders": 33},
        "finder": {"gemeente": 41, "opvang": 42, "zorg": 43},
    },
    retired={
        "category": frozenset(),
        "age_band": frozenset({"65+"}),
        "gender": frozenset(),
        "finder": frozenset(),
    },
)
KINDS = ["csv", "xlsx"]


def check(content: bytes):
    return check_count_rows(read_table(content, max_bytes=10**7), LOOKUPS)


def only_error(rows, kind):
    result = check(count_file(rows, kind))
    assert not result.rows
    assert len(result.errors) == 1, result.errors
    return result.errors[0]


@pytest.mark.parametrize("kind", KINDS)
def test_a_good_file_gives_every_row_by_primary_key(kind):
    result = check(count_file(GOOD_ROWS, kind))
    assert result.ok
    assert result.rows == [
        RowIds(546, 11, 22, 31, 41, 3),
        RowIds(546, 12, 23, 32, 42, 7),
        RowIds(484, 16, 21, 33, 43, 0),
    ]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "municipality", ["GM0546", "gm0546", "0546", "546", "Leiden", " LEIDEN ", "leiden"]
)
def test_a_municipality_by_cbs_code_or_name(kind, municipality):
    result = check(count_file([(municipality, "1", "18-26", "man", "gemeente", 1)], kind))
    assert result.rows[0].municipality == 546


def test_values_by_code_or_dutch_or_english_name_in_any_case():
    result = check(
        count_file([("Leiden", "Living  Rough", "MINOR (under 18)", "Male", "Gemeente", 1)])
    )
    assert result.rows == [RowIds(546, 11, 21, 31, 41, 1)]


def test_an_xlsx_number_names_a_code_and_an_integral_float_is_a_whole_number():
    result = check(count_file([(546, 1, "18-26", "man", "gemeente", 4.0)], "xlsx"))
    assert result.rows == [RowIds(546, 11, 22, 31, 41, 4)]


PEOPLE_ERRORS = ["-1", "2,5", "1.5", "abc", "", "1e3", "100001"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("people", PEOPLE_ERRORS)
def test_people_must_be_a_whole_number_of_zero_or_more(kind, people):
    error = only_error([("Leiden", "1", "18-26", "man", "gemeente", people)], kind)
    assert (error.row, error.column, error.value) == (2, "aantal", people)


def test_an_xlsx_float_that_is_not_whole_is_refused():
    error = only_error([("Leiden", "1", "18-26", "man", "gemeente", 2.5)], "xlsx")
    assert (error.column, error.value) == ("aantal", "2.5")


def test_a_truth_value_is_not_a_number():
    error = only_error([("Leiden", "1", "18-26", "man", "gemeente", True)], "xlsx")
    assert error.column == "aantal"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("position", "value", "message"),
    [
        (0, "Amsterdam", "Unknown municipality"),
        (0, "GM0363", "Unknown municipality"),
        (0, "", "Fill in the municipality"),
        (1, "8", "Unknown category"),
        (2, "99+", "Unknown age band"),
        (2, "65+", "no longer used"),
        (3, "x", "Unknown gender"),
        (4, "buurman", "Unknown finding organisation"),
        (4, "", "Fill in this cell"),
    ],
)
def test_each_unknown_value_is_one_error_naming_row_column_and_value(
    kind, position, value, message
):
    row = ["Leiden", "1", "18-26", "man", "gemeente", 1]
    row[position] = value
    error = only_error([row], kind)
    assert (error.row, error.column, error.value) == (2, COUNT_HEADER[position], value)
    assert message in error.message


@pytest.mark.parametrize("kind", KINDS)
def test_a_duplicate_row_is_an_error_on_the_later_row_naming_the_earlier(kind):
    rows = [GOOD_ROWS[0], GOOD_ROWS[1], ("leiden", "1", "18-26", "Male", "gemeente", 9)]
    error = only_error(rows, kind)
    assert error.row == 4
    assert "row 2" in error.message


def test_every_error_of_the_file_is_reported():
    rows = [
        ("Amsterdam", "9", "18-26", "man", "gemeente", "-1"),
        GOOD_ROWS[0],
        ("Leiden", "1", "x", "man", "gemeente", ""),
    ]
    result = check(count_file(rows))
    assert not result.rows
    assert [(e.row, e.column) for e in result.errors] == [
        (2, "gemeente"),
        (2, "categorie"),
        (2, "aantal"),
        (4, "leeftijd"),
        (4, "aantal"),
    ]


#: A good row's cells by each name a header may give the column.
CELLS = {
    "gemeente": "Leiden",
    "municipality": "Leiden",
    "categorie": "1",
    "category": "1",
    "leeftijd": "18-26",
    "age band": "18-26",
    "geslacht": "man",
    "gender": "man",
    "vindplaats": "gemeente",
    "finding organisation": "gemeente",
    "aantal": "3",
    "people": "3",
}


@pytest.mark.parametrize(
    "header",
    [
        ("Gemeente", "Categorie", "Leeftijd", "Geslacht", "Vindplaats", "Aantal"),
        ("municipality", "category", "age band", "gender", "finding organisation", "people"),
        ("MUNICIPALITY", "Category", "Age_Band", " gender ", "Finding  Organisation", "People"),
        ("aantal", "vindplaats", "geslacht", "leeftijd", "categorie", "gemeente", "opmerking"),
    ],
)
def test_the_header_in_dutch_or_english_in_any_order_case_and_spacing(header):
    row = [CELLS.get(" ".join(name.replace("_", " ").split()).lower(), "x") for name in header]
    result = check(csv_bytes([header, row]))
    assert result.rows == [RowIds(546, 11, 22, 31, 41, 3)]


@pytest.mark.parametrize("kind", KINDS)
def test_missing_and_doubled_columns_are_one_error_each(kind):
    header = ("gemeente", "categorie", "leeftijd", "geslacht", "aantal", "Aantal")
    content = (
        csv_bytes([header, ("Leiden", "1", "18-26", "man", 1, 1)])
        if kind == "csv"
        else xlsx_bytes([header, ("Leiden", "1", "18-26", "man", 1, 1)])
    )
    result = check(content)
    assert [(e.row, e.column) for e in result.errors] == [(1, "vindplaats"), (1, "Aantal")]
    assert "missing" in result.errors[0].message
    assert "columns E, F" in result.errors[1].message


def test_a_short_row_reports_its_missing_cells():
    content = b"gemeente;categorie;leeftijd;geslacht;vindplaats;aantal\r\nLeiden;1;18-26\r\n"
    result = check(content)
    assert [e.column for e in result.errors] == ["geslacht", "vindplaats", "aantal"]
