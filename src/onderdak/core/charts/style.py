"""How series look: a colour with enough contrast, plus a pattern, marker and dash, so that no
series is told apart by colour alone (WCAG 1.4.1 and 1.4.11)."""

from collections.abc import Sequence
from dataclasses import dataclass

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
