"""The flow model as a plain Python loop over runs, steps and cells, and over people where that
is natural: the benchmark's yardstick and the tests' oracle for the vectorised engine.

It reads the same random numbers (:mod:`~onderdak.engines.flow.draws`) and the same tables of
distribution functions, but finds each inverse by walking the table from 0, handles people one
at a time where the engine counts them in arrays, and takes its bands from ``numpy.quantile``.
On the same input the two agree exactly.
"""

from dataclasses import dataclass

import numpy as np

from .contingent import UNIT
from .draws import Draws
from .engine import FLOWS, STOCKS, Paths, prepare
from .model import FlowInput, FlowResult
from .plan import Plan
from .results import summarise
from .tables import uniform


def simulate_loop(data: FlowInput) -> FlowResult:
    """The same result as :func:`~onderdak.engines.flow.simulate`, one person at a time."""
    plan, draws = prepare(data)
    paths = loop_paths(plan, draws)
    return summarise(data, plan, paths.months(), draws.most_people, bands=quantile_bands)


def quantile_bands(values: np.ndarray) -> np.ndarray:
    """``(4, *rows)``: P10, P50, P90 (numpy's linear method) and mean over the last axis."""
    return np.concatenate(
        [np.quantile(values, (0.1, 0.5, 0.9), axis=-1), values.mean(axis=-1)[None]]
    )


def loop_paths(plan: Plan, draws: Draws) -> Paths:
    """Every month of every cell and run, computed one run, step and cell at a time."""
    runs = draws.arrivals.shape[2]
    bits = np.array([step.copy() for step in draws.stay_bits(plan)])  # (steps, slots, runs)
    shape = (plan.months, len(plan.keys), runs)
    out = {name: np.zeros(shape, np.int64) for name in STOCKS + FLOWS}
    for run in range(runs):
        cells = [CellRun.start(plan, draws, c, run) for c in range(len(plan.keys))]
        for t in range(plan.steps):
            month, within = divmod(t, plan.steps_per_month)
            for c, cell in enumerate(cells):
                flows = cell.step(plan, draws, t, [int(b) for b in bits[t, :, run]])
                for name in FLOWS:
                    out[name][month, c, run] += flows[name]
                if within == plan.steps_per_month - 1:
                    out["occupied"][month, c, run] = flows["place_steps"]
                    out["waiting"][month, c, run] = cell.waiting
                    out["ready"][month, c, run] = cell.ready
    return Paths(**out)


@dataclass
class CellRun:
    """One cell in one run."""

    index: int
    run: int
    people: list[int]  # per phase of the stay
    waiting: int
    ready: int = 0
    bank: int = 0  # unused dwellings less the ready people, in contingent.UNIT
    ended: int = 0  # stays ended so far: the number of the next person to end one
    admitted: int = 0  # the number of the next person to be admitted

    @classmethod
    def start(cls, plan: Plan, draws: Draws, index: int, run: int) -> "CellRun":
        low, high = plan.slot_range(index)
        people = [int(n) for n in draws.start[low:high, run]]
        return cls(index, run, people, int(plan.waiting[index]))

    def step(self, plan: Plan, draws: Draws, t: int, bits: list[int]) -> dict:
        ended = self._stays(plan, bits)
        to_dwelling = sum(self._bound_for_dwelling(draws) for _ in range(ended))
        housed = self._dwellings(plan, t, to_dwelling)
        admitted, turned = self._admit(plan, draws, t)
        return {
            "inflow": admitted,
            "outflow": ended - to_dwelling + housed,
            "arrivals": int(draws.arrivals[self.index, t, self.run]),
            "unsheltered": turned,
            "housed": housed,
            "place_steps": sum(self.people) + self.ready,
        }

    def _stays(self, plan: Plan, bits: list[int]) -> int:
        """Everyone leaves their phase at once: counts from the start of the step."""
        low, _ = plan.slot_range(self.index)
        leaving = [_inverse(plan, low + i, n, bits[low + i]) for i, n in enumerate(self.people)]
        ended = 0
        for i, movers in enumerate(leaving):
            self.people[i] -= movers
            following = plan.phases[self.index].next[i]
            if following < 0:
                ended += movers
            else:
                self.people[following] += movers
        return ended

    def _bound_for_dwelling(self, draws: Draws) -> bool:
        """The destination of the next person whose stay ends."""
        bound = draws.destinations.bit(self.index, self.run, self.ended)
        self.ended += 1
        return bound

    def _dwellings(self, plan: Plan, t: int, to_dwelling: int) -> int:
        credit = int(plan.credit[t, self.index]) - to_dwelling * UNIT
        self.bank = min(int(plan.bank[t, self.index]), self.bank + credit)
        ready = max(-(self.bank // UNIT), 0)
        housed = self.ready + to_dwelling - ready
        self.ready = ready
        return housed

    def _admit(self, plan: Plan, draws: Draws, t: int) -> tuple[int, int]:
        """Free places to the waiting list first, then to the newcomers, one by one."""
        places = int(plan.capacity[t // plan.steps_per_month, self.index])
        free = max(places - sum(self.people) - self.ready, 0)
        admitted = turned = 0
        while self.waiting and free:
            self._enter(plan, draws)
            self.waiting, free, admitted = self.waiting - 1, free - 1, admitted + 1
        for _ in range(int(draws.arrivals[self.index, t, self.run])):
            if free:
                self._enter(plan, draws)
                free, admitted = free - 1, admitted + 1
            elif plan.waiting_list[self.index]:
                self.waiting += 1
            else:
                turned += 1
        return admitted, turned

    def _enter(self, plan: Plan, draws: Draws) -> None:
        """The next admitted person enters the first or the second entry phase."""
        phases = plan.phases[self.index]
        first = True
        if 0 < phases.first < 1:
            branch = int(np.flatnonzero(plan.branching == self.index)[0])
            first = draws.branches.bit(branch, self.run, self.admitted)
        self.admitted += 1
        self.people[phases.entry[0] if first else phases.entry[1]] += 1


def _inverse(plan: Plan, slot: int, people: int, bits: int) -> int:
    """The number leaving among ``people``: the binomial inverse at the uniform of ``bits``."""
    u = float(uniform(np.uint64(bits)))
    cdf = plan.stay_table.cdf[int(plan.slot_rows[slot]) + people]
    k = 0
    while cdf[k] < u:
        k += 1
    return k
