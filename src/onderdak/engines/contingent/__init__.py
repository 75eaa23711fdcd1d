"""The contingent engine: the year's targets per stream split over the corporations by a key.

Plain Python (no Django): the stream targets and each corporation's social rental stock in, the
share per corporation and stream out, by the largest-remainder method so the parts add up to each
stream's target exactly.
"""

from .split import STREAMS, SplitError, split_targets

__all__ = ["STREAMS", "SplitError", "split_targets"]
