"""Reads of funding scenarios, and their result computed by the funding engine.

Every read is a fixed number of queries, whatever the number of scenarios, years or rows: the
inputs of a scenario are prefetched once, and the engine does the rest in memory.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import NoReturn

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.utils.translation import gettext as _

from onderdak.core.errors import DomainError, NotFound
from onderdak.engines.funding import (
    FundingError,
    FundingInput,
    FundingResult,
    PhaseIn,
    distribute,
    key_from_indicators,
    mix_keys,
)
from onderdak.funding.models import (
    HUNDRED,
    ONE,
    ZERO,
    FundingScenario,
    Indicator,
    KeyKind,
    KeyShare,
    ObjectiveMethod,
    PlannedCost,
    SubregionalPool,
)
from onderdak.region.models import Region, Subregion
from onderdak.region.selectors import municipality_list

Key = dict[str, Decimal]


def _input_prefetches() -> list:
    return [
        "budget_lines",
        Prefetch("key_shares", queryset=KeyShare.objects.select_related("municipality")),
        "indicator_weights",
        "phase_in_steps",
        "regional_costs",
        Prefetch("subregional_pools", queryset=SubregionalPool.objects.select_related("subregion")),
        Prefetch("planned_costs", queryset=PlannedCost.objects.select_related("municipality")),
    ]


def scenario_list(*, region: Region, with_inputs: bool = False) -> QuerySet[FundingScenario]:
    """The region's scenarios; ``with_inputs`` prefetches everything entered (seven queries)."""
    qs = FundingScenario.objects.filter(region=region).select_related("region", "created_by")
    return qs.prefetch_related(*_input_prefetches()) if with_inputs else qs


def scenario_detail(*, region: Region, pk: int) -> FundingScenario:
    """One scenario of the region with all its inputs; ``NotFound`` for any other."""
    scenario = scenario_list(region=region, with_inputs=True).filter(pk=pk).first()
    if scenario is None:
        raise NotFound()
    return scenario


def scenario_pair(*, region: Region, a: int, b: int) -> tuple[FundingScenario, FundingScenario]:
    """Two scenarios of the region with their inputs, loaded together; ``NotFound`` for others."""
    found = {s.pk: s for s in scenario_list(region=region, with_inputs=True).filter(pk__in=(a, b))}
    if a not in found or b not in found:
        raise NotFound()
    return found[a], found[b]


# --- The engine's input --------------------------------------------------------------------------


def scenario_input(*, scenario: FundingScenario) -> FundingInput:
    """What the engine needs, built from what was entered; ``DomainError`` when incomplete.

    A subregion shares its pool by the same key as the region shares its costs (the mix of
    population and use), taken within the subregion.
    """
    prefetch_related_objects([scenario], *_input_prefetches())
    municipalities = list(municipality_list(region=scenario.region).order_by("cbs_code"))
    solidarity = _solidarity_key(scenario, municipalities)
    return FundingInput(
        years=tuple(scenario.years),
        municipalities=tuple((m.cbs_code, m.subregion.slug) for m in municipalities),
        budget=_budget(scenario),
        historical_key=_entered_key(scenario, KeyKind.HISTORICAL),
        objective_key=_objective_key(scenario, municipalities),
        phase_in=_phase_in(scenario),
        cap=None if scenario.cap_percent is None else scenario.cap_percent / HUNDRED,
        regional_costs={cost.year: cost.amount for cost in scenario.regional_costs.all()},
        solidarity_key=solidarity,
        subregional_costs={
            (pool.subregion.slug, pool.year): pool.amount
            for pool in scenario.subregional_pools.all()
        },
        subregional_key=solidarity,
        planned_costs={
            (cost.municipality.cbs_code, cost.year): cost.amount
            for cost in scenario.planned_costs.all()
        },
    )


def _budget(scenario: FundingScenario) -> dict[int, Decimal]:
    """The total of every year's budget lines; a year without lines has nothing to distribute."""
    budget = dict.fromkeys(scenario.years, Decimal("0.00"))
    for line in scenario.budget_lines.all():
        budget[line.year] += line.amount
    return budget


def _entered_key(scenario: FundingScenario, kind: str) -> Key:
    key = {
        share.municipality.cbs_code: share.share_percent / HUNDRED
        for share in scenario.key_shares.all()
        if share.kind == kind
    }
    if not key:
        _incomplete(kind, _("Enter the %(key)s first.") % {"key": KeyKind(kind).label})
    return key


def _incomplete(field: str, message: str) -> NoReturn:
    raise DomainError(
        _("The scenario is not complete."), code="incomplete", fields={field: [message]}
    )


