"""exposure(): the reader's whole-number range of every hidden cell."""

import math

from onderdak.engines.suppression import Hidden, exposure
from onderdak.engines.suppression.generate import ethos_like

from .tables import grid, line

SMALL, DERIVED = Hidden.SMALL, Hidden.DERIVED


def test_a_lone_hidden_cell_in_a_group_is_exposed():
    values, groups = line(30, [3, 27])
    assert exposure(values, groups, {"p0": SMALL}) == {"p0": (3, 3)}


def test_small_bounds_and_equations_together():
    values, groups = line(30, [3, 25, 2])
    ranges = exposure(values, groups, {"p0": SMALL, "p2": SMALL})  # p0 + p2 = 5
    assert ranges == {"p0": (1, 4), "p2": (1, 4)}
    ranges = exposure(values, groups, {"p0": SMALL, "p2": DERIVED})
    assert ranges == {"p0": (1, 4), "p2": (1, 4)}


def test_an_unbounded_figure_reads_as_infinity():
    values, groups = line(30, [3, 27])
    hidden = {"T": DERIVED, "p0": SMALL, "p1": DERIVED}
    assert exposure(values, groups, hidden) == {
        "T": (1, math.inf),
        "p0": (1, 4),
        "p1": (0, math.inf),
    }


def test_separate_parts_of_a_table_are_solved_apart():
    values, groups = grid([[1, 6, 20], [6, 1, 20], [30, 30, 2]])
    hidden = {("r0", "c0"): SMALL, ("r0", "c1"): DERIVED, ("r1", "c0"): DERIVED}
    hidden |= {("r1", "c1"): SMALL, ("r2", "c2"): SMALL}
    ranges = exposure(values, groups, hidden)
    assert ranges[("r0", "c0")] == (1, 4)  # the rectangle moves together
    assert ranges[("r2", "c2")] == (2, 2)  # alone in its row: given away


def test_nothing_hidden_nothing_to_report():
    values, groups = ethos_like(seed=1, people=50)
    assert exposure(values, groups, {}) == {}
