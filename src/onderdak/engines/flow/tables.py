"""Inverse distribution functions by table: exact draws from a uniform, a few array operations.

numpy's own binomial and Poisson generators cost about 100 ns a draw, and take no uniform of
ours, so draws could not be coupled (:mod:`onderdak.engines.flow.engine`). Here every
distribution is a row of its cumulative distribution function ``cdf`` and a *guide*:
``guide[row, j]`` is the number of ``k`` with ``cdf[row, k] < j / GRID``. The inverse at ``u`` --
the smallest ``k`` with ``cdf[k] >= u`` -- lies between ``guide[row, j]`` and ``guide[row, j + 1]``
for ``j = floor(u * GRID)``; where the two are equal (about 97 % of draws) that is the answer,
otherwise a short scan of ``cdf`` finds it. The result is the exact inverse of the tabulated
``cdf`` (computed to within rounding), so it is non-decreasing in ``u`` and, for the binomial
rows, in the number of trials.

Rows are cut where the remaining probability is below 1e-30 (far below the 2^-53 resolution of a
uniform), and the last column is exactly 1.
"""

import math
from dataclasses import dataclass

import numpy as np
from scipy.stats import poisson

GRID = 1024
TAIL_SDS = 12  # rows are cut 12 standard deviations (plus 12) above the mean


@dataclass(frozen=True)
class QuantileTable:
    """Rows of cumulative distribution functions with their guides."""

    cdf: np.ndarray  # (rows, width) float64, non-decreasing along a row, last column 1.0
    guide: np.ndarray  # (rows, GRID + 1) int32

    @classmethod
    def from_cdf(cls, cdf: np.ndarray) -> "QuantileTable":
        rows = len(cdf)
        first_point = np.minimum(np.floor(cdf * GRID).astype(np.int64) + 1, GRID + 1)
        bins = (np.arange(rows)[:, None] * (GRID + 2) + first_point).ravel()
        counts = np.bincount(bins, minlength=rows * (GRID + 2)).reshape(rows, GRID + 2)
        guide = np.cumsum(counts, axis=1, dtype=np.int32)[:, : GRID + 1]
        return cls(np.ascontiguousarray(cdf), np.ascontiguousarray(guide))

    def lookup(self, rows: np.ndarray, u: np.ndarray) -> np.ndarray:
        """``min{k : cdf[rows, k] >= u}``, element by element (``u`` in [0, 1))."""
        flat = rows * (GRID + 1) + (u * GRID).astype(np.intp)
        guide = self.guide.ravel()
        k = guide.take(flat)
        todo = np.flatnonzero(k != guide.take(flat + 1))
        if todo.size:
            self._scan(k.reshape(-1), rows.reshape(-1), u.reshape(-1), todo)
        return k

    def _scan(self, k: np.ndarray, rows: np.ndarray, u: np.ndarray, todo: np.ndarray) -> None:
        """Move ``k`` up while ``cdf[k] < u``, for the draws that need it."""
        cdf = self.cdf.ravel()
        width = self.cdf.shape[1]
        while todo.size:
            below = cdf.take(rows.take(todo) * width + k.take(todo)) < u.take(todo)
            todo = todo[below]
            k[todo] += 1


def binomial_cdf(trials: int, chance: float) -> np.ndarray:
    """The binomial cdf for every number of trials 0..``trials``: ``(trials + 1, width)``.

    Built by the recurrence ``F[n + 1, k] = (1 - p) F[n, k] + p F[n, k - 1]``: convex
    combinations, so the rounding error stays below ``n`` units in the last place.
    """
    width = min(trials, _tail(trials * chance, trials * chance * (1 - chance))) + 1
    cdf = np.ones((trials + 1, width))
    for n in range(1, trials + 1):
        row = cdf[n - 1]
        cdf[n, 1:] = (1 - chance) * row[1:] + chance * row[:-1]
        cdf[n, 0] = (1 - chance) * row[0]
        cdf[n, n:] = 1.0
    cdf[:, -1] = 1.0
    return cdf


def poisson_cdf(mean: float) -> np.ndarray:
    """The Poisson cdf from 0 up to where the rest is negligible, ending in exactly 1."""
    cdf = poisson.cdf(np.arange(_tail(mean, mean) + 1), mean)
    cdf[-1] = 1.0
    return cdf


def _tail(mean: float, variance: float) -> int:
    return math.ceil(mean + TAIL_SDS * math.sqrt(variance) + TAIL_SDS)


def stacked(rows: list[np.ndarray]) -> QuantileTable:
    """One table of several cdfs (1-D or 2-D blocks), padded with ones to one width."""
    blocks = [np.atleast_2d(block) for block in rows]
    width = max(block.shape[1] for block in blocks)
    cdf = np.ones((sum(len(block) for block in blocks), width))
    start = 0
    for block in blocks:
        cdf[start : start + len(block), : block.shape[1]] = block
        start += len(block)
    return QuantileTable.from_cdf(cdf)
