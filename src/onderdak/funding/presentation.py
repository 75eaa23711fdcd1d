"""A scenario's result and inputs as the pages and downloads show them: tables, charts, sheets.

Pure functions of what the selectors returned (a prefetched scenario, a ``FundingResult``, the
comparison rows): no queries here. Amounts stay ``Decimal``; templates format them with ``euro``.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from onderdak.core import charts
from onderdak.core.exports import Sheet
from onderdak.core.templatetags.onderdak import euro, percent
from onderdak.engines.funding import FundingResult, Row, Total
from onderdak.funding.models import HUNDRED, FundingScenario, KeyKind
from onderdak.funding.selectors import ComparisonRow

AMOUNTS = (
    "allocation",
    "regional_contribution",
    "subregional_contribution",
    "planned_costs",
    "balance",
)


def amount_labels() -> dict[str, str]:
    """Column names of the result's amounts, in the active language."""
    return {
        "allocation": _("Allocation"),
        "regional_contribution": _("Regional contribution"),
        "subregional_contribution": _("Subregional contribution"),
        "planned_costs": _("Planned costs"),
        "balance": _("Balance"),
    }


def data_label(scenario: FundingScenario) -> str:
    """Says where the figures come from, and that demo figures are made up."""
    if scenario.is_demo:
        return _("Demo, fictitious: made-up figures for trying out the model, not real budgets.")
    return _("Figures as entered in Onderdak, each with its source; computed by the funding model.")


def chosen_year(scenario: FundingScenario, requested: str | None) -> int:
    """The year asked for if the scenario has it, else its first year."""
    try:
        year = int(requested or "")
    except ValueError:
        return scenario.first_year
    return year if year in scenario.years else scenario.first_year


# --- The result ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MunicipalityRow:
    name: str
    row: Row

    @property
    def key_share_percent(self) -> Decimal:
        return self.row.key_share * HUNDRED


def municipality_rows(result: FundingResult, year: int, names: Mapping[str, str]):
    rows = (MunicipalityRow(names.get(row.code, row.code), row) for row in result.rows_for(year))
    return sorted(rows, key=lambda item: item.name)


@dataclass(frozen=True)
class YearTotals:
    year: int
    region: Total
    subregions: list[tuple[str, Total]]


def totals_by_year(result: FundingResult, subregion_names: Mapping[str, str]) -> list[YearTotals]:
    """Per year the region's total, then each subregion's in the region's order."""
    by_year: dict[int, dict[str, Total]] = defaultdict(dict)
    for total in result.totals:
        by_year[total.year][total.scope] = total
    return [
        YearTotals(
            year,
            scopes["region"],
            [(name, scopes[slug]) for slug, name in subregion_names.items() if slug in scopes],
        )
        for year, scopes in sorted(by_year.items())
    ]


def municipality_table(rows: Sequence[MunicipalityRow], year: int) -> charts.DataTable:
    """The year's result per municipality: what the balance chart draws, and the balance."""
    labels = amount_labels()
    return charts.DataTable(
        caption=_("Result per municipality in %(year)d") % {"year": year},
        headers=(_("Municipality"), _("Key share"), *(labels[a] for a in AMOUNTS)),
        rows=tuple(
            (
                item.name,
                (
                    percent(item.key_share_percent, 2),
                    *(euro(getattr(item.row, a)) for a in AMOUNTS),
                ),
            )
            for item in rows
        ),
    )


def balance_chart(rows: Sequence[MunicipalityRow], year: int) -> charts.BarChart:
    """Per municipality the allocation to the right of zero, what is paid from it to the left."""
    labels = amount_labels()
    costs = ("regional_contribution", "subregional_contribution", "planned_costs")
    return charts.bar_chart(
        id="saldo-grafiek",
        title=_("Allocation and its uses per municipality in %(year)d (euro)") % {"year": year},
        description=_(
            "Stacked bars per municipality: the allocation to the right of zero; the regional "
            "and subregional contributions and the planned costs to the left. Where the right "
            "part is longer, the balance is positive. The table below holds every amount."
        ),
        categories=[item.name for item in rows],
        series=[
            charts.Series(labels["allocation"], [item.row.allocation for item in rows]),
            *(
                charts.Series(labels[cost], [-getattr(item.row, cost) for item in rows])
                for cost in costs
            ),
        ],
        stacked=True,
        value_format=euro,
        table=municipality_table(rows, year),
    )


