"""Keys: validation to 100 %, mixing, and keys built from indicators."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onderdak.engines.funding import FundingError, key_from_indicators, mix_keys, validate_key
from onderdak.engines.funding.keys import percent
from tests.engines.funding.strategies import CODES, keys

D = Decimal
THREE = ("A", "B", "C")


def test_a_key_adding_up_to_100_percent_is_accepted():
    validate_key({"A": D("0.3333"), "B": D("0.3333"), "C": D("0.3334")}, codes=THREE, name="k")


def test_a_rounding_difference_within_the_tolerance_is_accepted():
    validate_key({"A": D("0.5000005"), "B": D("0.5")}, codes=("A", "B"), name="k")


@pytest.mark.parametrize(
    ("key", "fragment"),
    [
        ({"A": D("0.5"), "B": D("0.495"), "C": D(0)}, "The historical key adds up to 99.5 %"),
        ({"A": D("0.5"), "B": D("0.6"), "C": D(0)}, "adds up to 110 %"),
        ({"A": D("0.5"), "B": D("0.5")}, "has no share for C"),
        ({"A": D("0.5"), "B": D("0.5"), "C": D(0), "X": D(0)}, "names X"),
        ({"A": D("1.5"), "B": D("-0.5"), "C": D(0)}, "gives B a negative share"),
        ({"A": 0.5, "B": D("0.5"), "C": D(0)}, "must be a Decimal, not float"),
        ([D("0.5"), D("0.5")], "must be a mapping"),
    ],
)
def test_validate_key_refuses_with_a_clear_message(key, fragment):
    with pytest.raises(FundingError, match=fragment) as raised:
        validate_key(key, codes=THREE, name="historical_key")
    assert raised.value.field == "historical_key"


@settings(max_examples=100, deadline=None)
@given(st.data(), st.integers(1, 13), st.integers(-500_000, 500_000).filter(lambda n: abs(n) > 1))
def test_validate_key_refuses_any_sum_but_100_percent_naming_the_sum(data, size, millionths):
    codes = CODES[:size]
    key = data.draw(keys(codes))
    factor = 1 + D(millionths) / 1_000_000  # off by more than the tolerance of 0.000001
    skewed = {code: share * factor for code, share in key.items()}
    total = sum(Fraction(share) for share in skewed.values())
    with pytest.raises(FundingError) as raised:
        validate_key(skewed, codes=codes, name="objective_key")
    assert percent(total) in raised.value.message
    assert "objective key" in raised.value.message


@pytest.mark.parametrize(
    ("weight", "expected"),
    [
        (D(0), {"A": D("0.2"), "B": D("0.8")}),
        (D(1), {"A": D("0.6"), "B": D("0.4")}),
        (D("0.5"), {"A": D("0.4"), "B": D("0.6")}),
        (D("0.25"), {"A": D("0.3"), "B": D("0.7")}),
    ],
)
def test_mix_keys_examples(weight, expected):
    mixed = mix_keys({"A": D("0.6"), "B": D("0.4")}, {"A": D("0.2"), "B": D("0.8")}, weight)
    assert mixed == expected


def test_mix_keys_one_third():
    mixed = mix_keys({"A": D(1), "B": D(0), "C": D(0)}, {"A": D(0), "B": D(0), "C": D(1)}, D(1) / 3)
    assert sum(mixed.values()) == 1
    assert mixed == {"A": D("0.3333333333"), "B": D(0), "C": D("0.6666666667")}


@settings(max_examples=150, deadline=None)
@given(st.data(), st.integers(1, 13), st.decimals(0, 1, places=6))
def test_mix_keys_adds_up_to_exactly_one_and_lies_between_the_keys(data, size, weight):
    codes = CODES[:size]
    a, b = data.draw(keys(codes)), data.draw(keys(codes))
    mixed = mix_keys(a, b, weight)
    assert sum(mixed.values()) == 1
    assert list(mixed) == list(codes)
    for code in codes:
        exact = weight * a[code] + (1 - weight) * b[code]
        assert abs(mixed[code] - exact) < D("1e-9")


@settings(max_examples=50, deadline=None)
@given(st.data(), st.integers(1, 13))
def test_mix_keys_ends_on_exactly_the_first_key(data, size):
    a, b = data.draw(keys(CODES[:size])), data.draw(keys(CODES[:size]))
    assert mix_keys(a, b, D(1)) == a
    assert mix_keys(a, b, D(0)) == b


@pytest.mark.parametrize(
    ("b", "weight", "fragment"),
    [
        ({"A": D(1), "B": D(0)}, D("1.5"), "between 0 and 1"),
        ({"A": D(1), "B": D(0)}, D("-0.1"), "between 0 and 1"),
        ({"A": D(1), "C": D(0)}, D("0.5"), "same municipalities"),
        ({"A": D(1), "B": D(0)}, 0.5, "not float"),
    ],
)
def test_mix_keys_refuses(b, weight, fragment):
    with pytest.raises(FundingError, match=fragment):
        mix_keys({"A": D("0.5"), "B": D("0.5")}, b, weight)


def test_key_from_indicators_example():
    key = key_from_indicators(
        {"population": {"A": D(100), "B": D(300)}, "use": {"A": D(7), "B": D(7)}},
        {"population": D("0.5"), "use": D("0.5")},
    )
    assert key == {"A": D("0.375"), "B": D("0.625")}


def test_key_from_indicators_with_one_indicator_is_its_normalised_values():
    key = key_from_indicators({"use": {"A": D(1), "B": D(1), "C": D(1)}}, {"use": D(1)})
    assert key == {"A": D("0.3333333334"), "B": D("0.3333333333"), "C": D("0.3333333333")}


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 13),
    st.lists(
        st.lists(st.integers(0, 10**6), min_size=13, max_size=13).filter(any),
        min_size=1,
        max_size=3,
    ),
    st.data(),
)
def test_key_from_indicators_adds_up_to_exactly_one(size, columns, data):
    codes = CODES[:size]
    values = {
        f"i{n}": {c: D(v) for c, v in zip(codes, col, strict=False)}
        for n, col in enumerate(columns)
    }
    values = {name: by_code for name, by_code in values.items() if any(by_code.values())}
    if not values:
        return
    weights = data.draw(keys(tuple(values)))
    key = key_from_indicators(values, weights)
    assert sum(key.values()) == 1
    assert all(share >= 0 for share in key.values())
    for code in codes:
        exact = sum(
            Fraction(weights[name])
            * Fraction(by_code[code])
            / sum(Fraction(v) for v in by_code.values())
            for name, by_code in values.items()
        )
        assert abs(Fraction(key[code]) - exact) < Fraction(1, 10**10)


@pytest.mark.parametrize(
    ("values", "weights", "fragment"),
    [
        ({"p": {"A": D(1)}}, {"p": D("0.9")}, "indicator weights add up to 90 %"),
        ({"p": {"A": D(1)}}, {"q": D(1)}, "has no share for p"),
        (
            {"p": {"A": D(1)}, "u": {"B": D(1)}},
            {"p": D("0.5"), "u": D("0.5")},
            "same municipalities",
        ),
        ({"p": {"A": D(0), "B": D(0)}}, {"p": D(1)}, "zero for every municipality"),
        ({"p": {"A": D(-1), "B": D(2)}}, {"p": D(1)}, "negative"),
        ({}, {}, "At least one indicator"),
    ],
)
def test_key_from_indicators_refuses(values, weights, fragment):
    with pytest.raises(FundingError, match=fragment):
        key_from_indicators(values, weights)
