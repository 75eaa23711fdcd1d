"""What the monthly figures say about demand and outflow, for the plan's checks.

Measured over the window of the latest twelve months with figures in the region:

- the **measured demand** of a municipality x type: the people who needed a place at the same
  time, i.e. occupied places plus the waiting list, summed over the facilities of that
  municipality and type and averaged over the months of the window that have figures;
- the **yearly outflow** of a type in the region: everyone who left its facilities (to any
  destination) in the window, scaled to twelve months when the window is shorter.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Max, Sum

from onderdak.capacity.models import MonthlyFigure
from onderdak.region.models import Region

WINDOW_MONTHS = 12
ONE = Decimal("0.1")


@dataclass(frozen=True)
class MeasuredDemand:
    """The window the figures cover and what they say per cell and per type."""

    first_month: datetime.date | None
    last_month: datetime.date | None
    #: (municipality id, facility type id) → average occupied + waiting list
    demand: dict[tuple[int, int], Decimal]
    #: facility type id → people leaving in a year, region-wide
    yearly_outflow: dict[int, Decimal]

    @property
    def has_figures(self) -> bool:
        return self.last_month is not None


def months_before(month: datetime.date, count: int) -> datetime.date:
    """The first day of the month ``count`` months before ``month``."""
    index = month.year * 12 + month.month - 1 - count
    return datetime.date(index // 12, index % 12 + 1, 1)


def measured_demand(*, region: Region) -> MeasuredDemand:
    """Demand per municipality x type and yearly outflow per type, in two queries."""
    figures = MonthlyFigure.objects.filter(facility__region=region)
    last = figures.aggregate(last=Max("month"))["last"]
    if last is None:
        return MeasuredDemand(None, None, {}, {})
    first = months_before(last, WINDOW_MONTHS - 1)
    rows = (
        figures.filter(month__gte=first, month__lte=last)
        .values("facility__municipality_id", "facility__facility_type_id", "month")
        .annotate(
            people=Sum(F("occupied") + F("waiting_list")),
            left=Sum(
                F("outflow_contingent")
                + F("outflow_housing")
                + F("outflow_institution")
                + F("outflow_unknown")
            ),
        )
    )
    return _fold(first, last, list(rows))


def _fold(first: datetime.date, last: datetime.date, rows: list[dict]) -> MeasuredDemand:
    people: dict[tuple[int, int], list[int]] = defaultdict(list)
    left: dict[int, int] = defaultdict(int)
    months = {row["month"] for row in rows}
    for row in rows:
        cell = (row["facility__municipality_id"], row["facility__facility_type_id"])
        people[cell].append(row["people"])
        left[cell[1]] += row["left"]
    demand = {cell: _average(values) for cell, values in people.items()}
    per_year = Decimal(WINDOW_MONTHS) / max(len(months), 1)
    outflow = {t: (Decimal(n) * per_year).quantize(ONE) for t, n in left.items()}
    return MeasuredDemand(first, last, demand, outflow)


def _average(values: list[int]) -> Decimal:
    return (Decimal(sum(values)) / len(values)).quantize(ONE)
