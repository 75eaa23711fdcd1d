"""The region dashboard: one count's figures for the region or a subregion, a map of one
indicator in one year, and trends across counts and years — for the page, its Excel downloads and
the API alike, so all three publish the same figures with the same suppression.

Reads a fixed number of queries whatever the size of the counts (see ``dashboard_data``); a
contingent indicator on the map adds its years' reports (``indicators_contingent``).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from onderdak.monitor.selectors.dashboard_cube import REGION_KEY, CellKey, Place
from onderdak.monitor.selectors.dashboard_data import CountInfo, monitor_data
from onderdak.monitor.selectors.dashboard_figures import Figure, no_data
from onderdak.monitor.selectors.dashboard_tables import (
    Breakdown,
    FigureTable,
    breakdown_table,
    trend_table,
)
from onderdak.monitor.selectors.indicators import IndicatorContext, indicator_context
from onderdak.monitor.selectors.indicators_catalogue import (
    CHANGE,
    CHANGE_PERCENT,
    PEOPLE,
    PER_10000,
    IndicatorInfo,
    IndicatorKind,
    Level,
    Period,
    Series,
    short_date,
)
from onderdak.monitor.selectors.indicators_counts import count_figures, count_period
from onderdak.region.models import Region

MAP = "kaart"
CATEGORIES = "categorieen"
AGE_BANDS = "leeftijden"
GENDERS = "geslacht"
FINDERS = "vindplaatsen"
TREND_PEOPLE = "verloop-aantal"
TREND_RATE = "verloop-per-10000"
TREND_YEARS = "verloop-jaren"
#: Every chart of the dashboard by its name in addresses and the API, in the page's order.
CHART_KEYS = (MAP, CATEGORIES, AGE_BANDS, GENDERS, FINDERS, TREND_PEOPLE, TREND_RATE, TREND_YEARS)
KEY_FIGURES = (PEOPLE, PER_10000, CHANGE, CHANGE_PERCENT)


@dataclass(frozen=True)
class DashboardQuery:
    """What the reader asked for; anything missing or unknown falls back to the latest."""

    count: int | None = None
    indicator: str = ""
    year: int | None = None
    subregion: str = ""  # slug


@dataclass(frozen=True)
class KeyFigure:
    indicator: IndicatorInfo
    figure: Figure


@dataclass(frozen=True)
class MapRow:
    municipality: Place
    subregion: Place
    figure: Figure


@dataclass(frozen=True)
class MapSeries:
    indicator: IndicatorInfo
    period: Period | None
    rows: tuple[MapRow, ...]

    @property
    def is_demo(self) -> bool:
        return bool(self.period and self.period.is_demo)

    @property
    def source(self) -> str:
        return self.period.source if self.period else ""


@dataclass
class Dashboard:
    region: Region
    suppressed: bool
    counts: list[CountInfo]
    count: CountInfo | None
    previous: CountInfo | None
    subregions: tuple[Place, ...]
    area: Place
    indicators: list[IndicatorInfo]
    indicator: IndicatorInfo | None
    years: list[int]
    year: int | None
    boundaries: dict[str, dict]
    source: str = ""  # of the chosen count
    errors: dict[str, list[str]] = field(default_factory=dict)
    key_figures: list[KeyFigure] = field(default_factory=list)
    map: MapSeries | None = None
    tables: list[FigureTable] = field(default_factory=list)

    @property
    def is_demo(self) -> bool:
        """Whether any figure shown is a fictitious demo figure."""
        demo_count = bool(self.count and self.count.is_demo)
        return (
            demo_count or bool(self.map and self.map.is_demo) or any(t.is_demo for t in self.tables)
        )

    def table(self, key: str) -> FigureTable | None:
        return next((table for table in self.tables if table.key == key), None)


@dataclass(frozen=True)
class _Choice:
    count: CountInfo | None
    area: Place
    indicator: IndicatorInfo | None
    years: list[int]
    year: int | None


def _chosen_count(context: IndicatorContext, query: DashboardQuery, errors: dict):
    data = context.data
    count = data.count(query.count) if query.count is not None else data.latest
    if count is None and query.count is not None:
        errors["count"] = [_("The region has no count with this number.")]
        count = data.latest
    return count


def _chosen_area(context: IndicatorContext, query: DashboardQuery, errors: dict) -> Place:
    geography = context.data.geography
    if not query.subregion:
        return geography.region
    found = next((s for s in geography.subregions if s.code == query.subregion), None)
    if found is None:
        errors["subregion"] = [_("The region has no subregion with this name.")]
    return found or geography.region


def _chosen_indicator(context: IndicatorContext, query: DashboardQuery, errors: dict):
    default = context.indicator(PER_10000) or next(iter(context.catalogue), None)
    if not query.indicator:
        return default
    found = context.indicator(query.indicator)
    if found is None:
        errors["indicator"] = [_("The region has no indicator with this code.")]
    return found or default


def _chosen_year(query: DashboardQuery, years: list[int], count, indicator, errors: dict):
    fits = indicator and indicator.kind == IndicatorKind.COUNT and count and count.year in years
    default = count.year if fits else (years[-1] if years else None)
    if query.year is None or query.year in years:
        return query.year if query.year is not None else default
    errors["year"] = [
        _("There are no figures of this indicator for %(year)d.") % {"year": query.year}
    ]
    return default


def _resolve(context: IndicatorContext, query: DashboardQuery) -> tuple[_Choice, dict]:
    errors: dict[str, list[str]] = {}
    count = _chosen_count(context, query, errors)
    area = _chosen_area(context, query, errors)
    indicator = _chosen_indicator(context, query, errors)
    years = context.years_of(indicator) if indicator else []
    year = _chosen_year(query, years, count, indicator, errors)
    return _Choice(count, area, indicator, years, year), errors


# --- The figures ---------------------------------------------------------------------------------


def _key_figures(context: IndicatorContext, count: CountInfo, area: Place) -> list[KeyFigure]:
    found = []
    for code in KEY_FIGURES:
        info = context.indicator(code)
        found.append(KeyFigure(info, count_figures(info, context.data, count)[area.key]))
    return found


def _map_row(municipality: Place, subregion: Place, series, info) -> MapRow:
    figures = series.figures if series else {}
    figure = figures.get(municipality.key)
    if figure is None and info.level == Level.SUBREGION:
        figure = figures.get(subregion.key)
    return MapRow(municipality, subregion, figure or no_data(info.decimals))


def _map_count(context: IndicatorContext, count: CountInfo | None, year: int) -> CountInfo | None:
    """The count the map shows for ``year``: the chosen one if it is of that year, else the
    latest count of that year."""
    if count and count.year == year:
        return count
    in_year = [c for c in context.data.counts if c.year == year]
    return in_year[-1] if in_year else None


def _map(context: IndicatorContext, choice: _Choice, yearly: list[Series]) -> MapSeries:
    """The indicator per municipality in the chosen year (a count, a year or a period)."""
    info, year = choice.indicator, choice.year
    if info.kind == IndicatorKind.COUNT:
        count = _map_count(context, choice.count, year)
        chosen = count and Series(count_period(count), count_figures(info, context.data, count))
    else:
        in_year = [s for s in yearly if s.period.year == year]
        whole = [s for s in in_year if s.period.key == str(year)]
        chosen = (whole or in_year or [None])[-1]
    geography = context.data.geography
    subregions = {s.key: s for s in geography.subregions}
    rows = tuple(_map_row(m, subregions[m.parent], chosen, info) for m in geography.municipalities)
    return MapSeries(info, chosen.period if chosen else None, rows)


def _breakdowns(context: IndicatorContext, count: CountInfo, area: Place) -> list[Breakdown]:
    data = context.data
    dims = data.dimensions(count)
    where = {"area": area.name, "date": short_date(count.count_date)}

    def values(pks: Sequence[int]) -> list[tuple[int, str, str]]:
        return [(pk, data.references[pk].code, data.label(pk)) for pk in pks]

    return [
        Breakdown(
            CATEGORIES,
            _("People per ETHOS category, %(area)s, %(date)s") % where,
            _("ETHOS category"),
            values(dims.categories),
            lambda key, pk: CellKey(key, pk),
        ),
        Breakdown(
            AGE_BANDS,
            _("People per age band, %(area)s, %(date)s") % where,
            _("Age band"),
            values(dims.age_bands),
            lambda key, pk: CellKey(key, None, pk),
        ),
        Breakdown(
            GENDERS,
            _("People per gender, %(area)s, %(date)s") % where,
            _("Gender"),
            values(dims.genders),
            lambda key, pk: CellKey(key, gender=pk),
        ),
        Breakdown(
            FINDERS,
            _("People per finding organisation, %(area)s, %(date)s") % where,
            _("Finding organisation"),
            values(dims.finders),
            lambda key, pk: CellKey(key, finder=pk),
        ),
    ]


def _count_tables(context: IndicatorContext, count: CountInfo, area: Place) -> list[FigureTable]:
    data = context.data
    parts = data.geography.parts(area.key)
    meta = {"source": count_period(count).source, "is_demo": count.is_demo}
    cube = data.cube(count)
    tables = [
        breakdown_table(b, cube, area, parts, meta) for b in _breakdowns(context, count, area)
    ]
    places = [*parts, area]
    header = _("Area")
    for key, code, title in (
        (TREND_PEOPLE, PEOPLE, _("People counted per count, %(area)s")),
        (TREND_RATE, PER_10000, _("Counted homeless per 10,000 inhabitants per count, %(area)s")),
    ):
        info = context.indicator(code)
        series = context.series(info)
        tables.append(
            trend_table(
                key=key,
                title=title % {"area": area.name},
                info=info,
                series=series,
                places=places,
                column_header=header,
            )
        )
    return tables


def _trend_places(context: IndicatorContext, area: Place, series: list[Series]) -> list[Place]:
    """The parts of the area and the area where the series has figures for them, else the
    area's municipalities (an imported rate has no totals)."""
    geography = context.data.geography
    places = [*geography.parts(area.key), area]
    with_figures = [p for p in places if any(p.key in s.figures for s in series)]
    if len(with_figures) > 1 or not series:
        return with_figures
    municipalities = [m for m in geography.municipalities if area.key in (REGION_KEY, m.parent)]
    return [m for m in municipalities if any(m.key in s.figures for s in series)]


