"""The built-in indicators of the contingent scheme, per year: placements per 10,000 inhabitants
(per municipality of the dwelling) and the median waiting time from approval to lease start (per
subregion, the finest the contingent report publishes).

Both are read from the contingent's own year report (``contingent.selectors.reports``), with
its suppression: the monitor never publishes a contingent figure that the report hides, so the
two can never be differenced. A report costs a dozen queries, so the monitor looks back over the
last ``CONTINGENT_YEARS`` years only.
"""

from collections.abc import Sequence

from django.utils import timezone
from django.utils.translation import gettext as _

from onderdak.contingent.models import ContingentYear
from onderdak.contingent.selectors import reports
from onderdak.monitor.selectors.dashboard_cube import REGION_KEY
from onderdak.monitor.selectors.dashboard_data import MonitorData
from onderdak.monitor.selectors.dashboard_figures import Figure, per_10000
from onderdak.monitor.selectors.dashboard_population import year_start
from onderdak.monitor.selectors.indicators_catalogue import (
    PLACEMENTS,
    IndicatorInfo,
    Period,
    Series,
    short_date,
)
from onderdak.region.models import Region

CONTINGENT_YEARS = 5
WAITING_DECIMALS = 1


def contingent_years(*, region: Region) -> list[ContingentYear]:
    """The last ``CONTINGENT_YEARS`` years of the region's contingent, oldest first; one query."""
    return list(reports.year_list(region=region)[:CONTINGENT_YEARS])[::-1]


def year_period(year: ContingentYear) -> Period:
    source = _("Onderdak's contingent data of %(year)d, up to %(date)s") % {
        "year": year.year,
        "date": short_date(timezone.localdate()),
    }
    return Period(str(year.year), str(year.year), year.year, source)


def _figure(cell: reports.Cell, source: tuple, decimals: int = 0) -> Figure:
    """The report's figure as the monitor shows it: hidden exactly when the report hides it."""
    return Figure(cell.shown, str(cell.hidden or ""), decimals, sources=(source,))


def _placements(report: reports.Report, data: MonitorData) -> dict[str, Figure]:
    year = report.contingent_year.year
    cells = dict(report.municipality_cells)
    region_total = report.table("streams").rows[-1].cells[1]
    keyed = {m.key: cells[m.code] for m in data.geography.municipalities if m.code in cells}
    keyed |= {
        s.key: cells[f"subregion:{s.name}"]
        for s in data.geography.subregions
        if f"subregion:{s.name}" in cells
    }
    keyed[REGION_KEY] = region_total
    day = year_start(year)
    return {
        area: per_10000(_figure(cell, ("contingent", year, area)), data.population(area, day))
        for area, cell in keyed.items()
    }


def _waiting(report: reports.Report, data: MonitorData) -> dict[str, Figure]:
    year = report.contingent_year.year
    subregions = {s.name: s.key for s in data.geography.subregions}
    figures = {}
    for row in report.table("waiting").rows:
        area = REGION_KEY if row.is_total else subregions.get(row.label)
        if area:
            source = ("contingent-waiting", year, area)
            figures[area] = _figure(row.cells[1], source, WAITING_DECIMALS)
    return figures


def contingent_series(
    info: IndicatorInfo, data: MonitorData, years: Sequence[ContingentYear]
) -> list[Series]:
    """The indicator per year, from each year's report as the reader may see it."""
    build = _placements if info.code == PLACEMENTS else _waiting
    series = []
    for year in years:
        report = reports.year_report(contingent_year=year, suppressed=data.suppressed)
        series.append(Series(year_period(year), build(report, data)))
    return series
