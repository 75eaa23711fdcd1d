"""The flow engine's input and result, as frozen dataclasses of plain numbers and strings.

A **cell** is one area (municipality) x facility type. Month by month and in every Monte Carlo
run, newcomers arrive (Poisson), take a free place or wait (or stay unsheltered), stay for a
while (exponential or lognormal length of stay), and leave to a destination; those who leave for
a contingent dwelling keep their place until one is available. Measures, per cell and month:

- ``occupied``: people in the places at the end of the month, including those whose stay has
  ended and who wait for a contingent dwelling;
- ``waiting``: the waiting list at the end of the month (types whose newcomers wait when full);
- ``ready_no_dwelling``: people at the end of the month whose stay has ended, who go to a
  contingent dwelling and wait for one (they are part of ``occupied``);
- ``unsheltered``: newcomers turned away in the month by a full facility of a type whose
  newcomers stay unsheltered (unmet demand);
- ``inflow``: people admitted to the places in the month (from the waiting list or new);
- ``outflow``: people who left the places in the month, to any destination;
- ``cost``: occupied place-days in the month x the tariff per place per day: the people present
  at the end of each step x the step's days (a month is 365.25 / 12 days, a step a share of it);

and beside those (:data:`EXTRA_MEASURES`):

- ``arrivals``: newcomers in the month (admitted, waiting or turned away);
- ``housed``: people who moved into a contingent dwelling in the month (part of ``outflow``);
- ``capacity_cost``: places x tariff x days in the month (what the places cost, used or not;
  the same in every run).

Every month ``occupied`` changes by ``inflow - outflow`` and ``arrivals = inflow + change in
waiting + unsheltered``, in every run; :attr:`FlowResult.checks` reports the largest error of
each (0). How the month is simulated, and why, is in :mod:`onderdak.engines.flow.engine`.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "ALL_MEASURES",
    "DAYS_PER_MONTH",
    "EXTRA_MEASURES",
    "MEASURES",
    "Band",
    "Cell",
    "Destinations",
    "FlowInput",
    "FlowResult",
    "Stay",
    "StayFit",
    "StayKind",
    "WhenFull",
]

DAYS_PER_MONTH = 365.25 / 12
MEASURES = ("occupied", "waiting", "ready_no_dwelling", "unsheltered", "inflow", "outflow", "cost")
EXTRA_MEASURES = ("arrivals", "housed", "capacity_cost")
ALL_MEASURES = MEASURES + EXTRA_MEASURES


class StayKind(StrEnum):
    EXPONENTIAL = "exponential"
    LOGNORMAL = "lognormal"


class WhenFull(StrEnum):
    """What happens to a newcomer when every place is taken."""

    WAITING_LIST = "waiting_list"
    UNSHELTERED = "unsheltered"


@dataclass(frozen=True)
class Stay:
    """The length of stay in months. An exponential stay's spread is its mean (the field is
    ignored); a lognormal stay needs its standard deviation."""

    kind: StayKind
    mean_months: float  # > 0
    spread_months: float = 0.0  # standard deviation; needed (> 0) for lognormal


@dataclass(frozen=True)
class Destinations:
    """Where people go when their stay ends; the shares add up to 1."""

    contingent: float  # wait for a contingent dwelling in their area (keep their place meanwhile)
    housing: float  # other housing
    institution: float  # another institution
    unknown: float


@dataclass(frozen=True)
class Cell:
    """One area (municipality) x facility type."""

    key: str  # unique, e.g. "GM0546/beschermd-wonen-24-7"
    area: str  # the area whose contingent dwellings its people use (CBS code)
    capacity: tuple[int, ...]  # places per month, len == months
    inflow: float  # mean arrivals per month (Poisson)
    stay: Stay
    destinations: Destinations
    when_full: WhenFull
    tariff_per_day: float  # euro per place per day
    occupied: int = 0  # at the start
    waiting: int = 0  # on the waiting list at the start (0 for unsheltered types)


@dataclass(frozen=True)
class FlowInput:
    """Everything :func:`~onderdak.engines.flow.simulate` needs.

    ``contingent`` gives, per area, the contingent dwellings available in each month (fractions
    carry over). ``groups`` name sets of cells (subregions, types, the region) whose per-run
    sums get bands of their own. ``steps_per_month`` is chosen by the engine when ``None``
    (1 unless a mean stay is under two months; see :mod:`~onderdak.engines.flow.stays`).
    """

    cells: tuple[Cell, ...]
    months: int  # horizon, 1..600
    contingent: Mapping[str, tuple[float, ...]]  # area -> dwellings per month, len == months
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # name -> cell keys
    runs: int = 1000
    seed: int = 0
    steps_per_month: int | None = None


@dataclass(frozen=True)
class Band:
    """Per month: the 10th, 50th and 90th percentile over the runs, and the mean."""

    p10: tuple[float, ...]
    p50: tuple[float, ...]
    p90: tuple[float, ...]
    mean: tuple[float, ...]


@dataclass(frozen=True)
class StayFit:
    """How a cell's length of stay is represented: ``phases`` geometric phases of whole steps
    (see :mod:`~onderdak.engines.flow.stays`), with the mean and spread in months they give.
    The mean is always the input's; the spread differs only where the input's is smaller than
    the phases allow."""

    family: str  # "geometric", "mixed_negative_binomial" or "hyper_geometric"
    phases: int
    mean_months: float
    spread_months: float


@dataclass(frozen=True)
class FlowResult:
    """Bands per cell and per group, for every measure of :data:`ALL_MEASURES`."""

    months: int
    runs: int
    seed: int
    cells: Mapping[str, Mapping[str, Band]]  # cell key -> measure -> band per month
    groups: Mapping[str, Mapping[str, Band]]  # group name -> measure -> band of per-run sums
    checks: Mapping[str, float]  # largest conservation errors (0)
    steps_per_month: int = 1
    stays: Mapping[str, StayFit] = field(default_factory=dict)  # cell key -> fit
