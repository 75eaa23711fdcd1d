"""The choropleth map: round class bounds around the data, every area drawn with its value in its
title and in the table, a palette that gets darker class by class, and patterns (not colour
alone) for areas without a value and with a hidden one."""

import itertools
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from onderdak.core import charts
from onderdak.core.charts import MapArea, choropleth, class_bounds, contrast_ratio
from onderdak.core.charts.choropleth import OUTLINE, class_index

WHITE = "#ffffff"
values = st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(st.lists(values, min_size=1, max_size=20))
def test_bounds_are_round_equal_steps_around_every_value(data):
    bounds = class_bounds(data)
    assert 2 <= len(bounds) <= charts.MAX_CLASSES + 1
    assert bounds[0] <= min(data)
    assert bounds[-1] >= max(data)
    steps = {b - a for a, b in itertools.pairwise(bounds)}
    assert len(steps) == 1
    step = steps.pop()
    assert step > 0
    assert step == charts.nice_step(step)  # 1, 2, 2.5 or 5 times a power of ten
    assert all((bound / step) == (bound / step).to_integral_value() for bound in bounds)


@settings(max_examples=200, deadline=None)
@given(st.lists(values, min_size=1, max_size=20))
def test_every_value_falls_in_the_class_that_holds_it(data):
    bounds = class_bounds(data)
    for value in data:
        index = class_index(bounds, value)
        assert bounds[index] <= value
        last = index == len(bounds) - 2
        assert value <= bounds[index + 1] if last else value < bounds[index + 1]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([Decimal("15.2"), Decimal("30.1"), Decimal("22")], ["15", "20", "25", "30", "35"]),
        ([1, 2, 3, 4, 100], ["0", "20", "40", "60", "80", "100"]),
        ([-12, 3, 40], ["-20", "0", "20", "40"]),
        ([0], ["0", "1"]),
    ],
)
def test_bounds_of_known_data(data, expected):
    assert [str(bound) for bound in class_bounds(data)] == expected


def test_each_palette_gets_darker_and_neighbours_differ_as_much_as_they_can():
    for count, palette in charts.PALETTES.items():
        assert len(palette) == count
        against_white = [contrast_ratio(colour, WHITE) for colour in palette]
        assert against_white == sorted(against_white)
        neighbours = [contrast_ratio(a, b) for a, b in itertools.pairwise(palette)]
        assert all(ratio >= 1.75 for ratio in neighbours)
        if count <= 3:
            assert all(ratio >= 3 for ratio in neighbours)
        if count <= 2:
            assert against_white[0] >= 3
    assert contrast_ratio(OUTLINE, WHITE) >= 3  # every area's edge stands out from the page


SQUARES = {key: f"M{i * 10},0 L{i * 10 + 9},0 L{i * 10 + 9},9 Z" for i, key in enumerate("abcde")}


def areas(*items):
    return [
        MapArea(key, f"Gemeente {key}", "Deelregio", value, hidden) for key, value, hidden in items
    ]


def a_map(items, **kwargs):
    return choropleth(
        id="kaart",
        title="Dakloos per 10.000 inwoners",
        view_box="0 0 50 10",
        paths=SQUARES,
        areas=areas(*items),
        value_header="Per 10.000",
        **kwargs,
    )


def test_every_area_is_drawn_with_its_value_in_its_title_and_the_table():
    with translation.override("en"):
        chart = a_map(
            [("a", 3, ""), ("b", Decimal("12.5"), ""), ("c", None, ""), ("d", None, "<5")]
        )
    assert [shape.key for shape in chart.shapes] == ["a", "b", "c", "d"]
    titles = [shape.title for shape in chart.shapes]
    table = [(name, cells[1]) for name, cells in chart.table.rows]
    assert titles == [f"{name}: {value}" for name, value in table]
    assert table == [
        ("Gemeente a", "3"),
        ("Gemeente b", "12.5"),
        ("Gemeente c", "no data"),
        ("Gemeente d", "<5"),
    ]


def test_no_data_and_hidden_get_a_pattern_and_a_legend_entry_of_their_own():
    with translation.override("en"):
        chart = a_map([("a", 3, ""), ("b", 9, ""), ("c", None, ""), ("d", None, "x")])
    fills = {shape.key: shape.fill for shape in chart.shapes}
    patterns = {f"url(#{p.id})": p for p in chart.patterns}
    assert fills["c"] in patterns
    assert fills["d"] in patterns
    assert fills["c"] != fills["d"]
    assert patterns[fills["c"]].path != patterns[fills["d"]].path  # told apart by the pattern
    assert fills["a"] not in patterns
    assert fills["a"].startswith("#")
    legend = {entry.label: entry.fill for entry in chart.legend}
    assert legend["no data"] == fills["c"]
    assert legend["hidden"] == fills["d"]
    classes = [cells[2] for _name, cells in chart.table.rows]
    assert classes[2:] == ["no data", "hidden"]


def test_the_legend_names_only_what_the_map_shows():
    chart = a_map([("a", 3, ""), ("b", 9, "")])
    assert [entry.label for entry in chart.legend] == [c.label for c in chart.classes]


def test_classes_follow_the_values_and_darken_with_them():
    chart = a_map([("a", 1, ""), ("b", 4, ""), ("c", 9, ""), ("d", 17, ""), ("e", 40, "")])
    fills = [shape.fill for shape in chart.shapes]
    ratios = [contrast_ratio(fill, WHITE) for fill in fills]
    assert ratios == sorted(ratios)
    assert chart.classes[0].low <= 1
    assert chart.classes[-1].high >= 40
    assert next(cells[2] for _name, cells in chart.table.rows) == chart.classes[0].label


def test_a_map_without_any_value_says_so():
    with translation.override("en"):
        chart = a_map([("a", None, ""), ("b", None, "<5")])
    assert chart.classes == ()
    assert "No area has a value" in chart.description


def test_an_area_without_a_boundary_is_only_in_the_table():
    chart = choropleth(
        id="k",
        title="t",
        view_box="0 0 10 10",
        paths={"a": SQUARES["a"]},
        areas=areas(("a", 1, ""), ("z", 2, "")),
        value_header="v",
    )
    assert [shape.key for shape in chart.shapes] == ["a"]
    assert [name for name, _cells in chart.table.rows] == ["Gemeente a", "Gemeente z"]


def test_rendered_map_is_an_image_with_title_description_legend_and_table():
    with translation.override("nl"):
        chart = a_map([("a", Decimal("1.5"), ""), ("b", 3, ""), ("c", None, "<5")])
        html = render_to_string("core/charts/choropleth.html", {"chart": chart})
    assert 'role="img"' in html
    assert 'aria-labelledby="kaart-titel kaart-beschrijving"' in html
    assert html.count("<path d=") == 3 + len(chart.patterns)
    assert "<title>Gemeente a: 1,5</title>" in html  # Dutch number in the title
    assert 'viewBox="0 0 50 10"' in html  # SVG numbers stay unlocalised
    assert re.search(r"<caption>Dakloos per 10.000 inwoners</caption>", html)
    assert html.count("<tr>") == 1 + 3
    assert 'style="' not in html
    assert "<script" not in html
