"""The largest-remainder method: exact totals, every part the floor or ceiling of its share."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from onderdak.engines.apportion import apportion


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**30), st.lists(st.integers(0, 10**20), min_size=1).filter(any))
def test_apportion_floor_or_ceiling_of_the_exact_share(total, raw):
    parts = apportion(total, raw)
    assert sum(parts) == total
    for part, weight in zip(parts, raw, strict=True):
        exact = Fraction(total * weight, sum(raw))
        assert part in (exact.__floor__(), exact.__ceil__())


def test_ties_go_to_the_earliest_weight():
    assert apportion(2, [1, 1, 1]) == [1, 1, 0]
    assert apportion(250, [3, 2, 1]) == [125, 83, 42]
