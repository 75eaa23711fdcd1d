"""The engine's vocabulary: why a cell is hidden, and a group of cells that add up."""

from collections.abc import Hashable
from dataclasses import dataclass
from enum import StrEnum

SMALLEST_SHOWN = 5


class Hidden(StrEnum):
    SMALL = "small"  # 1..smallest_shown-1: shown as "<5"
    DERIVED = "derived"  # hidden so that a small one cannot be derived: shown as "x"


@dataclass(frozen=True)
class Group:
    """One published equation: the cell ``total`` is the sum of the cells ``parts``."""

    total: Hashable
    parts: tuple[Hashable, ...]
