"""The largest-remainder method: split a whole number of units exactly in proportion to weights.

Shared by the engines that split whole things: cents of a budget (funding), dwellings of a
contingent over the corporations (contingent).
"""

from collections.abc import Sequence


def apportion(total: int, weights: Sequence[int]) -> list[int]:
    """Split ``total`` units in proportion to ``weights`` by the largest-remainder method.

    Each part starts at the floor of its exact share ``total * w / sum(weights)``; the units left
    over (fewer than the number of parts with a non-zero fractional remainder, since they are the
    sum of those remainders) go one each to the largest remainders, ties to the earliest weight.
    So every part is the floor or the ceiling of its exact share -- it differs from it by less
    than one unit -- and the parts add up to ``total`` exactly.
    """
    whole = sum(weights)
    parts = [total * weight // whole for weight in weights]
    left = total - sum(parts)
    if left:
        remainders = [total * w - p * whole for w, p in zip(weights, parts, strict=True)]
        # reverse=True keeps equal remainders in their original order (sorting is stable)
        order = sorted(range(len(parts)), key=remainders.__getitem__, reverse=True)
        for index in order[:left]:
            parts[index] += 1
    return parts
