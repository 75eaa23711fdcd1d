"""Moves: whole-number changes of the hidden cells that the reader cannot rule out.

A move ``d`` (cell -> +1 or -1) keeps every group's equation (``sum(parts) - total`` stays 0)
and, added to the true values, stays within what the reader knows of each hidden cell: a small
cell stays from 1 to ``smallest_shown - 1``, any other hidden cell stays at least 0. The true
values plus ``d`` are then a second table the reader cannot tell from the true one, so every
small count the move changes has at least two possible values: the move is the certificate of
their protection, checked by construction and cheap to check again.

:class:`Search` looks for a move through one cell, depth first. From the cell it repeatedly
takes the broken group (an equation off balance) with the fewest ways to repair it and repairs
it with one more cell: a part moving against the imbalance, or the total moving with it. A
repair costs ``HIDDEN`` for a cell already hidden and ``SHOWN`` per unit of value (plus one) for
a cell it has to hide; each group it leaves broken adds ``BREAKING`` (each it repairs besides
takes that off), so that closing a rectangle or a cube goes first unless it hides a much larger
figure. Ties go to the cell's place in the input. A repair that breaks a group no other cell can
repair is skipped. The search stops at its first move or when its budget of steps is spent.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum

from .validation import Table

MAX_CELLS = 64  # a larger move is left to the linear programme
HIDDEN = 1  # the cost of changing a cell already hidden, within its label's bounds
SHOWN = 100  # per unit of value (plus one) of a cell the move has to hide
RELABELLED = 10**12  # a small cell the move takes beyond 1..smallest_shown-1

BREAKING = 15 * SHOWN  # a group left broken weighs as much as hiding a figure of 14

Repair = tuple[float, int, int]  # (cost, cell, step)


class Label(IntEnum):
    SHOWN = 0
    SMALL = 1
    DERIVED = 2


@dataclass
class Labels:
    """The label of every cell of ``table`` (by default: small counts SMALL, others SHOWN),
    the bounds they give the reader, and per group and direction the cells that can repair it,
    cheapest first."""

    table: Table
    smallest_shown: int
    of: list[Label] = field(default_factory=list)
    _repairs: dict[tuple[int, int], list[Repair]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        if not self.of:
            self.of = [Label.SMALL if self.is_small(c) else Label.SHOWN for c in self.cells()]

    def cells(self) -> range:
        return range(len(self.table.values))

    def is_small(self, cell: int) -> bool:
        return 0 < self.table.values[cell] < self.smallest_shown

    def within(self, cell: int, step: int) -> bool:
        """Whether the cell's label lets the reader believe its value plus ``step``."""
        value = self.table.values[cell] + step
        if self.of[cell] == Label.SMALL:
            return 0 < value < self.smallest_shown
        return value >= 0

    def cost(self, cell: int, step: int) -> float:
        """What changing ``cell`` by ``step`` costs a move (``math.inf``: not possible)."""
        value = self.table.values[cell]
        if value + step < 0:
            return math.inf
        if self.of[cell] == Label.SHOWN:
            return SHOWN * (value + 1)
        return HIDDEN if self.within(cell, step) else RELABELLED

    def repairs(self, group: int, against: int) -> list[Repair]:
        """The cells that change ``group``'s sum of parts minus total by ``against``."""
        repairs = self._repairs.get((group, against))
        if repairs is None:
            repairs = []
            for cell, coefficient in self.table.groups[group]:
                step = against * coefficient
                cost = self.cost(cell, step)
                if cost < math.inf:
                    repairs.append((cost, cell, step))
            repairs = self._repairs[(group, against)] = sorted(repairs)
        return repairs

    def apply(self, move: dict[int, int]) -> None:
        """Hide the cells ``move`` changes; one it takes out of its label's bounds is DERIVED."""
        of = self.of
        self.derive(c for c, step in move.items() if not of[c] or not self.within(c, step))

    def derive(self, cells: Iterable[int]) -> None:
        self._label(cells, Label.DERIVED)

    def show(self, cell: int) -> None:
        self._label([cell], Label.SHOWN)

    def _label(self, cells: Iterable[int], label: Label) -> None:
        for cell in list(cells):
            self.of[cell] = label
            for group, _coefficient in self.table.memberships[cell]:
                self._repairs.pop((group, 1), None)
                self._repairs.pop((group, -1), None)


