"""Renders municipal boundaries (GeoJSON, WGS84) as SVG paths, on the server and without scripts.

An equirectangular projection scaled by the cosine of the mean latitude is exact enough for a
region of some 50 km across; the boundaries themselves are only accurate to about 100 m.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

WIDTH = 600.0
PADDING = 10.0


@dataclass(frozen=True)
class SvgMap:
    view_box: str
    paths: dict[str, str]


def _rings(geometry: Mapping) -> Iterable[list[list[float]]]:
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon
    else:
        raise ValueError(f"Unsupported geometry type: {geometry['type']}")


def _bounds(geometries: Iterable[Mapping]) -> tuple[float, float, float, float]:
    points = [point for g in geometries for ring in _rings(g) for point in ring]
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def render(geometries: Mapping[str, Mapping]) -> SvgMap:
    """Project every geometry into one shared SVG coordinate system (north up)."""
    if not geometries:
        return SvgMap(view_box="0 0 0 0", paths={})
    west, south, east, north = _bounds(geometries.values())
    x_factor = math.cos(math.radians((south + north) / 2))
    # The larger extent fills the width; a degenerate (zero-size) set of shapes still renders.
    scale = (WIDTH - 2 * PADDING) / max((east - west) * x_factor, north - south, 1e-9)
    height = (north - south) * scale + 2 * PADDING

    def point(lon: float, lat: float) -> str:
        x = PADDING + (lon - west) * x_factor * scale
        y = PADDING + (north - lat) * scale
        return f"{x:.1f},{y:.1f}"

    def path(geometry: Mapping) -> str:
        return " ".join(
            "M" + " L".join(point(lon, lat) for lon, lat, *_ in ring) + " Z"
            for ring in _rings(geometry)
        )

    paths = {key: path(geometry) for key, geometry in geometries.items()}
    return SvgMap(view_box=f"0 0 {WIDTH:.0f} {height:.0f}", paths=paths)
