"""``suppress``: hide the small counts of a set of figures and enough others to protect them."""

import math
from collections.abc import Hashable, Mapping, Sequence

from . import linear
from .model import SMALLEST_SHOWN, Group, Hidden
from .moves import BREAKING, HIDDEN, RELABELLED, SHOWN, Label, Labels, Search
from .validation import check_smallest_shown, index

BUDGET = 30  # search steps per cell, direction and reach
HIDDEN_AS = {Label.SMALL: Hidden.SMALL, Label.DERIVED: Hidden.DERIVED}


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
    _protect(labels)
    return {table.keys[c]: HIDDEN_AS[label] for c, label in enumerate(labels.of) if label}


def _protect(labels: Labels) -> None:
    """Give every small count a move, in the order of the input. A move protects every small
    count it changes, and hiding more later never undoes it (the reader only learns less)."""
    protected: set[int] = set()
    for cell in labels.cells():
        if labels.is_small(cell) and cell not in protected:
            move = _move(labels, cell)
            if move is None:
                labels.derive(linear.protecting_cells(labels, cell))
                protected.add(cell)
            else:
                labels.apply(move)
                protected.update(c for c in move if labels.is_small(c))


def _move(labels: Labels, cell: int) -> dict[int, int] | None:
    """The first move found through ``cell`` in the least reach that has one: among hidden
    cells (nothing more to hide); then hiding shown ones too, cheap figures first, and if that
    runs out of steps, whatever closes the equations soonest; then relabelling small ones.
    Up before down."""
    hide = SHOWN * (max(labels.table.values) + 1)
    stages = ((HIDDEN, math.inf), (hide, BREAKING), (hide, math.inf), (RELABELLED, math.inf))
    for limit, breaking in stages:
        for step in (1, -1):
            move = Search(labels, limit, BUDGET, breaking).run(cell, step)
            if move:
                return move
    return None
