"""Which limits bind in a plan, which limits a plan breaks, and why no plan fits, as
:class:`Finding` s with an English sentence each.

A limit *binds* where it holds the plan back from less shortage or lower cost:

- a budget, in a year in which what is left of it would not pay for one more place (in the LP:
  nothing is left) in a cell of it where one more place would help and the other limits allow
  it;
- a cell's maximum increase, in a year in which the cell adds as many places as it may and one
  more place would help; the maximum places, in a year the cell is short;
- a cell's maximum decrease, in a year in which it closes as many places as it may and still
  has more places than needed; the minimum places, in a year it has more than needed;
- a total limit likewise, on the sum of its cells.

One more place in a year *helps* a cell that is short that year, or that adds as many places as
it may the next year and one more would help then (a place now lets it grow further later).
"Needed" is the demand, rounded up to whole places when places are whole.
"""

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

import numpy as np

from . import words
from .model import Finding, FindingKind
from .paths import EPS, addable, changes, highest, lowest
from .validation import Prepared

BUDGET_TOLERANCE = 1e-6  # relative, on top of one cent: what HiGHS's tolerances may leave


def binding(data: Prepared, places: np.ndarray, *, integer: bool) -> tuple[Finding, ...]:
    """The limits that bind in ``places``, grouped by limit, each with the years it binds."""
    shortage = data.demand - places > EPS
    needed = np.ceil(data.demand - EPS) if integer else data.demand
    over = places > needed + EPS
    change = changes(data, places)
    at_increase = np.abs(change - data.increase) < EPS
    helps = _helps(shortage, at_increase)
    wanted = helps & addable(data, places, highest(data), budgets=False)
    hits = [
        *_budgets_binding(data, places, wanted, integer),
        *_totals_binding(data, change, helps, over),
    ]
    cells = {
        "max_increase": at_increase & helps,
        "max_places": (places > data.high[:, None] - EPS) & shortage,
        "max_decrease": (np.abs(change + data.decrease) < EPS) & over,
        "min_places": (places < data.low[:, None] + EPS) & over & (data.low[:, None] > 0),
    }
    hits += _cell_hits(data, cells)
    return _findings(data, hits, "binding")


def _helps(shortage: np.ndarray, at_increase: np.ndarray) -> np.ndarray:
    """Where one more place would help: short that year, or at the increase limit the next year
    where one more place would help."""
    helps = shortage.copy()
    for t in range(shortage.shape[1] - 2, -1, -1):
        helps[:, t] |= at_increase[:, t + 1] & helps[:, t + 1]
    return helps


def breaches(data: Prepared, places: np.ndarray) -> tuple[Finding, ...]:
    """The limits ``places`` breaks, each with the years and the largest excess."""
    change = changes(data, places)
    hits = [*_budget_breaches(data, places), *_total_breaches(data, change)]
    excess = {
        "max_increase": change - data.increase,
        "max_decrease": -change - data.decrease,
        "min_places": data.low[:, None] - places,
        "max_places": places - data.high[:, None],
    }
    hits += _cell_hits(data, {kind: value > EPS for kind, value in excess.items()}, excess)
    return _findings(data, hits, "breach")


def cell_conflicts(data: Prepared) -> tuple[Finding, ...]:
    """Cells that cannot keep their own limits: their lowest path rises above their highest."""
    low, high = lowest(data), highest(data)
    found = []
    for c in np.flatnonzero((low > high).any(axis=1)):
        t = int(np.argmax(low[c] > high[c]))
        closing = low[c, t] > data.high[c]
        kind: FindingKind = "max_decrease" if closing else "max_increase"
        limit = (data.decrease if closing else data.increase)[c, t]
        amount = low[c, t] - data.high[c] if closing else data.low[c] - high[c, t]
        found.append(
            Finding(
                kind,
                data.cells[c].key,
                (data.years[t],),
                float(limit),
                float(amount),
                _conflict_text(data, c, t, closing, low[c, t] if closing else high[c, t]),
            )
        )
    return tuple(found)


def _conflict_text(data: Prepared, c: int, t: int, closing: bool, reached: float) -> str:
    label, year, before = data.label(c), data.years[t], data.years[0] - 1
    start, reached_places = words.places(data.start[c]), words.places(reached)
    if closing:
        return (
            f"{label} may close at most {words.limit(data.decrease[c])} places a year, so from "
            f"{start} places in {before} it still has {reached_places} in {year}, more than its "
            f"maximum of {words.places(data.high[c])}."
        )
    return (
        f"{label} may add at most {words.limit(data.increase[c])} places a year, so from "
        f"{start} places in {before} it has at most {reached_places} in {year}, fewer than its "
        f"minimum of {words.places(data.low[c])}."
    )


