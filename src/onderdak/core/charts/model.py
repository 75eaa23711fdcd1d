"""What a chart is made of, as the templates under ``core/charts/`` render it."""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from onderdak.core.charts.scale import Number, Tick
from onderdak.core.charts.style import SeriesStyle


class Orientation(StrEnum):
    HORIZONTAL = "horizontal"  # categories down the side: long names stay readable
    VERTICAL = "vertical"  # categories along the bottom: suits years


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Number]


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
