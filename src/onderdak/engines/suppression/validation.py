"""Check the input and turn it into an indexed table the search can walk fast.

Cells are numbered in the order of ``values``; that order is the engine's only tie-break.
Groups are put in a canonical order (by the numbers of their total and parts) and duplicates
dropped, so that the result does not depend on the order in which groups are given.
"""

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from numbers import Integral

from .model import Group

PART, TOTAL = 1, -1  # a cell's coefficient in the equation sum(parts) - total = 0


@dataclass(frozen=True)
class Table:
    keys: tuple[Hashable, ...]
    values: tuple[int, ...]
    groups: tuple[tuple[tuple[int, int], ...], ...]  # per group: (cell, coefficient)
    memberships: tuple[tuple[tuple[int, int], ...], ...]  # per cell: (group, coefficient)


def check_smallest_shown(smallest_shown: int) -> None:
    """Below 3, "<smallest_shown" would name the value itself (the only count from 1 to 1)."""
    if not _whole(smallest_shown) or smallest_shown < 3:
        raise ValueError(f"smallest_shown must be a whole number of at least 3: {smallest_shown!r}")


def index(values: Mapping[Hashable, int], groups: Sequence[Group]) -> Table:
    """The table of ``values`` and ``groups``; ``ValueError`` names the key or group at fault."""
    for key, value in values.items():
        if not _whole(value) or value < 0:
            raise ValueError(f"the value of {key!r} must be a whole number >= 0: {value!r}")
    number = {key: n for n, key in enumerate(values)}
    canonical = sorted({_equation(group, values, number) for group in groups})
    memberships: list[list[tuple[int, int]]] = [[] for _ in number]
    for g, equation in enumerate(canonical):
        for cell, coefficient in equation:
            memberships[cell].append((g, coefficient))
    return Table(
        keys=tuple(values),
        values=tuple(int(value) for value in values.values()),
        groups=tuple(canonical),
        memberships=tuple(tuple(cells) for cells in memberships),
    )


def _whole(value: object) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def _equation(
    group: Group, values: Mapping[Hashable, int], number: Mapping[Hashable, int]
) -> tuple[tuple[int, int], ...]:
    """The group as sorted (cell, coefficient) pairs, after checking that it holds."""
    parts = tuple(group.parts)
    name = f"the group with total {group.total!r}"
    for key in (group.total, *parts):
        if key not in number:
            raise ValueError(f"{name} names {key!r}, which is not among the values")
    if len(set(parts)) < len(parts) or group.total in parts:
        raise ValueError(f"{name} names a cell twice")
    added = sum(values[key] for key in parts)
    if added != values[group.total]:
        raise ValueError(f"{name} does not add up: {values[group.total]} != {added}, its parts")
    cells = [(number[group.total], TOTAL), *((number[key], PART) for key in parts)]
    return tuple(sorted(cells))
