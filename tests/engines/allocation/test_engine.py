"""The allocation engine against a brute force, CP-SAT, the greedy baseline and itself."""

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onderdak.engines.allocation import RULES, allocate, build_problem, generate
from onderdak.engines.allocation.generate import Shape
from onderdak.engines.allocation.solvers import why_not_a_flow
from onderdak.engines.allocation.tables import encode

from . import reference
from .strategies import instances


def outcome(result) -> tuple[int, int]:
    return (result.housed, result.total_score)


@settings(max_examples=300, deadline=None)
@given(instances(max_candidates=6, max_dwellings=6))
def test_small_instances_equal_the_brute_force_optimum(data):
    result = allocate(data)
    assert result.status == "optimal"
    assert result.gap == 0
    assert outcome(result) == reference.brute_force(data)
    reference.check_answer(data, result)


@settings(max_examples=150, deadline=None)
@given(instances(max_candidates=10, max_dwellings=10), st.sampled_from(("flow", "milp", "auto")))
def test_never_worse_than_the_greedy_baseline(data, solver):
    if solver == "flow" and _crossing(data):
        solver = "milp"
    best, baseline = (
        allocate(replace(data, solver=solver)),
        allocate(replace(data, solver="greedy")),
    )
    reference.check_answer(data, best)
    reference.check_answer(data, baseline)
    assert baseline.status == "heuristic"
    assert baseline.gap is None
    if data.mode == "score_only":
        assert best.total_score >= baseline.total_score
    else:
        assert best.housed >= baseline.housed
        if best.housed == baseline.housed:
            assert best.total_score >= baseline.total_score


def _crossing(data) -> bool:
    problem = build_problem(encode(data), list(RULES), [], data.quotas)
    return why_not_a_flow(problem) is not None


@settings(max_examples=40, deadline=None)
@given(instances(), st.randoms(use_true_random=False))
def test_same_input_gives_the_same_output_in_any_order(data, rng):
    shuffled = replace(
        data,
        candidates=tuple(rng.sample(data.candidates, len(data.candidates))),
        dwellings=tuple(rng.sample(data.dwellings, len(data.dwellings))),
        quotas=tuple(rng.sample(data.quotas, len(data.quotas))),
        declined=tuple(rng.sample(data.declined, len(data.declined))),
    )
    first, again, reordered = allocate(data), allocate(data), allocate(shuffled)
    for other in (again, reordered):
        assert (first.assignments, first.unmatched, first.unused) == (
            other.assignments,
            other.unmatched,
            other.unused,
        )


MEDIUM = [
    (Shape(40, 30, quotas="crossing", declined=20), "housed_then_score"),
    (Shape(40, 30, quotas="crossing", quota_share=0.3), "score_only"),
    (Shape(50, 40, quotas="laminar", quota_share=0.4, declined=20), "housed_then_score"),
    (Shape(30, 45, quotas="none"), "score_only"),
]


@pytest.mark.parametrize(("shape", "mode"), MEDIUM)
@pytest.mark.parametrize("seed", [1, 2])
def test_medium_instances_match_an_independent_cp_sat_model(shape, mode, seed):
    data = generate.instance(shape, seed, mode=mode)
    result = allocate(data)
    assert result.status == "optimal"
    assert outcome(result) == reference.cp_sat(data)
    reference.check_answer(data, result)


@pytest.mark.parametrize("seed", [3, 4])
def test_flow_and_milp_agree_on_laminar_quotas(seed):
    data = generate.instance(Shape(60, 50, quotas="laminar", quota_share=0.4), seed)
    flow, mip = allocate(replace(data, solver="flow")), allocate(replace(data, solver="milp"))
    assert (flow.solver, mip.solver) == ("flow", "milp")
    assert outcome(flow) == outcome(mip)


def test_every_pair_allowed_and_no_quota_goes_to_the_assignment_solver():
    data = replace(generate.instance(Shape(6, 5), 5), rules=())
    result = allocate(data)
    assert result.solver == "lsa"
    assert outcome(result) == reference.brute_force(data) == (5, result.total_score)


def test_a_tiny_time_limit_still_gives_a_valid_answer_with_its_gap():
    data = generate.instance(Shape(400, 250, quotas="crossing"), 1, time_limit=1e-9)
    result = allocate(data)
    reference.check_answer(data, result)
    assert result.status in ("optimal", "time_limit")
    assert result.gap is not None
    assert result.gap >= 0


def test_the_run_records_its_rules_weights_and_input():
    data = generate.instance(Shape(10, 8), 2, rules=("rooms", "stream"))
    result = allocate(data)
    assert [(r.id, r.version) for r in result.rules] == [("rooms", 1), ("stream", 1)]
    assert {c.id: c.weight for c in result.criteria} == generate.WEIGHTS
    assert result.input is data


def test_an_unmatched_candidate_names_the_rule_that_excluded_most():
    data = generate.instance(Shape(5, 5), 6)
    giant = replace(data.candidates[0], rooms_needed=9)
    result = allocate(replace(data, candidates=(giant, *data.candidates[1:])))
    (why,) = [u for u in result.unmatched if u.candidate == giant.id]
    assert why.reason == "no_feasible_dwelling"
    assert ("rooms", 5) in why.excluded_by


def test_a_full_quota_is_named_for_the_candidate_it_kept_out():
    data = generate.instance(Shape(3, 3), 8, rules=())
    closed = replace(
        data, quotas=(generate.Quota("none", 0, dwellings=("D00000", "D00001", "D00002")),)
    )
    result = allocate(closed)
    assert result.housed == 0
    assert {u.full_quotas for u in result.unmatched} == {("none",)}
    assert {u.reason for u in result.unused} == {"candidates_placed_elsewhere"}


def test_greedy_is_deterministic():
    data = generate.instance(Shape(50, 40, quotas="crossing"), random.Random(1).randrange(99))
    first, again = (allocate(replace(data, solver="greedy")) for _ in range(2))
    assert first.assignments == again.assignments


@pytest.mark.parametrize(("candidates", "dwellings"), [(0, 0), (0, 3), (3, 0)])
def test_an_empty_side_gives_an_empty_answer_with_reasons(candidates, dwellings):
    result = allocate(generate.instance(Shape(candidates, dwellings), 1))
    assert (result.housed, result.status) == (0, "optimal")
    assert len(result.unmatched) == candidates
    assert len(result.unused) == dwellings
