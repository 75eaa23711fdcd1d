"""How an area's contingent dwellings reach the ready people of its cells.

Each area's dwellings of a month are spread evenly over the month's steps and split over the
area's cells in proportion to each cell's *expected need*: the people expected to finish their
stay towards a contingent dwelling in that step, from a deterministic run of the same model with
expected values (:func:`expected_need`: stays and admissions as in the simulation, but nobody
waits for a dwelling). The split depends on the input only, never on the contingent or on the
run, and a cell's dwellings serve only its own people. Dwellings a cell cannot use at once are
kept for its next ready people, up to what it received in the last twelve months (a yearly
quota that lapses); anything above that goes to other home-seekers, as a dwelling offered and
not taken does in practice. Fractions carry over: dwellings are counted in units of 2^-20 (about
a millionth), so that whole dwellings are a shift away.

Why not one queue per area, oldest first? Because then one cell's faster progress (more people
ready sooner) takes dwellings from another, whose waiting list grows: more dwellings in total
could lengthen some cell's waiting list, and the simulation could not be monotone
(:mod:`onderdak.engines.flow.engine`, decision 0014). Splitting by expected need gives each cell
what a shared queue gives it on average, and keeps every cell monotone in its area's contingent.
"""

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # the plan is built with the credits
    from .plan import Plan

UNIT_BITS = 20
UNIT = 1 << UNIT_BITS  # a dwelling, in the units the credits are counted in
BANK_MONTHS = 12


def credits(
    plan: "Plan", inflow: np.ndarray, area: np.ndarray, contingent: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per step and cell: dwellings credited, and the most that may be kept (in :data:`UNIT`).

    ``area[c]`` is cell ``c``'s column of ``contingent`` (months x areas).
    """
    need = expected_need(plan, inflow)
    totals = np.zeros((plan.steps, contingent.shape[1]))
    for a in range(contingent.shape[1]):
        totals[:, a] = need[:, area == a].sum(axis=1)
    total = totals[:, area]
    share = np.divide(need, total, out=np.zeros_like(need), where=total > 0)
    month = np.arange(plan.steps) // plan.steps_per_month
    dwellings = contingent[month][:, area] / plan.steps_per_month
    credit = np.rint(share * dwellings * UNIT).astype(np.int64)
    received = np.concatenate([np.zeros((1, len(area)), np.int64), np.cumsum(credit, axis=0)])
    window = BANK_MONTHS * plan.steps_per_month
    since = np.maximum(np.arange(1, plan.steps + 1) - window, 0)
    return credit, received[1:] - received[since]


def expected_need(plan: "Plan", inflow: np.ndarray) -> np.ndarray:
    """(steps, cells): expected people ending their stay towards a contingent dwelling."""
    x = plan.occupied[np.repeat(np.arange(len(plan.keys)), np.diff(plan.slot_start))] * plan.start
    waiting = plan.waiting.astype(float)
    arriving = inflow / plan.steps_per_month
    follows = np.flatnonzero(plan.next_slot >= 0)
    need = np.empty((plan.steps, len(plan.keys)))
    for t in range(plan.steps):
        movers = np.append(x * plan.hazard, 0.0)
        x = x - movers[:-1]
        x[plan.next_slot[follows]] += movers[follows]
        need[t] = plan.contingent_share * movers[plan.exits].sum(axis=1)
        occupied = np.add.reduceat(x, plan.slot_start[:-1])
        free = np.maximum(plan.capacity[t // plan.steps_per_month] - occupied, 0)
        admitted = np.minimum(free, waiting + arriving)
        waiting = np.where(plan.waiting_list, waiting + arriving - admitted, 0.0)
        x[plan.entry[:, 0]] += admitted * plan.first
        x[plan.entry[:, 1]] += admitted * (1 - plan.first)
    return need
