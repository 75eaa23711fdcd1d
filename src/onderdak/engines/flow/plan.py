"""Everything about a simulation that is not random, as arrays: the input laid out for the steps.

Cells keep the input's order. Each cell's phases (:mod:`~onderdak.engines.flow.stays`) get
consecutive *slots*; slot arrays say the phase's hazard, the slot that follows (-1: the stay
ends) and the row of the stay table where its binomial distributions start (row ``+ n`` is the
distribution of the number leaving among ``n`` people).
"""

from dataclasses import dataclass, replace

import numpy as np

from .contingent import credits
from .errors import FlowError
from .model import Cell, FlowInput, WhenFull
from .stays import Phases, cell_phases, steps_per_month
from .tables import GRID, QuantileTable, binomial_cdf, poisson_cdf, stacked
from .validation import MAX_CELL_STEP_RUNS

#: The stay tables may take this much memory (guides and cdfs together).
MAX_TABLE_BYTES = 300_000_000
#: The bit sequences (a bit and a running count per person who may pass, per run) likewise.
MAX_SEQUENCE_BYTES = 400_000_000


@dataclass(frozen=True)
class Plan:
    keys: tuple[str, ...]
    months: int
    steps_per_month: int
    phases: tuple[Phases, ...]  # per cell
    slot_start: np.ndarray  # (cells + 1,): the first slot of each cell
    hazard: np.ndarray  # (slots,)
    next_slot: np.ndarray  # (slots,): the slot that follows, -1 where the stay ends
    start: np.ndarray  # (slots,): share of the people present at the start
    entry: np.ndarray  # (cells, 2): the entry slots (the same twice for one entry)
    first: np.ndarray  # (cells,): chance of entering the first entry slot
    branching: np.ndarray  # indices of the cells with two entry slots
    exits: np.ndarray  # (cells, 2): exit slots, padded with ``slots`` (a row of zeros)
    stay_table: QuantileTable
    slot_rows: np.ndarray  # (slots,): first row of each slot's distributions
    arrival_table: QuantileTable  # row c: newcomers of cell c in a step
    capacity: np.ndarray  # (months, cells) int64
    credit: np.ndarray  # (steps, cells) int64: contingent dwellings in contingent.UNIT
    bank: np.ndarray  # (steps, cells) int64: most unused dwellings kept, in contingent.UNIT
    waiting_list: np.ndarray  # (cells,) bool
    occupied: np.ndarray  # (cells,) int64 at the start
    waiting: np.ndarray  # (cells,) int64 at the start
    contingent_share: np.ndarray  # (cells,)
    tariff: np.ndarray  # (cells,) euro per place per day
    bound: np.ndarray  # (cells,): most people the places can hold

    @property
    def steps(self) -> int:
        return self.months * self.steps_per_month

    @property
    def slots(self) -> int:
        return len(self.hazard)

    def slot_range(self, cell: int) -> tuple[int, int]:
        return int(self.slot_start[cell]), int(self.slot_start[cell + 1])


def build(data: FlowInput) -> Plan:
    """The plan of a validated input (raises :class:`FlowError` when it is too large)."""
    steps = steps_per_month(data.cells, data.steps_per_month)
    _check_size(data, steps)
    cells = data.cells
    phases = tuple(cell_phases(cell, steps) for cell in cells)
    slot_start = np.cumsum([0] + [len(p.hazards) for p in phases])
    capacity = np.ascontiguousarray(np.array([cell.capacity for cell in cells], np.int64).T)
    occupied = np.array([cell.occupied for cell in cells], np.int64)
    bound = np.maximum(capacity.max(axis=0), occupied)
    slots = _slots(phases, slot_start)
    stay_table, slot_rows = _stay_table(slots["hazard"], bound[slots["cell"]])
    plan = Plan(
        keys=tuple(cell.key for cell in cells),
        months=data.months,
        steps_per_month=steps,
        phases=phases,
        slot_start=slot_start,
        hazard=slots["hazard"],
        next_slot=slots["next"],
        start=slots["start"],
        entry=slots["entry"],
        first=np.array([p.first for p in phases]),
        branching=np.array([c for c, p in enumerate(phases) if 0 < p.first < 1], np.intp),
        exits=slots["exits"],
        stay_table=stay_table,
        slot_rows=slot_rows,
        arrival_table=stacked([poisson_cdf(cell.inflow / steps) for cell in cells]),
        capacity=capacity,
        credit=np.zeros((0, len(cells)), np.int64),
        bank=np.zeros((0, len(cells)), np.int64),
        waiting_list=np.array([cell.when_full == WhenFull.WAITING_LIST for cell in cells]),
        occupied=occupied,
        waiting=np.array([cell.waiting for cell in cells], np.int64),
        contingent_share=np.array([cell.destinations.contingent for cell in cells]),
        tariff=np.array([cell.tariff_per_day for cell in cells]),
        bound=bound,
    )
    credit, bank = credits(plan, _inflows(cells), _areas(data), _contingent(data))
    return replace(plan, credit=credit, bank=bank)


