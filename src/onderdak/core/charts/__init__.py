"""Charts drawn on the server as inline SVG: no script, no inline style, always with a table.

The functions here are pure: figures in, a frozen dataclass out, which the templates under
``core/charts/`` render (``bar_chart.html``, ``line_chart.html``, ``band_chart.html``,
``choropleth.html``). Each chart carries:

- a ``<title>`` and a ``<desc>`` (a short summary of what is drawn) for ``role="img"``;
- a series style that never relies on colour alone: bars get a fill pattern, lines a dash and a
  marker shape, each colour having at least 3:1 contrast with the white background;
- a :class:`DataTable` built from the very same figures, shown below the chart.

Positions are plain floats in SVG user units; templates render them with localisation off (a
Dutch decimal comma would break the SVG). Values may be ``Decimal``, ``int`` or ``float``; tick
values are computed as ``Decimal`` so their labels are exact (0.3, not 0.30000000000000004).
"""

from onderdak.core.charts.bands import Band, BandChart, BandSeries, band_chart, band_table
from onderdak.core.charts.bars import bar_chart
from onderdak.core.charts.choropleth import (
    MAX_CLASSES,
    PALETTES,
    Choropleth,
    MapArea,
    MapClass,
    choropleth,
    class_bounds,
    contrast_ratio,
)
from onderdak.core.charts.lines import line_chart
from onderdak.core.charts.model import (
    Bar,
    BarChart,
    Box,
    Chart,
    DataTable,
    Label,
    Line,
    LineChart,
    Orientation,
    Point,
    Segment,
    Series,
)
from onderdak.core.charts.scale import (
    RESOLUTION,
    Formatter,
    Number,
    Tick,
    as_decimal,
    format_number,
    nice_step,
    nice_ticks,
    plotted,
)
from onderdak.core.charts.style import (
    BACKGROUND,
    DASHES,
    MARKERS,
    PALETTE,
    PATTERNS,
    SeriesStyle,
    marker_path,
    series_styles,
)

__all__ = [
    "BACKGROUND",
    "DASHES",
    "MARKERS",
    "MAX_CLASSES",
    "PALETTE",
    "PALETTES",
    "PATTERNS",
    "RESOLUTION",
    "Band",
    "BandChart",
    "BandSeries",
    "Bar",
    "BarChart",
    "Box",
    "Chart",
    "Choropleth",
    "DataTable",
    "Formatter",
    "Label",
    "Line",
    "LineChart",
    "MapArea",
    "MapClass",
    "Number",
    "Orientation",
    "Point",
    "Segment",
    "Series",
    "SeriesStyle",
    "Tick",
    "as_decimal",
    "band_chart",
    "band_table",
    "bar_chart",
    "choropleth",
    "class_bounds",
    "contrast_ratio",
    "format_number",
    "line_chart",
    "marker_path",
    "nice_step",
    "nice_ticks",
    "plotted",
    "series_styles",
]
