"""The yearly cap: no municipality's allocation may change by more than a fraction a year.

All amounts here are ``int`` cents and all keys ``int`` weights, so the arithmetic is exact.
"""

from collections.abc import Sequence
from decimal import Decimal

from ..apportion import apportion


def cap_bounds(previous: Sequence[int], cap: Decimal) -> tuple[list[int], list[int]]:
    """The lowest and highest amount in whole cents each municipality may get this year.

    ``lo = ceil(prev * (1 - cap))`` (never below 0) and ``hi = floor(prev * (1 + cap))``, so a
    whole-cent amount within ``[lo, hi]`` never changes by more than the cap; and since
    ``lo <= prev <= hi``, last year's amount is always allowed.
    """
    p, q = cap.as_integer_ratio()
    lows = [max(0, -(-amount * (q - p) // q)) for amount in previous]
    highs = [amount * (q + p) // q for amount in previous]
    return lows, highs


def cap_holds(budget: int, lows: Sequence[int], highs: Sequence[int]) -> bool:
    """Whether some whole-cent amounts within the bounds add up to the budget."""
    return sum(lows) <= budget <= sum(highs)


def capped_allocation(
    budget: int, weights: Sequence[int], lows: Sequence[int], highs: Sequence[int]
) -> list[int]:
    """Whole-cent amounts within ``[lows, highs]``, adding up to ``budget``, closest to the key.

    Requires :func:`cap_holds`. The exact solution is ``x_i = clip(s * w_i, lo_i, hi_i)`` with
    one scale ``s`` for all: it minimises ``sum((x_i - t_i)**2 / t_i)`` for the uncapped targets
    ``t_i = budget * w_i / sum(w)``, so money taken from (or given to) capped municipalities is
    spread over the others in proportion to their targets. See :func:`_clip` for how ``s`` is
    found. Municipalities pinned at a bound get that bound (a whole number of cents); the rest,
    ``R``, is split over the free ones ``F`` by :func:`apportion` with their weights.

    Why rounding stays within bounds: a free municipality's exact amount
    ``x_i = R * w_i / sum_F(w)`` lies in ``[lo_i, hi_i]`` and apportion gives it ``floor(x_i)``
    or ``ceil(x_i)``; as ``lo_i`` and ``hi_i`` are whole cents, ``lo_i <= floor(x_i)`` and
    ``ceil(x_i) <= hi_i``. The parts add up to ``R`` exactly, so the total is the budget.

    If even every municipality with weight above zero at its upper bound falls short (possible
    when a municipality's key share is 0 but last year's amount was not), those with weight 0
    make up the difference in proportion to their room ``hi - lo``; again within bounds, as the
    shortfall is at most their total room.
    """
    positive = [i for i, weight in enumerate(weights) if weight > 0]
    zero = [i for i, weight in enumerate(weights) if weight == 0]
    top = sum(highs[i] for i in positive) + sum(lows[i] for i in zero)
    if top < budget:
        return _fill_weightless(budget, positive, zero, lows, highs)
    amounts = list(lows)
    pinned, free = _clip(budget - sum(lows[i] for i in zero), positive, weights, lows, highs)
    for index, amount in pinned.items():
        amounts[index] = amount
    if free:
        rest = budget - sum(lows[i] for i in zero) - sum(pinned.values())
        for index, amount in zip(free, apportion(rest, [weights[i] for i in free]), strict=True):
            amounts[index] = amount
    return amounts


def _clip(
    budget: int,
    indices: list[int],
    weights: Sequence[int],
    lows: Sequence[int],
    highs: Sequence[int],
) -> tuple[dict[int, int], list[int]]:
    """Which municipalities sit at a bound in the exact solution, and which stay free.

    Iterative clipping: scale the free ones to the money left (``s = rest / sum_F(w)``); those
    above their upper bound exceed it by ``E`` in total, those below their lower bound fall short
    by ``D``. If ``E > D``, the exact sum ``T(s) = budget - E + D`` is below the budget, so the
    true scale is larger and everyone above the upper bound now is there in the solution too:
    pin them at it. If ``E < D``, likewise pin those below the lower bound. If ``E == D`` the
    clipped amounts already add up, and pinning both sides leaves the free ones where they are.
    (``T`` counts the pinned ones at their bounds, which by induction is where they are in the
    solution ``s*``; ``T`` never decreases as ``s`` grows, so ``T(s) < budget = T(s*)`` means
    ``s < s*``, and the other way round.)
    Each round pins at least one municipality, so there are at most ``len(indices)`` rounds.
    """
    pinned: dict[int, int] = {}
    free = list(indices)
    while free:
        rest = budget - sum(pinned.values())
        scale = sum(weights[i] for i in free)
        over = {i: rest * weights[i] - highs[i] * scale for i in free}
        under = {i: lows[i] * scale - rest * weights[i] for i in free}
        excess = sum(v for v in over.values() if v > 0)
        deficit = sum(v for v in under.values() if v > 0)
        if not excess and not deficit:
            break
        if excess >= deficit:
            pinned.update({i: highs[i] for i, v in over.items() if v > 0})
        if deficit >= excess:
            pinned.update({i: lows[i] for i, v in under.items() if v > 0})
        free = [i for i in free if i not in pinned]
    return pinned, free


def _fill_weightless(
    budget: int,
    positive: list[int],
    zero: list[int],
    lows: Sequence[int],
    highs: Sequence[int],
) -> list[int]:
    amounts = list(lows)
    for index in positive:
        amounts[index] = highs[index]
    shortfall = budget - sum(amounts)
    rooms = [highs[i] - lows[i] for i in zero]
    for index, extra in zip(zero, apportion(shortfall, rooms), strict=True):
        amounts[index] += extra
    return amounts