def _check_size(data: FlowInput, steps: int) -> None:
    size = len(data.cells) * data.months * steps * data.runs
    if size > MAX_CELL_STEP_RUNS:
        raise FlowError(
            f"{len(data.cells)} cells x {data.months * steps} steps ({steps} a month, for the "
            f"shortest stays) x {data.runs:,} runs is too much ({size:,}; at most "
            f"{MAX_CELL_STEP_RUNS:,}); use fewer runs.",
            "runs",
        )
    people = sum(_people(cell, data.months) for cell in data.cells)
    size = people * data.runs * 2 * 12 // 64  # two sequences, 8 + 4 bytes a word of 64
    if size > MAX_SEQUENCE_BYTES:
        raise FlowError(
            f"About {people:,} people may pass through the cells in {data.months} months; "
            f"following each of them in {data.runs:,} runs is too much; use fewer runs (at most "
            f"{data.runs * MAX_SEQUENCE_BYTES // size:,}).",
            "runs",
        )


def _people(cell: Cell, months: int) -> int:
    """Present, waiting and arriving over the horizon (the mean and ten standard deviations)."""
    arriving = cell.inflow * months
    return round(cell.occupied + cell.waiting + arriving + 10 * arriving**0.5 + 10)


def _slots(phases: tuple[Phases, ...], slot_start: np.ndarray) -> dict[str, np.ndarray]:
    total = int(slot_start[-1])
    nxt = [slot_start[c] + n if n >= 0 else -1 for c, p in enumerate(phases) for n in p.next]
    exits = np.full((len(phases), 2), total, np.intp)
    for c, p in enumerate(phases):
        exits[c, : len(p.exits)] = slot_start[c] + np.array(p.exits)
    return {
        "hazard": np.array([h for p in phases for h in p.hazards]),
        "next": np.array(nxt, np.intp),
        "start": np.array([w for p in phases for w in p.start]),
        "entry": np.array([slot_start[c] + np.array(p.entry) for c, p in enumerate(phases)]),
        "exits": exits,
        "cell": np.repeat(np.arange(len(phases)), np.diff(slot_start)),
    }


def _stay_table(hazards: np.ndarray, bounds: np.ndarray) -> tuple[QuantileTable, np.ndarray]:
    """One block of binomial rows per distinct hazard, as long as its largest population."""
    distinct, which = np.unique(hazards, return_inverse=True)
    trials = [int(bounds[which == i].max()) for i in range(len(distinct))]
    _check_table(trials, distinct)
    blocks = [binomial_cdf(n, h) for n, h in zip(trials, distinct, strict=True)]
    offsets = np.cumsum([0] + [n + 1 for n in trials])[:-1]
    return stacked(blocks), offsets[which]


def _check_table(trials: list[int], hazards: np.ndarray) -> None:
    rows = sum(n + 1 for n in trials)
    width = max(
        min(n, n * h + 12 * np.sqrt(n * h) + 13) for n, h in zip(trials, hazards, strict=True)
    )
    size = rows * ((GRID + 1) * 4 + 8 * (width + 1))
    if size > MAX_TABLE_BYTES:
        raise FlowError(
            f"The cells' places ({rows:,} in all, over {len(trials)} kinds of stay) need "
            f"{size / 1e6:,.0f} MB of tables; at most {MAX_TABLE_BYTES / 1e6:,.0f} MB.",
            "capacity",
        )


def _inflows(cells: tuple[Cell, ...]) -> np.ndarray:
    return np.array([cell.inflow for cell in cells])


def _areas(data: FlowInput) -> np.ndarray:
    names = sorted({cell.area for cell in data.cells})
    return np.array([names.index(cell.area) for cell in data.cells], np.intp)


def _contingent(data: FlowInput) -> np.ndarray:
    """(months, areas): the areas in the order of :func:`_areas`."""
    names = sorted({cell.area for cell in data.cells})
    return np.array([data.contingent[name] for name in names], float).T.reshape(data.months, -1)
