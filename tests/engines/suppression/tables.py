"""Hand-made tables and the check every suppression must pass."""

from collections.abc import Hashable, Mapping, Sequence

from onderdak.engines.suppression import SMALLEST_SHOWN, Group, Hidden, exposure
from onderdak.engines.suppression.generate import Dimension, cube, flat


def line(total: int, parts: Sequence[int]) -> tuple[dict[str, int], list[Group]]:
    """One total ``T`` over parts ``p0``, ``p1``, ..."""
    names = tuple(f"p{i}" for i in range(len(parts)))
    return {"T": total, **dict(zip(names, parts, strict=True))}, [Group("T", names)]


def grid(rows: Sequence[Sequence[int]]) -> tuple[dict, list[Group]]:
    """A two-way table ``(row, column)`` with its row, column and grand totals."""
    across = flat("R", tuple(f"r{i}" for i in range(len(rows))))
    down = flat("C", tuple(f"c{j}" for j in range(len(rows[0]))))
    counts = {(f"r{i}", f"c{j}"): v for i, row in enumerate(rows) for j, v in enumerate(row)}
    return cube((across, down), counts)


def linked(
    places: Dimension, first: Dimension, second: Dimension, counts: Mapping[tuple, int]
) -> tuple[dict, list[Group]]:
    """Two tables ``place x first`` and ``place x second`` that share their place totals, the
    way the monitor shows categories and genders per municipality: ``counts`` per (place,
    first, second) leaf."""
    values, groups = cube((places, first), _sum_out(counts, 2))
    other, other_groups = cube((places, second), _sum_out(counts, 1))
    total, other_total = first.totals[-1][0], second.totals[-1][0]
    key = {cell: (cell[0], total) if cell[1] == other_total else ("by", *cell) for cell in other}
    values.update({key[cell]: value for cell, value in other.items()})
    groups += [Group(key[g.total], tuple(key[p] for p in g.parts)) for g in other_groups]
    return values, groups


def _sum_out(counts: Mapping[tuple, int], axis: int) -> dict[tuple, int]:
    summed: dict[tuple, int] = {}
    for leaf, count in counts.items():
        kept = (*leaf[:axis], *leaf[axis + 1 :])
        summed[kept] = summed.get(kept, 0) + count
    return summed


def assert_protected(
    values: Mapping[Hashable, int],
    groups: Sequence[Group],
    hidden: Mapping[Hashable, Hidden],
    smallest_shown: int = SMALLEST_SHOWN,
) -> None:
    """Every count from 1 to smallest_shown - 1 is hidden (SMALL, or DERIVED when its "<5"
    would give a count away), no other is SMALL, and the reader's LP range of every hidden
    small count holds at least two whole numbers."""
    small = {key for key, value in values.items() if 0 < value < smallest_shown}
    assert small <= hidden.keys()
    assert {key for key, why in hidden.items() if why == Hidden.SMALL} <= small
    ranges = exposure(values, groups, hidden, smallest_shown=smallest_shown)
    exposed = {key: ranges[key] for key in small if ranges[key][1] - ranges[key][0] < 1}
    assert exposed == {}
    for key in small:
        assert ranges[key][0] <= values[key] <= ranges[key][1]
