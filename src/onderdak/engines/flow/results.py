"""From simulated paths to a :class:`FlowResult`: bands per cell and group, and the checks."""

from collections.abc import Callable

import numpy as np

from .bands import band_arrays
from .engine import Paths
from .model import DAYS_PER_MONTH, Band, FlowInput, FlowResult
from .plan import Plan

#: The measures counted in people, and the paths they come from.
COUNTED = {
    "occupied": "occupied",
    "waiting": "waiting",
    "ready_no_dwelling": "ready",
    "unsheltered": "unsheltered",
    "inflow": "inflow",
    "outflow": "outflow",
    "arrivals": "arrivals",
    "housed": "housed",
}


def summarise(
    data: FlowInput, plan: Plan, paths: Paths, bands: Callable = band_arrays
) -> FlowResult:
    """The result; ``bands`` turns (months, rows, runs) values into (4, months, rows) bands."""
    cells = {name: bands(getattr(paths, path)) for name, path in COUNTED.items()}
    cells["cost"] = _cost_band(plan, paths, cells["occupied"], bands)
    cells["capacity_cost"] = _fixed(plan.capacity * _day_cost(plan))
    groups = _group_bands(data, plan, paths, bands)
    return FlowResult(
        months=data.months,
        runs=data.runs,
        seed=data.seed,
        cells={
            key: {name: _band(values[:, :, c]) for name, values in cells.items()}
            for c, key in enumerate(plan.keys)
        },
        groups={
            group: {name: _band(values[:, :, g]) for name, values in groups.items()}
            for g, group in enumerate(data.groups)
        },
        checks=checks(plan, paths),
        steps_per_month=plan.steps_per_month,
        stays={
            key: p.fit(plan.steps_per_month) for key, p in zip(plan.keys, plan.phases, strict=True)
        },
    )


def _day_cost(plan: Plan) -> np.ndarray:
    return plan.tariff * DAYS_PER_MONTH


def _cost_band(plan: Plan, paths: Paths, occupied: np.ndarray, bands: Callable) -> np.ndarray:
    """Place-days x tariff; with one step a month, the occupied band scaled (no second sort)."""
    scale = _day_cost(plan) / plan.steps_per_month
    if plan.steps_per_month == 1:
        return occupied * scale
    return bands(paths.place_steps) * scale


def _fixed(values: np.ndarray) -> np.ndarray:
    """The band of a figure that is the same in every run."""
    return np.broadcast_to(values.astype(float), (4, *values.shape))


def _group_bands(data: FlowInput, plan: Plan, paths: Paths, bands: Callable) -> dict:
    """Bands of the per-run sums over each group's cells."""
    members = np.zeros((len(data.groups), len(plan.keys)))
    index = {key: c for c, key in enumerate(plan.keys)}
    for g, keys in enumerate(data.groups.values()):
        members[g, [index[key] for key in keys]] = 1
    groups = {
        name: bands(_sum(members, getattr(paths, path)).astype(np.int64))
        for name, path in COUNTED.items()
    }
    scale = _day_cost(plan) / plan.steps_per_month
    groups["cost"] = bands(_sum(members * scale, paths.place_steps))
    groups["capacity_cost"] = _fixed(plan.capacity @ (members * _day_cost(plan)).T)
    return groups


def _sum(weights: np.ndarray, values: np.ndarray) -> np.ndarray:
    """(months, groups, runs): the weighted sums over the cells (exact for whole numbers)."""
    return np.matmul(weights, values.astype(float))


def checks(plan: Plan, paths: Paths) -> dict[str, float]:
    """The largest error, over all months, cells and runs, of the two balances."""
    occupied = _previous(paths.occupied, plan.occupied)
    waiting = _previous(paths.waiting, plan.waiting)
    places = paths.occupied - occupied - paths.inflow + paths.outflow
    demand = paths.arrivals - paths.inflow - (paths.waiting - waiting) - paths.unsheltered
    return {
        "conservation_places": float(np.abs(places).max()),
        "conservation_demand": float(np.abs(demand).max()),
    }


def _previous(values: np.ndarray, start: np.ndarray) -> np.ndarray:
    """The value at the end of the month before (the start for the first month)."""
    before = np.empty_like(values)
    before[0] = start[:, None]
    before[1:] = values[:-1]
    return before


def _band(values: np.ndarray) -> Band:
    p10, p50, p90, mean = (tuple(row) for row in values.tolist())
    return Band(p10=p10, p50=p50, p90=p90, mean=mean)
