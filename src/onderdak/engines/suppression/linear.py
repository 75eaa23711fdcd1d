"""Linear programmes (HiGHS through scipy): the auditor, and the engine's last resort.

The reader's knowledge is a polytope over the hidden cells: every group's equation with the
shown figures moved to the right-hand side, a SMALL cell from 1 to smallest_shown - 1, any
other hidden cell at least 0. ``exposure`` minimises and maximises each hidden cell over it.
"""

import math
from collections.abc import Hashable, Mapping, Sequence

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_array

from .model import SMALLEST_SHOWN, Group, Hidden
from .moves import Label, Labels
from .validation import Table, check_smallest_shown, index

TOLERANCE = 1e-6  # HiGHS's feasibility tolerance is 1e-7


def exposure(
    values: Mapping[Hashable, int],
    groups: Sequence[Group],
    hidden: Mapping[Hashable, Hidden],
    *,
    smallest_shown: int = SMALLEST_SHOWN,
) -> dict[Hashable, tuple[int, int | float]]:
    """For every hidden cell, the smallest and largest value the reader can infer (LP bounds,
    rounded inwards to whole numbers; ``math.inf`` when nothing bounds it from above)."""
    check_smallest_shown(smallest_shown)
    table = index(values, groups)
    labels = _labels(table, hidden, smallest_shown)
    ranges: dict[Hashable, tuple[int, int | float]] = {}
    for component in _components(labels):
        problem = _Polytope(labels, component)
        for position, cell in enumerate(component):
            ranges[table.keys[cell]] = problem.range(position)
    return ranges


def _labels(table: Table, hidden: Mapping[Hashable, Hidden], smallest_shown: int) -> Labels:
    number = {key: cell for cell, key in enumerate(table.keys)}
    of = [Label.SHOWN] * len(number)
    for key, why in hidden.items():
        if key not in number:
            raise ValueError(f"the hidden cell {key!r} is not among the values")
        of[number[key]] = Label.SMALL if why == Hidden.SMALL else Label.DERIVED
    labels = Labels(table, smallest_shown, of)
    for key, why in hidden.items():
        if why == Hidden.SMALL and not labels.is_small(number[key]):
            raise ValueError(f"{key!r} is marked small but its value is not")
    return labels


def _components(labels: Labels) -> list[list[int]]:
    """The hidden cells, split into sets that share no group (each is solved on its own)."""
    table, parent = labels.table, {c: c for c, label in enumerate(labels.of) if label}

    def root(cell: int) -> int:
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    for group in table.groups:
        hidden = [root(cell) for cell, _coefficient in group if cell in parent]
        for other in hidden[1:]:
            parent[other] = hidden[0]
    components: dict[int, list[int]] = {}
    for cell in parent:
        components.setdefault(root(cell), []).append(cell)
    return list(components.values())


class _Polytope:
    """The reader's polytope restricted to one component of hidden cells."""

    def __init__(self, labels: Labels, cells: list[int]) -> None:
        table, position = labels.table, {cell: p for p, cell in enumerate(cells)}
        rows, columns, entries, right = [], [], [], []
        for group in table.groups:
            if any(cell in position for cell, _coefficient in group):
                for cell, coefficient in group:
                    if cell in position:
                        rows.append(len(right))
                        columns.append(position[cell])
                        entries.append(coefficient)
                right.append(
                    -sum(c * table.values[cell] for cell, c in group if cell not in position)
                )
        self.matrix = csr_array((entries, (rows, columns)), shape=(len(right), len(cells)))
        self.right = np.array(right, dtype=float)
        small = labels.smallest_shown - 1
        self.bounds = [
            (1, small) if labels.of[cell] == Label.SMALL else (0, None) for cell in cells
        ]

    def range(self, position: int) -> tuple[int, int | float]:
        low = math.ceil(self._optimum(position, 1.0) - TOLERANCE)
        high = -self._optimum(position, -1.0)
        return low, high if math.isinf(high) else math.floor(high + TOLERANCE)

    def _optimum(self, position: int, sign: float) -> float:
        objective = np.zeros(self.matrix.shape[1])
        objective[position] = sign
        result = linprog(
            objective, A_eq=self.matrix, b_eq=self.right, bounds=self.bounds, method="highs"
        )
        if result.status == 3:  # unbounded: only a maximum can be
            return -math.inf
        if result.status != 0:
            raise ValueError(f"the reader's polytope has no optimum: {result.message}")
        return result.fun


