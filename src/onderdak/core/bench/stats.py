"""Summary statistics of benchmark timings."""

import statistics
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    """The middle value (the mean of the two middle values for an even count)."""
    if not values:
        raise ValueError("median of no values")
    return statistics.median(values)


def percentile(values: Sequence[float], percent: int) -> float:
    """The nearest-rank percentile: the smallest value with ``percent`` % of all values at or below.

    Unlike interpolating methods it always returns a measured value, so with 30 repeats the p95 is
    the second-slowest request: one outlier (a garbage collection, a cold cache) does not count,
    two do. The rank is computed in integers to avoid floating-point surprises (0.95 * 20).
    """
    if not values:
        raise ValueError("percentile of no values")
    if not 0 < percent <= 100:
        raise ValueError("percent must lie in (0, 100]")
    ordered = sorted(values)
    rank = -(-percent * len(ordered) // 100)  # ceil(percent * n / 100), at least 1
    return ordered[rank - 1]


def p95(values: Sequence[float]) -> float:
    return percentile(values, 95)
