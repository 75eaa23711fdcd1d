"""PhaseIn: the objective key's weight per year, linear or in explicit steps."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onderdak.engines.funding import FundingError, PhaseIn

D = Decimal


@pytest.mark.parametrize(
    ("phase_in", "weights"),
    [
        (
            PhaseIn(2026, years=4),
            {2024: 0, 2025: 0, 2026: "0.25", 2027: "0.5", 2028: "0.75", 2029: 1, 2040: 1},
        ),
        (PhaseIn(2026), {2025: 0, 2026: 1, 2027: 1}),
        (PhaseIn(2026, years=2), {2025: 0, 2026: "0.5", 2027: 1}),
        (
            PhaseIn(2026, steps=((2026, D("0.1")), (2028, D("0.6")), (2029, D(1)))),
            {2025: 0, 2026: "0.1", 2027: "0.1", 2028: "0.6", 2029: 1, 2035: 1},
        ),
        (PhaseIn(2026, steps=((2027, D(1)),)), {2026: 0, 2027: 1}),
    ],
)
def test_objective_weight(phase_in, weights):
    phase_in.validate()
    assert {year: phase_in.objective_weight(year) for year in weights} == {
        year: D(weight) for year, weight in weights.items()
    }


def test_a_third_is_a_decimal_with_fixed_precision():
    weight = PhaseIn(2026, years=3).objective_weight(2026)
    assert isinstance(weight, Decimal)
    assert weight == D(1) / D(3)


@given(st.integers(2000, 2100), st.integers(1, 30))
def test_linear_phase_in_reaches_one_exactly_in_its_last_year(start, years):
    phase_in = PhaseIn(start, years=years)
    assert phase_in.end_year == start + years - 1
    assert phase_in.objective_weight(phase_in.end_year) == 1
    if years > 1:
        assert phase_in.objective_weight(phase_in.end_year - 1) < 1
    weights = [phase_in.objective_weight(y) for y in range(start - 1, start + years + 2)]
    assert weights == sorted(weights)


@pytest.mark.parametrize(
    ("phase_in", "fragment"),
    [
        (PhaseIn(2026, years=0), "at least one year"),
        (PhaseIn(2026, years=-2), "at least one year"),
        (PhaseIn(2026.0), "whole year"),
        (PhaseIn(2026, steps=((2026, D("0.5")),)), "end at exactly 1"),
        (
            PhaseIn(2026, steps=((2026, D("0.5")), (2027, D("0.4")), (2028, D(1)))),
            "decreases in 2027",
        ),
        (PhaseIn(2026, steps=((2027, D("0.5")), (2026, D(1)))), "must come after 2027"),
        (PhaseIn(2026, steps=((2025, D(1)),)), "before the start year 2026"),
        (PhaseIn(2026, steps=((2026, D("1.5")),)), "between 0 and 1"),
        (PhaseIn(2026, steps=((2026, 1.0),)), "not float"),
        (PhaseIn(2026, steps=((2026,),)), "must be \\(year, weight\\)"),
    ],
)
def test_phase_in_refuses(phase_in, fragment):
    with pytest.raises(FundingError, match=fragment) as raised:
        phase_in.validate()
    assert raised.value.field == "phase_in"
