"""Reads of the monitor's indicators: the region's catalogue (built-in and imported) and each
indicator's figures per area and period, suppressed for every reader but the regional
coordinator. Used by the dashboard, the indicator pages and the API alike."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Max, QuerySet
from django.utils.translation import gettext as _

from onderdak.contingent.models import ContingentYear
from onderdak.monitor.models import Dimension, Indicator, IndicatorValue, ReferenceValue
from onderdak.monitor.selectors.dashboard_cube import Geography
from onderdak.monitor.selectors.dashboard_data import (
    CountInfo,
    MonitorData,
    count_infos,
    monitor_data,
)
from onderdak.monitor.selectors.dashboard_figures import Figure
from onderdak.monitor.selectors.dashboard_tables import FigureTable, trend_table
from onderdak.monitor.selectors.indicators_catalogue import (
    IndicatorInfo,
    IndicatorKind,
    Series,
    built_in_indicators,
    imported_indicator,
)
from onderdak.monitor.selectors.indicators_contingent import contingent_series, contingent_years
from onderdak.monitor.selectors.indicators_counts import count_series
from onderdak.monitor.selectors.indicators_imported import (
    imported_series,
    period_figures,
    value_rows,
)
from onderdak.region.models import Region


def indicator_list(*, region: Region | None) -> QuerySet[Indicator]:
    """The region's imported indicators with their latest period; one query."""
    return (
        Indicator.objects.filter(region=region)
        .annotate(latest_period=Max("values__period"))
        .order_by("name", "code")
    )


@dataclass
class IndicatorContext:
    """The monitor's data with the region's contingent years and indicators."""

    data: MonitorData
    years: list[ContingentYear]
    catalogue: list[IndicatorInfo]

    def indicator(self, code: str) -> IndicatorInfo | None:
        return next((info for info in self.catalogue if info.code == code), None)

    def series(self, info: IndicatorInfo, years: Sequence[int] | None = None) -> list[Series]:
        """The indicator's figures per count (count-based), year (contingent) or period
        (imported), oldest first; ``years`` keeps only those years."""
        if info.kind == IndicatorKind.COUNT:
            counts = [c for c in self.data.counts if years is None or c.year in years]
            return count_series(info, self.data, counts)
        if info.kind == IndicatorKind.CONTINGENT:
            chosen = [y for y in self.years if years is None or y.year in years]
            return contingent_series(info, self.data, chosen)
        rows = value_rows([info.pk]).get(info.pk, [])
        found = imported_series(info, rows, self.data.geography, suppressed=self.data.suppressed)
        return [s for s in found if years is None or s.period.year in years]

    def years_of(self, info: IndicatorInfo) -> list[int]:
        """The years the indicator has figures for (imported: read from its values)."""
        if info.kind == IndicatorKind.COUNT:
            return sorted({c.year for c in self.data.counts})
        if info.kind == IndicatorKind.CONTINGENT:
            return [y.year for y in self.years]
        values = IndicatorValue.objects.filter(indicator_id=info.pk)
        return sorted(set(values.values_list("year", flat=True)))


def _catalogue(
    region: Region, categories: Sequence, latest: CountInfo | None, years: Sequence[ContingentYear]
) -> list[IndicatorInfo]:
    built_in = built_in_indicators(
        categories=categories,
        latest_count=latest.count_date.isoformat() if latest else "",
        latest_year=str(years[-1].year) if years else "",
    )
    imported = [
        imported_indicator(indicator, indicator.latest_period)
        for indicator in indicator_list(region=region)
    ]
    return built_in + imported


def _active_categories(references) -> list[ReferenceValue]:
    return [v for v in references if v.dimension == Dimension.CATEGORY and v.is_active]


def region_catalogue(*, region: Region) -> list[IndicatorInfo]:
    """The region's indicators without their figures: four queries."""
    categories = _active_categories(ReferenceValue.objects.order_by("order", "code"))
    counts = count_infos(region=region)
    years = contingent_years(region=region)
    return _catalogue(region, categories, counts[-1] if counts else None, years)


def indicator_context(
    *, region: Region, suppressed: bool, with_boundaries: bool = False
) -> IndicatorContext:
    """Everything the indicators are computed from: seven queries."""
    data = monitor_data(region=region, suppressed=suppressed, with_boundaries=with_boundaries)
    years = contingent_years(region=region)
    categories = _active_categories(data.references.values())
    return IndicatorContext(data, years, _catalogue(region, categories, data.latest, years))


def value_figures(
    values: Sequence[IndicatorValue], geography: Geography, *, suppressed: bool
) -> dict[int, Figure]:
    """Per stored value (by primary key) its figure as the reader may see it.

    An indicator that counts people is suppressed over all its values of the period, not only
    the ones asked for, so a filtered list shows what the full one shows; one query.
    """
    indicators = {value.indicator_id: value.indicator for value in values}
    wanted = {(value.indicator_id, value.period) for value in values}
    rows = value_rows(indicators, {period for _indicator, period in wanted})
    figures = {}
    for (indicator, period), items in _by_period(rows, wanted).items():
        info = imported_indicator(indicators[indicator], None)
        by_area = period_figures(
            info,
            items,
            geography,
            suppressed=suppressed,
            decimals=0 if info.counts_people else 4,
        )
        figures[(indicator, period)] = by_area
    return {
        value.pk: figures[(value.indicator_id, value.period)][
            geography.by_pk[value.municipality_id].key
        ]
        for value in values
        if value.municipality_id in geography.by_pk
    }


def _by_period(rows, wanted) -> dict:
    grouped: dict = {}
    for indicator, items in rows.items():
        for row in items:
            if (indicator, row[1]) in wanted:
                grouped.setdefault((indicator, row[1]), []).append(row)
    return grouped


def indicator_table(context: IndicatorContext, info: IndicatorInfo) -> FigureTable:
    """The indicator's figures: a row per area that has any, a column per count, year or
    period, oldest first."""
    series = context.series(info)
    geography = context.data.geography
    places = (*geography.municipalities, *geography.subregions, geography.region)
    return trend_table(
        key="indicator",
        title=_("%(indicator)s per area") % {"indicator": info.name},
        info=info,
        series=series,
        places=[p for p in places if any(p.key in s.figures for s in series)],
        column_header=_("Area"),
    )
