"""Why the proposal differs from the entered plan, in words; and a solution is plain data."""

import json
from dataclasses import asdict

import pytest

from onderdak.engines.capacity_plan import explain, optimise
from onderdak.engines.capacity_plan.generate import problem as region

from .cases import cell, problem


def test_explain_compares_both_plans_names_the_breaches_the_binding_limits_and_the_changes():
    night = cell(
        "GM0546/nachtopvang",
        label="Leiden, night shelter",
        demand=(20, 16, 12),
        start=24,
        entered=(14, 10, 12),
        max_decrease=5,
        shortage_weight=2,
    )
    housing = cell(
        "GM0546/housing-first",
        label="Leiden, Housing First",
        demand=(5, 10, 15),
        start=2,
        entered=(4, 6, 8),
        max_increase=4,
    )
    the_problem = problem(night, housing, budget=(2600, 2600, 2600))
    solution = optimise(the_problem)
    assert solution.places == {night.key: (20, 16, 12), housing.key: (6, 10, 14)}
    assert explain(the_problem, solution) == (
        "Over 2026\N{EN DASH}2028 the proposal leaves a weighted shortage of 1.0 place-years and "
        "costs €7,800; the entered plan leaves 36.0 and costs €5,400.",
        "The entered plan closes more than 5 places a year of Leiden, night shelter in 2026 (up "
        "to 5 more).",
        "Leiden, Housing First may add at most 4 places a year (binding in 2026\N{EN DASH}2028).",
        "The proposal differs most from the entered plan at Leiden, Housing First (6 places more "
        "in 2028) and Leiden, night shelter (6 places more in 2026).",
    )


def test_explain_says_so_when_the_proposal_is_the_entered_plan():
    the_problem = problem(cell(entered=(10, 12, 15)))
    assert explain(the_problem, optimise(the_problem))[-1] == "The proposal is the entered plan."


def test_without_a_plan_explain_gives_the_reasons():
    the_problem = problem(cell(min_places=6), budget=(500, 700, 700))
    solution = optimise(the_problem)
    assert explain(the_problem, solution) == solution.binding
    assert explain(the_problem, solution)[0].startswith("In 2026 the budget of €500 is €100 short")


def test_at_the_time_limit_explain_says_how_close_the_plan_is():
    the_problem = region(2, time_limit_seconds=0.5)
    lines = explain(the_problem, optimise(the_problem))
    assert lines[1].startswith("Stopped at the time limit of 0.5 s")


@pytest.mark.parametrize(
    "the_problem",
    [
        problem(),
        problem(cell(min_places=6), budget=(500, 700, 700)),
        region(0, time_limit_seconds=1),
    ],
    ids=["optimal", "infeasible", "region"],
)
def test_a_solution_is_plain_data_that_json_stores_without_loss(the_problem):
    solution = optimise(the_problem)
    data = asdict(solution)
    stored = json.loads(json.dumps(data, allow_nan=False))
    assert stored["places"] == {key: list(values) for key, values in solution.places.items()}
    assert stored["status"] == solution.status
