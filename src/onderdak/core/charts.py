"""Charts drawn on the server as inline SVG: no script, no inline style, always with a table.

The functions here are pure: figures in, a frozen dataclass out, which the templates under
``core/charts/`` render (``bar_chart.html``, ``line_chart.html``). Each chart carries:

- a ``<title>`` and a ``<desc>`` (a short summary of what is drawn) for ``role="img"``;
- a series style that never relies on colour alone: bars get a fill pattern, lines a dash and a
  marker shape, each colour having at least 3:1 contrast with the white background;
- a :class:`DataTable` built from the very same figures, shown below the chart.

Positions are plain floats in SVG user units; templates render them with localisation off (a
Dutch decimal comma would break the SVG). Values may be ``Decimal``, ``int`` or ``float``; tick
values are computed as ``Decimal`` so their labels are exact (0.3, not 0.30000000000000004).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from enum import StrEnum

from django.utils.formats import number_format
from django.utils.translation import gettext as _

Number = Decimal | int | float
Formatter = Callable[[Decimal], str]

#: Okabe-Ito and Tol hues, each at least 3:1 against white (WCAG 1.4.11, non-text contrast).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#332288", "#882255", "#5F5F5F", "#117733")
BACKGROUND = "#FFFFFF"
#: Fill patterns on an 8 by 8 tile, drawn in white over the series colour ("" = solid).
PATTERNS = (
    "",
    "M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6",
    "M2,2 L2.01,2 M6,6 L6.01,6",
    "M0,4 L8,4",
    "M0,0 L8,8 M8,0 L0,8",
    "M4,0 L4,8",
)
MARKERS = ("circle", "square", "triangle", "diamond", "triangle_down", "bar")
DASHES = ("", "8 4", "3 3", "10 3 2 3")

WIDTH = 720.0
CHAR_WIDTH = 6.6  # average width of a 12-unit sans-serif character, for label room
TICK_COUNT = 5
RESOLUTION = Decimal("0.000001")


class Orientation(StrEnum):
    HORIZONTAL = "horizontal"  # categories down the side: long names stay readable
    VERTICAL = "vertical"  # categories along the bottom: suits years


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Number]


@dataclass(frozen=True)
class SeriesStyle:
    """How one series looks; ``fill`` is a colour or a reference to the chart's pattern."""

    name: str
    colour: str
    fill: str
    pattern_id: str
    pattern: str
    marker: str
    dash: str

    @property
    def legend_marker(self) -> str:
        """The marker in the middle of the legend's 30 by 12 line swatch."""
        return marker_path(self.marker, 15, 6, 3.5)


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def contains(self, x: float, y: float, tolerance: float = 0.01) -> bool:
        return (
            self.left - tolerance <= x <= self.right + tolerance
            and self.top - tolerance <= y <= self.bottom + tolerance
        )


