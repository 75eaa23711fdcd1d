"""From simulated months to a :class:`FlowResult`: bands per cell and group, and the checks.

Months stream in from the simulation and are summarised a block at a time, so memory holds a
few months of every run rather than the whole horizon (a tenth of the time of a large run went to
the operating system handing out fresh memory for the full paths). The balances are checked
month by month, on the simulation's own arrays (checking a block of 16-bit months at once took
longer). Summarising a block in a second thread while the simulation filled the next one was
tried too: the two threads' many small array operations contended for the interpreter lock,
and the whole took longer.
"""

from collections.abc import Callable, Iterable

import numpy as np

from .bands import band_arrays
from .model import DAYS_PER_MONTH, Band, FlowInput, FlowResult
from .plan import Plan

#: The measures counted in people, and the simulated figures they come from.
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
BLOCK_MONTHS = 12


def summarise(
    data: FlowInput,
    plan: Plan,
    months: Iterable[dict[str, np.ndarray]],
    most: int,
    bands: Callable[[np.ndarray], np.ndarray] = band_arrays,
) -> FlowResult:
    """The result of the simulated ``months``; no count exceeds ``most``. ``bands`` turns values
    (..., runs) into their bands (4, ...)."""
    summary = Summary(data, plan, most, bands)
    for month, values in enumerate(months):
        summary.add(month, values)
    return summary.result()


class Summary:
    """Collects months in blocks and turns each block into bands; checks the balances."""

    def __init__(self, data: FlowInput, plan: Plan, most: int, bands: Callable) -> None:
        self.data, self.plan, self.bands = data, plan, bands
        self.members = _members(data, plan)
        self.names = list(COUNTED.values())
        if plan.steps_per_month > 1:
            self.names.append("place_steps")
        shape = (BLOCK_MONTHS, len(plan.keys), data.runs)
        dtype = np.int16 if most * plan.steps_per_month < 2**15 else np.int32
        self.block = {name: np.empty(shape, dtype) for name in self.names}
        self.filled = self.first = 0
        shape = (4, data.months)
        self.cells = {name: np.empty((*shape, len(plan.keys))) for name in (*COUNTED, "cost")}
        self.groups = {name: np.empty((*shape, len(data.groups))) for name in (*COUNTED, "cost")}
        self.balance = Balance(plan)

    def add(self, month: int, values: dict[str, np.ndarray]) -> None:
        self.balance.add(values)
        for name in self.names:
            self.block[name][self.filled] = values[name]
        self.filled += 1
        if self.filled == BLOCK_MONTHS or month == self.data.months - 1:
            self._flush()

    def _flush(self) -> None:
        months = slice(self.first, self.first + self.filled)
        block = {name: values[: self.filled] for name, values in self.block.items()}
        for measure, name in COUNTED.items():
            self.cells[measure][:, months] = self.bands(block[name])
            self.groups[measure][:, months] = self.bands(_sums(self.members, block[name]))
        scale = _day_cost(self.plan) / self.plan.steps_per_month
        place_steps = block.get("place_steps", block["occupied"])
        if self.plan.steps_per_month == 1:
            self.cells["cost"][:, months] = self.cells["occupied"][:, months] * scale
        else:
            self.cells["cost"][:, months] = self.bands(place_steps) * scale
        costs = np.matmul(self.members * scale, place_steps.astype(float))
        self.groups["cost"][:, months] = self.bands(costs)
        self.first, self.filled = months.stop, 0

    def result(self) -> FlowResult:
        plan, data = self.plan, self.data
        capacity = plan.capacity * _day_cost(plan)
        cells = {**self.cells, "capacity_cost": _fixed(capacity)}
        groups = {**self.groups, "capacity_cost": _fixed(capacity @ self.members.T)}
        return FlowResult(
            months=data.months,
            runs=data.runs,
            seed=data.seed,
            cells=_bands(plan.keys, cells),
            groups=_bands(tuple(data.groups), groups),
            checks=self.balance.errors(),
            steps_per_month=plan.steps_per_month,
            stays={
                key: p.fit(plan.steps_per_month)
                for key, p in zip(plan.keys, plan.phases, strict=True)
            },
        )


class Balance:
    """The largest error, over all months, cells and runs, of the two balances:
    ``occupied`` changes by ``inflow - outflow``; ``arrivals = inflow + change in waiting +
    unsheltered``."""

    def __init__(self, plan: Plan) -> None:
        self.occupied, self.waiting = plan.occupied[:, None], plan.waiting[:, None]
        self.places = self.demand = 0

    def add(self, values: dict[str, np.ndarray]) -> None:
        now = {name: values[name].astype(np.int64, copy=False) for name in COUNTED.values()}
        change = now["occupied"] - self.occupied - now["inflow"] + now["outflow"]
        rest = now["arrivals"] - now["inflow"] - (now["waiting"] - self.waiting)
        self.places = max(self.places, int(np.abs(change).max()))
        self.demand = max(self.demand, int(np.abs(rest - now["unsheltered"]).max()))
        self.occupied, self.waiting = now["occupied"], now["waiting"]

    def errors(self) -> dict[str, float]:
        return {
            "conservation_places": float(self.places),
            "conservation_demand": float(self.demand),
        }


def _members(data: FlowInput, plan: Plan) -> np.ndarray:
    """(groups, cells): 1 where the group holds the cell."""
    members = np.zeros((len(data.groups), len(plan.keys)))
    index = {key: c for c, key in enumerate(plan.keys)}
    for g, keys in enumerate(data.groups.values()):
        members[g, [index[key] for key in keys]] = 1
    return members


def _sums(members: np.ndarray, values: np.ndarray) -> np.ndarray:
    """(months, groups, runs): the per-run sums over each group's cells, by a product of
    matrices in floats (exact for whole numbers: in single precision below 2^24)."""
    exact = np.float32 if int(values.max(initial=0)) * len(members[0]) < 2**24 else np.float64
    return np.matmul(members.astype(exact), values.astype(exact)).astype(np.int64)


def _day_cost(plan: Plan) -> np.ndarray:
    return plan.tariff * DAYS_PER_MONTH


def _fixed(values: np.ndarray) -> np.ndarray:
    """The band of a figure that is the same in every run: (months, rows) -> (4, months, rows)."""
    return np.broadcast_to(values.astype(float), (4, *values.shape))


def _bands(names: tuple[str, ...], measures: dict[str, np.ndarray]) -> dict[str, dict[str, Band]]:
    """Per name (the last axis of each (4, months, names) array): measure -> band."""
    lists = {measure: values.transpose(2, 0, 1).tolist() for measure, values in measures.items()}
    return {
        name: {measure: Band(*map(tuple, rows[i])) for measure, rows in lists.items()}
        for i, name in enumerate(names)
    }
