"""Hypothesis strategies: small, fully random plan problems."""

import math
from dataclasses import replace

from hypothesis import strategies as st

from onderdak.engines.capacity_plan import GroupBudget, PlanCell, PlanProblem, TotalLimit

from .reference import per_year

TYPES = ("nachtopvang", "housing-first", "beschermd-wonen-24-7")


def limits(years: int, most: int):
    """No limit, one limit for every year, or one per year (some without)."""
    one = st.integers(0, most)
    return st.one_of(
        st.none(),
        one,
        st.tuples(*[st.one_of(st.none(), one)] * years),
    )


@st.composite
def cells(draw, index: int, years: int, most: int) -> PlanCell:
    """A cell whose places stay within 0..``most`` (its maximum), so a brute force can try all."""
    low = draw(st.integers(0, 2))
    demand = st.integers(0, 10 * most).map(lambda tenths: tenths / 10)
    return PlanCell(
        key=f"GM{index:04d}/{TYPES[index % len(TYPES)]}",
        area=f"GM{index:04d}",
        group=draw(st.sampled_from(("noord", "zuid"))),
        facility_type=TYPES[index % len(TYPES)],
        demand=tuple(draw(demand) for _ in range(years)),
        cost_per_place=tuple(draw(st.integers(1, 20)) * 10.0 for _ in range(years)),
        start=draw(st.integers(0, most)),
        entered=tuple(draw(st.integers(0, most)) for _ in range(years)),
        max_increase=draw(limits(years, 3)),
        max_decrease=draw(limits(years, 3)),
        min_places=low,
        max_places=most,
        shortage_weight=draw(st.sampled_from((1.0, 1.0, 2.0, 3.5))),
    )


@st.composite
def problems(draw, max_cells: int = 3, max_years: int = 3, most: int = 6, extras: bool = True):
    """A problem with a budget per year that may bind, not bind or not be enough; with
    ``extras`` sometimes a group budget and a total limit."""
    years = draw(st.integers(1, max_years))
    count = draw(st.integers(1, max_cells))
    members = tuple(draw(cells(i, years, most)) for i in range(count))
    amounts = st.one_of(st.integers(0, 4000), st.integers(1000, 4000), st.just(math.inf))
    budget = tuple(float(draw(amounts)) for _ in range(years))
    keys = tuple(cell.key for cell in members)
    group_budgets, total_limits = (), ()
    if extras and count > 1 and draw(st.booleans()):
        amounts = tuple(draw(st.integers(0, 1500)) * 1.0 for _ in range(years))
        group_budgets = (GroupBudget("subregion noord", keys[:-1], amounts),)
    if extras and count > 1 and draw(st.booleans()):
        total_limits = (
            TotalLimit("the region", keys, draw(limits(years, 4)), draw(limits(years, 4))),
        )
    if total_limits and total_limits[0].max_increase is total_limits[0].max_decrease is None:
        total_limits = ()
    return PlanProblem(
        tuple(range(2026, 2026 + years)),
        members,
        budget,
        integer=draw(st.booleans()),
        group_budgets=group_budgets,
        total_limits=total_limits,
    )


@st.composite
def with_feasible_entered_plan(draw, problem: PlanProblem) -> PlanProblem:
    """``problem`` with an entered plan that keeps the cells' limits (a random walk within
    them) and a budget that pays for it; None where a cell cannot keep its limits at all."""
    n = len(problem.years)
    cells = []
    for cell in problem.cells:
        path, previous = [], cell.start
        up, down = per_year(cell.max_increase, n), per_year(cell.max_decrease, n)
        for t in range(n):
            low = max(cell.min_places, previous - down[t])
            high = min(cell.max_places, previous + up[t])
            if low > high:
                return None
            previous = draw(st.integers(int(low), int(high)))
            path.append(previous)
        cells.append(replace(cell, entered=tuple(path)))
    spent = [sum(c.cost_per_place[t] * c.entered[t] for c in cells) for t in range(n)]
    budget = tuple(max(b, s) for b, s in zip(problem.budget, spent, strict=True))
    return replace(problem, cells=tuple(cells), budget=budget, group_budgets=(), total_limits=())
