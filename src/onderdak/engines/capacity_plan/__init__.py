"""The plan optimisation: the build-up and phase-down path of places that leaves the fewest
people waiting or unsheltered within a budget per year and limits on change (issue 7).

Plain Python (no Django): :class:`PlanProblem` in, :class:`PlanSolution` out, through
:func:`optimise`; HiGHS through ``scipy.optimize.milp`` solves it (an LP, or a MILP in whole
places). :func:`explain` says in words why the proposal differs from the entered plan.
See docs/decisions/0015-capacity-plan-optimisation.md.

Modules: ``model`` (the dataclasses), ``validation`` (checking a problem into arrays),
``paths`` (the lowest and highest places a cell can reach; what a plan costs), ``formulation``
(the LP/MILP), ``solver`` (HiGHS), ``rounding`` (a plan in whole places from the LP),
``findings`` (binding, broken and conflicting limits), ``explain`` and ``words`` (sentences),
``engine`` (:func:`optimise`) and ``generate`` (reproducible problems for tests and benchmarks).
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

#: Stored with a run, so a result can be traced to the model that made it.
ENGINE_VERSION = "capacity-plan-1"

__all__ = [
    "ENGINE_VERSION",
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
