"""Why each assignment, each unmatched candidate and each unused dwelling came out as it did."""

from collections.abc import Sequence

import numpy as np

from .model import Assignment, UnmatchedCandidate, UnusedDwelling
from .plugins import Criterion, HardRule
from .problem import Problem, weighted_points
from .tables import Tables, only_dwellings


def assignments(
    tables: Tables,
    problem: Problem,
    criteria: Sequence[tuple[Criterion, int]],
    chosen: np.ndarray,
) -> tuple[Assignment, ...]:
    """Each chosen pair with its weighted points per criterion, which add up to its score."""
    c, d = problem.candidate[chosen], problem.dwelling[chosen]
    points = weighted_points(tables, criteria, c, d)
    ids = [criterion.id for criterion, _ in criteria]
    return tuple(
        Assignment(
            candidate=tables.candidate_ids[ci],
            dwelling=tables.dwelling_ids[di],
            score=int(sum(column[k] for column in points)),
            points=tuple((ids[j], int(column[k])) for j, column in enumerate(points)),
        )
        for k, (ci, di) in enumerate(zip(c.tolist(), d.tolist(), strict=True))
    )


class Context:
    """What the explanations of the unmatched and the unused share."""

    def __init__(self, tables: Tables, problem: Problem, chosen: np.ndarray) -> None:
        self.tables = tables
        self.problem = problem
        self.partner_of_candidate = np.full(problem.n_candidates, -1, np.int64)
        self.partner_of_dwelling = np.full(problem.n_dwellings, -1, np.int64)
        self.partner_of_candidate[problem.candidate[chosen]] = problem.dwelling[chosen]
        self.partner_of_dwelling[problem.dwelling[chosen]] = problem.candidate[chosen]
        self.by_dwelling = np.argsort(problem.dwelling, kind="stable")
        self.sorted_dwelling = problem.dwelling[self.by_dwelling]
        self.demand = np.bincount(problem.dwelling, minlength=problem.n_dwellings)
        members = {quota.id: quota.members(problem) for quota in problem.quotas}
        full = [q.id for q in problem.quotas if members[q.id][chosen].sum() >= q.limit]
        self.full_ids = full
        self.in_full = np.column_stack([members[q] for q in full]) if full else None

    def pairs_of_candidate(self, candidate: int) -> np.ndarray:
        return np.arange(*np.searchsorted(self.problem.candidate, [candidate, candidate + 1]))

    def pairs_of_dwelling(self, dwelling: int) -> np.ndarray:
        start, stop = np.searchsorted(self.sorted_dwelling, [dwelling, dwelling + 1])
        return self.by_dwelling[start:stop]

    def full_quotas(self, pairs: np.ndarray) -> tuple[str, ...]:
        """The full quotas that count one of ``pairs``: they kept those pairs out."""
        if self.in_full is None:
            return ()
        hit = self.in_full[pairs].any(axis=0)
        return tuple(quota for quota, bound in zip(self.full_ids, hit, strict=True) if bound)


def unmatched(context: Context, rules: Sequence[HardRule]) -> tuple[UnmatchedCandidate, ...]:
    """Every candidate without a dwelling, in id order."""
    t, problem = context.tables, context.problem
    explained = []
    for i in np.flatnonzero(context.partner_of_candidate < 0).tolist():
        pairs = context.pairs_of_candidate(i)
        name = t.candidate_ids[i]
        if not len(pairs):
            excluded = [(r.id, int((~r.allows(t, i, i + 1)).sum())) for r in rules]
            explained.append(UnmatchedCandidate(name, "no_feasible_dwelling", _most(excluded)))
            continue
        dwellings = problem.dwelling[pairs]
        taken = [
            (t.dwelling_ids[d], t.candidate_ids[context.partner_of_dwelling[d]])
            for d in dwellings.tolist()
            if context.partner_of_dwelling[d] >= 0
        ]
        explained.append(
            UnmatchedCandidate(
                name, "outcompeted", taken_by=tuple(taken), full_quotas=context.full_quotas(pairs)
            )
        )
    return tuple(explained)


def unused(context: Context, rules: Sequence[HardRule]) -> tuple[UnusedDwelling, ...]:
    """Every dwelling left empty, in id order."""
    t, problem = context.tables, context.problem
    empty = np.flatnonzero(context.partner_of_dwelling < 0)
    lonely = empty[context.demand[empty] == 0]
    excluded = _excluded_candidates(t, lonely, rules)
    explained = []
    for j in empty.tolist():
        name = t.dwelling_ids[j]
        if j in excluded:
            explained.append(UnusedDwelling(name, "no_feasible_candidate", excluded[j]))
            continue
        pairs = context.pairs_of_dwelling(j)
        elsewhere = [
            (t.candidate_ids[c], t.dwelling_ids[context.partner_of_candidate[c]])
            for c in problem.candidate[pairs].tolist()
            if context.partner_of_candidate[c] >= 0
        ]
        explained.append(
            UnusedDwelling(
                name,
                "candidates_placed_elsewhere",
                placed_elsewhere=tuple(elsewhere),
                full_quotas=context.full_quotas(pairs),
            )
        )
    return tuple(explained)


def _excluded_candidates(
    tables: Tables, dwellings: np.ndarray, rules: Sequence[HardRule]
) -> dict[int, tuple[tuple[str, int], ...]]:
    """Per dwelling without any feasible candidate: how many candidates each rule excluded."""
    if not len(dwellings):
        return {}
    sub = only_dwellings(tables, dwellings)
    counts = [(r.id, (~r.allows(sub, 0, sub.n_candidates)).sum(axis=0)) for r in rules]
    return {
        j: _most([(rule, int(column[k])) for rule, column in counts])
        for k, j in enumerate(dwellings.tolist())
    }


def _most(counts: list[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """The rules that excluded something, most first (then by id)."""
    return tuple(sorted(((r, n) for r, n in counts if n), key=lambda item: (-item[1], item[0])))
