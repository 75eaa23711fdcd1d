"""Months as the register keeps them: their first day, the ones around, a range, a label."""

import datetime

from django.utils import translation

from onderdak.capacity.months import (
    first_of_month,
    month_label,
    month_range,
    months_back,
    next_month,
    previous_month,
)


def test_the_months_around_a_day_across_a_year():
    assert first_of_month(datetime.date(2024, 2, 29)) == datetime.date(2024, 2, 1)
    assert previous_month(datetime.date(2024, 1, 15)) == datetime.date(2023, 12, 1)
    assert next_month(datetime.date(2024, 12, 31)) == datetime.date(2025, 1, 1)
    assert months_back(datetime.date(2024, 3, 1), 12) == datetime.date(2023, 4, 1)


def test_a_range_holds_both_ends_and_a_reversed_one_nothing():
    months = month_range(datetime.date(2023, 11, 20), datetime.date(2024, 2, 1))
    assert [f"{month:%Y-%m}" for month in months] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert month_range(datetime.date(2024, 3, 1), datetime.date(2024, 2, 1)) == []


def test_a_months_label_in_the_language():
    with translation.override("en"):
        assert month_label(datetime.date(2024, 6, 1)) == "June 2024"
    with translation.override("nl"):
        assert month_label(datetime.date(2024, 6, 1)) == "juni 2024"