def allocation_chart(result: FundingResult, years, names: Mapping[str, str]) -> charts.LineChart:
    """Each municipality's allocation over the years: the effect of phase-in and cap."""
    allocations = {(row.code, row.year): row.allocation for row in result.rows}
    codes = sorted({row.code for row in result.rows}, key=lambda code: names.get(code, code))
    return charts.line_chart(
        id="toedeling-grafiek",
        title=_("Allocation per municipality over the years (euro)"),
        x_values=list(years),
        series=[
            charts.Series(names.get(code, code), [allocations[(code, y)] for y in years])
            for code in codes
        ],
        x_header=_("Municipality"),
        value_format=euro,
    )


def conflict_message(year: int, codes: Sequence[str], names: Mapping[str, str]) -> str:
    """The engine's cap conflict in the user's language, with municipalities by name."""
    municipalities = ", ".join(sorted(names.get(code, code) for code in codes))
    return _(
        "In %(year)d no allocation within the cap adds up to the budget, so this year keeps the "
        "allocation without cap. Beyond the cap: %(municipalities)s."
    ) % {"year": year, "municipalities": municipalities}


def conflict_messages(result: FundingResult, names: Mapping[str, str]) -> list[str]:
    return [conflict_message(c.year, c.codes, names) for c in result.conflicts]


# --- The inputs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyTable:
    """The entered keys side by side: per municipality a share per key, and each key's sources."""

    kinds: list[tuple[str, str]]  # (kind, label) of the keys entered
    rows: list[tuple[str, list[Decimal | None]]]
    sources: list[tuple[str, list[str]]]


def key_table(scenario: FundingScenario, names: Mapping[str, str]) -> KeyTable:
    shares = list(scenario.key_shares.all())
    entered = {share.kind for share in shares}
    kinds = [(kind, label) for kind, label in KeyKind.choices if kind in entered]
    by_code = {(s.municipality.cbs_code, s.kind): s.share_percent for s in shares}
    codes = sorted({s.municipality.cbs_code for s in shares}, key=lambda c: names.get(c, c))
    return KeyTable(
        kinds=kinds,
        rows=[(names.get(c, c), [by_code.get((c, kind)) for kind, _l in kinds]) for c in codes],
        sources=[(label, _sources(s for s in shares if s.kind == kind)) for kind, label in kinds],
    )


def _sources(rows) -> list[str]:
    """The distinct sources of some inputs, in order of first appearance."""
    return list(dict.fromkeys(row.source for row in rows))


@dataclass(frozen=True)
class AmountMatrix:
    """Amounts per row (municipality or subregion) and year, with each row's sources."""

    years: list[int]
    rows: list[tuple[str, list[Decimal | None], list[str]]]


def amount_matrix(entries, label_of, years) -> AmountMatrix:
    """``entries`` have a ``year``, an ``amount`` and a ``source``; ``label_of`` names the row."""
    cells: dict[str, dict[int, Decimal]] = defaultdict(dict)
    sources: dict[str, list] = defaultdict(list)
    for entry in entries:
        cells[label_of(entry)][entry.year] = entry.amount
        sources[label_of(entry)].append(entry)
    return AmountMatrix(
        years=list(years),
        rows=[
            (label, [cells[label].get(year) for year in years], _sources(sources[label]))
            for label in sorted(cells)
        ],
    )


def inputs(scenario: FundingScenario, names: Mapping[str, str]) -> dict:
    """Everything entered for a scenario, each with its source, for the result page."""
    years = list(scenario.years)
    return {
        "budget_lines": list(scenario.budget_lines.all()),
        "indicator_weights": list(scenario.indicator_weights.all()),
        "phase_in_steps": list(scenario.phase_in_steps.all()),
        "keys": key_table(scenario, names),
        "regional_costs": list(scenario.regional_costs.all()),
        "subregional_pools": amount_matrix(
            scenario.subregional_pools.all(), lambda pool: pool.subregion.name, years
        ),
        "planned_costs": amount_matrix(
            scenario.planned_costs.all(), lambda cost: cost.municipality.name, years
        ),
    }


# --- Comparing two scenarios ---------------------------------------------------------------------


def comparison_years(rows: Sequence[ComparisonRow]) -> list[int]:
    return sorted({row.year for row in rows})


