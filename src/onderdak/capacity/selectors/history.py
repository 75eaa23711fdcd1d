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
from onderdak.capacity.services.figures import FIGURE_FIELDS, FigureValues
from onderdak.region.models import Region


@dataclass(frozen=True)
class MonthRecord(FigureValues):
    """One month of a facility: its figures (stocks at the end of the month, flows during it,
    ``outflow`` their sum), the month (its first day) and the facility's places."""

    month: datetime.date
    places: int


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
    figures = {name: getattr(figure, name) for name in FIGURE_FIELDS}
    return MonthRecord(month=figure.month, places=places, **figures)