@dataclass(frozen=True)
class Tick:
    value: Decimal
    position: float
    label: str


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclass(frozen=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    fill: str
    title: str


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    title: str
    marker_path: str


@dataclass(frozen=True)
class Line:
    style: SeriesStyle
    points: tuple[Point, ...]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


@dataclass(frozen=True)
class DataTable:
    """The chart's figures as a table: ``rows`` are (row header, formatted cells)."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Chart:
    """What both kinds of chart share: frame, value axis, legend and table."""

    id: str
    title: str
    description: str
    width: float
    height: float
    plot: Box
    ticks: tuple[Tick, ...]
    legend: tuple[SeriesStyle, ...]
    table: DataTable

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width:g} {self.height:g}"

    @property
    def patterns(self) -> tuple[SeriesStyle, ...]:
        return tuple(style for style in self.legend if style.pattern)

    @property
    def horizontal(self) -> bool:
        """True when the value axis runs left to right (horizontal bars)."""
        return False

    def _across(self, position: float) -> Segment:
        """A line through the plot at ``position`` on the value axis."""
        plot = self.plot
        if self.horizontal:
            return Segment(position, plot.top, position, plot.bottom)
        return Segment(plot.left, position, plot.right, position)

    @property
    def grid_lines(self) -> tuple[Segment, ...]:
        return tuple(self._across(tick.position) for tick in self.ticks)

    @property
    def zero_line(self) -> Segment:
        return self._across(next(t.position for t in self.ticks if t.value == 0))

    @property
    def tick_labels(self) -> tuple[Label, ...]:
        if self.horizontal:
            return tuple(Label(t.position, self.plot.bottom + 18, t.label) for t in self.ticks)
        return tuple(Label(self.plot.left - 6, t.position + 4, t.label, "end") for t in self.ticks)


@dataclass(frozen=True)
class BarChart(Chart):
    orientation: Orientation
    stacked: bool
    bars: tuple[Bar, ...]
    category_labels: tuple[Label, ...]

    @property
    def horizontal(self) -> bool:
        return self.orientation == Orientation.HORIZONTAL


@dataclass(frozen=True)
class LineChart(Chart):
    x_labels: tuple[Label, ...]
    lines: tuple[Line, ...]


# Numbers and ticks ------------------------------------------------------------------------------


def as_decimal(value: Number) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def plotted(value: Number) -> Decimal:
    """The value as drawn: magnitudes below ``RESOLUTION`` are drawn as zero, so that axis
    labels stay short (the table still shows the value itself)."""
    decimal = as_decimal(value)
    return Decimal(0) if abs(decimal) < RESOLUTION else decimal


def format_number(value: Decimal, decimals: int | None = None) -> str:
    """In the active language, with grouping: 1.234,5 in Dutch, 1,234.5 in English.

    Without ``decimals``, as many decimals as the value has.
    """
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def nice_step(raw: Decimal) -> Decimal:
    """The smallest of 1, 2, 2.5, 5 or 10 times a power of ten that is at least ``raw`` (> 0)."""
    magnitude = Decimal(1).scaleb(raw.adjusted())
    fraction = raw / magnitude
    nice = next(n for n in (1, 2, Decimal("2.5"), 5, 10) if fraction <= n)
    return (nice * magnitude).normalize()


def nice_ticks(low: Number, high: Number, target: int = TICK_COUNT) -> tuple[Decimal, ...]:
    """Round tick values from at most ``low`` to at least ``high``, always including zero."""
    low, high = min(as_decimal(low), Decimal(0)), max(as_decimal(high), Decimal(0))
    if low == high:
        high = Decimal(1)
    step = nice_step((high - low) / (target - 1))
    first = (low / step).to_integral_value(ROUND_FLOOR)
    last = (high / step).to_integral_value(ROUND_CEILING)
    return tuple((first + i) * step for i in range(int(last - first) + 1))


def tick_decimals(ticks: Sequence[Decimal]) -> int:
    step = (ticks[1] - ticks[0]).normalize()
    return max(0, -step.as_tuple().exponent)


def scale(ticks: Sequence[Decimal], start: float, end: float) -> Callable[[Number], float]:
    """Maps a value between the first and last tick onto ``start``…``end`` (either direction)."""
    low, high = float(ticks[0]), float(ticks[-1])

    def position(value: Number) -> float:
        return round(start + (float(value) - low) / (high - low) * (end - start), 2)

    return position


def axis_ticks(ticks: Sequence[Decimal], position: Callable[[Number], float]) -> tuple[Tick, ...]:
    decimals = tick_decimals(ticks)
    return tuple(Tick(t, position(t), format_number(t, decimals)) for t in ticks)


# Styles -----------------------------------------------------------------------------------------


def series_styles(chart_id: str, names: Sequence[str]) -> tuple[SeriesStyle, ...]:
    """Colour, pattern, marker and dash per series; any two of the first 24 differ in two ways."""
    return tuple(_style(chart_id, index, name) for index, name in enumerate(names))


def _style(chart_id: str, index: int, name: str) -> SeriesStyle:
    colour = PALETTE[index % len(PALETTE)]
    pattern = PATTERNS[index % len(PATTERNS)]
    pattern_id = f"{chart_id}-patroon-{index}"
    return SeriesStyle(
        name=name,
        colour=colour,
        fill=f"url(#{pattern_id})" if pattern else colour,
        pattern_id=pattern_id,
        pattern=pattern,
        marker=MARKERS[index % len(MARKERS)],
        dash=DASHES[index % len(DASHES)],
    )


def marker_path(shape: str, x: float, y: float, size: float = 4.5) -> str:
    """An SVG path for a marker centred on (x, y)."""
    s = size
    shapes = {
        "circle": f"M{x - s},{y} a{s},{s} 0 1,0 {2 * s},0 a{s},{s} 0 1,0 {-2 * s},0 Z",
        "square": f"M{x - s},{y - s} h{2 * s} v{2 * s} h{-2 * s} Z",
        "triangle": f"M{x},{y - s * 1.2} L{x + s * 1.2},{y + s} L{x - s * 1.2},{y + s} Z",
        "diamond": f"M{x},{y - s * 1.3} L{x + s * 1.3},{y} L{x},{y + s * 1.3} L{x - s * 1.3},{y} Z",
        "triangle_down": f"M{x},{y + s * 1.2} L{x + s * 1.2},{y - s} L{x - s * 1.2},{y - s} Z",
        "bar": f"M{x - s * 1.4},{y - s / 2} h{s * 2.8} v{s} h{-s * 2.8} Z",
    }
    return shapes[shape]


# Shared pieces ----------------------------------------------------------------------------------


def _label_room(texts: Sequence[str]) -> float:
    return max((len(text) for text in texts), default=0) * CHAR_WIDTH


def _summary(
    kind: str, categories: int, names: Sequence[str], low: Decimal, high: Decimal, fmt: Formatter
) -> str:
    return _(
        "%(kind)s of %(count)s values in %(series)s: %(names)s; from %(low)s to %(high)s. "
        "The table below the chart holds every figure."
    ) % {
        "kind": kind,
        "count": categories * len(names),
        "series": _("one series") if len(names) == 1 else _("%d series") % len(names),
        "names": ", ".join(names),
        "low": fmt(low),
        "high": fmt(high),
    }


def _table(caption: str, corner: str, columns: Sequence[str], rows, fmt: Formatter) -> DataTable:
    return DataTable(
        caption=caption,
        headers=(corner, *columns),
        rows=tuple((str(head), tuple(fmt(as_decimal(v)) for v in values)) for head, values in rows),
    )


def _extremes(values: Sequence[Number]) -> tuple[Decimal, Decimal]:
    decimals = [plotted(v) for v in values] or [Decimal(0)]
    return min(decimals), max(decimals)


# Bar chart --------------------------------------------------------------------------------------


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
    tick_room = _label_room([format_number(t, tick_decimals(ticks)) for t in ticks])
    if orientation == Orientation.HORIZONTAL:
        left = min(_label_room(categories), 220) + 12
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


def _stack_extremes(series: Sequence[Series], categories: int, stacked: bool):
    ends = [
        end
        for category in range(categories)
        for _index, start, stop in _segments(series, category, stacked)
        for end in (start, stop)
    ]
    return _extremes(ends)


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
    low, high = _stack_extremes(series, len(categories), stacked)
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
        description=description or _summary(kind, len(categories), names, low, high, value_format),
        width=WIDTH,
        height=geometry.plot.bottom + 30,
        plot=geometry.plot,
        ticks=axis_ticks(ticks, geometry.value_at),
        legend=styles,
        table=table
        or _table(
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


# Line chart -------------------------------------------------------------------------------------


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
    low, high = _extremes([v for s in series for v in s.values])
    ticks = nice_ticks(low, high)
    tick_room = _label_room([format_number(t, tick_decimals(ticks)) for t in ticks])
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
        or _summary(
            _("Line chart"), len(x_values), [s.name for s in series], low, high, value_format
        ),
        width=WIDTH,
        height=plot.bottom + 30,
        plot=plot,
        ticks=axis_ticks(ticks, value_at),
        legend=styles,
        table=table
        or _table(
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