def _populations(municipalities: list) -> dict[str, Decimal]:
    """The latest population figure of each municipality."""
    missing = [m.name for m in municipalities if not m.population]
    if missing:
        names = ", ".join(missing)
        _incomplete(
            Indicator.POPULATION, _("No population figure for: %(names)s.") % {"names": names}
        )
    return {m.cbs_code: Decimal(m.population) for m in municipalities}


def _population_key(municipalities: list) -> Key:
    return key_from_indicators(
        {Indicator.POPULATION: _populations(municipalities)}, {Indicator.POPULATION: ONE}
    )


def _indicator_values(municipalities: list, indicators: Iterable[str]) -> dict[str, dict]:
    """Each chosen indicator's value per municipality: population now; monitor figures later."""
    sources = {Indicator.POPULATION: _populations}
    return {name: sources[name](municipalities) for name in indicators}


def _objective_key(scenario: FundingScenario, municipalities: list) -> Key:
    """Entered from a published model, or computed from the chosen indicators and weights."""
    if scenario.objective_method != ObjectiveMethod.INDICATORS:
        return _entered_key(scenario, KeyKind.OBJECTIVE)
    weights = {w.indicator: w.weight for w in scenario.indicator_weights.all()}
    if not weights:
        _incomplete("indicator_weights", _("Choose the indicators and their weights first."))
    return key_from_indicators(_indicator_values(municipalities, weights), weights)


def _solidarity_key(scenario: FundingScenario, municipalities: list) -> Key:
    """Population and use mixed by the scenario's weight; only the keys that weigh are needed."""
    weight = scenario.solidarity_population_weight
    if weight == ONE:
        return _population_key(municipalities)
    use = _entered_key(scenario, KeyKind.USE)
    if weight == ZERO:
        return use
    return mix_keys(_population_key(municipalities), use, weight)


def _phase_in(scenario: FundingScenario) -> PhaseIn:
    steps = tuple((step.year, step.objective_weight) for step in scenario.phase_in_steps.all())
    return PhaseIn(
        start_year=scenario.phase_in_start_year, years=scenario.phase_in_years, steps=steps
    )


# --- Results -------------------------------------------------------------------------------------


def scenario_result(*, scenario: FundingScenario) -> FundingResult:
    """The distribution per municipality and year; ``DomainError`` when it cannot be computed."""
    funding_input = scenario_input(scenario=scenario)
    try:
        return distribute(funding_input)
    except FundingError as error:
        raise DomainError(
            _("The scenario cannot be computed: %(reason)s") % {"reason": error.message},
            code="incomplete",
            fields={error.field: [error.message]} if error.field else None,
        ) from error


@dataclass(frozen=True)
class ComparisonRow:
    """One municipality in one year under scenarios A and B; ``None`` where one has no year."""

    year: int
    code: str
    municipality: str
    allocation_a: Decimal | None
    allocation_b: Decimal | None
    difference: Decimal | None  # B minus A
    balance_a: Decimal | None
    balance_b: Decimal | None


def scenario_comparison(*, a: FundingScenario, b: FundingScenario) -> list[ComparisonRow]:
    """The allocation and balance of every municipality in every year of either scenario."""
    rows_a = {(row.year, row.code): row for row in scenario_result(scenario=a).rows}
    rows_b = {(row.year, row.code): row for row in scenario_result(scenario=b).rows}
    names = municipality_names(region=a.region)
    return [
        _comparison_row(key, names, rows_a.get(key), rows_b.get(key))
        for key in sorted(rows_a.keys() | rows_b.keys())
    ]


def _comparison_row(key: tuple[int, str], names: dict[str, str], a, b) -> ComparisonRow:
    year, code = key
    allocation_a = a.allocation if a else None
    allocation_b = b.allocation if b else None
    both = allocation_a is not None and allocation_b is not None
    return ComparisonRow(
        year=year,
        code=code,
        municipality=names.get(code, code),
        allocation_a=allocation_a,
        allocation_b=allocation_b,
        difference=allocation_b - allocation_a if both else None,
        balance_a=a.balance if a else None,
        balance_b=b.balance if b else None,
    )


# --- For display ---------------------------------------------------------------------------------


def municipality_names(*, region: Region) -> dict[str, str]:
    """CBS code → name, in one query."""
    return dict(region.municipalities.order_by("name").values_list("cbs_code", "name"))


def subregion_names(*, region: Region) -> dict[str, str]:
    """Subregion slug → name, in the region's order, in one query."""
    subregions = Subregion.objects.filter(region=region).order_by("position", "name")
    return dict(subregions.values_list("slug", "name"))
