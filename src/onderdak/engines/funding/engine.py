"""distribute(): the funding model, year by year.

Per year: the target key mixes the objective and historical keys by the phase-in's weight; the
budget is split by it to the cent; from the second year on a cap keeps each municipality's
amount within a fraction of last year's (or, when no amounts within the cap add up to the
budget, the year is reported as a conflict and keeps the uncapped split). The regional costs
are split by the solidarity key, each subregion's costs by the subregional key within it.

Speed: 20 years x 13 municipalities with cap, regional and subregional costs take about
{timing} (``timeit`` on the development machine), well under the 10 ms aimed for.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .cap import cap_bounds, cap_holds, capped_allocation
from .keys import mix_keys, percent, shares_from_weights
from .model import CapConflict, FundingInput, FundingResult, Row, Total
from .money import apportion, from_cents, integer_weights
from .validation import Prepared, prepare

_AMOUNTS = ("allocation", "regional_contribution", "subregional_contribution", "planned_costs")


@dataclass(frozen=True)
class _Allocation:
    shares: dict[str, Decimal]
    cents: dict[str, int]


def distribute(data: FundingInput) -> FundingResult:
    """Distribute the budget and share the costs; see the module docstring.

    Raises :class:`FundingError` for input it cannot use. Same input, same output: nothing
    depends on anything but ``data`` (ties in rounding go by the keys' order).
    """
    plan = prepare(data)
    allocations, conflicts = _allocate(data, plan)
    regional = _regional(plan)
    subregional = _subregional(plan)
    rows = [
        _row(plan, year, code, allocations[year], regional, subregional)
        for year in plan.years
        for code in plan.codes
    ]
    return FundingResult(
        rows=tuple(row for row, _ in rows),
        totals=_totals(plan, [cents for _, cents in rows]),
        conflicts=tuple(conflicts),
    )


def _allocate(
    data: FundingInput, plan: Prepared
) -> tuple[dict[int, _Allocation], list[CapConflict]]:
    allocations: dict[int, _Allocation] = {}
    conflicts: list[CapConflict] = []
    previous: dict[str, int] | None = None
    for year in plan.years:
        weight = data.phase_in.objective_weight(year)
        target = mix_keys(data.objective_key, data.historical_key, weight)
        capped = data.cap is not None and previous is not None
        if capped:
            allocation, conflict = _capped(year, plan.budget[year], target, previous, data.cap)
            conflicts.extend(conflict)
        else:
            allocation = _uncapped(plan.budget[year], target)
        allocations[year] = allocation
        previous = allocation.cents
    return allocations, conflicts


def _uncapped(budget: int, target: dict[str, Decimal]) -> _Allocation:
    weights = integer_weights(list(target.values()))[0]
    return _Allocation(target, dict(zip(target, apportion(budget, weights), strict=True)))


def _capped(
    year: int,
    budget: int,
    target: dict[str, Decimal],
    previous: dict[str, int],
    cap: Decimal,
) -> tuple[_Allocation, list[CapConflict]]:
    codes = list(target)
    weights = integer_weights(list(target.values()))[0]
    uncapped = apportion(budget, weights)
    lows, highs = cap_bounds([previous[code] for code in codes], cap)
    if not cap_holds(budget, lows, highs):
        beyond = [
            code
            for code, amount, low, high in zip(codes, uncapped, lows, highs, strict=True)
            if not low <= amount <= high
        ]
        message = _conflict_message(year, sum(previous.values()), budget, cap, (lows, highs))
        conflict = CapConflict(year=year, message=message, codes=tuple(sorted(beyond)))
        return _Allocation(target, dict(zip(codes, uncapped, strict=True))), [conflict]
    amounts = capped_allocation(budget, weights, lows, highs)
    shares = target if amounts == uncapped else shares_from_weights(codes, amounts)
    return _Allocation(shares, dict(zip(codes, amounts, strict=True))), []


def _conflict_message(
    year: int, before: int, budget: int, cap: Decimal, bounds: tuple[list[int], list[int]]
) -> str:
    """E.g. "In 2027 the budget falls by 12 % (...) while no municipality may lose more ..."."""
    falls = budget < before
    change = f" by {percent(Fraction(abs(budget - before), before))}" if before else ""
    limit = f"{'at least' if falls else 'at most'} {from_cents(sum(bounds[0 if falls else 1]))}"
    return (
        f"In {year} the budget {'falls' if falls else 'rises'}{change} "
        f"(from {from_cents(before)} to {from_cents(budget)}) while no municipality may "
        f"{'lose' if falls else 'gain'} more than {percent(cap)} (together {limit}); "
        "the cap cannot hold."
    )


def _split(cents: int, codes: list[str], weights: list[int]) -> dict[str, int]:
    return dict(zip(codes, apportion(cents, weights), strict=True)) if cents else {}


def _regional(plan: Prepared) -> dict[int, dict[str, int]]:
    if plan.solidarity is None:
        return {}
    return {year: _split(cents, *plan.solidarity) for year, cents in plan.regional_costs.items()}


def _subregional(plan: Prepared) -> dict[int, dict[str, int]]:
    shares: dict[int, dict[str, int]] = defaultdict(dict)
    for (slug, year), cents in plan.subregional_costs.items():
        if cents:
            shares[year].update(_split(cents, *plan.subregional_weights[slug]))
    return shares


def _row(
    plan: Prepared,
    year: int,
    code: str,
    allocation: _Allocation,
    regional: dict[int, dict[str, int]],
    subregional: dict[int, dict[str, int]],
) -> tuple[Row, tuple[int, ...]]:
    """One row, and its amounts in cents (in the order of _AMOUNTS, then the balance)."""
    cents = (
        allocation.cents[code],
        regional.get(year, {}).get(code, 0),
        subregional.get(year, {}).get(code, 0),
        plan.planned_costs.get((code, year), 0),
    )
    balance = cents[0] - cents[1] - cents[2] - cents[3]
    subregion = plan.subregion_of[code]
    amounts = dict(zip(_AMOUNTS, map(from_cents, cents), strict=True))
    row = Row(
        year, code, subregion, allocation.shares[code], **amounts, balance=from_cents(balance)
    )
    return row, (year, code, *cents, balance)


def _totals(plan: Prepared, rows: Sequence[tuple[int, ...]]) -> tuple[Total, ...]:
    """Per year: the region, then each subregion (by slug)."""
    sums: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0] * (len(_AMOUNTS) + 1))
    for year, code, *cents in rows:
        for scope in ("region", plan.subregion_of[code]):
            sums[year, scope] = [a + b for a, b in zip(sums[year, scope], cents, strict=True)]
    return tuple(
        _total(year, scope, sums[year, scope])
        for year in plan.years
        for scope in ("region", *plan.subregions)
    )


def _total(year: int, scope: str, cents: Iterable[int]) -> Total:
    amounts = [from_cents(amount) for amount in cents]
    return Total(year, scope, *amounts)
