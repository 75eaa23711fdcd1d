"""The plan as the pages and downloads show it: charts with their tables, and sheets.

Pure functions of a :class:`~onderdak.capacity.selectors.plans.PlanGrid`: no queries here.
"""

from collections.abc import Sequence
from decimal import Decimal

from django.utils.translation import gettext as _

from onderdak.capacity.models import FacilityType
from onderdak.capacity.selectors.plans import PlanGrid
from onderdak.capacity.selectors.plans_checks import CheckKind, PlanChecks
from onderdak.core import charts
from onderdak.core.exports import Sheet
from onderdak.region.models import Municipality


def whole(value: Decimal) -> str:
    return charts.format_number(value, 0)


def year_headers(grid: PlanGrid) -> list[str]:
    """The years, the first marked as the baseline and the last as the target."""
    return [_year_header(year, grid.years) for year in grid.years]


def _year_header(year: int, years: Sequence[int]) -> str:
    if year == years[0]:
        return _("%(year)s (baseline)") % {"year": year}
    if year == years[-1]:
        return _("%(year)s (target)") % {"year": year}
    return str(year)


def _cells(values: Sequence[int | None]) -> tuple[str, ...]:
    return tuple("" if v is None else whole(Decimal(v)) for v in values)


def places_table(
    grid: PlanGrid, caption: str, rows: Sequence[tuple[str, Sequence[int | None]]], corner: str
) -> charts.DataTable:
    """Rows of places per year, with a total row when there is more than one row."""
    body = [(label, _cells(values)) for label, values in rows]
    if len(rows) > 1:
        totals = [sum(v or 0 for v in column) for column in zip(*(r[1] for r in rows), strict=True)]
        body.append((_("Total"), _cells(totals)))
    return charts.DataTable(
        caption=caption, headers=(corner, *year_headers(grid)), rows=tuple(body)
    )


def places_chart(
    grid: PlanGrid,
    *,
    id: str,
    title: str,
    totals: Sequence[tuple[FacilityType, Sequence[int]]],
    table: charts.DataTable,
) -> charts.BarChart | None:
    """Stacked bars per year, one part per type: the build-up and phase-down at a glance."""
    if not totals:
        return None
    return charts.bar_chart(
        id=id,
        title=title,
        categories=[str(y) for y in grid.years],
        series=[charts.Series(t.label, list(values)) for t, values in totals],
        stacked=True,
        orientation=charts.Orientation.VERTICAL,
        category_header=_("Year"),
        value_format=whole,
        description=_(
            "Stacked bars per year, one part per facility type: the places planned in the "
            "area. The table below holds every figure."
        ),
        table=table,
    )


def area_chart(grid: PlanGrid, municipalities, id: str, name: str) -> charts.BarChart | None:
    """The places per type and year in an area (a municipality, a subregion or the region)."""
    totals = grid.totals_by_type(municipalities)
    title = _("Places per type in %(area)s, %(first)s to %(last)s") % {
        "area": name,
        "first": grid.years[0],
        "last": grid.years[-1],
    }
    table = places_table(grid, title, [(t.label, v) for t, v in totals], _("Type"))
    return places_chart(grid, id=id, title=title, totals=totals, table=table)


def municipality_totals(grid: PlanGrid) -> list[dict]:
    """Per municipality its places at the baseline and at the target, all types together."""
    rows = []
    for municipality in grid.municipalities:
        per_year = [sum(values) for values in zip(*_rows_of(grid, municipality), strict=True)] or [
            0,
            0,
        ]
        rows.append(
            {
                "municipality": municipality,
                "baseline": per_year[0],
                "target": per_year[-1],
                "change": per_year[-1] - per_year[0],
            }
        )
    return rows


def _rows_of(grid: PlanGrid, municipality: Municipality) -> list[list[int]]:
    return [[v or 0 for v in grid.cell(municipality, t)] for t in grid.types]


# --- Spreadsheets --------------------------------------------------------------------------------


def plan_sheets(grid: PlanGrid, checks: PlanChecks) -> list[Sheet]:
    years = list(grid.years)
    lines = [
        [m.subregion.name, m.cbs_code, m.name, t.label, *grid.cell(m, t)]
        for m in grid.municipalities
        for t in grid.types
        if any(v is not None for v in grid.cell(m, t))
    ]
    totals = [[t.label, *values] for t, values in grid.totals_by_type(grid.municipalities)]
    return [
        Sheet(
            _("Plan"),
            [_("Subregion"), _("CBS code"), _("Municipality"), _("Type"), *map(str, years)],
            lines,
        ),
        Sheet(_("Region per type"), [_("Type"), *map(str, years)], totals),
        Sheet(
            _("Checks"),
            [_("Check"), _("About"), _("Year"), _("Message")],
            [[check_label(c.kind), c.subject, c.year, message] for c, message in checks.messages()],
        ),
    ]


def check_label(kind: CheckKind) -> str:
    labels = {
        CheckKind.BELOW_DEMAND: _("Below measured demand"),
        CheckKind.FASTER_THAN_OUTFLOW: _("Shrinks faster than outflow"),
    }
    return labels[kind]