def _years_table(context: IndicatorContext, info: IndicatorInfo, area: Place, yearly: list[Series]):
    return trend_table(
        key=TREND_YEARS,
        title=_("%(indicator)s per year or period, %(area)s")
        % {"indicator": info.name, "area": area.name},
        info=info,
        series=yearly,
        places=_trend_places(context, area, yearly),
        column_header=_("Area"),
    )


def dashboard(
    *, region: Region, suppressed: bool, query: DashboardQuery, with_boundaries: bool = True
) -> Dashboard:
    """Everything the dashboard shows for ``query``; ``errors`` says what was not understood
    (the page falls back and says so, the API refuses)."""
    context = indicator_context(
        region=region, suppressed=suppressed, with_boundaries=with_boundaries
    )
    choice, errors = _resolve(context, query)
    data, count, info = context.data, choice.count, choice.indicator
    result = Dashboard(
        region=region,
        suppressed=suppressed,
        counts=data.counts,
        count=count,
        previous=data.previous(count) if count else None,
        subregions=data.geography.subregions,
        area=choice.area,
        indicators=context.catalogue,
        indicator=info,
        years=choice.years,
        year=choice.year,
        boundaries=data.boundaries,
        source=count_period(count).source if count else "",
        errors=errors,
    )
    if count:
        result.key_figures = _key_figures(context, count, choice.area)
        result.tables = _count_tables(context, count, choice.area)
    if info and choice.year is not None:
        yearly = [] if info.kind == IndicatorKind.COUNT else context.series(info)
        result.map = _map(context, choice, yearly)
        if yearly:
            result.tables.append(_years_table(context, info, choice.area, yearly))
    return result


@dataclass(frozen=True)
class HomeFigure:
    """The latest count's date and the region's people, for the home page."""

    count: CountInfo
    people: Figure


def home_figure(*, region: Region | None, suppressed: bool) -> HomeFigure | None:
    """The region's latest count and its total, suppressed as on the dashboard; four queries."""
    if region is None:
        return None
    data = monitor_data(region=region, suppressed=suppressed, latest_only=True)
    count = data.latest
    return HomeFigure(count, data.cube(count).total(REGION_KEY)) if count else None
