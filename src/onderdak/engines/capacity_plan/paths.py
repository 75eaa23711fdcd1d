"""The fewest and most places each cell can reach per year, what a plan costs, and where one
more place fits.

From its baseline a cell can close at most ``max_decrease`` places a year and never goes below
its minimum, so its *lowest path* ``low_t = max(min_places, low_{t-1} - max_decrease_t)`` is the
fewest places any plan within its limits can have in year ``t``; likewise its *highest path*
``high_t = min(max_places, high_{t-1} + max_increase_t)``. The lowest path is itself a plan
within the cell's limits whenever it stays at or below the highest path, so:

- a cell can keep its limits exactly when ``lowest <= highest`` in every year;
- every plan has at least the lowest path's places, so the lowest path is the cheapest plan of
  all in every year at once, and the cells' own limits can be kept within a budget exactly
  when the lowest path fits it.

The model uses both paths as the bounds of its variables.
"""

from dataclasses import dataclass

import numpy as np

from .validation import Prepared

EPS = 1e-6  # places


def lowest(data: Prepared) -> np.ndarray:
    """The fewest places per cell and year of any plan within the cells' limits."""
    path = np.empty_like(data.demand)
    previous = data.start
    for t in range(len(data.years)):
        previous = np.maximum(data.low, previous - data.decrease[:, t])
        path[:, t] = previous
    return path


def highest(data: Prepared) -> np.ndarray:
    """The most places per cell and year of any plan within the cells' limits."""
    path = np.empty_like(data.demand)
    previous = data.start
    for t in range(len(data.years)):
        previous = np.minimum(data.high, previous + data.increase[:, t])
        path[:, t] = previous
    return path


@dataclass(frozen=True)
class Evaluation:
    """A plan's shortage (cells x years), cost per year and weighted shortage."""

    places: np.ndarray
    shortage: np.ndarray
    cost: np.ndarray
    objective: float


def evaluate(data: Prepared, places: np.ndarray) -> Evaluation:
    """Shortage ``max(0, demand - places)``, cost per year and the weighted shortage."""
    shortage = np.maximum(data.demand - places, 0.0)
    return Evaluation(
        places=places,
        shortage=shortage,
        cost=(data.cost * places).sum(axis=0),
        objective=float((data.weight[:, None] * shortage).sum()),
    )


def changes(data: Prepared, places: np.ndarray) -> np.ndarray:
    """Places added (positive) or closed (negative) per cell and year, the first year against
    the baseline."""
    return np.diff(places, axis=1, prepend=data.start[:, None])


def addable(
    data: Prepared, places: np.ndarray, high: np.ndarray, *, budgets: bool = True
) -> np.ndarray:
    """Where one more place keeps every limit: the maximum (``high``, the highest path), the
    increase into that year, the decrease into the next, the total limits and (if ``budgets``)
    the budgets."""
    change = changes(data, places)
    allowed = (places + 1 <= high + EPS) & (change + 1 <= data.increase + EPS)
    allowed[:, :-1] &= change[:, 1:] - 1 >= -data.decrease[:, 1:] - EPS
    for total in data.totals:
        moved = change[total.members].sum(axis=0)
        year = moved + 1 <= total.increase + EPS
        year[:-1] &= moved[1:] - 1 >= -total.decrease[1:] - EPS
        allowed[total.members] &= year
    for budget in data.budgets if budgets else ():
        left = budget.amounts - (data.cost * places)[budget.members].sum(axis=0)
        allowed[budget.members] &= data.cost[budget.members] <= left + EPS
    return allowed
