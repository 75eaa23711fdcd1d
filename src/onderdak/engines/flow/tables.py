"""Inverse distribution functions by table: exact draws from random bits, a few array operations.

numpy's own binomial and Poisson generators cost about 100 ns a draw, and take no uniform of
ours, so draws could not be coupled (:mod:`onderdak.engines.flow.engine`). Here every
distribution is a row of its cumulative distribution function ``cdf``; a draw is the inverse at
a uniform ``u``: the smallest ``k`` with ``cdf[k] >= u``. The uniform comes from 64 random bits
as numpy makes its own (``u = (bits >> 11) / 2^53``), and the top :data:`GRID_BITS` bits say in
which of ``GRID`` equal slices of [0, 1) it lies. A *start* table holds, per row and slice, the
inverse itself where it is the same across the whole slice (about 97 % of draws), and otherwise
the bitwise complement of its lowest value there, from which a short scan of ``cdf`` finds it.
The result is the exact inverse of the tabulated ``cdf`` (computed to within rounding), so it is
non-decreasing in ``u`` and, for the binomial rows, in the number of trials.

Rows are cut where the remaining probability is below 1e-30 (far below the 2^-53 resolution of a
uniform), and the last column is exactly 1.
"""

import math
from dataclasses import dataclass

import numpy as np
from scipy.stats import poisson

GRID_BITS = 10
GRID = 1 << GRID_BITS
TAIL_SDS = 12  # rows are cut 12 standard deviations (plus 12) above the mean
SLICE_SHIFT = np.uint64(64 - GRID_BITS)
UNIFORM_SHIFT = np.uint64(11)


def uniform(bits: np.ndarray) -> np.ndarray:
    """The uniforms in [0, 1) that numpy's ``random()`` makes of these 64-bit draws."""
    return (bits >> UNIFORM_SHIFT) * 2.0**-53


@dataclass(frozen=True)
class QuantileTable:
    """Rows of cumulative distribution functions with their start tables."""

    cdf: np.ndarray  # (rows, width) float64, non-decreasing along a row, last column 1.0
    start: np.ndarray  # (rows, GRID) int32: the inverse, or ~(its lowest value) in the slice

    @classmethod
    def from_cdf(cls, cdf: np.ndarray) -> "QuantileTable":
        """``guide[row, j]``, the number of ``k`` with ``cdf[k] < j / GRID``, is the inverse at
        ``j / GRID``; the inverse is constant over slice ``j`` when ``guide`` does not move."""
        rows = len(cdf)
        first_point = np.minimum(np.floor(cdf * GRID).astype(np.int64) + 1, GRID + 1)
        bins = (np.arange(rows)[:, None] * (GRID + 2) + first_point).ravel()
        counts = np.bincount(bins, minlength=rows * (GRID + 2)).reshape(rows, GRID + 2)
        guide = np.cumsum(counts, axis=1, dtype=np.int32)[:, : GRID + 1]
        low, high = guide[:, :-1], guide[:, 1:]
        start = np.where(low == high, low, ~low)
        return cls(np.ascontiguousarray(cdf), np.ascontiguousarray(start, dtype=np.int32))

    def lookup(self, rows, bits: np.ndarray) -> np.ndarray:
        """The inverse of row ``rows`` at the uniform of ``bits`` (uint64), element by element;
        ``rows`` broadcasts to the shape of ``bits``."""
        flat = rows * GRID + (bits >> SLICE_SHIFT).view(np.int64)
        k = self.start.ravel().take(flat)
        todo = np.flatnonzero(k < 0)
        if todo.size:
            self._scan(k.reshape(-1), flat.reshape(-1), bits.reshape(-1), todo)
        return k

    def _scan(self, k: np.ndarray, flat: np.ndarray, bits: np.ndarray, todo: np.ndarray) -> None:
        """From the lowest value of the slice, move up while ``cdf < u``."""
        cdf = self.cdf.ravel()
        width = self.cdf.shape[1]
        rows, u = flat.take(todo) // GRID, uniform(bits.take(todo))
        k[todo] = ~k[todo]
        while todo.size:
            below = cdf.take(rows * width + k.take(todo)) < u
            todo, rows, u = todo[below], rows[below], u[below]
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
