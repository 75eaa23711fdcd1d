"""Server-side charts: geometry (property tests), styles that never rely on colour alone, and the
rendered SVG with its table."""

import itertools
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from onderdak.core import charts
from onderdak.core.charts import Orientation, Series

amounts = st.decimals(
    min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False, places=2
)
small_floats = st.floats(min_value=-1e-3, max_value=1e-3, allow_nan=False, allow_subnormal=False)
values = amounts | small_floats


@st.composite
def bar_inputs(draw):
    categories = draw(
        st.lists(st.text("abcdefghij ", min_size=1, max_size=25), min_size=1, max_size=14)
    )
    names = draw(st.lists(st.text("xyz", min_size=1, max_size=8), min_size=1, max_size=5))
    series = [
        Series(name, draw(st.lists(values, min_size=len(categories), max_size=len(categories))))
        for name in names
    ]
    return categories, series


@st.composite
def line_inputs(draw):
    years = list(range(2026, 2026 + draw(st.integers(min_value=1, max_value=10))))
    series = [
        Series(f"s{i}", draw(st.lists(values, min_size=len(years), max_size=len(years))))
        for i in range(draw(st.integers(min_value=1, max_value=13)))
    ]
    return years, series


def assert_ticks_cover(chart, low, high):
    ticks = [t.value for t in chart.ticks]
    assert ticks == sorted(ticks)
    assert ticks[0] <= min(low, 0)
    assert ticks[-1] >= max(high, 0)
    assert Decimal(0) in ticks
    for tick in chart.ticks:
        if chart.horizontal:
            assert chart.plot.contains(tick.position, chart.plot.top)
        else:
            assert chart.plot.contains(chart.plot.left, tick.position)


def stack_extremes(series, count, stacked):
    if not stacked:
        every = [charts.plotted(v) for s in series for v in s.values]
        return min(every), max(every)
    above = [
        sum(charts.plotted(s.values[i]) for s in series if s.values[i] > 0) for i in range(count)
    ]
    below = [
        sum(charts.plotted(s.values[i]) for s in series if s.values[i] < 0) for i in range(count)
    ]
    return min(below), max(above)


@settings(max_examples=150, deadline=None)
@given(bar_inputs(), st.booleans(), st.sampled_from(Orientation))
def test_every_bar_lies_inside_the_plot_and_the_ticks_cover_the_data(data, stacked, orientation):
    categories, series = data
    chart = charts.bar_chart(
        id="c",
        title="t",
        categories=categories,
        series=series,
        stacked=stacked,
        orientation=orientation,
    )
    assert len(chart.bars) == len(categories) * len(series)
    for bar in chart.bars:
        assert bar.width >= 0
        assert bar.height >= 0
        assert chart.plot.contains(bar.x, bar.y)
        assert chart.plot.contains(bar.x + bar.width, bar.y + bar.height)
    assert_ticks_cover(chart, *stack_extremes(series, len(categories), stacked))
    assert 0 <= chart.plot.left < chart.plot.right <= chart.width
    assert 0 <= chart.plot.top < chart.plot.bottom <= chart.height


@settings(max_examples=150, deadline=None)
@given(line_inputs())
def test_every_point_lies_inside_the_plot_and_the_ticks_cover_the_data(data):
    years, series = data
    chart = charts.line_chart(id="l", title="t", x_values=years, series=series)
    for line in chart.lines:
        assert len(line.points) == len(years)
        for point in line.points:
            assert chart.plot.contains(point.x, point.y)
    every = [charts.plotted(v) for s in series for v in s.values]
    assert_ticks_cover(chart, min(every), max(every))


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 0, ["0.00", "0.25", "0.50", "0.75", "1.00"]),
        (-3, 17, ["-5", "0", "5", "10", "15", "20"]),
        (0.1, 0.3, ["0.0", "0.1", "0.2", "0.3"]),
        (1_000_000, 2_400_000, ["0", "1000000", "2000000", "3000000"]),
        (-750, -20, ["-800", "-600", "-400", "-200", "0"]),
    ],
)
def test_nice_ticks_are_round_and_include_zero(low, high, expected):
    assert [Decimal(v) for v in expected] == list(charts.nice_ticks(low, high))