def budget_conflicts(
    data: Prepared, rows: tuple[tuple[int, int], ...], shortfall: np.ndarray
) -> tuple[Finding, ...]:
    """One finding per budget and year that falls short of the cheapest plan within the other
    limits (``shortfall`` in euro per budget row; ``rows`` the budget and year of each)."""
    found = []
    for (b, t), short in zip(rows, shortfall.tolist(), strict=True):
        if short <= _tolerance(data.budgets[b].amounts[t]):
            continue
        budget, year = data.budgets[b], data.years[t]
        amount = float(budget.amounts[t])
        text = (
            f"In {year} {_budget_name(budget.name)} of {words.euro(amount)} is "
            f"{words.euro(short)} short of the cheapest plan within the limits "
            f"({words.euro(amount + short)}): the places that must stay open (the minimum places "
            "and the limits on closing) cost more."
        )
        found.append(Finding("budget", budget.name, (year,), amount, float(short), text))
    return tuple(found)


def total_conflicts(data: Prepared, names: Iterable[str]) -> tuple[Finding, ...]:
    """Total limits that cannot be kept together with the cells' own limits."""
    by_name = {total.name: total for total in data.totals}
    found = []
    for name in names:
        total = by_name[name]
        decreasing = bool(np.isfinite(total.decrease).any())
        kind: FindingKind = "total_decrease" if decreasing else "total_increase"
        values = total.decrease if decreasing else total.increase
        limit = values[np.isfinite(values)][0]
        text = (
            f"The limit on {name} cannot be kept together with its cells' own limits (their "
            "minimum and maximum places and how fast each may change)."
        )
        found.append(Finding(kind, name, data.years, float(limit), 0.0, text))
    return tuple(found)


class Hit(NamedTuple):
    """A limit that binds or breaks in one year."""

    kind: FindingKind
    index: int  # of the cell, budget or total limit
    year: int  # index
    limit: float
    excess: float = 0.0  # by how much a breach exceeds the limit


def _cell_hits(
    data: Prepared, masks: dict[str, np.ndarray], excess: dict[str, np.ndarray] | None = None
) -> list[Hit]:
    limits = {
        "max_increase": data.increase,
        "max_decrease": data.decrease,
        "min_places": np.broadcast_to(data.low[:, None], data.demand.shape),
        "max_places": np.broadcast_to(data.high[:, None], data.demand.shape),
    }
    return [
        Hit(kind, c, t, float(limits[kind][c, t]), float(excess[kind][c, t]) if excess else 0.0)
        for kind, mask in masks.items()
        for c, t in zip(*np.nonzero(mask), strict=True)
    ]


def _budgets_binding(
    data: Prepared, places: np.ndarray, wanted: np.ndarray, integer: bool
) -> list[Hit]:
    """``wanted``: where one more place would help and only a budget may stand in its way."""
    hits = []
    for b, budget in enumerate(data.budgets):
        spent = (data.cost * places)[budget.members].sum(axis=0)
        for t in np.flatnonzero(np.isfinite(budget.amounts)):
            helped = budget.members & wanted[:, t]
            if not helped.any():
                continue
            left = budget.amounts[t] - spent[t]
            room = data.cost[helped, t].min() if integer else _tolerance(budget.amounts[t])
            if left < room:
                hits.append(Hit("budget", b, int(t), float(budget.amounts[t])))
    return hits


def _budget_breaches(data: Prepared, places: np.ndarray) -> list[Hit]:
    hits = []
    for b, budget in enumerate(data.budgets):
        excess = (data.cost * places)[budget.members].sum(axis=0) - budget.amounts
        for t in np.flatnonzero(excess > _tolerance(budget.amounts)):
            hits.append(Hit("budget", b, int(t), float(budget.amounts[t]), float(excess[t])))
    return hits


