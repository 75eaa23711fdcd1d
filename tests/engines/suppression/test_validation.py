"""Input errors: a ValueError that names the key or group at fault."""

import pytest

from onderdak.engines.suppression import Group, Hidden, exposure, suppress

from .tables import line


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"T": 3, "a": -1, "b": 4}, "'a' must be a whole number >= 0: -1"),
        ({"T": 3, "a": 1.5, "b": 1.5}, "'a' must be a whole number >= 0: 1.5"),
        ({"T": 3, "a": "1", "b": 2}, "'a' must be a whole number >= 0: '1'"),
        ({"T": 3, "a": True, "b": 2}, "'a' must be a whole number >= 0: True"),
    ],
)
def test_a_value_must_be_a_whole_number_of_at_least_0(values, message):
    with pytest.raises(ValueError, match=message):
        suppress(values, [Group("T", ("a", "b"))])


def test_a_group_must_add_up():
    with pytest.raises(ValueError, match=r"the group with total 'T' does not add up: 9 != 8"):
        suppress({"T": 9, "a": 3, "b": 5}, [Group("T", ("a", "b"))])


def test_a_group_names_known_cells_only():
    with pytest.raises(ValueError, match="the group with total 'T' names 'c', which is not"):
        suppress({"T": 8, "a": 3, "b": 5}, [Group("T", ("a", "b", "c"))])
    with pytest.raises(ValueError, match="the group with total 'U' names 'U'"):
        suppress({"T": 8, "a": 3, "b": 5}, [Group("U", ("a", "b"))])


@pytest.mark.parametrize("parts", [("a", "a"), ("a", "T")])
def test_a_group_names_a_cell_once(parts):
    with pytest.raises(ValueError, match="names a cell twice"):
        suppress({"T": 6, "a": 3}, [Group("T", parts)])


def test_a_group_without_parts_holds_only_for_a_total_of_0():
    assert suppress({"T": 0, "a": 2}, [Group("T", ())]) == {"a": Hidden.SMALL}
    with pytest.raises(ValueError, match="does not add up"):
        suppress({"T": 1}, [Group("T", ())])


@pytest.mark.parametrize("smallest_shown", [2, 0, 5.0])
def test_smallest_shown_is_a_whole_number_of_at_least_3(smallest_shown):
    values, groups = line(30, [3, 27])
    with pytest.raises(ValueError, match="smallest_shown must be a whole number of at least 3"):
        suppress(values, groups, smallest_shown=smallest_shown)


def test_exposure_checks_the_hidden_cells():
    values, groups = line(30, [3, 27])
    with pytest.raises(ValueError, match="the hidden cell 'x' is not among the values"):
        exposure(values, groups, {"x": Hidden.SMALL})
    with pytest.raises(ValueError, match="'p1' is marked small but its value is not"):
        exposure(values, groups, {"p0": Hidden.SMALL, "p1": Hidden.SMALL})
