"""The plan optimisation: the build-up and phase-down path of places that leaves the fewest
people waiting or unsheltered within a budget per year and limits on change (issue 7).

Plain Python (no Django): :class:`PlanProblem` in, :class:`PlanSolution` out, through
:func:`optimise`; HiGHS through ``scipy.optimize.milp`` solves it (an LP, or a MILP in whole
places). :func:`explain` says in words why the proposal differs from the entered plan.
See docs/decisions/0015-capacity-plan-optimisation.md.
"""

from .engine import optimise
from .errors import PlanError
from .explain import explain
from .model import (
    Finding,
    GroupBudget,
    PlanCell,
    PlanProblem,
    PlanSolution,
    TotalLimit,
)

__all__ = [
    "Finding",
    "GroupBudget",
    "PlanCell",
    "PlanError",
    "PlanProblem",
    "PlanSolution",
    "TotalLimit",
    "explain",
    "optimise",
]