def protecting_change(labels: Labels, cell: int) -> tuple[set[int], set[int]]:
    """The cells whose range a real change of the table needs to move ``cell`` by one, and
    those of them to hide (shown) or to relabel (small, moved beyond their bounds), by a
    linear programme over the whole table.

    The last resort when the search finds no move within its budget. A change ``d`` of every
    cell keeps each equation; its lower and upper bounds are what each cell's label allows;
    a shown cell may change at a cost of its value plus one per unit, a small cell may leave
    1..smallest_shown-1 (becoming DERIVED) at a cost above any hiding. ``d[cell]`` is fixed
    to +1 or -1, whichever costs less.
    """
    programmes = [_Protection(labels, cell, step) for step in (1, -1)]
    feasible = [p for p in programmes if p.result.status == 0]
    if not feasible:  # cannot happen: the table scaled by (1 + step / value) is such a change
        raise RuntimeError(f"HiGHS found no change of the table: {programmes[0].result.message}")
    return min(feasible, key=lambda p: p.result.fun).cells()


class _Protection:
    """A cheapest real change of the table that moves ``cell`` by ``step``.

    Columns per cell: a rise and a fall within the label's bounds, and a rise and a fall beyond
    them; a shown cell pays for both within, a small one for both beyond.
    """

    def __init__(self, labels: Labels, cell: int, step: int) -> None:
        self.labels, table = labels, labels.table
        count, values = len(table.values), np.array(table.values, dtype=float)
        self.columns = count
        costs, bounds = self._columns(values)
        rows, columns, entries = [], [], []
        for g, group in enumerate(table.groups):
            for member, coefficient in group:
                for block, sign in enumerate((1, -1, 1, -1)):
                    rows.append(g)
                    columns.append(block * count + member)
                    entries.append(sign * coefficient)
        fixed = len(table.groups)
        for block, sign in enumerate((1, -1, 1, -1)):
            rows.append(fixed)
            columns.append(block * count + cell)
            entries.append(sign)
        matrix = csr_array((entries, (rows, columns)), shape=(fixed + 1, 4 * count))
        right = np.zeros(fixed + 1)
        right[fixed] = step
        self.result = linprog(costs, A_eq=matrix, b_eq=right, bounds=bounds, method="highs")

    def _columns(self, values: np.ndarray) -> tuple[np.ndarray, list[tuple[float, float | None]]]:
        labels = self.labels
        shown = np.array([label == Label.SHOWN for label in labels.of])
        small = np.array([label == Label.SMALL for label in labels.of])
        hiding = np.where(shown, values + 1, 0.0)
        beyond = 10 * (values.sum() + len(values)) * small
        rise = np.where(small, labels.smallest_shown - 1 - values, math.inf)
        fall = np.where(small, values - 1, values)
        costs = np.concatenate([hiding, hiding, beyond, beyond])
        bounds = [(0, None if math.isinf(r) else r) for r in rise]
        bounds += [(0, f) for f in fall]
        bounds += [(0, None if s else 0) for s in small]
        bounds += [(0, 1 if s else 0) for s in small]
        return costs, bounds

    def cells(self) -> tuple[set[int], set[int]]:
        """The cells the change uses; of those, the shown ones and the small ones it moves
        beyond their bounds."""
        x = self.result.x.reshape(4, self.columns)
        shown = np.array([label == Label.SHOWN for label in self.labels.of])
        used = np.abs(x[0] - x[1] + x[2] - x[3]) > TOLERANCE
        hidden = used & shown | (x[2] + x[3] > TOLERANCE)
        return set(np.flatnonzero(used).tolist()), set(np.flatnonzero(hidden).tolist())