def comparison_chart(rows: Sequence[ComparisonRow], a: str, b: str) -> charts.BarChart:
    """Per municipality the difference B - A in each year both scenarios have."""
    years = sorted({row.year for row in rows if row.difference is not None})
    differences = {(r.municipality, r.year): r.difference or Decimal(0) for r in rows}
    names = sorted({row.municipality for row in rows})
    return charts.bar_chart(
        id="verschil-grafiek",
        title=_("Difference in allocation per municipality and year: %(b)s minus %(a)s (euro)")
        % {"a": a, "b": b},
        categories=names,
        series=[
            charts.Series(str(year), [differences.get((name, year), Decimal(0)) for name in names])
            for year in years
        ],
        category_header=_("Municipality"),
        value_format=euro,
    )


# --- Spreadsheets --------------------------------------------------------------------------------


def result_sheets(
    scenario: FundingScenario,
    result: FundingResult,
    names: Mapping[str, str],
    subregion_names: Mapping[str, str],
) -> list[Sheet]:
    labels = amount_labels()
    amount_headers = [labels[a] for a in AMOUNTS]
    totals = [
        [t.year, subregion_names.get(t.scope, _("Region")), *(getattr(t, a) for a in AMOUNTS)]
        for t in result.totals
    ]
    rows = [
        [
            row.year,
            row.code,
            names.get(row.code, row.code),
            subregion_names.get(row.subregion, row.subregion),
            row.key_share * HUNDRED,
            *(getattr(row, a) for a in AMOUNTS),
        ]
        for row in result.rows
    ]
    return [
        Sheet(_("Totals"), [_("Year"), _("Region or subregion"), *amount_headers], totals),
        Sheet(
            _("Per municipality"),
            [
                _("Year"),
                _("CBS code"),
                _("Municipality"),
                _("Subregion"),
                _("Key share (%)"),
                *amount_headers,
            ],
            rows,
        ),
        *input_sheets(scenario, names),
        conflicts_sheet(result, names),
    ]


def input_sheets(scenario: FundingScenario, names: Mapping[str, str]) -> list[Sheet]:
    shares = scenario.key_shares.all()
    return [
        Sheet(
            _("Budget"),
            [_("Year"), _("Funding source"), _("Amount"), _("Source")],
            [[b.year, b.funding_source, b.amount, b.source] for b in scenario.budget_lines.all()],
        ),
        Sheet(
            _("Keys"),
            [_("Key"), _("CBS code"), _("Municipality"), _("Share (%)"), _("Source")],
            [
                [
                    s.get_kind_display(),
                    s.municipality.cbs_code,
                    s.municipality.name,
                    s.share_percent,
                    s.source,
                ]
                for s in shares
            ],
        ),
        Sheet(
            _("Costs"),
            [_("Kind"), _("For"), _("Year"), _("Amount"), _("Source")],
            [
                *(
                    [_("Regional"), _("Region"), c.year, c.amount, c.source]
                    for c in scenario.regional_costs.all()
                ),
                *(
                    [_("Subregional"), p.subregion.name, p.year, p.amount, p.source]
                    for p in scenario.subregional_pools.all()
                ),
                *(
                    [_("Planned"), c.municipality.name, c.year, c.amount, c.source]
                    for c in scenario.planned_costs.all()
                ),
            ],
        ),
    ]


def conflicts_sheet(result: FundingResult, names: Mapping[str, str]) -> Sheet:
    return Sheet(
        _("Cap conflicts"),
        [_("Year"), _("Conflict")],
        [[c.year, conflict_message(c.year, c.codes, names)] for c in result.conflicts],
    )


def comparison_sheet(rows: Sequence[ComparisonRow], a: str, b: str) -> Sheet:
    return Sheet(
        _("Comparison"),
        [
            _("Year"),
            _("CBS code"),
            _("Municipality"),
            _("Allocation in %(name)s") % {"name": a},
            _("Allocation in %(name)s") % {"name": b},
            _("Difference (B - A)"),
            _("Balance in %(name)s") % {"name": a},
            _("Balance in %(name)s") % {"name": b},
        ],
        [
            [
                r.year,
                r.code,
                r.municipality,
                r.allocation_a,
                r.allocation_b,
                r.difference,
                r.balance_a,
                r.balance_b,
            ]
            for r in rows
        ],
    )
