"""The dashboard's tables: what each chart draws, its table shows, its Excel file and the API hold.

One :class:`FigureTable` per chart, built once from the (suppressed) figures, so the page, the
download and the API can never differ. Bar tables have the breakdown's values as rows and the
areas as columns (the parts of the chosen area side by side, the area itself, and each value's
share of it); trend tables have the areas as rows and the counts or periods as columns.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from onderdak.monitor.selectors.dashboard_cube import REGION_KEY, CellKey, Cube, Place
from onderdak.monitor.selectors.dashboard_figures import Figure, no_data, share
from onderdak.monitor.selectors.indicators_catalogue import IndicatorInfo, Series

BAR = "bar"
LINE = "line"


@dataclass(frozen=True)
class FigureRow:
    label: str
    cells: tuple[Figure, ...]
    is_total: bool = False
    code: str = ""  # what the row is: a breakdown value's code or an area's key


@dataclass(frozen=True)
class FigureTable:
    key: str  # the chart's name in addresses, element ids and the API
    kind: str  # BAR or LINE
    title: str
    row_header: str
    columns: tuple[str, ...]
    rows: tuple[FigureRow, ...]
    unit: str
    source: str
    is_demo: bool = False
    #: Bar tables: the columns drawn as bars (the others are only in the table).
    series: tuple[int, ...] = ()

    def column(self, index: int) -> list[Figure]:
        return [row.cells[index] for row in self.rows]


@dataclass(frozen=True)
class Breakdown:
    """A breakdown of a count as bars: its table's key and title, and its values."""

    key: str
    title: str
    row_header: str
    values: Sequence[tuple[int, str, str]]  # (pk, code, label)
    cell: Callable[[str, int], CellKey]  # area key, value pk → cell


def breakdown_table(
    breakdown: Breakdown, cube: Cube, area: Place, parts: Sequence[Place], meta: dict
) -> FigureTable:
    """Per value of the breakdown: the parts' people, the area's, and its share of the area.

    The region's subregions are drawn side by side; a subregion is drawn on its own (its
    municipalities, with more small counts hidden, are in the table).
    """
    areas = [*parts, area]

    def row(label: str, code: str, keys: list[CellKey], total: bool = False) -> FigureRow:
        figures = [cube.figure(key) if key in cube.values else no_data() for key in keys]
        return FigureRow(label, (*figures, share(figures[-1], cube.total(area.key))), total, code)

    rows = [
        row(label, code, [breakdown.cell(place.key, pk) for place in areas])
        for pk, code, label in breakdown.values
    ]
    rows.append(row(_("Total"), "", [CellKey(place.key) for place in areas], True))
    return FigureTable(
        key=breakdown.key,
        kind=BAR,
        title=breakdown.title,
        row_header=breakdown.row_header,
        columns=(
            *(p.name for p in parts),
            area.name,
            _("Share of %(area)s (%%)") % {"area": area.name},
        ),
        rows=tuple(rows),
        unit=_("people"),
        series=tuple(range(len(parts))) if area.key == REGION_KEY else (len(parts),),
        **meta,
    )


def trend_table(
    *,
    key: str,
    title: str,
    info: IndicatorInfo,
    series: Sequence[Series],
    places: Sequence[Place],
    column_header: str,
) -> FigureTable:
    """Per area a line over the counts or periods of ``series``."""
    rows = tuple(
        FigureRow(
            place.name,
            tuple(s.figures.get(place.key, no_data(info.decimals)) for s in series),
            code=place.key,
        )
        for place in places
    )
    return FigureTable(
        key=key,
        kind=LINE,
        title=title,
        row_header=column_header,
        columns=tuple(s.period.label for s in series),
        rows=rows,
        unit=info.unit,
        source="; ".join(dict.fromkeys(s.period.source for s in series)),
        is_demo=any(s.period.is_demo for s in series),
    )
