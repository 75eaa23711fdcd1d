"""The plugin registries, replaying a run, and the low-level Problem on a published instance."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import onderdak.engines.allocation as allocation
from onderdak.engines.allocation import (
    CRITERIA,
    RULES,
    AllocationError,
    HardRule,
    Problem,
    QuotaSpec,
    Registry,
    allocate,
    generate,
    replay,
    solve,
)
from onderdak.engines.allocation.generate import Shape

ORLIB = Path(allocation.__file__).parent / "data" / "or-library"


def test_rules_and_criteria_have_unique_ids_and_versions():
    assert RULES.ids() == (
        "rooms",
        "accessibility",
        "affordability",
        "stream",
        "municipality",
        "declined",
    )
    assert set(CRITERIA.ids()) == set(generate.WEIGHTS)
    assert all(p.version >= 1 and p.description for p in (*RULES, *CRITERIA))


def test_a_registry_refuses_a_second_plugin_with_the_same_id():
    registry = Registry("hard rule")
    registry.register(RULES["rooms"])
    with pytest.raises(AllocationError, match="'rooms' is already registered"):
        registry.register(RULES["rooms"])
    with pytest.raises(AllocationError, match="Unknown hard rule 'x'"):
        registry["x"]


def test_a_replay_gives_the_same_answer():
    result = allocate(generate.instance(Shape(30, 20, quotas="crossing"), 3))
    again = replay(result)
    assert (again.assignments, again.unmatched, again.unused) == (
        result.assignments,
        result.unmatched,
        result.unused,
    )


def test_a_replay_refuses_when_a_rule_changed_version(monkeypatch):
    result = allocate(generate.instance(Shape(5, 5), 3))
    newer: HardRule = replace(RULES["rooms"], version=2)
    monkeypatch.setitem(RULES._plugins, "rooms", newer)
    with pytest.raises(AllocationError, match="'rooms' is at version 2; the run used version 1"):
        replay(result)


def read_orlib(name: str) -> np.ndarray:
    numbers = np.array((ORLIB / name).read_text().split(), np.int64)
    return numbers[1:].reshape(numbers[0], numbers[0])


def complete_problem(cost: np.ndarray, quotas=()) -> Problem:
    n = len(cost)
    return Problem(
        n_candidates=n,
        n_dwellings=n,
        candidate=np.repeat(np.arange(n), n),
        dwelling=np.tile(np.arange(n), n),
        score=(cost.max() - cost).ravel(),
        quotas=quotas,
    )


@pytest.mark.parametrize("solver", ["auto", "flow"])
def test_the_smallest_or_library_instance_reaches_its_published_optimum(solver):
    cost = read_orlib("assign100.txt")
    problem = complete_problem(cost)
    solution = solve(problem, "score_only", solver)
    total = cost[problem.candidate[solution.chosen], problem.dwelling[solution.chosen]].sum()
    assert total == 305  # the optimum published with the instance (see its README)
    assert solution.solver == ("lsa" if solver == "auto" else "flow")


def test_nested_dwelling_quotas_stay_a_flow_and_crossing_ones_do_not():
    cost = read_orlib("assign100.txt")[:8, :8]
    nested = (
        QuotaSpec("outer", 5, dwellings=np.arange(6)),
        QuotaSpec("inner", 2, dwellings=np.arange(3)),
        QuotaSpec("people", 6, candidates=np.arange(8)),
    )
    crossing = (*nested, QuotaSpec("across", 1, dwellings=np.arange(2, 7)))
    flow = solve(complete_problem(cost, nested), "housed_then_score")
    mip = solve(complete_problem(cost, nested), "housed_then_score", "milp")
    assert flow.solver == "flow"
    assert mip.solver == "milp"
    score = complete_problem(cost).score
    assert score[flow.chosen].sum() == score[mip.chosen].sum()
    assert len(flow.chosen) == 6
    assert solve(complete_problem(cost, crossing), "housed_then_score").solver == "milp"
