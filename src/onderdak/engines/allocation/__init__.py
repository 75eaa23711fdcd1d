"""The allocation engine: approved nominations to dwellings, optimally and explained.

Plain Python (no Django): :class:`AllocationInput` in, :class:`AllocationResult` out, through
:func:`allocate`. The hard rules and soft criteria are plugins (``plugins``: :data:`RULES`,
:data:`CRITERIA`); ``solvers`` picks a well-kept solver by the shape of the quotas (see
docs/decisions/0010-allocation-solvers.md); ``explain`` gives the reasons; ``generate`` makes
reproducible instances for tests and benchmarks. A caller that already has a score matrix can use
the low-level :class:`Problem` and :func:`solve`.
"""

from .engine import allocate, build_problem, replay
from .errors import AllocationError
from .model import (
    AffordabilityLimit,
    AllocationInput,
    AllocationResult,
    Assignment,
    Candidate,
    Dwelling,
    PluginUse,
    Quota,
    UnmatchedCandidate,
    UnusedDwelling,
)
from .plugins import CRITERIA, RULES, Criterion, HardRule, Registry
from .problem import Problem, QuotaSpec
from .solvers import Solution, greedy, solve

__all__ = [
    "CRITERIA",
    "RULES",
    "AffordabilityLimit",
    "AllocationError",
    "AllocationInput",
    "AllocationResult",
    "Assignment",
    "Candidate",
    "Criterion",
    "Dwelling",
    "HardRule",
    "PluginUse",
    "Problem",
    "Quota",
    "QuotaSpec",
    "Registry",
    "Solution",
    "UnmatchedCandidate",
    "UnusedDwelling",
    "allocate",
    "build_problem",
    "greedy",
    "replay",
    "solve",
]
