"""HiGHS through ``scipy.optimize.milp``: the LP relaxation, the MILP and the elastic LP that
finds how far each budget falls short when no plan fits.

See docs/decisions/0015-capacity-plan-optimisation.md.
"""

import time
from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, OptimizeResult, milp

from .formulation import Model

OPTIMAL, LIMIT, INFEASIBLE = 0, 1, 2  # scipy's status codes for milp
MIN_SECONDS = 0.01  # HiGHS is never given less than this, even past the deadline


@dataclass(frozen=True)
class Outcome:
    """What HiGHS returned: its status code, the variables (or None) and its dual bound."""

    status: int
    x: np.ndarray | None
    bound: float | None
    message: str


def run(model: Model, deadline: float, *, relax: bool = False) -> Outcome:
    """Solve ``model`` (its LP relaxation when ``relax``) within the time left to ``deadline``."""
    integrality = np.zeros_like(model.integrality) if relax else model.integrality
    result = milp(
        model.objective,
        integrality=integrality,
        bounds=Bounds(model.low, model.high),
        constraints=LinearConstraint(model.matrix, model.lower, model.upper),
        options={
            "time_limit": max(MIN_SECONDS, deadline - time.monotonic()),
            "mip_rel_gap": 0.0,
        },
    )
    return Outcome(result.status, result.x, _bound(result, relax), result.message)


def _bound(result: OptimizeResult, relax: bool) -> float | None:
    if result.status == OPTIMAL and relax:
        return float(result.fun)
    bound = getattr(result, "mip_dual_bound", None)
    return float(bound) if bound is not None and np.isfinite(bound) else None


def shortfalls(model: Model, deadline: float) -> Outcome:
    """The elastic LP ``min sum(excess)`` with ``cost x places - excess <= budget``: when
    optimal, ``x`` is per budget row the least it must grow (in euro) for a plan within every
    other limit to exist; infeasible when the other limits conflict without any budget."""
    rows, count = model.budget_rows, len(model.budget_rows)
    excess = sparse.csr_array(
        (-np.ones(count), (rows, np.arange(count))), shape=(model.matrix.shape[0], count)
    )
    elastic = replace(
        model,
        objective=np.r_[np.zeros(len(model.objective)), model.budget_scale],
        matrix=sparse.hstack([model.matrix, excess], format="csr"),
        low=np.r_[model.low, np.zeros(count)],
        high=np.r_[model.high, np.full(count, np.inf)],
        integrality=np.r_[model.integrality, np.zeros(count, int)],
    )
    outcome = run(elastic, deadline, relax=True)
    if outcome.status != OPTIMAL:
        return outcome
    return replace(outcome, x=outcome.x[-count:] * model.budget_scale)
