"""The dashboard's tables as the page draws them (charts, map, tables) and as Excel sheets.

Pure functions of what ``selectors.dashboard`` returned: no queries, no suppression of their
own. A chart draws only figures that are shown: a category (bars) or an area (lines) with a hidden
or missing figure is left out of the drawing and named below it; the table beside every chart
holds every figure, hidden ones as "<5" or "x".
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from onderdak.core import charts, exports
from onderdak.core.formatting import localized_number
from onderdak.engines.suppression import Hidden
from onderdak.monitor.selectors.dashboard import MAP, Dashboard, MapSeries
from onderdak.monitor.selectors.dashboard_figures import Figure
from onderdak.monitor.selectors.dashboard_tables import BAR, FigureRow, FigureTable
from onderdak.region import map as region_map


def demo_note() -> str:
    return _("fictitious demo figures, not the region's real figures")


def caption(title: str, is_demo: bool) -> str:
    """A table's caption; demo figures say so in every caption."""
    return f"{title} ({demo_note()})" if is_demo else title


@dataclass(frozen=True)
class ChartView:
    """One chart of the page: its figures, the drawing (if anything can be drawn), its table and
    what was left out of the drawing."""

    figures: FigureTable
    chart: charts.BarChart | charts.LineChart | None
    table: charts.DataTable
    left_out: tuple[str, ...]

    @property
    def template(self) -> str:
        kind = "bar_chart" if self.figures.kind == BAR else "line_chart"
        return f"core/charts/{kind}.html"


def data_table(table: FigureTable) -> charts.DataTable:
    return charts.DataTable(
        caption=caption(table.title, table.is_demo),
        headers=(table.row_header, *table.columns),
        rows=tuple((row.label, tuple(c.display for c in row.cells)) for row in table.rows),
    )


def _drawable(figures: Sequence[Figure]) -> bool:
    return all(f.value is not None and not f.hidden for f in figures)


def _bars(table: FigureTable, shown: charts.DataTable):
    rows = [row for row in table.rows if not row.is_total]
    kept = [row for row in rows if _drawable([row.cells[i] for i in table.series])]
    left_out = tuple(row.label for row in rows if row not in kept)
    if not kept:
        return None, left_out
    chart = charts.bar_chart(
        id=f"grafiek-{table.key}",
        title=table.title,
        categories=[row.label for row in kept],
        series=[
            charts.Series(table.columns[i], [row.cells[i].value for row in kept])
            for i in table.series
        ],
        category_header=table.row_header,
        table=shown,
    )
    return chart, left_out


def _lines(table: FigureTable, shown: charts.DataTable):
    kept = [row for row in table.rows if _drawable(row.cells)]
    left_out = tuple(row.label for row in table.rows if row not in kept)
    if not kept or not table.columns:
        return None, left_out
    chart = charts.line_chart(
        id=f"grafiek-{table.key}",
        title=table.title,
        x_values=list(table.columns),
        series=[charts.Series(row.label, [c.value for c in row.cells]) for row in kept],
        x_header=table.row_header,
        table=shown,
    )
    return chart, left_out


def chart_view(table: FigureTable) -> ChartView:
    shown = data_table(table)
    chart, left_out = (_bars if table.kind == BAR else _lines)(table, shown)
    return ChartView(table, chart, shown, left_out)


def map_chart(series: MapSeries, boundaries: dict[str, dict]) -> charts.Choropleth:
    """The map of the series' indicator, its municipalities coloured by class."""
    info = series.indicator
    svg = region_map.render(boundaries)
    decimals = max((row.figure.decimals for row in series.rows), default=info.decimals)
    title = map_title(series)
    return charts.choropleth(
        id="kaart",
        title=title,
        view_box=svg.view_box,
        paths=svg.paths,
        areas=[
            charts.MapArea(
                row.municipality.code,
                row.municipality.name,
                row.subregion.name,
                row.figure.value,
                row.figure.display if row.figure.hidden else "",
            )
            for row in series.rows
        ],
        value_header=capfirst(info.unit),
        value_format=lambda value: localized_number(value, decimals, grouped=True),
        table_caption=caption(title, series.is_demo),
    )


# --- Excel ---------------------------------------------------------------------------------------


def _notes() -> dict[str, str]:
    return {Hidden.SMALL: _("fewer than 5"), Hidden.DERIVED: _("hidden with a small count")}


def _hidden_note(columns: Sequence[str], cells: Sequence[Figure]) -> str:
    notes = _notes()
    return "; ".join(
        f"{column}: {notes[cell.hidden]}"
        for column, cell in zip(columns, cells, strict=True)
        if cell.hidden
    )


def _row_values(row: FigureRow, columns: Sequence[str]) -> list:
    return [row.label, *(cell.shown for cell in row.cells), _hidden_note(columns, row.cells)]


def table_sheet(table: FigureTable) -> exports.Sheet:
    """A hidden figure is an empty cell; the last column says which are hidden and why."""
    return exports.Sheet(
        title=table.title,
        headers=[table.row_header, *table.columns, _("Hidden figures")],
        rows=[_row_values(row, table.columns) for row in table.rows],
    )


def map_sheet(series: MapSeries) -> exports.Sheet:
    info = series.indicator
    value = f"{info.name} ({info.unit})"
    return exports.Sheet(
        title=_("Map"),
        headers=[_("Municipality"), _("CBS code"), _("Subregion"), value, _("Hidden figures")],
        rows=[
            [
                row.municipality.name,
                row.municipality.code,
                row.subregion.name,
                row.figure.shown,
                _hidden_note([value], [row.figure]),
            ]
            for row in series.rows
        ],
    )


def export_label(*, source: str, is_demo: bool, suppressed: bool) -> str:
    """Where the figures come from, whether they are demo figures, and what is hidden."""
    parts = [_("Source: %(source)s.") % {"source": source}]
    if is_demo:
        parts.insert(0, _("Fictitious demo figures, not the region's real figures."))
    parts.append(exports.suppression_note(suppressed))
    return " ".join(parts)


def map_title(series: MapSeries) -> str:
    period = series.period.label if series.period else _("no figures")
    return _("%(indicator)s per municipality, %(period)s") % {
        "indicator": series.indicator.name,
        "period": period,
    }


def _download(dashboard: Dashboard, key: str):
    """(title, sheet, source, demo) of one chart's figures; ``None`` for a chart not shown."""
    if key == MAP:
        series = dashboard.map
        if series is None:
            return None
        return map_title(series), map_sheet(series), series.source, series.is_demo
    table = dashboard.table(key)
    if table is None:
        return None
    return table.title, table_sheet(table), table.source, table.is_demo


def export(dashboard: Dashboard, key: str):
    """The Excel download of one chart's figures, or ``None`` when the page has no such chart."""
    found = _download(dashboard, key)
    if found is None:
        return None
    title, sheet, source, is_demo = found
    return exports.xlsx_response(
        filename=title,
        title=title,
        label=export_label(source=source, is_demo=is_demo, suppressed=dashboard.suppressed),
        sheets=[sheet],
    )
