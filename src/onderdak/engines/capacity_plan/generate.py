"""Reproducible synthetic problems for tests and benchmarks: the same seed, the same problem.

A region of ``municipalities`` in three subregions, with a cell for every municipality and type:
the first municipality of each subregion is its centre and holds most of the central facilities
(shelters, protected housing with 24/7 supervision), whose demand falls by a few per cent a
year, while the small-scale types (protected living at home, Housing First, Skaeve Huse) grow
everywhere. Costs are a tariff per day x 365, indexed by
3 % a year. The entered plan moves in a straight line from the baseline to the last year's
demand; the budget pays ``budget_share`` of what the entered plan costs, but never less than
the places that must stay open, so the problem is feasible.
"""

import random
from dataclasses import dataclass

import numpy as np

from .model import PlanCell, PlanProblem
from .paths import lowest
from .validation import prepare

SUBREGIONS = ("noord", "midden", "zuid")
INDEXATION = 1.03


@dataclass(frozen=True)
class FacilityType:
    code: str
    tariff: float  # euro per place per day
    central: bool  # concentrated in the centres and phased down, or small-scale and built up
    weight: float  # shortage weight: unsheltered (2) or on a waiting list (1)


TYPES = (
    FacilityType("nachtopvang", 95.0, True, 2.0),
    FacilityType("24-uursopvang", 160.0, True, 2.0),
    FacilityType("crisisopvang", 210.0, True, 2.0),
    FacilityType("beschermd-wonen-24-7", 240.0, True, 1.0),
    FacilityType("beschermd-thuis", 70.0, False, 1.0),
    FacilityType("housing-first", 55.0, False, 1.0),
    FacilityType("skaeve-huse", 85.0, False, 1.0),
    FacilityType("time-out", 150.0, True, 2.0),
)


def problem(
    seed: int,
    *,
    municipalities: int = 13,
    types: int = 8,
    years: int = 10,
    first_year: int = 2026,
    budget_share: float = 0.9,
    integer: bool = True,
    time_limit_seconds: float = 10.0,
) -> PlanProblem:
    """A region's plan problem; see the module's docstring."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible test data, not secrets
    cells = tuple(
        _cell(rng, m, kind, years) for m in range(municipalities) for kind in TYPES[:types]
    )
    draft = PlanProblem(tuple(range(first_year, first_year + years)), cells, (0.0,) * years)
    data = prepare(draft)
    entered_cost = (data.cost * data.entered).sum(axis=0)
    floor = (data.cost * lowest(data)).sum(axis=0)
    budget = np.ceil(np.maximum(budget_share * entered_cost, 1.001 * floor))
    return PlanProblem(
        draft.years,
        cells,
        tuple(budget.tolist()),
        integer=integer,
        time_limit_seconds=time_limit_seconds,
    )


def _cell(rng: random.Random, m: int, kind: FacilityType, years: int) -> PlanCell:
    centre = m < len(SUBREGIONS)
    size = (4.0 if m == 0 else 2.0) if centre else rng.uniform(0.4, 1.2)
    if kind.central and not centre:
        size *= rng.uniform(0.0, 0.3)  # a few places outside the centres, if any
    if kind.central:
        start = round(size * rng.uniform(8, 25))
        trend = rng.uniform(-0.07, -0.01)
    else:
        start = round(size * rng.uniform(2, 10))
        trend = rng.uniform(0.04, 0.12)
    need = start * rng.uniform(0.95, 1.15)
    demand = tuple(round(need * (1 + trend) ** (t + 1), 2) for t in range(years))
    target = demand[-1] * rng.uniform(0.9, 1.1)
    entered = tuple(round(start + (target - start) * (t + 1) / years) for t in range(years))
    tariff = kind.tariff * rng.uniform(0.9, 1.1) * 365
    return PlanCell(
        key=f"GM{m + 1:04d}/{kind.code}",
        area=f"GM{m + 1:04d}",
        group=SUBREGIONS[m % len(SUBREGIONS)],
        facility_type=kind.code,
        demand=demand,
        cost_per_place=tuple(round(tariff * INDEXATION**t, 2) for t in range(years)),
        start=start,
        entered=entered,
        max_increase=rng.choice((None, 3, 5, 10)),
        max_decrease=rng.choice((None, 2, 5, 10)) if kind.central else None,
        min_places=round(start * 0.5) if kind.central and rng.random() < 0.3 else 0,
        shortage_weight=kind.weight,
    )
