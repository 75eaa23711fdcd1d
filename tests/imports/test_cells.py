"""The cell readers every module's checks share: a month (the capacity module's files) and a
whole number up to a limit."""

import datetime

import pytest
from django.utils import translation

from onderdak.imports.files import cells

JUNE = datetime.date(2024, 6, 1)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    "cell",
    [
        "2024-06",
        "2024-6",
        " 2024-06 ",
        "2024-06-30",
        "30-6-2024",
        "1/06/2024",
        "15.6.2024",
        datetime.date(2024, 6, 30),
        datetime.datetime(2024, 6, 1, 0, 0),
    ],
)
def test_a_month_in_every_accepted_form_is_its_first_day(cell):
    assert cells.month(cell) == JUNE


@pytest.mark.parametrize(
    "cell", ["", None, "juni 2024", "2024-13", "2024-00", "31-6-2024", "06-2024", 2024.06, True]
)
def test_anything_else_is_not_a_month(cell):
    with pytest.raises(cells.CellError):
        cells.month(cell)


def test_a_whole_number_up_to_a_limit():
    assert cells.people("12", limit=20) == 12
    with pytest.raises(cells.CellError, match="from 0 to 20"):
        cells.people(21, limit=20)
