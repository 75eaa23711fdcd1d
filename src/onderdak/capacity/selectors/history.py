"""The monthly figures of each facility as plain data: what the flow engine's calibration
(``engines/flow/calibration.py``) estimates inflow rates, lengths of stay and destination shares
from. Plain frozen dataclasses, no Django objects, so the engine and its tests need no database;
the page that calibrates turns them into the engine's own input.

``places`` is the facility's number of places now: the register keeps no history of places, so
a facility that grew or shrank shows its present size in every month.
"""

import datetime
from dataclasses import dataclass
from itertools import groupby

from onderdak.capacity.models import MonthlyFigure
from onderdak.region.models import Region


@dataclass(frozen=True)
class MonthRecord:
    month: datetime.date  # its first day
    places: int
    occupied: int  # at the end of the month
    waiting_list: int  # at the end of the month
    inflow: int  # during the month
    outflow_contingent: int
    outflow_housing: int
    outflow_institution: int
    outflow_unknown: int

    @property
    def outflow(self) -> int:
        return (
            self.outflow_contingent
            + self.outflow_housing
            + self.outflow_institution
            + self.outflow_unknown
        )


@dataclass(frozen=True)
class FacilityRecord:
    """One facility and its months with figures, oldest first (gaps stay gaps)."""

    key: str  # the facility's number, as text
    name: str
    municipality: str  # CBS code
    facility_type: str  # the type's code
    places: int
    months: tuple[MonthRecord, ...]


def facility_history(
    *, region: Region, since: datetime.date | None = None, facility_type: str = ""
) -> list[FacilityRecord]:
    """Every facility of ``region`` with figures (from ``since``, of one type if given), in one
    query."""
    figures = MonthlyFigure.objects.filter(facility__region=region)
    if since:
        figures = figures.filter(month__gte=since)
    if facility_type:
        figures = figures.filter(facility__facility_type__code=facility_type)
    figures = figures.select_related(
        "facility", "facility__municipality", "facility__facility_type"
    ).defer("facility__municipality__boundary")
    ordered = figures.order_by("facility_id", "month")
    return [_record(list(months)) for _key, months in groupby(ordered, key=lambda f: f.facility_id)]


def _record(figures: list[MonthlyFigure]) -> FacilityRecord:
    facility = figures[0].facility
    return FacilityRecord(
        key=str(facility.pk),
        name=facility.name,
        municipality=facility.municipality.cbs_code,
        facility_type=facility.facility_type.code,
        places=facility.places,
        months=tuple(_month(figure, facility.places) for figure in figures),
    )


def _month(figure: MonthlyFigure, places: int) -> MonthRecord:
    return MonthRecord(
        month=figure.month,
        places=places,
        occupied=figure.occupied,
        waiting_list=figure.waiting_list,
        inflow=figure.inflow,
        outflow_contingent=figure.outflow_contingent,
        outflow_housing=figure.outflow_housing,
        outflow_institution=figure.outflow_institution,
        outflow_unknown=figure.outflow_unknown,
    )
