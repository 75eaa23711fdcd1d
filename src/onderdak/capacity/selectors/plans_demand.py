"""What the monthly figures say about demand and outflow, for the plan's checks.

Measured over the window of the latest twelve months with figures in the region:

- the **measured demand** of a municipality x type: the register's (``selectors/facilities``):
  occupied places plus waiting list, summed over the facilities, averaged over the months with
  figures;
- the **yearly outflow** of a type in the region: everyone who left its facilities (to any
  destination) in the window, scaled to twelve months when fewer months have figures.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Max, Sum

from onderdak.capacity.models import MonthlyFigure
from onderdak.capacity.months import months_back
from onderdak.capacity.selectors.facilities import DEMAND_MONTHS, measured_demand
from onderdak.region.models import Region

ONE = Decimal("0.1")
Cell = tuple[str, str]  # (CBS code, type code)


@dataclass(frozen=True)
class Measured:
    """The window the figures cover and what they say per cell and per type."""

    first_month: datetime.date | None
    last_month: datetime.date | None
    demand: dict[Cell, Decimal]  # average occupied + waiting list
    yearly_outflow: dict[str, Decimal]  # type code → people leaving in a year, region-wide

    @property
    def has_figures(self) -> bool:
        return self.last_month is not None


def measured(*, region: Region) -> Measured:
    """Demand per municipality x type and yearly outflow per type, in three queries."""
    figures = MonthlyFigure.objects.filter(facility__region=region)
    last = figures.aggregate(last=Max("month"))["last"]
    if last is None:
        return Measured(None, None, {}, {})
    first = months_back(last, DEMAND_MONTHS)
    demand = measured_demand(region=region, until=last, months=DEMAND_MONTHS)
    return Measured(
        first_month=first,
        last_month=last,
        demand={cell: found.demand for cell, found in demand.items()},
        yearly_outflow=_yearly_outflow(figures.filter(month__gte=first, month__lte=last)),
    )


def _yearly_outflow(figures) -> dict[str, Decimal]:
    rows = figures.values("facility__facility_type__code").annotate(
        months=Count("month", distinct=True),
        left=Sum(
            F("outflow_contingent")
            + F("outflow_housing")
            + F("outflow_institution")
            + F("outflow_unknown")
        ),
    )
    return {
        row["facility__facility_type__code"]: (
            Decimal(row["left"]) * DEMAND_MONTHS / row["months"]
        ).quantize(ONE)
        for row in rows
    }
