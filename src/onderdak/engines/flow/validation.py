"""Checking a :class:`FlowInput`; every check raises :class:`FlowError` naming the offending
item, the input ``field`` and the ``cell`` at fault."""

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from numbers import Integral, Real

from .errors import FlowError
from .model import Cell, Destinations, FlowInput, Stay, StayKind, WhenFull
from .stays import MAX_STEPS_PER_MONTH

MAX_MONTHS = 600
MAX_RUNS = 100_000
#: Places or people in one cell: far above a municipality's facilities of one type.
MAX_PEOPLE = 10_000
MAX_RATE = 10_000.0  # newcomers or contingent dwellings per month
#: Cells x months x runs, and cells x steps x runs: what fits in well under 1 GB.
MAX_CELL_MONTH_RUNS = MAX_CELL_STEP_RUNS = 40_000_000
SHARE_TOLERANCE = 1e-9
DESTINATIONS = ("contingent", "housing", "institution", "unknown")


def validate(data: FlowInput) -> None:
    """Raise :class:`FlowError` for the first input that cannot be used."""
    _horizon(data)
    _cells(data.cells, data.months)
    _contingent(data.contingent, {cell.area for cell in data.cells}, data.months)
    _groups(data.groups, {cell.key for cell in data.cells})
    _size(data)


def _horizon(data: FlowInput) -> None:
    _whole(data.months, "months", "The horizon", 1, MAX_MONTHS)
    _whole(data.runs, "runs", "The number of runs", 1, MAX_RUNS)
    _whole(data.seed, "seed", "The seed", 0, 2**63 - 1)
    if data.steps_per_month is not None:
        _whole(data.steps_per_month, "steps_per_month", "Steps per month", 1, MAX_STEPS_PER_MONTH)


def _whole(value, field: str, name: str, low: int, high: int, cell: str | None = None) -> None:
    if not isinstance(value, Integral) or isinstance(value, bool):
        raise FlowError(f"{name} must be a whole number, not {value!r}.", field, cell)
    if not low <= value <= high:
        raise FlowError(
            f"{name} must lie between {low:,} and {high:,}, not {value:,}.", field, cell
        )


def _number(value, field: str, name: str, high: float, cell: str | None = None) -> None:
    """A finite real number between 0 and ``high``."""
    if not isinstance(value, Real) or isinstance(value, bool) or not math.isfinite(value):
        raise FlowError(f"{name} must be a finite number, not {value!r}.", field, cell)
    if not 0 <= value <= high:
        raise FlowError(f"{name} must lie between 0 and {high:,}, not {value!r}.", field, cell)


def _cells(cells, months: int) -> None:
    if not isinstance(cells, tuple) or not cells:
        raise FlowError("Give at least one cell, as a tuple.", "cells")
    for cell in cells:
        if not isinstance(cell, Cell):
            raise FlowError(f"Every cell must be a Cell, not {cell!r}.", "cells")
    _unique(cell.key for cell in cells)
    for cell in cells:
        _cell(cell, months)


def _unique(keys: Iterable[str]) -> None:
    for key, count in Counter(keys).items():
        if not isinstance(key, str) or not key:
            raise FlowError(f"A cell has no key: {key!r}.", "cells")
        if count > 1:
            raise FlowError(f"The cell {key!r} is given {count} times.", "cells", key)


def _cell(cell: Cell, months: int) -> None:
    of, key = f"of cell {cell.key!r}", cell.key
    if not isinstance(cell.area, str) or not cell.area:
        raise FlowError(f"Cell {key!r} has no area.", "area", key)
    _series(cell.capacity, months, f"The capacity {of}", "capacity", key)
    for month, places in enumerate(cell.capacity, start=1):
        _whole(places, "capacity", f"The places {of} in month {month}", 0, MAX_PEOPLE, key)
    _number(cell.inflow, "inflow", f"The inflow {of}", MAX_RATE, key)
    _stay(cell.stay, of, key)
    _destinations(cell.destinations, of, key)
    _when_full(cell, of)
    _number(cell.tariff_per_day, "tariff_per_day", f"The tariff {of}", 1e6, key)
    _whole(cell.occupied, "occupied", f"The occupied places {of}", 0, MAX_PEOPLE, key)
    _whole(cell.waiting, "waiting", f"The waiting list {of}", 0, MAX_PEOPLE, key)


