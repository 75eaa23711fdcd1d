"""The yearly cap: bounds in whole cents, and the capped allocation closest to the key."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from onderdak.engines.funding.cap import cap_bounds, cap_holds, capped_allocation

D = Decimal


@pytest.mark.parametrize(
    ("previous", "cap", "lows", "highs"),
    [
        ([10000], "0.05", [9500], [10500]),
        ([10001], "0.05", [9501], [10501]),  # 9500.95 up, 10501.05 down
        ([333], "0.1", [300], [366]),  # 299.7 up, 366.3 down
        ([0, 100], "0.5", [0, 50], [0, 150]),
        ([100], "0", [100], [100]),
        ([100], "2", [0], [300]),  # never below zero
    ],
)
def test_cap_bounds(previous, cap, lows, highs):
    assert cap_bounds(previous, D(cap)) == (lows, highs)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 10**9), min_size=1, max_size=13), st.decimals(0, 1, places=4))
def test_amounts_within_the_bounds_change_no_more_than_the_cap(previous, cap):
    lows, highs = cap_bounds(previous, cap)
    for prev, low, high in zip(previous, lows, highs, strict=True):
        assert low <= prev <= high
        assert prev - low <= cap * prev
        assert high - prev <= cap * prev
        assert low == 0 or prev - (low - 1) > cap * prev  # the bounds are as wide as allowed
        assert prev * (1 + cap) < high + 1


def test_hand_computed_example():
    """Last year 600 / 400; the key wants 400 / 600 of 1000 with a 10 % cap: B may get at most
    440, so A keeps 560."""
    lows, highs = cap_bounds([60000, 40000], D("0.1"))
    assert capped_allocation(100000, [4, 6], lows, highs) == [56000, 44000]


def test_money_taken_from_one_is_spread_in_proportion_to_the_others_targets():
    # targets 100, 300, 600 of 1000; the first may get at most 50: 50 left over for the others,
    # split 1 : 2 between them -> 300 + 50/3, 600 + 100/3
    amounts = capped_allocation(1000, [1, 3, 6], [0, 0, 0], [50, 1000, 1000])
    assert amounts == [50, 317, 633]


def test_the_cap_holds_only_between_the_sums_of_the_bounds():
    assert cap_holds(10, [3, 3], [6, 6])
    assert not cap_holds(5, [3, 3], [6, 6])
    assert not cap_holds(13, [3, 3], [6, 6])


def exact_solution(budget, weights, lows, highs):
    """The reference: clip(s * w, lo, hi) with s found exactly between the breakpoints."""

    def amounts(scale):
        return [min(max(scale * w, lo), hi) for w, lo, hi in zip(weights, lows, highs, strict=True)]

    points = sorted(
        {Fraction(0)}
        | {Fraction(b, w) for w, lo, hi in zip(weights, lows, highs, strict=True) for b in (lo, hi)}
    )
    before = Fraction(0)
    for point in points:
        if sum(amounts(point)) >= budget:
            break
        before = point
    low_sum, high_sum = sum(amounts(before)), sum(amounts(point))
    if high_sum == low_sum:
        return amounts(point)
    return amounts(before + (point - before) * (budget - low_sum) / (high_sum - low_sum))


@st.composite
def capped_cases(draw, *, zero_weights=False):
    size = draw(st.integers(1, 13))
    previous = draw(st.lists(st.integers(0, 10**8), min_size=size, max_size=size))
    low_weight = 0 if zero_weights else 1
    weights = draw(st.lists(st.integers(low_weight, 10**10), min_size=size, max_size=size))
    assume(any(weights))
    cap = draw(st.decimals(0, D("0.5"), places=3))
    lows, highs = cap_bounds(previous, cap)
    budget = draw(st.integers(sum(lows), sum(highs)))
    return budget, weights, lows, highs


@settings(max_examples=300, deadline=None)
@given(capped_cases())
def test_capped_allocation_is_within_bounds_adds_up_and_is_the_closest(case):
    budget, weights, lows, highs = case
    amounts = capped_allocation(budget, weights, lows, highs)
    assert sum(amounts) == budget
    assert all(lo <= a <= hi for a, lo, hi in zip(amounts, lows, highs, strict=True))
    for amount, exact in zip(amounts, exact_solution(budget, weights, lows, highs), strict=True):
        assert abs(amount - exact) < 1


@settings(max_examples=200, deadline=None)
@given(capped_cases(zero_weights=True))
def test_capped_allocation_with_zero_weights_is_within_bounds_and_adds_up(case):
    budget, weights, lows, highs = case
    amounts = capped_allocation(budget, weights, lows, highs)
    assert sum(amounts) == budget
    assert all(lo <= a <= hi for a, lo, hi in zip(amounts, lows, highs, strict=True))


def test_a_municipality_without_share_makes_up_what_the_others_cannot_take():
    # the key gives B nothing; A may grow to 110 only, so B keeps 90 of its 100 -- or 100 of it
    # when the budget does not fall
    assert capped_allocation(200, [1, 0], [90, 90], [110, 110]) == [110, 90]
    assert capped_allocation(210, [1, 0], [90, 90], [110, 110]) == [110, 100]
