"""Grouped and stacked bar charts, horizontal (the default) or vertical."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from onderdak.core.charts.common import WIDTH, data_table, extremes, label_room, summary
from onderdak.core.charts.model import Bar, BarChart, Box, DataTable, Label, Orientation, Series
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
from onderdak.core.charts.style import series_styles


@dataclass(frozen=True)
class _BarGeometry:
    """Where bars go: categories in equal bands along one axis, values along the other."""

    orientation: Orientation
    plot: Box
    band: float
    thickness: float
    series_count: int
    stacked: bool
    value_at: Callable[[Number], float]

    @property
    def horizontal(self) -> bool:
        return self.orientation == Orientation.HORIZONTAL

    def _band_start(self) -> float:
        return self.plot.top if self.horizontal else self.plot.left

    def centre(self, category: int) -> float:
        return round(self._band_start() + (category + 0.5) * self.band, 2)

    def across(self, category: int, series: int) -> float:
        bars = 1 if self.stacked else self.series_count
        offset = 0 if self.stacked else series * self.thickness
        gap = (self.band - self.thickness * bars) / 2
        return round(self._band_start() + category * self.band + gap + offset, 2)

    def rect(self, category: int, series: int, start: Decimal, stop: Decimal):
        """(x, y, width, height) of the bar from value ``start`` to ``stop``."""
        low, high = sorted((self.value_at(start), self.value_at(stop)))
        across, length = self.across(category, series), round(high - low, 2)
        if self.horizontal:
            return low, across, length, self.thickness
        return across, low, self.thickness, length

    def label(self, category: int, text: str) -> Label:
        if self.horizontal:
            return Label(self.plot.left - 8, self.centre(category) + 4, text, "end")
        return Label(self.centre(category), self.plot.bottom + 18, text)


def _bar_geometry(categories, series_count, stacked, orientation, ticks) -> _BarGeometry:
    # Grouped bars get thinner (down to 6) as series are added, so a band stays under 60 units.
    thickness = 18.0 if stacked else max(6.0, min(12.0, 48.0 / max(series_count, 1)))
    band = thickness * (1 if stacked else max(series_count, 1)) + 10
    tick_room = label_room([format_number(t, tick_decimals(ticks)) for t in ticks])
    if orientation == Orientation.HORIZONTAL:
        left = min(label_room(categories), 220) + 12
        plot = Box(left, 10, WIDTH - tick_room / 2 - 10, 10 + band * len(categories))
        value_at = scale(ticks, plot.left, plot.right)
    else:
        plot = Box(tick_room + 14, 10, WIDTH - 10, 290)
        band = plot.width / max(len(categories), 1)
        thickness = min(thickness, (band - 6) / (1 if stacked else max(series_count, 1)))
        value_at = scale(ticks, plot.bottom, plot.top)
    return _BarGeometry(orientation, plot, band, thickness, series_count, stacked, value_at)


def _segments(series: Sequence[Series], category: int, stacked: bool):
    """(series index, from value, to value) per bar of one category; stacks grow away from 0."""
    above, below = Decimal(0), Decimal(0)
    for index, item in enumerate(series):
        value = plotted(item.values[category])
        if not stacked:
            yield index, Decimal(0), value
        elif value >= 0:
            yield index, above, above + value
            above += value
        else:
            yield index, below, below + value
            below += value


def _stackextremes(series: Sequence[Series], categories: int, stacked: bool):
    ends = [
        end
        for category in range(categories)
        for _index, start, stop in _segments(series, category, stacked)
        for end in (start, stop)
    ]
    return extremes(ends)


def bar_chart(
    *,
    id: str,
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    stacked: bool = False,
    orientation: Orientation = Orientation.HORIZONTAL,
    category_header: str = "",
    value_format: Formatter = format_number,
    description: str = "",
    table_caption: str = "",
    table: DataTable | None = None,
) -> BarChart:
    """A grouped (side by side) or stacked bar chart; negative values go the other way from 0.

    Stacked bars pile positive values up from zero and negative values down from it, so both
    parts of a category stay visible. Horizontal bars (the default) keep long category names
    readable and let the chart grow downwards with the number of categories. A page whose own
    table holds (at least) the charted figures passes it as ``table``; it is shown instead.
    """
    low, high = _stackextremes(series, len(categories), stacked)
    ticks = nice_ticks(low, high)
    geometry = _bar_geometry(categories, len(series), stacked, orientation, ticks)
    styles = series_styles(id, [s.name for s in series])
    bars = tuple(
        Bar(
            *geometry.rect(category, index, start, stop),
            fill=styles[index].fill,
            title=f"{categories[category]}, {styles[index].name}: "
            f"{value_format(as_decimal(series[index].values[category]))}",
        )
        for category in range(len(categories))
        for index, start, stop in _segments(series, category, stacked)
    )
    kind = _("Stacked bar chart") if stacked else _("Bar chart")
    names = [s.name for s in series]
    return BarChart(
        id=id,
        title=title,
        description=description or summary(kind, len(categories), names, low, high, value_format),
        width=WIDTH,
        height=geometry.plot.bottom + 30,
        plot=geometry.plot,
        ticks=axis_ticks(ticks, geometry.value_at),
        legend=styles,
        table=table
        or data_table(
            table_caption or title,
            category_header,
            names,
            zip(categories, zip(*(s.values for s in series), strict=True), strict=True),
            value_format,
        ),
        orientation=orientation,
        stacked=stacked,
        bars=bars,
        category_labels=tuple(geometry.label(i, str(c)) for i, c in enumerate(categories)),
    )
