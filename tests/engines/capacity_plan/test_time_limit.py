"""A problem of a region's size that HiGHS cannot prove in a second: the best plan found is
returned with its proven gap."""

from dataclasses import replace

import pytest

from onderdak.engines.capacity_plan import optimise
from onderdak.engines.capacity_plan.generate import problem

from . import reference


@pytest.fixture(scope="module")
def region():
    """13 municipalities x 8 types x 10 years, with a budget that binds every year."""
    return problem(seed=1)


def test_at_the_time_limit_the_best_plan_found_comes_with_its_gap(region):
    solution = optimise(replace(region, time_limit_seconds=1.0))
    assert solution.status == "time_limit"
    assert reference.broken_limits(region, solution.places) == []
    minimised = solution.objective + solution.tie_break
    assert minimised == pytest.approx(reference.minimised(region, solution.places))
    assert 0 < solution.gap < 0.01
    assert solution.bound == pytest.approx(minimised * (1 - solution.gap))
    assert solution.message.startswith("Stopped at the time limit of 1 s: the best plan found")
    assert f"{solution.gap:.2%}" in solution.message


def test_the_lp_relaxation_of_the_same_region_is_optimal_and_below_the_bound(region):
    whole = optimise(replace(region, time_limit_seconds=1.0))
    relaxed = optimise(replace(region, integer=False))
    assert relaxed.status == "optimal"
    assert relaxed.objective + relaxed.tie_break <= whole.bound


def test_a_time_limit_too_short_for_the_lp_still_gives_a_plan_within_the_limits(region):
    solution = optimise(replace(region, time_limit_seconds=0.001))
    assert solution.status == "time_limit"
    assert reference.broken_limits(region, solution.places) == []
    assert solution.gap is None or solution.gap > 0
