"""Band charts: every band and median inside the plot (property test), labels that do not crowd,
a table of each series' P10, P50 and P90, and the rendered SVG."""

import re
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from onderdak.core import charts
from onderdak.core.charts import BandSeries
from onderdak.core.charts.bands import MAX_X_LABELS, label_step

numbers = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_subnormal=False)


@st.composite
def band_inputs(draw):
    count = draw(st.integers(min_value=1, max_value=150))
    series = []
    for index in range(draw(st.integers(min_value=1, max_value=4))):
        columns = [sorted(draw(st.lists(numbers, min_size=3, max_size=3))) for _ in range(count)]
        p10, p50, p90 = (list(values) for values in zip(*columns, strict=True))
        series.append(BandSeries(f"s{index}", p10, p50, p90))
    return list(range(count)), series


def coordinates(path: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", path)]


@settings(max_examples=120, deadline=None)
@given(band_inputs())
def test_every_band_and_median_lies_inside_the_plot(data):
    x_values, series = data
    chart = charts.band_chart(id="b", title="t", x_values=x_values, series=series)
    for band in chart.bands:
        assert len(band.median) == len(x_values)
        assert len(coordinates(band.area)) == 2 * len(x_values)
        for x, y in [*coordinates(band.area), *band.median]:
            assert chart.plot.contains(x, y)
    assert len(chart.x_labels) <= MAX_X_LABELS
    assert len(chart.table.rows) == len(x_values)


def test_months_are_labelled_in_steps_of_whole_years():
    assert label_step(24, 12) == 12
    assert label_step(120, 12) == 12
    assert label_step(240, 12) == 24
    assert label_step(10) == 1
    assert label_step(30) == 3


def test_the_table_holds_each_series_quantiles_in_dutch():
    series = [
        BandSeries("250 per jaar", [1, 2], [Decimal("3.5"), 4], [5, 6]),
        BandSeries("350 per jaar", [0, 1], [1, 2], [2, 3]),
    ]
    with translation.override("nl"):
        chart = charts.band_chart(
            id="w",
            title="Wachtlijst",
            x_values=["2026-01", "2026-02"],
            series=series,
            x_header="Maand",
            value_format=lambda v: charts.format_number(v, 1),
        )
    assert chart.table.headers[:4] == (
        "Maand",
        "250 per jaar: P10",
        "250 per jaar: P50",
        "250 per jaar: P90",
    )
    assert chart.table.rows[0] == ("2026-01", ("1,0", "3,5", "5,0", "0,0", "1,0", "2,0"))
    single = charts.band_table("c", "Maand", ["x"], series[:1], str)
    assert single.headers == ("Maand", "P10", "P50", "P90")


def test_band_chart_renders_shaded_bands_median_lines_markers_and_table():
    chart = charts.band_chart(
        id="band",
        title="Bezetting",
        x_values=[f"{2026 + m // 12}-{m % 12 + 1:02d}" for m in range(24)],
        series=[
            BandSeries("A", [1] * 24, [2] * 24, [3] * 24),
            BandSeries("B", [2] * 24, [3] * 24, [4] * 24),
        ],
        label_every=12,
    )
    with translation.override("nl"):
        html = render_to_string("core/charts/band_chart.html", {"chart": chart})
    assert 'role="img" aria-labelledby="band-titel band-beschrijving"' in html
    assert html.count('class="chart__band-area"') == 2
    assert html.count("<polyline") == 2
    assert 'stroke-dasharray="8 4"' in html
    assert html.count("<title>") == 2 * 2  # two markers per band: January of each year
    assert [label.text for label in chart.x_labels] == ["2026-01", "2027-01"]
    assert "P10" in chart.description
    assert html.count('<th scope="row">') == 24
    assert "style=" not in html
