"""Choropleth maps: areas (municipalities) coloured by the class of a value, with legend and table.

Pure, like the other charts: the shapes (SVG paths from ``region.map.render``) and one value per
area in, a frozen :class:`Choropleth` out, rendered by ``core/charts/choropleth.html``.

- **Classes**: at most five, between round bounds (steps of 1, 2, 2.5 or 5 times a power of ten,
  as the axes of the other charts), from the lowest to the highest value shown.
- **Colours**: one blue hue, getting darker class by class, from a palette chosen for the number
  of classes: contrast ratios against white grow evenly, so neighbouring classes differ as much
  as the number of classes allows. Up to three classes every neighbour pair meets 3:1 (with two
  or one, the lightest meets 3:1 against white too); four or five classes cannot (3⁴ > 21, the
  range of contrast), so those are as far apart as they can be (about 2.2:1 and 1.8:1).
- **Not colour alone**: an area without a value and an area whose value is hidden get a fill
  pattern of their own (hatched, crossed), named in the legend; every area has a dark outline
  (7:1 against white), a ``<title>`` with its name and value, and the table beside the map
  holds every area's value and class.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from onderdak.core.charts.model import DataTable
from onderdak.core.charts.scale import (
    Formatter,
    Number,
    as_decimal,
    format_number,
    nice_step,
    tick_decimals,
)

MAX_CLASSES = 5
#: Per number of classes, light to dark; contrast against white about 1.3 to 14 (see above).
PALETTES: dict[int, tuple[str, ...]] = {
    1: ("#1d78c9",),
    2: ("#3692e2", "#0f3e67"),
    3: ("#b7d6f0", "#3477b2", "#0c2b45"),
    4: ("#c9e2f7", "#4d9be0", "#266297", "#0d2d4a"),
    5: ("#c9e2f7", "#67ade9", "#2a7dc6", "#1d5587", "#0b2e4c"),
}
OUTLINE = "#595959"
#: Fill patterns on an 8 by 8 tile, drawn in the outline colour over a white or grey ground.
NO_DATA_PATTERN = "M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6"
HIDDEN_PATTERN = "M0,0 L8,8 M8,0 L0,8"


@dataclass(frozen=True)
class MapArea:
    """One area to colour. ``value`` is ``None`` without data; ``hidden`` is the text shown
    instead of a value that may not be shown (e.g. "<5"), and makes the area hidden."""

    key: str
    name: str
    group: str
    value: Number | None
    hidden: str = ""


@dataclass(frozen=True)
class MapClass:
    """Values from ``low`` to under ``high`` (the last class up to and including ``high``)."""

    low: Decimal
    high: Decimal
    fill: str
    label: str


@dataclass(frozen=True)
class Pattern:
    id: str
    ground: str
    path: str


@dataclass(frozen=True)
class LegendEntry:
    label: str
    fill: str


@dataclass(frozen=True)
class Shape:
    key: str
    path: str
    fill: str
    title: str


@dataclass(frozen=True)
class Choropleth:
    id: str
    title: str
    description: str
    view_box: str
    shapes: tuple[Shape, ...]
    classes: tuple[MapClass, ...]
    patterns: tuple[Pattern, ...]
    legend: tuple[LegendEntry, ...]
    table: DataTable
    outline: str = OUTLINE


def class_bounds(values: Sequence[Number], classes: int = MAX_CLASSES) -> tuple[Decimal, ...]:
    """Round bounds b0 < b1 < … < bk, 1 ≤ k ≤ ``classes``, in equal steps, with b0 ≤ the
    lowest and bk ≥ the highest of ``values`` (not empty)."""
    decimals = [as_decimal(v) for v in values]
    low, high = min(decimals), max(decimals)
    spread = high - low or abs(low) or Decimal(classes)  # one value: one class around it
    step = nice_step(spread / classes)
    while True:
        start = (low / step).to_integral_value(ROUND_FLOOR) * step
        count = max(1, int(((high - start) / step).to_integral_value(ROUND_CEILING)))
        if count <= classes:
            return tuple((start + i * step).normalize() + 0 for i in range(count + 1))
        step = nice_step(step * Decimal("1.01"))


def class_index(bounds: Sequence[Decimal], value: Number) -> int:
    """The class of ``value``: the last bound at or below it (the top bound closes the last)."""
    decimal = as_decimal(value)
    below = [i for i, bound in enumerate(bounds[:-1]) if bound <= decimal]
    return below[-1] if below else 0


def _bound_texts(bounds: Sequence[Decimal]) -> list[str]:
    decimals = tick_decimals(bounds)
    return [format_number(bound, decimals) for bound in bounds]


def _classes(bounds: Sequence[Decimal]) -> tuple[MapClass, ...]:
    text = _bound_texts(bounds)
    palette = PALETTES[len(bounds) - 1]
    last = len(bounds) - 2
    return tuple(
        MapClass(
            bounds[i],
            bounds[i + 1],
            palette[i],
            (_("%(low)s to %(high)s") if i == last else _("%(low)s to under %(high)s"))
            % {"low": text[i], "high": text[i + 1]},
        )
        for i in range(len(bounds) - 1)
    )


def _pattern_ids(chart_id: str) -> tuple[str, str]:
    return f"{chart_id}-geen-gegevens", f"{chart_id}-verborgen"


@dataclass(frozen=True)
class _Styled:
    """An area as drawn and listed: its fill, the text of its value and of its class."""

    area: MapArea
    fill: str
    shown: str
    class_label: str


def _style(area: MapArea, classes, chart_id: str, fmt: Formatter) -> _Styled:
    no_data, hidden = _pattern_ids(chart_id)
    if area.hidden:
        return _Styled(area, f"url(#{hidden})", area.hidden, _("hidden"))
    if area.value is None:
        return _Styled(area, f"url(#{no_data})", _("no data"), _("no data"))
    bounds = [c.low for c in classes] + [classes[-1].high]
    chosen = classes[class_index(bounds, area.value)]
    return _Styled(area, chosen.fill, fmt(as_decimal(area.value)), chosen.label)


def _legend(classes, styled: Sequence[_Styled], chart_id: str) -> tuple[LegendEntry, ...]:
    no_data, hidden = _pattern_ids(chart_id)
    entries = [LegendEntry(c.label, c.fill) for c in classes]
    if any(s.area.value is None and not s.area.hidden for s in styled):
        entries.append(LegendEntry(_("no data"), f"url(#{no_data})"))
    if any(s.area.hidden for s in styled):
        entries.append(LegendEntry(_("hidden"), f"url(#{hidden})"))
    return tuple(entries)


def _summary(title: str, areas: int, classes: Sequence[MapClass]) -> str:
    if not classes:
        return _("Map of %(areas)d areas: %(title)s. No area has a value to show.") % {
            "areas": areas,
            "title": title,
        }
    texts = _bound_texts([c.low for c in classes] + [classes[-1].high])
    return _(
        "Map of %(areas)d areas coloured by %(title)s, in %(classes)s from %(low)s to %(high)s. "
        "The table beside the map holds every figure."
    ) % {
        "areas": areas,
        "title": title,
        "classes": ngettext("%(n)d class", "%(n)d classes", len(classes)) % {"n": len(classes)},
        "low": texts[0],
        "high": texts[-1],
    }


def choropleth(
    *,
    id: str,
    title: str,
    view_box: str,
    paths: dict[str, str],
    areas: Sequence[MapArea],
    value_header: str,
    area_header: str = "",
    group_header: str = "",
    value_format: Formatter = format_number,
    description: str = "",
    table_caption: str = "",
) -> Choropleth:
    """The areas coloured by class of their value; ``paths`` are the areas' SVG paths by key
    (an area without one is listed in the table but not drawn)."""
    shown = [a.value for a in areas if a.value is not None and not a.hidden]
    classes = _classes(class_bounds(shown)) if shown else ()
    styled = [_style(area, classes, id, value_format) for area in areas]
    no_data, hidden = _pattern_ids(id)
    return Choropleth(
        id=id,
        title=title,
        description=description or _summary(title, len(areas), classes),
        view_box=view_box,
        shapes=tuple(
            Shape(s.area.key, paths[s.area.key], s.fill, f"{s.area.name}: {s.shown}")
            for s in styled
            if s.area.key in paths
        ),
        classes=classes,
        patterns=(
            Pattern(no_data, "#ffffff", NO_DATA_PATTERN),
            Pattern(hidden, "#d9d9d9", HIDDEN_PATTERN),
        ),
        legend=_legend(classes, styled, id),
        table=DataTable(
            caption=table_caption or title,
            headers=(
                area_header or _("Municipality"),
                group_header or _("Subregion"),
                value_header,
                _("Class"),
            ),
            rows=tuple((s.area.name, (s.area.group, s.shown, s.class_label)) for s in styled),
        ),
    )


def contrast_ratio(colour: str, other: str) -> float:
    """WCAG 2.1 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    lighter, darker = sorted((_luminance(colour), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    def channel(index: int) -> float:
        c = int(colour[index : index + 2], 16) / 255
        return c / 12.92 if c <= 0.03928 else math.pow((c + 0.055) / 1.055, 2.4)

    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
