"""The arithmetic of the built-in indicators (property tests) and how hidden counts spread to
the figures computed from them."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from onderdak.engines.suppression import Hidden
from onderdak.monitor.selectors.dashboard_figures import (
    Figure,
    change,
    change_percent,
    count_figure,
    hidden_reason,
    no_data,
    per_10000,
    share,
)

people = st.integers(min_value=0, max_value=100_000)
populations = st.integers(min_value=1, max_value=10_000_000)
TENTH = Decimal("0.1")


def shown(value: int) -> Figure:
    return count_figure(("c", value), value)


def hidden(reason: str = Hidden.SMALL) -> Figure:
    return count_figure(("h", reason), 3, reason)


@given(people, populations)
def test_per_10000_is_people_per_ten_thousand_inhabitants_to_one_decimal(count, population):
    rate = per_10000(shown(count), population)
    exact = Decimal(count) * 10_000 / population
    assert rate.value == exact.quantize(TENTH, ROUND_HALF_UP)
    assert abs(rate.value - exact) <= Decimal("0.05")
    assert rate.sources == (("c", count),)


@given(st.lists(people, min_size=1, max_size=12).filter(lambda parts: sum(parts) > 0))
def test_shares_of_the_parts_add_up_to_100_within_rounding(parts):
    whole = shown(sum(parts))
    shares = [share(shown(part), whole).value for part in parts]
    assert all(Decimal(0) <= s <= 100 for s in shares)
    assert abs(sum(shares) - 100) <= Decimal("0.05") * len(parts)


@given(people, people)
def test_change_is_the_difference_and_its_percentage_of_the_earlier_count(now, before):
    assert change(shown(now), shown(before)).value == now - before
    percent = change_percent(shown(now), shown(before)).value
    if before == 0:
        assert percent is None
    else:
        exact = Decimal(now - before) * 100 / before
        assert percent == exact.quantize(TENTH, ROUND_HALF_UP)


@given(st.lists(people, min_size=1, max_size=5), st.sampled_from(list(Hidden)))
def test_a_figure_computed_from_a_hidden_count_is_hidden_and_holds_no_value(parts, reason):
    secret, whole = hidden(reason), shown(sum(parts) + 3)
    for figure in (
        per_10000(secret, 50_000),
        share(secret, whole),
        share(shown(parts[0]), hidden(reason)),
        change(secret, whole),
        change_percent(whole, secret),
    ):
        assert figure.hidden == reason
        assert figure.value is None
        assert figure.shown is None


def test_small_wins_over_derived():
    assert hidden_reason(hidden(Hidden.DERIVED), hidden(Hidden.SMALL)) == Hidden.SMALL
    assert hidden_reason(hidden(Hidden.DERIVED), shown(4)) == Hidden.DERIVED
    assert hidden_reason(shown(1), shown(2)) == ""


def test_without_data_there_is_no_value_but_nothing_is_hidden():
    assert per_10000(shown(10), None).value is None
    assert share(shown(0), shown(0)).value is None
    assert change(shown(3), no_data()).value is None
    assert not per_10000(shown(10), None).hidden


@pytest.mark.parametrize(
    ("figure", "dutch", "english"),
    [
        (hidden(Hidden.SMALL), "<5", "<5"),
        (hidden(Hidden.DERIVED), "x", "x"),
        (Figure(Decimal("1234.5"), decimals=1), "1.234,5", "1,234.5"),
        (Figure(-3), "-3", "-3"),
        (no_data(), "", ""),
    ],
)
def test_display(figure, dutch, english):
    with translation.override("nl"):
        assert figure.display == dutch
    with translation.override("en"):
        assert figure.display == english


def test_a_hidden_count_never_carries_its_value():
    figure = count_figure(("m:GM0546",), 3, Hidden.SMALL)
    assert figure.value is None
    assert "3" not in repr(figure.value)
