""":func:`explain`: why the proposal differs from the entered plan, in plain English.

A page that shows the proposal beside the entered plan puts these sentences under it; a page in
another language builds its own from the structured :class:`Finding` s of the solution
(``findings``, ``entered_breaches``) and its figures.
"""

import numpy as np

from . import words
from .model import PlanProblem, PlanSolution
from .validation import Prepared, prepare

DIFFERENCES = 3  # cells named where the proposal differs most from the entered plan


def explain(problem: PlanProblem, solution: PlanSolution) -> tuple[str, ...]:
    """The proposal against the entered plan (shortage and cost), the limits the entered plan
    breaks, the limits that bind in the proposal and the cells where the two differ most; or,
    without a proposal, why there is none."""
    data = prepare(problem)
    if not solution.places:
        return solution.binding
    return (
        _summary(data, solution),
        *([solution.message] if solution.message else []),
        *(finding.text for finding in solution.entered_breaches),
        *solution.binding,
        *_differences(data, solution),
    )


def _summary(data: Prepared, solution: PlanSolution) -> str:
    return (
        f"Over {words.years(data.years)} the proposal leaves a weighted shortage of "
        f"{solution.objective:,.1f} place-years and costs {words.euro(sum(solution.cost))}; the "
        f"entered plan leaves {solution.entered_objective:,.1f} and costs "
        f"{words.euro(sum(solution.entered_cost))}."
    )


def _differences(data: Prepared, solution: PlanSolution) -> tuple[str, ...]:
    """The cells where the proposal differs most from the entered plan, each with its year of
    the largest difference."""
    proposed = np.array([solution.places[cell.key] for cell in data.cells], float)
    difference = proposed - data.entered
    largest = np.abs(difference).max(axis=1)
    order = [c for c in np.argsort(-largest, kind="stable")[:DIFFERENCES] if largest[c] > 0]
    if not order:
        return ("The proposal is the entered plan.",)
    parts = []
    for c in order:
        t = int(np.argmax(np.abs(difference[c])))
        more = "more" if difference[c, t] > 0 else "fewer"
        amount = words.places(abs(difference[c, t]))
        parts.append(f"{data.label(c)} ({amount} places {more} in {data.years[t]})")
    return (f"The proposal differs most from the entered plan at {words.listing(parts)}.",)
