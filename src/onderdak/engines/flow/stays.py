"""Lengths of stay as discrete phase-type distributions in whole steps, fitted to mean and spread.

The engine steps through time in whole steps (a month, or a fraction of one for short stays).
A stay is a path through *phases*: in every step each person in phase ``i`` leaves it with
chance ``h_i`` (a geometric number of steps), moving on to the next phase or ending the stay.
Counting people per phase needs one binomial draw per phase, cell and step -- no loop per person,
and no record of each person's age. Three families, chosen by the spread (``mu`` and ``var``
are the mean and variance of the stay in steps):

- **geometric** (one phase, ``h = 1 / mu``): the exponential stay. Its variance is
  ``mu^2 - mu``, the exponential's ``mu^2`` less the rounding to whole steps.
- **hyper-geometric** (``var > mu^2 - mu``, a spread above the exponential's): two parallel
  phases, entered with chances ``p`` and ``1 - p``, with balanced means (``p / h1 = (1 - p) / h2
  = mu / 2``); mean and variance are matched exactly.
- **mixed negative binomial** (``var < mu^2 - mu``): ``k`` phases in series with one hazard
  ``h``; a share ``p`` enters at the first phase, the rest at the second, so a stay is the sum
  of ``k`` or ``k - 1`` geometric phases. ``k`` is the smallest count that can reach the
  spread, and ``p`` solves ``var(p) = var`` (``h = (k - 1 + p) / mu`` keeps the mean). At most
  :data:`MAX_PHASES` phases: a spread below what eight phases allow (about a third of the mean)
  is represented by the smallest they give, and :class:`StayFit` says so.

A lognormal stay is represented by the family that matches its mean and standard deviation (the
two moments, not the shape: the fit has a lighter far tail for large spreads). This was chosen
over tracking occupants by months-in-stay with the lognormal's discrete hazard, which is exact in
shape but needs one binomial draw per month of age (60 to 120 per cell and step instead of 1 to
8), and which the benchmark could not afford.

Who enters which phase (parallel branches, or first versus second phase) is decided by the order
of admission, with a fixed random sequence per cell and run (see
:mod:`onderdak.engines.flow.draws`), never by a fresh draw per step: that keeps the simulation
monotone in the contingent (:mod:`onderdak.engines.flow.engine`).
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from scipy.optimize import brentq

from .errors import FlowError
from .model import Cell, StayFit, StayKind

#: Most phases a stay gets; with more, a step costs more and spreads this small are rare.
MAX_PHASES = 8
#: The smallest mean stay, in steps, when the engine chooses the steps per month.
MIN_MEAN_STEPS = 2.0
MAX_STEPS_PER_MONTH = 31


@dataclass(frozen=True)
class Phases:
    """A discrete phase-type stay: see the module docstring."""

    family: str
    hazards: tuple[float, ...]  # per phase: the chance to leave it in a step
    next: tuple[int, ...]  # per phase: the phase that follows, or -1 when the stay ends
    entry: tuple[int, int]  # admitted people enter entry[0] with chance `first`, else entry[1]
    first: float
    start: tuple[float, ...]  # split of the people present at the start over the phases
    mean_steps: float
    var_steps: float

    @property
    def exits(self) -> tuple[int, ...]:
        return tuple(i for i, nxt in enumerate(self.next) if nxt < 0)

    def fit(self, steps_per_month: int) -> StayFit:
        return StayFit(
            family=self.family,
            phases=len(self.hazards),
            mean_months=self.mean_steps / steps_per_month,
            spread_months=math.sqrt(self.var_steps) / steps_per_month,
        )


def fit(kind: StayKind, mean_steps: float, spread_steps: float) -> Phases:
    """The phases for a stay of this kind, mean and spread (in steps; the mean at least 1)."""
    mu = mean_steps
    geometric_var = mu * mu - mu
    if kind == StayKind.EXPONENTIAL:
        return geometric(mu)
    var = spread_steps * spread_steps
    if var > geometric_var * (1 + 1e-12):
        return hyper_geometric(mu, var) if mu >= 2 else geometric(mu)
    if var >= geometric_var * (1 - 1e-12):
        return geometric(mu)
    return mixed_negative_binomial(mu, var)


def geometric(mu: float) -> Phases:
    h = 1 / mu
    return Phases("geometric", (h,), (-1,), (0, 0), 1.0, (1.0,), mu, mu * mu - mu)


def hyper_geometric(mu: float, var: float) -> Phases:
    """Two parallel phases with balanced means; needs ``mu >= 2`` (both hazards at most 1)."""
    product = mu * mu / (2 * (var + mu * mu + mu))  # p * (1 - p)
    p = (1 + math.sqrt(max(0.0, 1 - 4 * product))) / 2
    hazards = (2 * p / mu, 2 * (1 - p) / mu)
    return Phases("hyper_geometric", hazards, (-1, -1), (0, 1), p, (0.5, 0.5), mu, var)


def mixed_negative_binomial(mu: float, var: float) -> Phases:
    """``k`` phases in series, entered at the first (chance ``p``) or the second."""
    k = max(2, math.ceil(1 / (var / (mu * mu) + 1 / mu) - 1e-12))
    k = min(k, MAX_PHASES, math.floor(mu))
    if k < 2:
        return geometric(mu)
    p = 1.0 if _nb_var(mu, k, 1.0) >= var else brentq(lambda q: _nb_var(mu, k, q) - var, 0, 1)
    h = (k - 1 + p) / mu
    nxt = (*range(1, k), -1)
    start = _normalised((p, *([1.0] * (k - 1))))
    return Phases("mixed_negative_binomial", (h,) * k, nxt, (0, 1), p, start, mu, _nb_var(mu, k, p))


def _nb_var(mu: float, k: int, p: float) -> float:
    """The variance of ``k - 1`` or (chance ``p``) ``k`` geometric phases with mean ``mu``."""
    nu = k - 1 + p
    return mu * mu / nu - mu + p * (1 - p) * mu * mu / (nu * nu)


def _normalised(weights: Sequence[float]) -> tuple[float, ...]:
    total = math.fsum(weights)
    return tuple(w / total for w in weights)


def cell_phases(cell: Cell, steps_per_month: int) -> Phases:
    mean = cell.stay.mean_months * steps_per_month
    return fit(cell.stay.kind, mean, cell.stay.spread_months * steps_per_month)


def steps_per_month(cells: Sequence[Cell], chosen: int | None) -> int:
    """The given steps per month (every mean stay must be at least one step), or the fewest that
    make every mean stay at least two steps and let every fit use the phases it needs."""
    if chosen is not None:
        for cell in cells:
            if cell.stay.mean_months * chosen < 1:
                raise FlowError(
                    f"The mean stay of cell {cell.key!r}, {cell.stay.mean_months:g} months, is "
                    f"shorter than a step ({chosen} steps per month); use more steps.",
                    "steps_per_month",
                    cell.key,
                )
        return chosen
    for steps in range(1, MAX_STEPS_PER_MONTH + 1):
        if all(_comfortable(cell, steps) for cell in cells):
            return steps
    short = min(cells, key=lambda cell: cell.stay.mean_months)
    if short.stay.mean_months * MAX_STEPS_PER_MONTH < MIN_MEAN_STEPS:
        raise FlowError(
            f"The mean stay of cell {short.key!r}, {short.stay.mean_months:g} months, is "
            f"shorter than two days; the engine steps at most daily.",
            "stay",
            short.key,
        )
    return MAX_STEPS_PER_MONTH


def _comfortable(cell: Cell, steps: int) -> bool:
    mean = cell.stay.mean_months * steps
    if mean < MIN_MEAN_STEPS:
        return False
    if cell.stay.kind == StayKind.EXPONENTIAL:
        return True
    var = (cell.stay.spread_months * steps) ** 2
    wanted = math.ceil(1 / (var / (mean * mean) + 1 / mean) - 1e-12)
    return min(wanted, MAX_PHASES) <= mean
