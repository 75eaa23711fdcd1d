"""The plan optimisation's input and result, as frozen dataclasses.

Units: places are places open during a year (people who can stay at the same time); money is
euro per year; years are calendar years. A limit on change (``max_increase``,
``max_decrease``) is one whole number for every year, a tuple with one entry per planned year
(``None`` where that year has no limit), or ``None`` for no limit at all.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Status = Literal["optimal", "time_limit", "infeasible"]
Limit = int | tuple[int | None, ...] | None

FindingKind = Literal[
    "budget",  # a budget (the region's, or a group budget named by ``subject``)
    "max_increase",  # a cell may add at most ``limit`` places a year
    "max_decrease",  # a cell may close at most ``limit`` places a year
    "min_places",  # a cell keeps at least ``limit`` places
    "max_places",  # a cell has at most ``limit`` places
    "total_increase",  # the cells of a total limit may add at most ``limit`` places a year
    "total_decrease",  # the cells of a total limit may close at most ``limit`` places a year
]


@dataclass(frozen=True)
class PlanCell:
    """One municipality x facility type: its demand, costs, baseline, entered plan and limits."""

    key: str  # e.g. "GM0546/housing-first"
    area: str  # municipality (CBS code)
    group: str  # subregion (for limits and reporting), may be ""
    facility_type: str
    demand: tuple[float, ...]  # places needed per planned year
    cost_per_place: tuple[float, ...]  # euro per place per year, per planned year
    start: int  # places in the year before the first planned year (the baseline)
    entered: tuple[int, ...]  # the entered plan's places per planned year
    max_increase: Limit = None  # places that may be added per year
    max_decrease: Limit = None  # places that may be closed per year
    min_places: int = 0  # e.g. what a contract fixes
    max_places: int | None = None
    shortage_weight: float = 1.0  # a person unsheltered may weigh more than one waiting
    label: str = ""  # the cell in words for the explanations ("Leiden, night shelter"); or key


@dataclass(frozen=True)
class GroupBudget:
    """A budget per year for some cells together (a subregion's, a municipality's), on top of
    the problem's budget for all cells."""

    name: str  # in words, for the explanations
    cells: tuple[str, ...]  # the cells' keys
    amounts: tuple[float, ...]  # euro per planned year; ``math.inf`` for no limit that year


@dataclass(frozen=True)
class TotalLimit:
    """How fast the places of some cells together may grow or shrink (e.g. the region's night
    shelters may close at most 20 places a year, as fast as people can move on)."""

    name: str  # in words, for the explanations
    cells: tuple[str, ...]  # the cells' keys
    max_increase: Limit = None
    max_decrease: Limit = None


@dataclass(frozen=True)
class PlanProblem:
    """Everything :func:`optimise` needs. ``budget`` is for all cells together; ``math.inf``
    means no limit that year."""

    years: tuple[int, ...]
    cells: tuple[PlanCell, ...]
    budget: tuple[float, ...]  # euro per planned year for all cells together
    integer: bool = True  # whole places (MILP) or the LP relaxation (fractions of places)
    time_limit_seconds: float = 10.0
    group_budgets: tuple[GroupBudget, ...] = ()
    total_limits: tuple[TotalLimit, ...] = ()


@dataclass(frozen=True)
class Finding:
    """A limit that binds in the proposal, that the entered plan breaks, or that makes the
    problem infeasible; structured for a page to put in its own words, and in English."""

    kind: FindingKind
    subject: str  # the cell's key, the group budget's or total limit's name; "" for the budget
    years: tuple[int, ...]
    limit: float  # places, or euro for a budget (the first of ``years``' if it varies)
    amount: float = 0.0  # for a breach or a conflict: by how much (places or euro), the most
    text: str = ""


@dataclass(frozen=True)
class PlanSolution:
    """The proposed path beside the entered plan.

    ``objective`` is the weighted shortage of the proposal (sum over cells and years of weight x
    shortage, in place-years); ``tie_break`` is the small cost term added to it so that the
    cheapest of equally good plans wins (see ``engine``); HiGHS minimised their sum, and
    ``bound`` and ``gap`` are about that sum: ``bound`` is a proven lower bound on it and ``gap``
    the relative distance ``(objective + tie_break - bound) / (objective + tie_break)``, 0 when
    optimal, ``None`` when there is no plan.

    ``places`` are whole numbers (ints) when the problem is integer and fractions in the LP
    relaxation. Without a plan (``infeasible``, or no plan found in time) ``places``,
    ``shortage`` and ``cost`` are empty, ``objective`` is 0, ``gap`` None, ``message`` says why
    and ``findings`` name the conflicting limits (the year and the euro missing for a budget);
    the entered plan's figures are always there.
    """

    status: Status
    places: Mapping[str, tuple[float, ...]]
    shortage: Mapping[str, tuple[float, ...]]  # max(0, demand - places) per cell per year
    cost: tuple[float, ...]  # per year
    objective: float
    gap: float | None
    solver: str
    seconds: float
    entered_shortage: Mapping[str, tuple[float, ...]]
    entered_cost: tuple[float, ...]
    binding: tuple[str, ...]  # the limits that bind (or conflict), in English sentences
    findings: tuple[Finding, ...] = ()  # ``binding`` structured, in the same order
    entered_breaches: tuple[Finding, ...] = ()  # the limits the entered plan breaks
    entered_objective: float = 0.0  # the entered plan's weighted shortage
    tie_break: float = 0.0
    bound: float | None = None
    message: str = ""
    years: tuple[int, ...] = ()  # the planned years, as in the problem
