"""Split the targets of a contingent year over the corporations, per stream.

Each stream (outflow, prevention) is split on its own by the largest-remainder method, so each
stream's parts add up to its target exactly and every part is the floor or the ceiling of its
exact share ``target * stock / total stock``. Keys come out sorted, so equal input gives equal
output whatever the order it came in.
"""

from collections.abc import Mapping

from onderdak.engines.apportion import apportion

#: The streams of the contingent, in the order the result lists them.
STREAMS = ("outflow", "prevention")


class SplitError(ValueError):
    """Input the split cannot work with; ``message`` is a clear English sentence naming the item."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def split_targets(
    *, outflow: int, prevention: int, stocks: Mapping[str, int]
) -> dict[str, dict[str, int]]:
    """Each key's share of both stream targets: ``{key: {"outflow": n, "prevention": m}}``.

    ``stocks`` weighs every key (e.g. a corporation's social rental dwellings); a key with no
    stock gets nothing. Raises :class:`SplitError` for a negative target or stock, or when there
    is no stock at all to split by.
    """
    targets = {"outflow": outflow, "prevention": prevention}
    for stream, target in targets.items():
        _check_count(target, f"The {stream} target")
    keys = sorted(stocks)
    for key in keys:
        _check_count(stocks[key], f"The stock of {key}")
    if not keys:
        raise SplitError("There are no stocks to split the targets by.")
    weights = [stocks[key] for key in keys]
    if not any(weights):
        raise SplitError("The stocks add up to zero: there is nothing to split the targets by.")
    parts = {stream: apportion(targets[stream], weights) for stream in STREAMS}
    return {key: {stream: parts[stream][i] for stream in STREAMS} for i, key in enumerate(keys)}


def _check_count(value: int, item: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SplitError(f"{item} must be a whole number, not {value!r}.")
    if value < 0:
        raise SplitError(f"{item} is {value}; it cannot be negative.")
