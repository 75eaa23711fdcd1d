"""suppress() on hand-made tables: which cells it hides, and that no small count is exposed."""

import itertools

import pytest

from onderdak.engines.suppression import Group, Hidden, exposure, suppress
from onderdak.engines.suppression import engine as engine_module
from onderdak.engines.suppression.generate import Dimension, cube, flat

from .tables import assert_protected, grid, line, linked

SMALL, DERIVED = Hidden.SMALL, Hidden.DERIVED


def test_a_line_hides_the_small_count_and_the_smallest_part_that_can_cover_it():
    values, groups = line(30, [3, 20, 7])
    hidden = suppress(values, groups)
    assert hidden == {"p0": SMALL, "p2": DERIVED}
    assert_protected(values, groups, hidden)
    assert exposure(values, groups, hidden)["p0"] == (1, 4)


def test_nothing_is_hidden_without_a_small_count():
    values, groups = grid([[5, 0], [12, 7]])
    assert suppress(values, groups) == {}


def test_a_zero_covers_a_count_that_can_only_go_down():
    values, groups = line(13, [4, 9, 0])  # the 4 may be 3 and the 0 then 1
    hidden = suppress(values, groups)
    assert hidden == {"p0": SMALL, "p2": DERIVED}
    assert_protected(values, groups, hidden)


def test_a_zero_is_no_cover_for_a_one():
    values, groups = line(11, [1, 10, 0])  # the 1 can only go up, so a part must go down
    hidden = suppress(values, groups)
    assert hidden == {"p0": SMALL, "p1": DERIVED}
    assert_protected(values, groups, hidden)


@pytest.mark.parametrize(("small", "total"), [(1, 12), (4, 18)])
def test_two_small_counts_whose_sum_is_known_to_be_2_or_8_get_a_complement(small, total):
    values, groups = line(total, [small, small, 10])
    primary = {"p0": SMALL, "p1": SMALL}
    assert exposure(values, groups, primary)["p0"] == (small, small)  # both 1, or both 4
    hidden = suppress(values, groups)
    assert hidden == {**primary, "p2": DERIVED}
    assert_protected(values, groups, hidden)


def test_two_way_table_hides_a_rectangle():
    values, groups = grid([[2, 6, 8], [7, 9, 5]])
    hidden = suppress(values, groups)
    assert hidden == {
        ("r0", "c0"): SMALL,
        ("r0", "c1"): DERIVED,
        ("r1", "c0"): DERIVED,
        ("r1", "c1"): DERIVED,
    }
    assert_protected(values, groups, hidden)


def test_bounds_across_groups_do_not_give_a_cycle_away():
    # The 1 can only go up and the 4 only down, but a rectangle moves them alike: with only
    # the interior hidden, 1 + 6 = 7 and 6 + 4 = 10 leave the 1 at 1 and the 4 at 4, though
    # every row and column has two hidden cells and no cell is fixed by the equations alone.
    values, groups = grid([[1, 6], [6, 4]])
    interior = {("r0", "c0"): SMALL, ("r0", "c1"): DERIVED, ("r1", "c0"): DERIVED}
    interior[("r1", "c1")] = SMALL
    assert exposure(values, groups, interior)[("r0", "c0")] == (1, 1)
    hidden = suppress(values, groups)
    assert hidden == {
        ("r0", "c0"): SMALL,
        ("r0", "C"): DERIVED,
        ("r1", "c1"): SMALL,
        ("r1", "C"): DERIVED,
        ("R", "c0"): DERIVED,
        ("R", "c1"): DERIVED,
    }
    assert_protected(values, groups, hidden)


def test_a_bridge_between_two_cycles_is_covered():
    # The small counts form two rectangles joined by the 2 at (r1, c2): every row and column
    # has 0 or at least 2 of them, yet that bridge is the difference of known sums.
    values, groups = grid([[1, 2, 20, 30], [3, 1, 2, 40], [25, 35, 2, 3], [45, 50, 1, 2]])
    primary = {key: SMALL for key, value in values.items() if 0 < value < 5}
    assert exposure(values, groups, primary)[("r1", "c2")] == (2, 2)
    hidden = suppress(values, groups)
    assert hidden == {**primary, ("r2", "c0"): DERIVED}
    assert_protected(values, groups, hidden)


def test_three_way_table_with_margins_hides_a_cube():
    dimensions = tuple(flat(f"{n}T", (f"{n}0", f"{n}1")) for n in "xyz")
    leaves = itertools.product(*(d.leaves for d in dimensions))
    values, groups = cube(dimensions, dict(zip(leaves, [2, 7, 8, 9, 6, 11, 12, 13], strict=True)))
    hidden = suppress(values, groups)
    assert hidden == {("x0", "y0", "z0"): SMALL} | {
        key: DERIVED
        for key in itertools.product(*(d.leaves for d in dimensions))
        if key != ("x0", "y0", "z0")
    }
    assert_protected(values, groups, hidden)