def _series(values, months: int, name: str, field: str, cell: str | None) -> None:
    if not isinstance(values, tuple | list):
        raise FlowError(f"{name} must be a tuple with one value per month.", field, cell)
    if len(values) != months:
        raise FlowError(f"{name} has {len(values)} months; the horizon has {months}.", field, cell)


def _stay(stay: Stay, of: str, key: str) -> None:
    if not isinstance(stay, Stay):
        raise FlowError(f"The stay {of} must be a Stay, not {stay!r}.", "stay", key)
    if stay.kind not in tuple(StayKind):
        raise FlowError(f"The kind of stay {of} is unknown: {stay.kind!r}.", "stay", key)
    _number(stay.mean_months, "stay", f"The mean stay {of}", 1200, key)
    _number(stay.spread_months, "stay", f"The spread of the stay {of}", 1200, key)
    if stay.mean_months <= 0:
        raise FlowError(f"The mean stay {of} must be more than 0 months.", "stay", key)
    if stay.kind == StayKind.LOGNORMAL and stay.spread_months <= 0:
        raise FlowError(
            f"The lognormal stay {of} has no spread; give its standard deviation.", "stay", key
        )


def _destinations(shares: Destinations, of: str, key: str) -> None:
    if not isinstance(shares, Destinations):
        raise FlowError(
            f"The destinations {of} must be Destinations, not {shares!r}.", "destinations", key
        )
    values = {label: getattr(shares, label) for label in DESTINATIONS}
    for label, value in values.items():
        _number(value, "destinations", f"The share for {label} {of}", 1, key)
    total = math.fsum(values.values())
    if abs(total - 1) > SHARE_TOLERANCE:
        raise FlowError(
            f"The destination shares {of} add up to {total:.6g}, not 1.", "destinations", key
        )


def _when_full(cell: Cell, of: str) -> None:
    if cell.when_full not in tuple(WhenFull):
        raise FlowError(
            f"What happens when full {of} is unknown: {cell.when_full!r}.", "when_full", cell.key
        )
    if cell.when_full == WhenFull.UNSHELTERED and cell.waiting:
        raise FlowError(
            f"Newcomers stay unsheltered when cell {cell.key!r} is full, so it has no waiting "
            f"list; its waiting list must be 0, not {cell.waiting}.",
            "waiting",
            cell.key,
        )


def _contingent(contingent, areas: set[str], months: int) -> None:
    if not isinstance(contingent, Mapping):
        raise FlowError(
            "The contingent must map each area to its dwellings per month.", "contingent"
        )
    missing = sorted(areas - set(contingent))
    if missing:
        raise FlowError(
            f"No contingent for area {missing[0]!r}; give zeros if it has none.", "contingent"
        )
    for area in sorted(areas):
        name = f"The contingent of area {area!r}"
        _series(contingent[area], months, name, "contingent", None)
        for month, value in enumerate(contingent[area], start=1):
            _number(value, "contingent", f"{name} in month {month}", MAX_RATE)


def _groups(groups, keys: set[str]) -> None:
    if not isinstance(groups, Mapping):
        raise FlowError("The groups must map each name to cell keys.", "groups")
    for name, members in groups.items():
        if not isinstance(name, str) or not name:
            raise FlowError(f"A group has no name: {name!r}.", "groups")
        if not isinstance(members, tuple | list) or not members:
            raise FlowError(f"The group {name!r} must name at least one cell.", "groups")
        for key, count in Counter(members).items():
            if key not in keys:
                raise FlowError(f"The group {name!r} names unknown cell {key!r}.", "groups")
            if count > 1:
                raise FlowError(f"The group {name!r} names cell {key!r} twice.", "groups")


def _size(data: FlowInput) -> None:
    size = len(data.cells) * data.months * data.runs
    if size > MAX_CELL_MONTH_RUNS:
        raise FlowError(
            f"{len(data.cells)} cells x {data.months} months x {data.runs:,} runs is too much "
            f"({size:,}; at most {MAX_CELL_MONTH_RUNS:,}); use fewer runs.",
            "runs",
        )
