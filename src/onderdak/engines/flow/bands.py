"""Percentile bands over the runs, equal to numpy's ``quantile`` (its default, linear method).

The counts are sorted as 8- or 16-bit whole numbers where they fit (numpy sorts those by radix,
in linear time: three times faster than a partition), then the order statistics are read off.
"""

import numpy as np

QUANTILES = (0.1, 0.5, 0.9)


def band_arrays(values: np.ndarray) -> np.ndarray:
    """``(4, *rows)``: P10, P50, P90 and mean over the last axis (runs)."""
    runs = values.shape[-1]
    rows = values.reshape(-1, runs)
    positions = [_position(runs, q) for q in QUANTILES]
    ordered = _sorted(rows)
    bands = [
        _lerp(ordered[:, low], ordered[:, min(low + 1, runs - 1)], gamma)
        for low, gamma in positions
    ]
    bands.append(rows.mean(axis=1))
    return np.array(bands).reshape(4, *values.shape[:-1])


def _sorted(rows: np.ndarray) -> np.ndarray:
    """Whole numbers (never below 0: they count people) by radix where they fit."""
    if np.issubdtype(rows.dtype, np.integer) and rows.size:
        top = rows.max()
        for small in (np.uint8, np.int16):
            if top <= np.iinfo(small).max:
                return np.sort(rows.astype(small, copy=False), axis=1, kind="stable")
    return np.sort(rows, axis=1)


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