def test_hierarchy_and_linked_tables():
    places = Dimension(
        (("north", ("a", "b")), ("south", ("c", "d", "e")), ("region", ("north", "south")))
    )
    categories = flat("all", ("k1", "k2", "k3"))
    genders = flat("everyone", ("man", "woman"))
    leaves = itertools.product(places.leaves, categories.leaves, genders.leaves)
    counts = dict(zip(leaves, itertools.cycle([0, 3, 7, 1, 12, 0, 2, 9, 5]), strict=False))
    values, groups = linked(places, categories, genders, counts)
    hidden = suppress(values, groups)
    assert_protected(values, groups, hidden)
    assert ("north", "all") not in hidden  # a place total shared by both tables stays shown


def test_a_table_of_small_counts_is_hidden_whole_and_its_total_marked_x():
    # Under a "<5" total of 4, four parts of at least 1 would each be 1: the total is "x".
    values, groups = line(4, [1, 1, 1, 1])
    hidden = suppress(values, groups)
    assert hidden == {"T": DERIVED, "p0": SMALL, "p1": SMALL, "p2": SMALL, "p3": SMALL}
    assert_protected(values, groups, hidden)


def test_a_two_way_table_of_small_counts():
    values, groups = grid([[1, 1], [1, 1]])
    hidden = suppress(values, groups)
    assert hidden.keys() == values.keys()
    assert [key for key, why in hidden.items() if why == DERIVED] == [("R", "C")]
    assert_protected(values, groups, hidden)


def test_a_small_count_in_no_group_is_hidden_alone():
    values = {"alone": 2, "T": 12, "a": 6, "b": 6}
    groups = [Group("T", ("a", "b"))]
    assert suppress(values, groups) == {"alone": SMALL}


def test_smallest_shown_sets_what_is_small():
    values, groups = line(30, [7, 20, 3])
    hidden = suppress(values, groups, smallest_shown=10)
    assert hidden == {"p0": SMALL, "p2": SMALL}
    assert_protected(values, groups, hidden, smallest_shown=10)


def test_the_linear_programme_protects_what_the_search_cannot(monkeypatch):
    monkeypatch.setattr(engine_module, "_first_move", lambda *args: None)  # the search gives up
    for values, groups in (
        grid([[1, 6], [6, 4]]),
        grid([[2, 6, 8], [7, 9, 5]]),
        line(4, [1, 1, 1, 1]),
        line(12, [1, 1, 10]),
    ):
        assert_protected(values, groups, suppress(values, groups))


def test_complements_no_small_count_needs_in_the_end_are_shown_again(monkeypatch):
    # The 6 at (r0, c1) first covers the 1; the margins hidden for the 4 then cover both.
    values, groups = grid([[1, 6], [6, 4]])
    revealed = suppress(values, groups)
    assert ("r0", "c1") not in revealed
    assert_protected(values, groups, revealed)
    monkeypatch.setattr(engine_module, "REVEAL_BUDGET", 0)
    assert ("r0", "c1") in suppress(values, groups)


def test_groups_given_twice_or_in_another_order_change_nothing():
    values, groups = grid([[2, 6, 8], [7, 9, 5]])
    again = [*groups, *(Group(g.total, tuple(reversed(g.parts))) for g in reversed(groups))]
    assert suppress(values, again) == suppress(values, groups)


def test_a_large_total_in_no_other_group_is_not_hidden_to_save_a_step():
    # Realised placements per corporation and stream: the stream totals close the columns
    # at once, but a rectangle of small figures protects the 1 at a fraction of the cost.
    rows = {"a": (7, 1), "b": (10, 3), "c": (50, 7)}
    values = {"out": 67, "prevention": 11, "all": 78}
    groups = [Group("all", tuple(f"{row}:all" for row in rows))]
    for row, (out, prevention) in rows.items():
        values |= {f"{row}:out": out, f"{row}:prevention": prevention}
        values[f"{row}:all"] = out + prevention
        groups.append(Group(f"{row}:all", (f"{row}:out", f"{row}:prevention")))
    for column in ("out", "prevention"):
        groups.append(Group(column, tuple(f"{row}:{column}" for row in rows)))
    hidden = suppress(values, groups)
    assert hidden == {
        "a:out": DERIVED,
        "a:prevention": SMALL,
        "b:out": DERIVED,
        "b:prevention": SMALL,
    }
    assert_protected(values, groups, hidden)
