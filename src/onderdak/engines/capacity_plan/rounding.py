"""A plan in whole places from the LP relaxation, within a fraction of a second.

Rounding the LP's places down keeps every limit of the cells and every budget: the limits,
minima, maxima and baselines are whole numbers (``floor(a) - floor(b) <= k`` when
``a - b <= k`` for a whole ``k``), and with costs that are not negative, fewer places never cost
more. A total limit can break, as the cells' roundings add up; then there is no such plan.

Rounding down leaves part of each budget unspent, so :func:`fill` then adds one place at a time
where it lowers the weighted shortage most per euro, as long as every limit allows it. On the
benchmark problems (decision 0015) this comes within about one weighted place-year of the
proven bound, nearly as close as the MILP gets in ten seconds; the MILP then tries to improve
on it, and to prove it, in the time left.
"""

import numpy as np

from .findings import breaches
from .formulation import TIE
from .paths import EPS, addable, highest
from .validation import Prepared


def rounded_plan(data: Prepared, relaxed: np.ndarray) -> np.ndarray | None:
    """The LP's places rounded down and then filled, or None if rounding breaks a limit."""
    places = np.floor(relaxed + EPS)
    if breaches(data, places):
        return None
    return fill(data, places)


def fill(data: Prepared, places: np.ndarray) -> np.ndarray:
    """Add places one at a time, the most weighted shortage per euro first (the first cell
    and year on a tie), while every limit allows it. Only places that lower the weighted
    shortage by more than ``TIE x min(weight)`` are added: each of them lowers what the model
    minimises, tie-break included (see :func:`formulation.tie_break`)."""
    places = places.copy()
    high = highest(data)
    while True:
        gain = data.weight[:, None] * np.clip(data.demand - places, 0, 1)
        useful = addable(data, places, high) & (gain > TIE * data.weight.min())
        if not useful.any():
            return places
        score = np.where(useful, gain / np.maximum(data.cost, EPS), -np.inf)
        places[np.unravel_index(np.argmax(score), score.shape)] += 1
