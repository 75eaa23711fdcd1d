"""Properties of every optimum, on random small problems, against an independent checker and a
brute force over every plan."""

import random
import time
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from onderdak.engines.capacity_plan import explain, optimise, rounding
from onderdak.engines.capacity_plan.formulation import build
from onderdak.engines.capacity_plan.solver import run
from onderdak.engines.capacity_plan.validation import prepare

from . import reference
from .strategies import problems, with_feasible_entered_plan


def minimised(problem, solution) -> float:
    return reference.minimised(problem, solution.places)


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        problems(max_cells=2, max_years=3, most=4), problems(max_cells=3, max_years=2, most=4)
    )
)
def test_small_problems_in_whole_places_equal_the_brute_force_optimum(problem):
    problem = replace(problem, integer=True)
    best = reference.brute_force(problem, most=4)
    solution = optimise(problem)
    if best is None:
        assert solution.status == "infeasible"
        assert solution.places == {}
        assert solution.binding
        return
    assert solution.status == "optimal"
    assert solution.gap == 0
    assert minimised(problem, solution) == pytest.approx(best[0], rel=1e-7, abs=1e-9)


@settings(max_examples=150, deadline=None)
@given(problems(max_cells=4, max_years=4, most=8))
def test_every_plan_keeps_every_limit_and_its_figures_add_up(problem):
    solution = optimise(problem)
    assume(solution.status != "infeasible")
    assert reference.broken_limits(problem, solution.places) == []
    for cell in problem.cells:
        places = solution.places[cell.key]
        if problem.integer:
            assert all(isinstance(value, int) for value in places)
        expected = [max(0.0, d - p) for d, p in zip(cell.demand, places, strict=True)]
        assert solution.shortage[cell.key] == pytest.approx(expected, abs=1e-9)
        entered = [max(0.0, d - p) for d, p in zip(cell.demand, cell.entered, strict=True)]
        assert solution.entered_shortage[cell.key] == pytest.approx(entered)
    for t, cost in enumerate(solution.cost):
        spent = sum(c.cost_per_place[t] * solution.places[c.key][t] for c in problem.cells)
        assert cost == pytest.approx(spent)
    assert solution.objective == pytest.approx(reference.shortage(problem, solution.places))
    entered = {c.key: c.entered for c in problem.cells}
    assert solution.entered_objective == pytest.approx(reference.shortage(problem, entered))
    assert bool(solution.entered_breaches) == bool(reference.broken_limits(problem, entered))
    assert all(line for line in explain(problem, solution))


@settings(max_examples=150, deadline=None)
@given(problems(max_cells=4, max_years=4, most=8))
def test_every_limit_said_to_bind_is_at_its_value_in_the_years_named(problem):
    solution = optimise(problem)
    assume(solution.status != "infeasible")
    for finding in solution.findings:
        assert finding.years == tuple(sorted(set(finding.years)))
        assert finding.text
        for year in finding.years:
            assert reference.at_limit(problem, solution.places, finding, year), finding


@settings(max_examples=150, deadline=None)
@given(problems(max_cells=4, max_years=4, most=8, extras=False).flatmap(with_feasible_entered_plan))
def test_the_optimum_is_never_worse_than_an_entered_plan_that_keeps_the_limits(problem):
    assume(problem is not None)
    entered = {cell.key: cell.entered for cell in problem.cells}
    assert reference.broken_limits(problem, entered) == []
    solution = optimise(problem)
    assert solution.status == "optimal"
    assert solution.entered_breaches == ()
    assert minimised(problem, solution) <= reference.minimised(problem, entered) + 1e-7
    # The weighted shortage alone may be higher only by what the tie-break saves on cost.
    saved = reference.minimised(problem, entered) - reference.shortage(problem, entered)
    assert solution.objective <= solution.entered_objective + saved + 1e-7


@settings(max_examples=100, deadline=None)
@given(problems(max_cells=4, max_years=4, most=8), st.floats(1.0, 3.0))
def test_a_larger_budget_never_makes_the_optimum_worse(problem, factor):
    smaller = optimise(problem)
    assume(smaller.status == "optimal")
    larger_problem = replace(problem, budget=tuple(b * factor for b in problem.budget))
    larger = optimise(larger_problem)
    assert larger.status == "optimal"
    assert minimised(larger_problem, larger) <= minimised(problem, smaller) + 1e-7


@settings(max_examples=100, deadline=None)
@given(problems(max_cells=4, max_years=4, most=8))
def test_whole_places_are_within_the_reported_gap_and_a_place_per_cell_year_of_the_lp(problem):
    whole = optimise(replace(problem, integer=True))
    relaxed = optimise(replace(problem, integer=False))
    if not problem.total_limits:  # rounding the LP down keeps every other limit
        assert (whole.status == "infeasible") == (relaxed.status == "infeasible")
    assume(whole.status == relaxed.status == "optimal")
    lp = relaxed.objective + relaxed.tie_break
    milp = whole.objective + whole.tie_break
    assert lp <= milp + 1e-7
    assert whole.bound >= lp - 1e-7
    assert milp - whole.bound <= whole.gap * milp + 1e-7
    rounding = sum(cell.shortage_weight for cell in problem.cells) * len(problem.years)
    assert whole.objective <= relaxed.objective + rounding + 1e-7


@settings(max_examples=50, deadline=None)
@given(problems(max_cells=4, max_years=3, most=6), st.randoms(use_true_random=False))
def test_the_order_of_the_cells_does_not_change_the_answer(problem, rng: random.Random):
    shuffled = list(problem.cells)
    rng.shuffle(shuffled)
    first, second = optimise(problem), optimise(replace(problem, cells=tuple(shuffled)))
    assert (first.status, first.places, first.binding) == (
        second.status,
        second.places,
        second.binding,
    )


@settings(max_examples=100, deadline=None)
@given(problems(max_cells=4, max_years=4, most=8, extras=False))
def test_the_lp_rounded_down_and_filled_keeps_every_limit(problem):
    data = prepare(problem)
    relaxed = run(build(data, integer=True), time.monotonic() + 10, relax=True)
    assume(relaxed.x is not None)
    lp = relaxed.x[: data.demand.size].reshape(data.demand.shape)
    floor = np.floor(lp + 1e-6)
    rounded, filled = by_key(data, floor), by_key(data, rounding.fill(data, floor))
    assert reference.broken_limits(problem, rounded) == []
    assert reference.broken_limits(problem, filled) == []
    assert reference.minimised(problem, filled) <= reference.minimised(problem, rounded)


def by_key(data, places: np.ndarray) -> dict[str, tuple]:
    return {cell.key: tuple(row) for cell, row in zip(data.cells, places.tolist(), strict=True)}
