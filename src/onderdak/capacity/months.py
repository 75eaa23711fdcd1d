"""Months as the register keeps them: a month is its first day."""

import datetime

from django.utils.formats import date_format


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def previous_month(month: datetime.date) -> datetime.date:
    return first_of_month(first_of_month(month) - datetime.timedelta(days=1))


def next_month(month: datetime.date) -> datetime.date:
    return first_of_month(first_of_month(month) + datetime.timedelta(days=32))


def months_back(last: datetime.date, count: int) -> datetime.date:
    """The first of ``count`` months that end with ``last``."""
    first = first_of_month(last)
    for _ in range(count - 1):
        first = previous_month(first)
    return first


def month_range(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Every month from ``first`` to ``last``, both included (none when ``last`` comes first)."""
    months, month = [], first_of_month(first)
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months


def month_label(month: datetime.date) -> str:
    """``juni 2024`` in Dutch, ``June 2024`` in English."""
    return date_format(month, "F Y")
