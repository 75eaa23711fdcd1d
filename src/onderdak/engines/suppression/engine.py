"""``suppress``: hide the small counts of a set of figures and enough others to protect them."""

import math
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence

from . import linear
from .model import SMALLEST_SHOWN, Group, Hidden
from .moves import BREAKING, HIDDEN, RELABELLED, SHOWN, Label, Labels, Search
from .validation import check_smallest_shown, index

BUDGET = 30  # search steps per cell, direction and stage
REVEAL_BUDGET = 500  # search steps spent on showing complements again
HIDDEN_AS = {Label.SMALL: Hidden.SMALL, Label.DERIVED: Hidden.DERIVED}

Reliance = dict[int, Collection[int]]  # small count -> the cells its protection needs hidden


def suppress(
    values: Mapping[Hashable, int],
    groups: Sequence[Group],
    *,
    smallest_shown: int = SMALLEST_SHOWN,
) -> dict[Hashable, Hidden]:
    """The cells to hide and why: every count from 1 to ``smallest_shown - 1`` and the
    complements that keep each of them from being derived; deterministic."""
    check_smallest_shown(smallest_shown)
    table = index(values, groups)
    labels = Labels(table, smallest_shown)
    _Reveal(labels, _protect(labels)).run()
    return {table.keys[c]: HIDDEN_AS[label] for c, label in enumerate(labels.of) if label}


def _protect(labels: Labels) -> Reliance:
    """Give every small count a move, in the order of the input. A move protects every small
    count it changes, and hiding more later never undoes it (the reader only learns less).

    The move is the first found in the first of these stages that has one: among hidden cells;
    hiding shown cells too, weighing their figures against the groups left to close; the same
    taking whatever closes the groups soonest (should the first run out of steps); also
    relabelling small cells. Up before down. Failing all, a linear programme.
    """
    hide = SHOWN * (max(labels.table.values, default=0) + 1)
    stages = ((HIDDEN, math.inf), (hide, BREAKING), (hide, math.inf), (RELABELLED, math.inf))
    reliance: Reliance = {}
    for cell in labels.cells():
        if labels.is_small(cell) and cell not in reliance:
            move = _first_move(labels, stages, cell)
            if move is None:
                used, hidden = linear.protecting_change(labels, cell)
                labels.derive(hidden)
                reliance[cell] = used
            else:
                labels.apply(move)
                reliance.update(_protected_by(labels, move))
    return reliance


def _first_move(
    labels: Labels, stages: Iterable[tuple[float, float]], cell: int
) -> dict[int, int] | None:
    for limit, breaking in stages:
        for step in (1, -1):
            move = Search(labels, limit, BUDGET, breaking).run(cell, step)
            if move:
                return move
    return None


def _protected_by(labels: Labels, move: dict[int, int]) -> Reliance:
    return dict.fromkeys((cell for cell in move if labels.is_small(cell)), move)


class _Reveal:
    """Show again, largest figure first, each complement the small counts can do without:
    those whose protection needs it get another move among the cells still hidden. Stops
    when ``REVEAL_BUDGET`` search steps are spent."""

    def __init__(self, labels: Labels, reliance: Reliance) -> None:
        self.labels, self.reliance, self.budget = labels, reliance, REVEAL_BUDGET

    def run(self) -> None:
        labels, values = self.labels, self.labels.table.values
        complements = [c for c in labels.cells() if labels.of[c] and not labels.is_small(c)]
        for cell in sorted(complements, key=lambda c: (-values[c], c)):
            if self.budget <= 0:
                return
            labels.show(cell)
            moves = self._moves_without(cell)
            if moves is None:
                labels.derive([cell])
            else:
                self.reliance.update(moves)

    def _moves_without(self, cell: int) -> Reliance | None:
        """New moves for the small counts that needed ``cell`` (None if one has none)."""
        moves: Reliance = {}
        for count in [count for count, used in self.reliance.items() if cell in used]:
            if count not in moves:
                move = self._move(count)
                if move is None:
                    return None
                moves.update(_protected_by(self.labels, move))
        return moves

    def _move(self, count: int) -> dict[int, int] | None:
        for step in (1, -1):
            budget = min(BUDGET, self.budget)
            search = Search(self.labels, HIDDEN, budget)
            move = search.run(count, step)
            self.budget -= budget - search.budget
            if move:
                return move
        return None
