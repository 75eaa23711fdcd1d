"""The allocation engine's input and result, as frozen dataclasses.

The input maps one-to-one onto the contingent's data: a :class:`Candidate` is an approved
nomination, a :class:`Dwelling` an offered dwelling, :class:`AffordabilityLimit` a row of the
year's table of passend toewijzen. Scores are whole numbers: every criterion gives 0 to 100
points for a pair and a run weighs them with whole-number weights, so explanations add up exactly.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

Mode = Literal["housed_then_score", "score_only"]
SolverChoice = Literal["auto", "lsa", "flow", "milp", "greedy"]
Status = Literal["optimal", "time_limit", "heuristic"]

STREAMS = ("outflow", "prevention")
EITHER = "either"  # a dwelling for either stream


@dataclass(frozen=True)
class Candidate:
    """An approved nomination; municipalities are codes known in ``AllocationInput``."""

    id: str
    stream: str  # "outflow" | "prevention"
    income_band: str
    approved_on: date
    tie_municipality: str
    household_adults: int = 1
    household_children: int = 0
    rooms_needed: int = 1
    needs_ground_floor_or_lift: bool = False
    needs_wheelchair_access: bool = False
    urgent: bool = False
    guidance_subregion: str = ""  # subregion of the guidance provider, "" when unknown
    preferred_municipalities: tuple[str, ...] = ()
    excluded_municipalities: tuple[str, ...] = ()

    @property
    def household_size(self) -> int:
        return self.household_adults + self.household_children


@dataclass(frozen=True)
class Dwelling:
    id: str
    corporation: str
    municipality: str
    rooms: int
    rent: Decimal  # monthly rent in euros
    stream: str = EITHER  # "outflow" | "prevention" | "either"
    floor: int = 0
    has_lift: bool = False
    wheelchair_accessible: bool = False


@dataclass(frozen=True)
class AffordabilityLimit:
    """The highest rent for an income band and household size; the largest size also counts
    for larger households (the table's "3 or more" row)."""

    income_band: str
    household_size: int
    max_rent: Decimal
    source: str  # where the figure comes from, e.g. the year's circular and its date


@dataclass(frozen=True)
class Quota:
    """At most ``limit`` assignments whose dwelling is among ``dwellings`` and whose candidate
    is among ``candidates``; an empty side means "any"."""

    id: str
    limit: int
    dwellings: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class AllocationInput:
    """Everything :func:`allocate` needs; see the field comments for units and defaults."""

    candidates: tuple[Candidate, ...]
    dwellings: tuple[Dwelling, ...]
    municipalities: Mapping[str, str]  # municipality code -> subregion
    reference_date: date  # waiting time is counted up to this day
    affordability: tuple[AffordabilityLimit, ...] = ()
    quotas: tuple[Quota, ...] = ()
    declined: tuple[tuple[str, str], ...] = ()  # (candidate id, dwelling id) declined before
    weights: Mapping[str, int] = field(default_factory=dict)  # criterion id -> weight
    rules: tuple[str, ...] | None = None  # hard rule ids; None: every registered rule
    mode: Mode = "housed_then_score"
    solver: SolverChoice = "auto"
    time_limit: float = 60.0  # seconds, for the MILP; the flow and the assignment always finish


@dataclass(frozen=True)
class PluginUse:
    """A rule or criterion as used in a run; ``weight`` is ``None`` for a hard rule."""

    id: str
    version: int
    weight: int | None = None


@dataclass(frozen=True)
class Assignment:
    candidate: str
    dwelling: str
    score: int
    points: tuple[tuple[str, int], ...]  # (criterion id, weighted points); they add up to score


@dataclass(frozen=True)
class UnmatchedCandidate:
    """Why a candidate got no dwelling.

    ``reason`` is ``"no_feasible_dwelling"`` (then ``excluded_by`` counts per rule how many
    dwellings it excluded, most first) or ``"outcompeted"`` (then ``taken_by`` lists the feasible
    dwellings with the candidate who got each, and ``full_quotas`` the quotas that were full).
    """

    candidate: str
    reason: Literal["no_feasible_dwelling", "outcompeted"]
    excluded_by: tuple[tuple[str, int], ...] = ()
    taken_by: tuple[tuple[str, str], ...] = ()  # (dwelling, competitor)
    full_quotas: tuple[str, ...] = ()

    @property
    def main_rule(self) -> str | None:
        return self.excluded_by[0][0] if self.excluded_by else None


@dataclass(frozen=True)
class UnusedDwelling:
    """Why a dwelling stays empty: ``"no_feasible_candidate"`` (with ``excluded_by``) or
    ``"candidates_placed_elsewhere"`` (with ``placed_elsewhere`` and ``full_quotas``)."""

    dwelling: str
    reason: Literal["no_feasible_candidate", "candidates_placed_elsewhere"]
    excluded_by: tuple[tuple[str, int], ...] = ()
    placed_elsewhere: tuple[tuple[str, str], ...] = ()  # (candidate, the dwelling they got)
    full_quotas: tuple[str, ...] = ()


@dataclass(frozen=True)
class AllocationResult:
    """A run: its answer, its explanations and what is needed to replay it.

    ``gap`` is the proven relative gap of the last objective solved (0 when optimal, ``None``
    for the greedy baseline, which proves nothing).
    """

    assignments: tuple[Assignment, ...]
    unmatched: tuple[UnmatchedCandidate, ...]
    unused: tuple[UnusedDwelling, ...]
    housed: int
    total_score: int
    feasible_pairs: int  # pairs that every hard rule allows
    status: Status
    gap: float | None
    solver: str
    seconds: float
    rules: tuple[PluginUse, ...]
    criteria: tuple[PluginUse, ...]
    input: AllocationInput
