"""Line charts: one line with markers per series over equally spaced x values (years)."""

from collections.abc import Callable, Sequence

from django.utils.translation import gettext as _

from onderdak.core.charts.common import WIDTH, data_table, extremes, label_room, summary
from onderdak.core.charts.model import Box, DataTable, Label, Line, LineChart, Point, Series
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
from onderdak.core.charts.style import marker_path, series_styles


def line_chart(
    *,
    id: str,
    title: str,
    x_values: Sequence[int | str],
    series: Sequence[Series],
    x_header: str = "",
    value_format: Formatter = format_number,
    description: str = "",
    table_caption: str = "",
    table: DataTable | None = None,
) -> LineChart:
    """One line with markers per series over ``x_values`` (usually years), equally spaced."""
    low, high = extremes([v for s in series for v in s.values])
    ticks = nice_ticks(low, high)
    tick_room = label_room([format_number(t, tick_decimals(ticks)) for t in ticks])
    plot = Box(tick_room + 14, 12, WIDTH - 24, 272)
    value_at = scale(ticks, plot.bottom, plot.top)
    x_at = _x_positions(len(x_values), plot)
    styles = series_styles(id, [s.name for s in series])
    lines = tuple(
        Line(style, _points(style, item, x_values, x_at, value_at, value_format))
        for style, item in zip(styles, series, strict=True)
    )
    return LineChart(
        id=id,
        title=title,
        description=description
        or summary(
            _("Line chart"), len(x_values), [s.name for s in series], low, high, value_format
        ),
        width=WIDTH,
        height=plot.bottom + 30,
        plot=plot,
        ticks=axis_ticks(ticks, value_at),
        legend=styles,
        table=table
        or data_table(
            table_caption or title,
            x_header,
            [str(x) for x in x_values],
            ((s.name, s.values) for s in series),
            value_format,
        ),
        x_labels=tuple(Label(x_at(i), plot.bottom + 20, str(x)) for i, x in enumerate(x_values)),
        lines=lines,
    )


def _x_positions(count: int, plot: Box) -> Callable[[int], float]:
    """Evenly spaced, with half a step of room at both ends so markers stay inside the plot."""
    step = plot.width / max(count, 1)
    return lambda index: round(plot.left + (index + 0.5) * step, 2)


def _points(style, item: Series, x_values, x_at, value_at, fmt) -> tuple[Point, ...]:
    def point(index: int, x, value: Number) -> Point:
        at_x, at_y = x_at(index), value_at(plotted(value))
        title = f"{item.name}, {x}: {fmt(as_decimal(value))}"
        return Point(at_x, at_y, title, marker_path(style.marker, at_x, at_y))

    return tuple(
        point(i, x, value) for i, (x, value) in enumerate(zip(x_values, item.values, strict=True))
    )
