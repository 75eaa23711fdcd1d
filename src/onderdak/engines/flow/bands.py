"""Percentile bands over the runs, equal to numpy's ``quantile`` (its default, linear method).

Most measures are small whole numbers, so their order statistics come from counting rather than
sorting: per row (a month of a cell) the number of runs at or below each value, then one
``searchsorted`` over all rows at once (each row's running counts are lifted above the previous
row's, so the whole is sorted). Rows whose values run too high for counting are sorted instead.
"""

import numpy as np

QUANTILES = (0.1, 0.5, 0.9)
#: Counting takes rows x (largest value + 1) counters; beyond this many, sort.
MAX_COUNTERS = 8_000_000


def band_arrays(values: np.ndarray) -> np.ndarray:
    """``(4, *rows)``: P10, P50, P90 and mean over the last axis (runs)."""
    runs = values.shape[-1]
    rows = values.reshape(-1, runs)
    positions = [_position(runs, q) for q in QUANTILES]
    ranks = sorted({r for low, _ in positions for r in (low, min(low + 1, runs - 1))})
    if np.issubdtype(rows.dtype, np.integer):
        stats = dict(zip(ranks, order_statistics(rows, ranks), strict=True))
    else:
        stats = dict(zip(ranks, np.sort(rows, axis=1)[:, ranks].T, strict=True))
    bands = [_lerp(stats[low], stats[min(low + 1, runs - 1)], gamma) for low, gamma in positions]
    bands.append(rows.mean(axis=1))
    return np.array(bands).reshape(4, *values.shape[:-1])


def _position(runs: int, q: float) -> tuple[int, float]:
    """numpy's virtual index for the linear method: the lower rank and the fraction beyond."""
    virtual = (runs - 1) * q
    low = int(np.floor(virtual))
    return low, virtual - low


def _lerp(a: np.ndarray, b: np.ndarray, gamma: float) -> np.ndarray:
    """numpy's interpolation, to the last bit (from the nearer end for stability)."""
    a = a.astype(float)
    diff = b - a
    return b - diff * (1 - gamma) if gamma >= 0.5 else a + diff * gamma


def order_statistics(rows: np.ndarray, ranks: list[int]) -> np.ndarray:
    """``(len(ranks), rows)``: the ``rank``-th smallest value of each row (0-based); the values
    are whole numbers of at least 0."""
    count, runs = rows.shape
    top = int(rows.max(initial=0)) + 1
    if count * top > MAX_COUNTERS:
        return np.sort(rows, axis=1)[:, ranks].T
    lift = np.arange(count)
    tally = np.bincount((lift[:, None] * top + rows).ravel(), minlength=count * top)
    at_or_below = np.cumsum(tally.reshape(count, top), axis=1) + (lift * (runs + 1))[:, None]
    flat = at_or_below.ravel()
    return np.array(
        [np.searchsorted(flat, rank + lift * (runs + 1), side="right") - lift * top
         for rank in ranks]
    )  # fmt: skip
