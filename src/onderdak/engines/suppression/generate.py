"""Tables with all their margins, for tests and benchmarks: a cube of counts over breakdowns.

A breakdown (:class:`Dimension`) lists its totals bottom-up, each with the positions it adds
up, so a hierarchy (municipalities -> subregions -> region) is one breakdown. :func:`cube`
gives every cell of the product of breakdowns (leaves and totals alike) its value and every
total its group, one per breakdown it totals. :func:`ethos_like` is a seeded instance shaped
like the monitor's dashboard: a municipality x category x age band cube with its margins, and
a gender and a finder breakdown per municipality that share its municipality totals.
"""

import itertools
import random
from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from functools import cached_property

from .model import Group

Key = tuple[Hashable, ...]


@dataclass(frozen=True)
class Dimension:
    totals: tuple[tuple[Hashable, tuple[Hashable, ...]], ...]  # (total, its parts), bottom-up

    @cached_property
    def leaves(self) -> tuple[Hashable, ...]:
        totals = {total for total, _parts in self.totals}
        parts = (part for _total, group in self.totals for part in group)
        return tuple(dict.fromkeys(part for part in parts if part not in totals))

    @cached_property
    def positions(self) -> tuple[Hashable, ...]:
        return (*self.leaves, *(total for total, _parts in self.totals))

    @cached_property
    def below(self) -> dict[Hashable, tuple[Hashable, ...]]:
        """The leaves each position adds up."""
        below: dict[Hashable, tuple[Hashable, ...]] = {leaf: (leaf,) for leaf in self.leaves}
        for total, parts in self.totals:
            below[total] = tuple(leaf for part in parts for leaf in below[part])
        return below


def flat(total: Hashable, parts: tuple[Hashable, ...]) -> Dimension:
    """A breakdown with one total over its parts."""
    return Dimension(((total, parts),))


def cube(
    dimensions: tuple[Dimension, ...], counts: Mapping[Key, int]
) -> tuple[dict[Key, int], list[Group]]:
    """Every cell of the product of ``dimensions`` with its value (``counts`` per tuple of
    leaves, missing ones 0) and the group of every total along every breakdown."""
    values = {
        key: sum(
            counts.get(leaves, 0)
            for leaves in itertools.product(
                *(d.below[p] for d, p in zip(dimensions, key, strict=True))
            )
        )
        for key in itertools.product(*(d.positions for d in dimensions))
    }
    groups = []
    for axis, dimension in enumerate(dimensions):
        others = [d.positions for d in dimensions]
        for total, parts in dimension.totals:
            others[axis] = (total,)
            for key in itertools.product(*others):
                groups.append(Group(key, tuple(_at(key, axis, part) for part in parts)))
    return values, groups


def _at(key: Key, axis: int, position: Hashable) -> Key:
    return (*key[:axis], position, *key[axis + 1 :])


GEOGRAPHY = Dimension(
    (
        ("S1", tuple(f"M{i:02d}" for i in range(5))),
        ("S2", tuple(f"M{i:02d}" for i in range(5, 10))),
        ("S3", tuple(f"M{i:02d}" for i in range(10, 13))),
        ("region", ("S1", "S2", "S3")),
    )
)
CATEGORIES = flat("all categories", tuple(f"C{i}" for i in range(1, 8)))
AGE_BANDS = flat("all ages", ("minor", "18-26", "27-65", "65+"))
GENDERS = flat("all genders", ("man", "woman", "other"))
FINDERS = flat("all finders", tuple(f"F{i}" for i in range(1, 7)))


def ethos_like(seed: int, people: int = 900) -> tuple[dict[Key, int], list[Group]]:
    """About ``people`` counted over 13 municipalities of very different sizes (one city),
    skewed categories and age bands: most cells small or empty, as in a real count."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible test data, not secrets
    weights = {
        "municipality": [12, *(rng.uniform(0.5, 3) for _ in range(12))],
        "category": [3, 2, 6, 2, 1, 5, 1],
        "age": [1, 4, 8, 1],
    }
    leaves = list(itertools.product(GEOGRAPHY.leaves, CATEGORIES.leaves, AGE_BANDS.leaves))
    chances = [
        m * c * a
        for m, c, a in itertools.product(
            weights["municipality"], weights["category"], weights["age"]
        )
    ]
    counts = Counter(rng.choices(leaves, chances, k=people))
    values, groups = cube((GEOGRAPHY, CATEGORIES, AGE_BANDS), counts)
    for dimension in (GENDERS, FINDERS):
        _add_breakdown(rng, dimension, values, groups)
    return values, groups


def _add_breakdown(
    rng: random.Random, dimension: Dimension, values: dict[Key, int], groups: list[Group]
) -> None:
    """Split each municipality's people over ``dimension`` (the first position most often)
    and add that table, keyed ``(dimension's total, place, position)``; its totals over the
    whole dimension are the cube's cells of all categories and ages."""
    ((total, _parts),) = dimension.totals
    everyone = (CATEGORIES.positions[-1], AGE_BANDS.positions[-1])
    weights = range(len(dimension.leaves), 0, -1)
    counts: Counter[Key] = Counter()
    for place in GEOGRAPHY.leaves:
        counts.update(
            (place, leaf)
            for leaf in rng.choices(dimension.leaves, weights, k=values[(place, *everyone)])
        )
    table, table_groups = cube((GEOGRAPHY, dimension), counts)
    key = {
        (place, position): (place, *everyone) if position == total else (total, place, position)
        for place, position in table
    }
    values.update({key[cell]: value for cell, value in table.items() if cell[1] != total})
    groups += [Group(key[g.total], tuple(key[part] for part in g.parts)) for g in table_groups]
