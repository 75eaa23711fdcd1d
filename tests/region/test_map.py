import re

from hypothesis import given
from hypothesis import strategies as st

from onderdak.region import map as region_map

coordinate = st.tuples(
    st.floats(min_value=3.0, max_value=7.0, allow_nan=False),
    st.floats(min_value=50.5, max_value=53.5, allow_nan=False),
)
ring = st.lists(coordinate, min_size=3, max_size=12).map(lambda pts: [list(p) for p in pts])
polygon = ring.map(lambda r: {"type": "Polygon", "coordinates": [r]})
geometries = st.dictionaries(st.text("GM0123456789", min_size=6, max_size=6), polygon, min_size=1)


def numbers(path: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", path)]


@given(geometries)
def test_every_point_lies_inside_the_view_box(shapes):
    svg = region_map.render(shapes)
    _, _, width, height = (float(v) for v in svg.view_box.split())
    for path in svg.paths.values():
        for x, y in numbers(path):
            assert -0.05 <= x <= width + 0.05
            assert -0.05 <= y <= height + 0.05


@given(geometries)
def test_one_closed_path_per_geometry_and_ring(shapes):
    svg = region_map.render(shapes)
    assert set(svg.paths) == set(shapes)
    for key, path in svg.paths.items():
        assert path.count("M") == path.count("Z") == len(shapes[key]["coordinates"])


def test_north_is_up_and_multipolygons_are_drawn():
    north = {"type": "Polygon", "coordinates": [[[4.0, 52.2], [4.1, 52.2], [4.1, 52.3]]]}
    south = {
        "type": "MultiPolygon",
        "coordinates": [
            [[[4.0, 52.0], [4.1, 52.0], [4.1, 52.1]]],
            [[[4.2, 52.0], [4.3, 52.0], [4.3, 52.1]]],
        ],
    }
    svg = region_map.render({"north": north, "south": south})
    top = max(y for _, y in numbers(svg.paths["north"]))
    assert top < min(y for _, y in numbers(svg.paths["south"]))
    assert svg.paths["south"].count("M") == 2


def test_no_geometries_give_an_empty_map():
    assert region_map.render({}).paths == {}
