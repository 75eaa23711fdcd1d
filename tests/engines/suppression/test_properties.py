"""Properties of suppress() on random tables with all their margins."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from onderdak.engines.suppression import Group, suppress

from .strategies import any_table, linked_tables, tables
from .tables import assert_protected

PROPERTY = settings(max_examples=60, deadline=None)


@PROPERTY
@given(tables(2))
def test_two_way_tables_expose_no_small_count(table):
    values, groups = table
    assert_protected(values, groups, suppress(values, groups))


@PROPERTY
@given(tables(3))
def test_three_way_tables_expose_no_small_count(table):
    values, groups = table
    assert_protected(values, groups, suppress(values, groups))


@PROPERTY
@given(linked_tables())
def test_linked_tables_expose_no_small_count(table):
    values, groups = table
    assert_protected(values, groups, suppress(values, groups))


@settings(max_examples=100, deadline=None)
@given(any_table, st.randoms(use_true_random=False))
def test_the_result_depends_only_on_the_values_and_the_set_of_groups(table, rng: random.Random):
    values, groups = table
    before = dict(values)
    hidden = suppress(values, groups)
    assert values == before  # shown cells keep their values
    assert hidden.keys() <= values.keys()
    shuffled = [Group(g.total, tuple(rng.sample(g.parts, len(g.parts)))) for g in groups]
    rng.shuffle(shuffled)
    assert suppress(values, shuffled) == hidden
    assert suppress(values, groups) == hidden