def _totals_binding(
    data: Prepared, change: np.ndarray, helps: np.ndarray, over: np.ndarray
) -> list[Hit]:
    hits = []
    for i, total in enumerate(data.totals):
        moved = change[total.members].sum(axis=0)
        up = (np.abs(moved - total.increase) < EPS) & helps[total.members].any(axis=0)
        down = (np.abs(moved + total.decrease) < EPS) & over[total.members].any(axis=0)
        hits += [Hit("total_increase", i, t, float(total.increase[t])) for t in np.flatnonzero(up)]
        hits += [
            Hit("total_decrease", i, t, float(total.decrease[t])) for t in np.flatnonzero(down)
        ]
    return hits


def _total_breaches(data: Prepared, change: np.ndarray) -> list[Hit]:
    hits = []
    for i, total in enumerate(data.totals):
        moved = change[total.members].sum(axis=0)
        for kind, excess, limit in (
            ("total_increase", moved - total.increase, total.increase),
            ("total_decrease", -moved - total.decrease, total.decrease),
        ):
            hits += [
                Hit(kind, i, t, float(limit[t]), float(excess[t]))
                for t in np.flatnonzero(excess > EPS)
            ]
    return hits


def _findings(data: Prepared, hits: list[Hit], context: str) -> tuple[Finding, ...]:
    """One finding per limit (kind, subject, value), with its years and largest excess; budgets
    first, then total limits, then cells by key."""
    grouped: dict[tuple, list[tuple[int, float]]] = defaultdict(list)
    for hit in hits:
        limit = 0.0 if hit.kind == "budget" else hit.limit  # one budget, however its amount varies
        grouped[(_rank(hit.kind), hit.index, hit.kind, limit)].append((int(hit.year), hit.excess))
    found = []
    for (_, index, kind, limit), items in sorted(grouped.items()):
        years = tuple(data.years[t] for t, _ in sorted(items))
        amount = max(excess for _, excess in items)
        first = min(t for t, _ in items)
        value = float(data.budgets[index].amounts[first]) if kind == "budget" else limit
        subject = _subject(data, kind, index)
        text = TEXTS[context][kind].format(
            name=_name(data, kind, index),
            limit=words.places(value),
            years=words.years(years),
            amount=words.places(amount),
            euro=words.euro(amount),
        )
        found.append(Finding(kind, subject, years, value, amount, text[0].upper() + text[1:]))
    return tuple(found)


def _rank(kind: str) -> int:
    return 0 if kind == "budget" else 1 if kind.startswith("total") else 2


def _subject(data: Prepared, kind: str, index: int) -> str:
    if kind == "budget":
        return data.budgets[index].name
    if kind.startswith("total"):
        return data.totals[index].name
    return data.cells[index].key


def _name(data: Prepared, kind: str, index: int) -> str:
    if kind == "budget":
        return _budget_name(data.budgets[index].name)
    if kind.startswith("total"):
        return data.totals[index].name
    return data.label(index)


def _budget_name(name: str) -> str:
    return f"the budget of {name}" if name else "the budget"


TEXTS = {
    "binding": {
        "budget": "{name} is fully used in {years}.",
        "total_increase": (
            "{name} may add at most {limit} places a year together (binding in {years})."
        ),
        "total_decrease": (
            "{name} may close at most {limit} places a year together, so more places stay open "
            "than needed in {years}."
        ),
        "max_increase": "{name} may add at most {limit} places a year (binding in {years}).",
        "max_decrease": (
            "{name} may close at most {limit} places a year, so it keeps more places than needed "
            "in {years}."
        ),
        "min_places": "{name} keeps at least {limit} places, more than needed in {years}.",
        "max_places": "{name} has at most {limit} places, fewer than needed in {years}.",
    },
    "breach": {
        "budget": "The entered plan costs more than {name} in {years} (up to {euro} more).",
        "total_increase": (
            "The entered plan adds more than {limit} places a year to {name} in {years} (up to "
            "{amount} more)."
        ),
        "total_decrease": (
            "The entered plan closes more than {limit} places a year of {name} in {years} (up to "
            "{amount} more)."
        ),
        "max_increase": (
            "The entered plan adds more than {limit} places a year to {name} in {years} (up to "
            "{amount} more)."
        ),
        "max_decrease": (
            "The entered plan closes more than {limit} places a year of {name} in {years} (up to "
            "{amount} more)."
        ),
        "min_places": (
            "The entered plan has fewer than the minimum of {limit} places for {name} in {years}."
        ),
        "max_places": (
            "The entered plan has more than the maximum of {limit} places for {name} in {years}."
        ),
    },
}


def _tolerance(amount):
    return BUDGET_TOLERANCE * np.abs(amount) + 0.01
