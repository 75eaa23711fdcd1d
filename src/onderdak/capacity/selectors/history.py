"""The monthly figures of each facility in the shape the flow engine's calibration takes
(``engines.flow.calibration``: a :class:`FacilityHistory` of :class:`MonthFigures` per facility),
so the page that calibrates hands them to ``calibrate`` as they are.

A facility is pooled into the cell of its municipality and type (``GM0546/housing-first``, the
engine's ``Cell.key``). ``places`` is the facility's number of places now: the register keeps
no history of places, so a facility that grew or shrank shows its present size in every month.
"""

import datetime

from onderdak.capacity.models import Facility, MonthlyFigure
from onderdak.engines.flow import FacilityHistory, MonthFigures, WhenFull
from onderdak.region.models import Region


def cell_key(facility: Facility) -> str:
    """The flow engine's cell of a facility: its municipality's CBS code and its type's code."""
    return f"{facility.municipality.cbs_code}/{facility.facility_type.code}"


def facility_history(
    *, region: Region, since: datetime.date | None = None, facility_type: str = ""
) -> list[FacilityHistory]:
    """Every facility of ``region`` with figures (from ``since``, of one type if given), its
    months oldest first, in one query."""
    figures = MonthlyFigure.objects.filter(facility__region=region)
    if since:
        figures = figures.filter(month__gte=since)
    if facility_type:
        figures = figures.filter(facility__facility_type__code=facility_type)
    figures = (
        figures.select_related("facility__municipality", "facility__facility_type")
        .defer("facility__municipality__boundary")
        .order_by("facility_id", "month")
    )
    months: dict[int, list[MonthlyFigure]] = {}
    for figure in figures:
        months.setdefault(figure.facility_id, []).append(figure)
    return [_history(found) for found in months.values()]


def _history(figures: list[MonthlyFigure]) -> FacilityHistory:
    facility = figures[0].facility
    return FacilityHistory(
        key=str(facility.pk),
        cell=cell_key(facility),
        months=tuple(_month(figure, facility.places) for figure in figures),
        when_full=WhenFull(facility.facility_type.when_full),
    )


def _month(figure: MonthlyFigure, places: int) -> MonthFigures:
    return MonthFigures(
        month=figure.month,
        places=places,
        occupied=figure.occupied,
        waiting=figure.waiting_list,
        inflow=figure.inflow,
        outflow_contingent=figure.outflow_contingent,
        outflow_housing=figure.outflow_housing,
        outflow_institution=figure.outflow_institution,
        outflow_unknown=figure.outflow_unknown,
    )
