"""The split of a contingent year over the corporations: exact per stream, fair, deterministic."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onderdak.engines.contingent import STREAMS, SplitError, split_targets

targets = st.integers(0, 100_000)
stocks = st.dictionaries(
    st.text(min_size=1, max_size=12), st.integers(0, 10_000_000), min_size=1, max_size=30
).filter(lambda s: any(s.values()))


@settings(max_examples=300, deadline=None)
@given(targets, targets, stocks)
def test_parts_add_up_to_each_stream_target(outflow, prevention, stock):
    split = split_targets(outflow=outflow, prevention=prevention, stocks=stock)
    assert sum(part["outflow"] for part in split.values()) == outflow
    assert sum(part["prevention"] for part in split.values()) == prevention


@settings(max_examples=300, deadline=None)
@given(targets, targets, stocks)
def test_no_part_differs_from_its_exact_share_by_one_or_more(outflow, prevention, stock):
    split = split_targets(outflow=outflow, prevention=prevention, stocks=stock)
    whole = sum(stock.values())
    for stream, target in (("outflow", outflow), ("prevention", prevention)):
        for key, part in split.items():
            assert abs(part[stream] - Fraction(target * stock[key], whole)) < 1


@settings(max_examples=200, deadline=None)
@given(targets, targets, stocks, st.randoms(use_true_random=False))
def test_deterministic_whatever_the_order_of_the_stocks(outflow, prevention, stock, random):
    items = list(stock.items())
    random.shuffle(items)
    first = split_targets(outflow=outflow, prevention=prevention, stocks=stock)
    again = split_targets(outflow=outflow, prevention=prevention, stocks=dict(items))
    assert first == again
    assert list(again) == sorted(stock)
    assert all(list(part) == list(STREAMS) for part in again.values())


def test_the_2024_contingent_over_three_corporations():
    split = split_targets(outflow=200, prevention=50, stocks={"a": 3, "b": 2, "c": 1})
    assert split == {
        "a": {"outflow": 100, "prevention": 25},
        "b": {"outflow": 67, "prevention": 17},
        "c": {"outflow": 33, "prevention": 8},
    }


def test_a_corporation_without_stock_gets_nothing():
    split = split_targets(outflow=10, prevention=3, stocks={"a": 0, "b": 5})
    assert split["a"] == {"outflow": 0, "prevention": 0}
    assert split["b"] == {"outflow": 10, "prevention": 3}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"outflow": 5, "prevention": 1, "stocks": {"a": -1, "b": 4}}, "The stock of a is -1"),
        ({"outflow": 5, "prevention": 1, "stocks": {"a": 0, "b": 0}}, "add up to zero"),
        ({"outflow": 5, "prevention": 1, "stocks": {}}, "no stocks"),
        ({"outflow": -5, "prevention": 1, "stocks": {"a": 1}}, "The outflow target is -5"),
        ({"outflow": 5, "prevention": -1, "stocks": {"a": 1}}, "The prevention target is -1"),
        ({"outflow": 5, "prevention": 1, "stocks": {"a": 1.5}}, "stock of a must be a whole"),
        ({"outflow": True, "prevention": 1, "stocks": {"a": 1}}, "outflow target must be a whole"),
    ],
)
def test_bad_input_is_refused_naming_the_item(arguments, message):
    with pytest.raises(SplitError, match=message):
        split_targets(**arguments)


def test_split_error_is_a_value_error():
    assert issubclass(SplitError, ValueError)