def test_stacked_bars_pile_positive_up_and_negative_down_from_zero():
    chart = charts.bar_chart(
        id="s",
        title="t",
        categories=["A"],
        series=[Series("in", [100]), Series("out", [-40]), Series("more out", [-60])],
        stacked=True,
    )
    zero = chart.zero_line.x1
    incoming, out, more_out = chart.bars
    assert incoming.x == zero
    assert out.x + out.width == pytest.approx(zero)
    assert more_out.x + more_out.width == pytest.approx(out.x)
    assert incoming.width == pytest.approx(out.width + more_out.width)


def test_grouped_bars_sit_side_by_side_within_their_band():
    chart = charts.bar_chart(
        id="g", title="t", categories=["A", "B"], series=[Series("x", [1, 2]), Series("y", [3, 4])]
    )
    a_x, a_y, b_x, b_y = chart.bars
    assert a_x.y < a_y.y < b_x.y < b_y.y
    assert a_y.y - a_x.y == a_x.height


def contrast(colour: str, background: str = charts.BACKGROUND) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(colour), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("colour", charts.PALETTE)
def test_every_colour_has_at_least_3_to_1_contrast_with_the_background(colour):
    assert contrast(colour) >= 3


def test_series_differ_in_more_than_colour():
    styles = charts.series_styles("c", [f"s{i}" for i in range(24)])
    assert len({(s.colour, s.pattern) for s in styles}) == 24
    assert len({(s.colour, s.marker) for s in styles}) == 24
    for first, second in itertools.pairwise(styles):
        assert first.pattern != second.pattern
        assert first.marker != second.marker
        assert first.dash != second.dash


def test_the_table_holds_the_same_figures_formatted_in_dutch():
    with translation.override("nl"):
        chart = charts.bar_chart(
            id="t",
            title="Bedragen",
            categories=["Leiden", "Lisse"],
            series=[Series("toegekend", [Decimal("1234.5"), Decimal("-7")])],
            category_header="Gemeente",
            value_format=lambda v: charts.format_number(v, 2),
        )
    assert chart.table.headers == ("Gemeente", "toegekend")
    assert chart.table.rows == (("Leiden", ("1.234,50",)), ("Lisse", ("-7,00",)))
    assert "-7,00" in chart.description
    assert "1.234,50" in chart.description


def svg_numbers(html: str) -> list[str]:
    return re.findall(r'(?:x|y|width|height|x1|x2|y1|y2)="([^"]*)"', html)


@pytest.mark.parametrize("orientation", Orientation)
def test_bar_chart_renders_accessible_svg_legend_and_table(orientation):
    chart = charts.bar_chart(
        id="grafiek",
        title="Bijdragen per gemeente",
        categories=["Leiden", "Katwijk"],
        series=[Series("regionaal", [Decimal("10.5"), 3]), Series("lokaal", [-2, 4])],
        stacked=True,
        orientation=orientation,
    )
    with translation.override("nl"):
        html = render_to_string("core/charts/bar_chart.html", {"chart": chart})
    assert 'role="img" aria-labelledby="grafiek-titel grafiek-beschrijving"' in html
    assert '<title id="grafiek-titel">Bijdragen per gemeente</title>' in html
    assert 'fill="url(#grafiek-patroon-1)"' in html
    assert '<pattern id="grafiek-patroon-1"' in html
    assert "<caption>Bijdragen per gemeente</caption>" in html
    assert '<details class="chart__data" open>' in html
    assert html.count("<rect x=") == 4
    assert all("," not in number for number in svg_numbers(html)), "SVG numbers not localised"
    assert "style=" not in html


def test_line_chart_renders_lines_markers_and_table():
    chart = charts.line_chart(
        id="lijn",
        title="Toedeling per jaar",
        x_values=[2026, 2027, 2028],
        series=[Series("Leiden", [1.5, 2, 2.5]), Series("Lisse", [1, 1, 0.5])],
        x_header="Gemeente",
    )
    with translation.override("nl"):
        html = render_to_string("core/charts/line_chart.html", {"chart": chart})
    assert html.count("<polyline") == 2
    assert 'stroke-dasharray="8 4"' in html
    assert html.count("<path d=") == 6 + 2  # six markers and two legend markers
    assert '<th scope="row">Lisse</th><td class="num">1</td>' in html
    assert "style=" not in html
