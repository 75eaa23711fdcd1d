"""The allocation run: :func:`allocate` an input, :func:`replay` a stored run."""

import time
from collections.abc import Sequence

import numpy as np

from . import explain
from .errors import AllocationError
from .model import AllocationInput, AllocationResult, PluginUse, Quota
from .plugins import CRITERIA, RULES, Criterion, HardRule
from .problem import Problem, QuotaSpec, feasible_pairs, weighted_points
from .solvers import solve
from .tables import Tables, encode
from .validation import validate


def allocate(data: AllocationInput) -> AllocationResult:
    """Assign candidates to dwellings: most people housed, then the highest total score (or the
    score only), under every hard rule in use and every quota; with the reasons."""
    started = time.perf_counter()
    validate(data, RULES.ids(), CRITERIA.ids())
    rules = [RULES[rule] for rule in (RULES.ids() if data.rules is None else data.rules)]
    criteria = [(c, data.weights[c.id]) for c in CRITERIA if data.weights.get(c.id, 0) > 0]
    tables = encode(data)
    problem = build_problem(tables, rules, criteria, data.quotas)
    solution = solve(problem, data.mode, data.solver, data.time_limit)
    context = explain.Context(tables, problem, solution.chosen)
    assignments = explain.assignments(tables, problem, criteria, solution.chosen)
    return AllocationResult(
        assignments=assignments,
        unmatched=explain.unmatched(context, rules),
        unused=explain.unused(context, rules),
        housed=len(assignments),
        total_score=int(problem.score[solution.chosen].sum()),
        feasible_pairs=len(problem.score),
        status=solution.status,
        gap=solution.gap,
        solver=solution.solver,
        seconds=time.perf_counter() - started,
        rules=tuple(PluginUse(rule.id, rule.version) for rule in rules),
        criteria=tuple(PluginUse(c.id, c.version, weight) for c, weight in criteria),
        input=data,
    )


def build_problem(
    tables: Tables,
    rules: Sequence[HardRule],
    criteria: Sequence[tuple[Criterion, int]],
    quotas: Sequence[Quota],
) -> Problem:
    """The feasible pairs of ``tables`` with their scores, and the quotas as index sets (by id,
    so that the order of the input's quotas cannot change the answer)."""
    candidates, dwellings = feasible_pairs(tables, rules)
    points = weighted_points(tables, criteria, candidates, dwellings)
    score = np.sum(points, axis=0) if points else np.zeros(len(candidates), np.int64)
    return Problem(
        n_candidates=tables.n_candidates,
        n_dwellings=tables.n_dwellings,
        candidate=candidates,
        dwelling=dwellings,
        score=score.astype(np.int64),
        quotas=tuple(_quota(tables, quota) for quota in sorted(quotas, key=lambda q: q.id)),
    )


def _quota(tables: Tables, quota: Quota) -> QuotaSpec:
    return QuotaSpec(
        id=quota.id,
        limit=quota.limit,
        candidates=_indices(tables.candidate_ids, quota.candidates),
        dwellings=_indices(tables.dwelling_ids, quota.dwellings),
    )


def _indices(ids: tuple[str, ...], members: tuple[str, ...]) -> np.ndarray | None:
    if not members:
        return None
    index = {item: i for i, item in enumerate(ids)}
    return np.array(sorted(index[m] for m in members), np.int64)


def replay(result: AllocationResult) -> AllocationResult:
    """Run a stored run's input again; refuse when a rule or criterion has changed version since,
    because the answer could then differ for a reason the stored run cannot show."""
    for used, registry in ((result.rules, RULES), (result.criteria, CRITERIA)):
        for plugin in used:
            current = registry[plugin.id]
            if current.version != plugin.version:
                raise AllocationError(
                    f"The {registry.noun} {plugin.id!r} is at version {current.version}; the run "
                    f"used version {plugin.version}.",
                    "rules",
                )
    return allocate(result.input)
