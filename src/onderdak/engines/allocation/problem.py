"""The solver's view of a run: feasible pairs with whole-number scores, and quotas.

This is also the engine's low-level entry point: a benchmark or another caller that already has a
score matrix (such as the OR-Library assignment instances) builds a :class:`Problem` directly.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .plugins import Criterion, HardRule
from .tables import Tables

BLOCK_CELLS = 4_000_000  # candidate x dwelling cells checked at once: bounds the memory


@dataclass(frozen=True)
class QuotaSpec:
    """A quota on pairs: the candidate and dwelling index sets (``None``: any)."""

    id: str
    limit: int
    candidates: np.ndarray | None = None
    dwellings: np.ndarray | None = None

    def members(self, problem: "Problem") -> np.ndarray:
        """A bool array over the problem's pairs: which ones the quota counts."""
        inside = np.ones(len(problem.candidate), bool)
        if self.candidates is not None:
            inside &= np.isin(problem.candidate, self.candidates)
        if self.dwellings is not None:
            inside &= np.isin(problem.dwelling, self.dwellings)
        return inside


@dataclass(frozen=True)
class Problem:
    """Pairs unique and sorted by (candidate, dwelling) index; ``score`` is 0 or more per pair."""

    n_candidates: int
    n_dwellings: int
    candidate: np.ndarray
    dwelling: np.ndarray
    score: np.ndarray
    quotas: tuple[QuotaSpec, ...] = ()

    @property
    def complete(self) -> bool:
        """Every candidate may get every dwelling."""
        return len(self.candidate) == self.n_candidates * self.n_dwellings


def feasible_pairs(tables: Tables, rules: Sequence[HardRule]) -> tuple[np.ndarray, np.ndarray]:
    """The (candidate, dwelling) indices that every rule allows, block by block."""
    block = max(1, BLOCK_CELLS // max(1, tables.n_dwellings))
    candidates, dwellings = [], []
    for start in range(0, tables.n_candidates, block):
        stop = min(start + block, tables.n_candidates)
        allowed = np.ones((stop - start, tables.n_dwellings), bool)
        for rule in rules:
            allowed &= rule.allows(tables, start, stop)
        c, d = np.nonzero(allowed)
        candidates.append(c + start)
        dwellings.append(d)
    empty = np.zeros(0, np.int64)
    return (
        np.concatenate(candidates) if candidates else empty,
        np.concatenate(dwellings) if dwellings else empty,
    )


def weighted_points(
    tables: Tables,
    criteria: Sequence[tuple[Criterion, int]],
    candidates: np.ndarray,
    dwellings: np.ndarray,
) -> list[np.ndarray]:
    """Per criterion in use, its weighted points for the given pairs."""
    return [
        weight * criterion.points(tables, candidates, dwellings).astype(np.int64)
        for criterion, weight in criteria
    ]
