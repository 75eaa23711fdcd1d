"""split_cents and the money helpers: exact to the cent, for any weights and totals."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onderdak.engines.funding import FundingError, split_cents
from onderdak.engines.funding.money import from_cents, to_cents
from tests.engines.funding.strategies import amounts, weights

D = Decimal


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [
        ("100.00", [1, 1, 1], ["33.34", "33.33", "33.33"]),
        ("0.02", [1, 1, 1], ["0.01", "0.01", "0.00"]),
        ("10.00", [1, 0], ["10.00", "0.00"]),
        ("1.00", [2, 1], ["0.67", "0.33"]),
        ("0.05", ["0.5", "0.3", "0.2"], ["0.03", "0.01", "0.01"]),  # 2.5 / 1.5 / 1 cents
        ("0", [1, 1], ["0.00", "0.00"]),
        ("1000", ["0.123456789", "0.876543211"], ["123.46", "876.54"]),
    ],
)
def test_split_cents_examples(total, weights, expected):
    split = split_cents(D(total), {f"m{i}": D(w) for i, w in enumerate(weights)})
    assert list(split.values()) == [D(e) for e in expected]
    assert all(part.as_tuple().exponent == -2 for part in split.values())


def test_ties_go_to_the_earliest_weight():
    assert split_cents(D("0.01"), {"b": D(1), "a": D(1)}) == {"b": D("0.01"), "a": D("0.00")}
    assert split_cents(D("0.01"), {"a": D(1), "b": D(1)}) == {"a": D("0.01"), "b": D("0.00")}


@settings(max_examples=300, deadline=None)
@given(amounts(), st.lists(weights(), min_size=1, max_size=15).filter(any))
def test_split_cents_conserves_every_cent_and_stays_within_a_cent(total, raw):
    split = split_cents(total, dict(enumerate(raw)))
    assert sum(split.values()) == total
    whole = sum(Fraction(w) for w in raw)
    for index, part in split.items():
        exact = Fraction(total) * Fraction(raw[index]) / whole
        assert abs(Fraction(part) - exact) < Fraction(1, 100)
        assert part == part.quantize(D("0.01"))
        assert part >= 0


@pytest.mark.parametrize(
    ("total", "weights", "fragment"),
    [
        (D("-1.00"), {"a": D(1)}, "cannot be negative"),
        (D("1.001"), {"a": D(1)}, "whole number of cents"),
        (1.5, {"a": D(1)}, "not float"),
        (D("NaN"), {"a": D(1)}, "must be a number"),
        (D("1.00"), {"a": D(-1), "b": D(2)}, "cannot be negative"),
        (D("1.00"), {"a": D(0), "b": D(0)}, "above zero"),
        (D("1.00"), {}, "above zero"),
        (D("1.00"), {"a": 0.5}, "not float"),
    ],
)
def test_split_cents_refuses(total, weights, fragment):
    with pytest.raises(FundingError, match=fragment):
        split_cents(total, weights)


def test_ints_are_accepted_as_amounts_and_weights():
    assert split_cents(3, {"a": 1, "b": 2}) == {"a": D("1.00"), "b": D("2.00")}


def test_cents_round_trip_exactly_even_for_large_amounts():
    cents = 10**40 + 1
    assert to_cents(from_cents(cents), what="x", field=None) == cents
    assert str(from_cents(0)) == "0.00"