class Search:
    """A depth-first search for a move through a cell, costing at most ``limit`` per cell
    (``HIDDEN``: only hidden cells; ``RELABELLED``: anything) within ``budget`` steps.

    ``breaking`` is what a repair is charged per group it leaves broken (and credited per group
    it repairs besides): ``math.inf`` tries the repairs that leave the fewest groups broken
    first, whatever they cost, which finds a move fastest; a finite charge lets a cheap repair
    go before a costly one that closes more, so that a large total is not hidden just because
    nothing else depends on it.
    """

    def __init__(
        self, labels: Labels, limit: float, budget: int, breaking: float = math.inf
    ) -> None:
        self.labels, self.limit, self.budget, self.breaking = labels, limit, budget, breaking
        self.memberships, self.repairs = labels.table.memberships, labels.repairs
        self.move: dict[int, int] = {}
        self.imbalance = [0] * len(labels.table.groups)
        self.broken: set[int] = set()

    def run(self, cell: int, step: int) -> dict[int, int] | None:
        """The first move found that changes ``cell`` by ``step``, if any."""
        if self.labels.cost(cell, step) > self.limit:
            return None
        self._add(cell, step)
        return dict(self.move) if self._repair() else None

    def _add(self, cell: int, step: int) -> None:
        self.move[cell] = step
        self._shift(cell, step)

    def _remove(self, cell: int) -> None:
        self._shift(cell, -self.move.pop(cell))

    def _shift(self, cell: int, step: int) -> None:
        imbalance, broken = self.imbalance, self.broken
        for group, coefficient in self.memberships[cell]:
            imbalance[group] += coefficient * step
            if imbalance[group]:
                broken.add(group)
            else:
                broken.discard(group)

    def _repair(self) -> bool:
        if not self.broken:
            return True
        if self.budget <= 0 or len(self.move) >= MAX_CELLS:
            return False
        self.budget -= 1
        for _order, cell, step in self._ordered(self._most_constrained()):
            self._add(cell, step)
            if self._repair():
                return True
            self._remove(cell)
        return False

    def _against(self, group: int) -> int:
        return -1 if self.imbalance[group] > 0 else 1

    def _most_constrained(self) -> int:
        """The broken group with the fewest repairs (the first such in canonical order)."""
        best, fewest = -1, math.inf
        move, limit, imbalance, repairs = self.move, self.limit, self.imbalance, self.repairs
        for group in self.broken:
            count = 0
            for cost, cell, _step in repairs(group, -1 if imbalance[group] > 0 else 1):
                if cost > limit or count > fewest:
                    break
                count += cell not in move
            if (count, group) < (fewest, best):
                best, fewest = group, count
        return best

    def _ordered(self, group: int) -> list[tuple[tuple, int, int]]:
        """The repairs of ``group``, best first (see ``breaking``); a repair that breaks a
        group nothing else can repair is left out."""
        ordered = []
        for cost, cell, step in self.repairs(group, self._against(group)):
            if cost > self.limit:
                break
            if cell not in self.move:
                breaks = self._breaks(cell, step, group)
                if breaks is None:
                    continue
                if self.breaking == math.inf:
                    ordered.append(((breaks, cost, cell), cell, step))
                else:
                    ordered.append(((cost + self.breaking * breaks, cell), cell, step))
        return sorted(ordered)

    def _breaks(self, cell: int, step: int, repaired: int) -> int | None:
        """How much ``step`` of ``cell`` grows the other groups' imbalance (negative: shrinks);
        None if it leaves a group broken that no other cell can repair."""
        breaks, imbalance = 0, self.imbalance
        for group, coefficient in self.memberships[cell]:
            if group != repaired:
                before = imbalance[group]
                after = before + coefficient * step
                breaks += abs(after) - abs(before)
                if after and not self._repairable(group, -1 if after > 0 else 1, cell):
                    return None
        return breaks

    def _repairable(self, group: int, against: int, moving: int) -> bool:
        for cost, other, _step in self.repairs(group, against):
            if cost > self.limit:
                return False
            if other != moving and other not in self.move:
                return True
        return False
