"""The flow simulation, vectorised over cells and runs: one pass of array operations per step.

**A step** (a month, or a fraction of one for short stays, :mod:`~onderdak.engines.flow.stays`)
goes, in every cell and run:

1. *Stays end.* In each phase of the stay, the number of people leaving it is the inverse
   binomial distribution, for the people in that phase at the start of the step, at one uniform
   (:mod:`~onderdak.engines.flow.tables`). Leaving the last phase ends the stay.
2. *Destinations.* The people whose stay ends are numbered in order (over the whole horizon);
   a fixed random bit per number says who goes to a contingent dwelling
   (:mod:`~onderdak.engines.flow.draws`). The others leave at once (``outflow``); those bound for
   a contingent dwelling become *ready* and keep their place.
3. *Dwellings.* The cell's share of its area's contingent is credited
   (:mod:`~onderdak.engines.flow.contingent`); ready people move out as far as whole dwellings
   allow, oldest first (``housed``, part of ``outflow``).
4. *Admissions.* Free places (places of the month less people present, never below 0: when
   places shrink, nobody is put out) go first to the waiting list, oldest first, then to the
   step's newcomers (Poisson). Newcomers who find no place join the waiting list or, for types
   whose newcomers stay unsheltered, are turned away (``unsheltered``). Who of the admitted
   enters which first phase follows a fixed random bit per admission number.

Stocks are those at the end of the month's last step; flows are summed over its steps. A person
admitted in a step is present at its end, so the mean number of month ends a person is counted
(their stay in months) is the mean of the stay; admissions after departures let a place freed in
a step be taken in the same step, which understates waiting and turning away by a first-order
error in step / mean stay (measured in decision 0014; more steps per month shrink it).

**Monotone coupling.** With the same seed, more contingent dwellings never lengthen any waiting
list, in any cell, step or run. Why, in cumulative counts per cell (``A``: newcomers so far,
the same in both simulations; ``In``: admitted so far; ``In_i`` and ``M_i``: people who entered
and who left phase ``i`` so far; ``E``: stays ended; ``K``: of those, bound for a contingent
dwelling; ``H``: housed):

- the number leaving a phase in a step is ``Q(n, u)``, the inverse binomial at the step's
  uniform ``u``, for the ``n`` people present; for fixed ``u`` it is non-decreasing in ``n``
  and rises by at most 1 when ``n`` does (``Bin(n + 1, p)`` is ``Bin(n, p)`` plus a 0/1 trial,
  so its distribution function lies between that of ``Bin(n, p)`` at ``k`` and at ``k - 1``).
  Hence ``M_i(t) = M_i(t-1) + Q(In_i(t-1) - M_i(t-1), u)`` is non-decreasing in both
  ``M_i(t-1)`` and ``In_i(t-1)`` (``x + Q(a - x)`` cannot fall when ``x`` rises);
- ``K = ones(E)`` and ``E - K`` are non-decreasing in ``E``: bit sequences fixed in advance,
  counted in the order stays end (a fresh binomial split per step would not be: it would send
  a person to a dwelling in one simulation and to other housing in the other, by timing);
  likewise the admissions to each entry phase in ``In``;
- with ``Y = K + unused credit``: ``Y(t) = min(K(t) + cap(t), Y(t-1) + credit(t))`` and
  ``H = min(K, floor(Y))``: non-decreasing in ``K``, in the credits and in the cap;
- ``In(t) = min(waiting0 + A(t), max(In(t-1), places - present0 + (E - K)(t) + H(t)))``
  for a waiting-list type (the unsheltered form is alike): non-decreasing in every argument;
- the waiting list is ``waiting0 + A - In``.

By induction over the steps, more dwellings (each month at least as many; the credits and caps
grow with them) leave every cumulative count at least as high, so every waiting list at most as
long, and the cumulative unsheltered at most as many. The number ready is *not* monotone:
admitting more people sooner makes more of them ready sooner. A property test checks the waiting
lists on random inputs (and :mod:`~onderdak.engines.flow.loop` agrees with this module exactly).
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from .contingent import UNIT_BITS
from .draws import Draws, draw
from .model import FlowInput
from .plan import Plan, build
from .validation import validate

FLOWS = ("inflow", "outflow", "arrivals", "unsheltered", "housed", "place_steps")
STOCKS = ("occupied", "waiting", "ready")


@dataclass(frozen=True)
class Paths:
    """The simulated months: each measure as a whole-number array (months, cells, runs).

    ``place_steps`` is the sum over the month's steps of the people present at each step's end
    (``occupied`` when a month is one step): the month's place-days are ``place_steps`` x days
    per month / steps per month.
    """

    occupied: np.ndarray
    waiting: np.ndarray
    ready: np.ndarray
    inflow: np.ndarray
    outflow: np.ndarray
    arrivals: np.ndarray
    unsheltered: np.ndarray
    housed: np.ndarray
    place_steps: np.ndarray

    @classmethod
    def collect(cls, months: Iterable[dict[str, np.ndarray]]) -> "Paths":
        months = list(months)
        return cls(**{name: np.array([m[name] for m in months]) for name in STOCKS + FLOWS})

    def months(self) -> Iterator[dict[str, np.ndarray]]:
        for month in range(len(self.occupied)):
            yield {name: getattr(self, name)[month] for name in STOCKS + FLOWS}


def simulate_paths(data: FlowInput) -> tuple[Plan, Paths]:
    """Validate, lay out, draw and run, keeping every month of every cell and run."""
    plan, draws = prepare(data)
    return plan, Paths.collect(run(plan, draws))


def prepare(data: FlowInput) -> tuple[Plan, Draws]:
    validate(data)
    plan = build(data)
    return plan, draw(plan, data.seed, data.runs)


def run(plan: Plan, draws: Draws) -> Iterator[dict[str, np.ndarray]]:
    """Per month: the stocks at its end and its flows, as (cells, runs) arrays."""
    state = State.start(plan, draws)
    flows = {}
    for t, bits in enumerate(draws.stay_bits(plan)):
        within = t % plan.steps_per_month
        step = state.step(plan, draws, t, bits)
        flows = step if within == 0 else {name: flows[name] + step[name] for name in FLOWS}
        if within == plan.steps_per_month - 1:
            yield {
                **flows,
                "occupied": step["place_steps"],
                "waiting": state.waiting,
                "ready": state.ready,
            }


@dataclass
class State:
    """Where every cell stands in every run; the cumulative counts drive the bit sequences."""

    people: np.ndarray  # (slots + 1, runs): per phase; the last row stays 0
    staying: np.ndarray  # (cells, runs): people in their stay (all phases)
    waiting: np.ndarray
    ready: np.ndarray
    bank: np.ndarray  # unused dwellings less the ready people, in contingent.UNIT
    ended: np.ndarray  # stays ended so far
    bound_for_contingent: np.ndarray  # of those, bound for a contingent dwelling
    admitted: np.ndarray  # admitted so far (cells with two entry phases)
    entered_first: np.ndarray  # of those, entered at the first entry phase

    @classmethod
    def start(cls, plan: Plan, draws: Draws) -> "State":
        runs = draws.arrivals.shape[2]
        people = np.zeros((plan.slots + 1, runs), np.int64)
        people[:-1] = draws.start
        zeros = np.zeros((len(plan.keys), runs), np.int64)
        branching = np.zeros((len(plan.branching), runs), np.int64)
        waiting = np.repeat(plan.waiting[:, None], runs, axis=1)
        staying = np.add.reduceat(people[:-1], plan.slot_start[:-1], axis=0)
        return cls(
            people, staying, waiting, zeros.copy(), zeros.copy(), zeros.copy(), zeros, branching,
            branching.copy(),
        )  # fmt: skip

    def step(self, plan: Plan, draws: Draws, t: int, bits: np.ndarray) -> dict:
        ended = self._stays(plan, bits)
        others, housed = self._destinations(plan, draws, t, ended)
        present = self.staying + self.ready
        arrivals = draws.arrivals[:, t]
        admitted, turned = self._admit(plan, t, present, arrivals)
        self._enter(plan, draws, admitted)
        return {
            "inflow": admitted,
            "outflow": others + housed,
            "arrivals": arrivals,
            "unsheltered": turned,
            "housed": housed,
            "place_steps": present + admitted,
        }

    def _stays(self, plan: Plan, bits: np.ndarray) -> np.ndarray:
        """People leaving each phase; returns the stays ended per cell."""
        present = self.people[:-1]
        movers = np.zeros_like(self.people)
        movers[:-1] = plan.stay_table.lookup(plan.slot_rows[:, None] + present, bits)
        present -= movers[:-1]
        follows = _follows(plan)
        self.people[plan.next_slot[follows]] += movers[follows]
        ended = movers[plan.exits[:, 0]] + movers[plan.exits[:, 1]]
        self.staying -= ended
        return ended

    def _destinations(
        self, plan: Plan, draws: Draws, t: int, ended: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Others leave; the contingent-bound become ready and take the dwellings credited."""
        self.ended += ended
        bound = draws.destinations.ones(self.ended)
        to_dwelling = bound - self.bound_for_contingent
        self.bound_for_contingent = bound
        credit = plan.credit[t][:, None] - (to_dwelling << UNIT_BITS)
        self.bank = np.minimum(plan.bank[t][:, None], self.bank + credit)
        ready = np.maximum(-(self.bank >> UNIT_BITS), 0)
        housed = self.ready + to_dwelling - ready
        self.ready = ready
        return ended - to_dwelling, housed

    def _admit(
        self, plan: Plan, t: int, present: np.ndarray, arrivals: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        places = plan.capacity[t // plan.steps_per_month][:, None]
        free = np.maximum(places - present, 0)
        wanting = self.waiting + arrivals
        admitted = np.minimum(free, wanting)
        left = wanting - admitted
        self.waiting = np.where(plan.waiting_list[:, None], left, 0)
        return admitted, np.where(plan.waiting_list[:, None], 0, left)

    def _enter(self, plan: Plan, draws: Draws, admitted: np.ndarray) -> None:
        first = admitted
        if len(plan.branching):
            self.admitted += admitted[plan.branching]
            entered = draws.branches.ones(self.admitted)
            first = admitted.copy()
            first[plan.branching] = entered - self.entered_first
            self.entered_first = entered
        self.people[plan.entry[:, 0]] += first
        self.people[plan.entry[:, 1]] += admitted - first
        self.staying += admitted


def _follows(plan: Plan) -> np.ndarray:
    return np.flatnonzero(plan.next_slot >= 0)
