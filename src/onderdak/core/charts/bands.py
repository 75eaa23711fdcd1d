"""Band charts: for each series a shaded band from its P10 to its P90 with its P50 as a line.

For the outcome of a Monte Carlo simulation over time (months): the band holds 80 % of the runs,
the line the median. Several series (e.g. scenarios) can share one chart, each band in its own
colour with its own dash and marker, so no band is told apart by colour alone; the markers sit
on the labelled x values only, so a long series stays readable. The table holds every figure:
per x value each series' P10, P50 and P90.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from onderdak.core.charts.common import WIDTH, extremes, label_room, summary
from onderdak.core.charts.lines import _x_positions
from onderdak.core.charts.model import Box, Chart, DataTable, Label, Point
from onderdak.core.charts.scale import (
    Formatter,
    Number,
    as_decimal,
    axis_ticks,
    format_number,
    nice_ticks,
    plotted,
    scale,
    tick_decimals,
)
from onderdak.core.charts.style import SeriesStyle, marker_path, series_styles

#: At most this many x labels, so that they do not overlap.
MAX_X_LABELS = 12


@dataclass(frozen=True)
class BandSeries:
    """One series' quantiles per x value."""

    name: str
    p10: Sequence[Number]
    p50: Sequence[Number]
    p90: Sequence[Number]


@dataclass(frozen=True)
class Band:
    style: SeriesStyle
    area: str  # the SVG path of the shaded band
    median: tuple[tuple[float, float], ...]
    markers: tuple[Point, ...]

    @property
    def polyline(self) -> str:
        return " ".join(f"{x},{y}" for x, y in self.median)


@dataclass(frozen=True)
class BandChart(Chart):
    x_labels: tuple[Label, ...]
    bands: tuple[Band, ...]


def label_step(count: int, every: int | None = None) -> int:
    """Label every ``every``-th x value, or often enough for at most ``MAX_X_LABELS`` labels;
    with ``every`` given, a multiple of it (so months keep being labelled in January)."""
    step = every or 1
    while count > step * MAX_X_LABELS:
        step += every or 1
    return step


def band_chart(
    *,
    id: str,
    title: str,
    x_values: Sequence[int | str],
    series: Sequence[BandSeries],
    x_header: str = "",
    label_every: int | None = None,
    value_format: Formatter = format_number,
    description: str = "",
    table_caption: str = "",
) -> BandChart:
    """A band from P10 to P90 and the P50 line per series over ``x_values``, equally spaced."""
    low, high = extremes([v for s in series for v in (*s.p10, *s.p90, *s.p50)])
    ticks = nice_ticks(low, high)
    tick_room = label_room([format_number(t, tick_decimals(ticks)) for t in ticks])
    plot = _plot_box(tick_room)
    value_at = scale(ticks, plot.bottom, plot.top)
    x_at = _x_positions(len(x_values), plot)
    step = label_step(len(x_values), label_every)
    styles = series_styles(id, [s.name for s in series])
    geometry = (x_values, x_at, value_at, step, value_format)
    return BandChart(
        id=id,
        title=title,
        description=description or _describe(len(x_values), series, low, high, value_format),
        width=WIDTH,
        height=plot.bottom + 30,
        plot=plot,
        ticks=axis_ticks(ticks, value_at),
        legend=styles,
        table=band_table(table_caption or title, x_header, x_values, series, value_format),
        x_labels=tuple(
            Label(x_at(i), plot.bottom + 20, str(x))
            for i, x in enumerate(x_values)
            if i % step == 0
        ),
        bands=tuple(_band(style, s, *geometry) for style, s in zip(styles, series, strict=True)),
    )


def _plot_box(tick_room: float) -> Box:
    return Box(tick_room + 14, 12, WIDTH - 24, 272)


def _describe(count: int, series, low, high, fmt: Formatter) -> str:
    band = _(
        "Each series is drawn as a shaded band from its 10th to its 90th percentile (P10 to P90: "
        "8 in 10 outcomes lie within it) with its median (P50) as a line."
    )
    return f"{band} {summary(_('Band chart'), count, [s.name for s in series], low, high, fmt)}"


def _band(style, item: BandSeries, x_values, x_at, value_at, step, fmt) -> Band:
    xs = [x_at(i) for i in range(len(x_values))]
    upper = [(x, value_at(plotted(v))) for x, v in zip(xs, item.p90, strict=True)]
    lower = [(x, value_at(plotted(v))) for x, v in zip(xs, item.p10, strict=True)]
    edge = [*upper, *reversed(lower)]
    area = "M" + " L".join(f"{x},{y}" for x, y in edge) + " Z"
    median = tuple((x, value_at(plotted(v))) for x, v in zip(xs, item.p50, strict=True))
    markers = tuple(
        Point(
            x,
            y,
            _median_title(item, index, x_values[index], fmt),
            marker_path(style.marker, x, y),
        )
        for index, (x, y) in enumerate(median)
        if index % step == 0
    )
    return Band(style, area, median, markers)


def _median_title(item: BandSeries, index: int, x, fmt: Formatter) -> str:
    return _("%(name)s, %(x)s: P50 %(p50)s (P10 %(p10)s to P90 %(p90)s)") % {
        "name": item.name,
        "x": x,
        "p50": fmt(as_decimal(item.p50[index])),
        "p10": fmt(as_decimal(item.p10[index])),
        "p90": fmt(as_decimal(item.p90[index])),
    }


def band_table(
    caption: str, corner: str, x_values, series: Sequence[BandSeries], fmt: Formatter
) -> DataTable:
    """Per x value each series' P10, P50 and P90 (named after the series when there are more)."""
    quantiles = ("P10", "P50", "P90")
    headers = [q if len(series) == 1 else f"{item.name}: {q}" for item in series for q in quantiles]
    rows = tuple(
        (
            str(x),
            tuple(
                fmt(as_decimal(value))
                for item in series
                for value in (item.p10[i], item.p50[i], item.p90[i])
            ),
        )
        for i, x in enumerate(x_values)
    )
    return DataTable(caption=caption, headers=(corner, *headers), rows=rows)
