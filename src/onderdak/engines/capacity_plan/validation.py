"""Checking a PlanProblem and turning it into arrays (cells x years) for the model.

Every check raises :class:`PlanError` naming the offending cell, budget or limit and the field.
Cells are sorted by key, so the same cells in any order give the same answer.
"""

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from numbers import Integral, Real

import numpy as np

from .errors import PlanError
from .model import GroupBudget, Limit, PlanCell, PlanProblem, TotalLimit

MAX_YEARS = 100
MAX_PLACES = 1_000_000  # far above any region; keeps sums of places exact and HiGHS well scaled
MAX_EURO = 1e12
WEIGHTS = (0.001, 1000.0)
MAX_SECONDS = 3600.0


@dataclass(frozen=True)
class Budget:
    """A budget over some cells (``members``, a mask over the sorted cells) per year."""

    name: str  # "" for the problem's budget for all cells
    members: np.ndarray
    amounts: np.ndarray  # (years,), inf where there is no limit


@dataclass(frozen=True)
class Total:
    """A limit on how fast the total of some cells may change, per year (inf: no limit)."""

    name: str
    members: np.ndarray
    increase: np.ndarray
    decrease: np.ndarray


@dataclass(frozen=True)
class Prepared:
    """A checked problem: cells sorted by key, arrays of shape (cells, years) or (cells,)."""

    problem: PlanProblem
    years: tuple[int, ...]
    cells: tuple[PlanCell, ...]
    demand: np.ndarray
    cost: np.ndarray
    start: np.ndarray
    entered: np.ndarray
    increase: np.ndarray  # inf where there is no limit
    decrease: np.ndarray
    low: np.ndarray
    high: np.ndarray  # inf where there is no maximum
    weight: np.ndarray
    budgets: tuple[Budget, ...]  # the problem's budget first, then the group budgets
    totals: tuple[Total, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(cell.key for cell in self.cells)

    def label(self, index: int) -> str:
        cell = self.cells[index]
        return cell.label or cell.key


def prepare(problem: PlanProblem) -> Prepared:
    """Check ``problem`` and convert it to arrays."""
    if not isinstance(problem, PlanProblem):
        raise PlanError("The problem must be a PlanProblem.")
    years = _years(problem.years)
    _options(problem)
    cells = _cells(problem.cells)
    n = len(years)
    columns = [_cell(cell, n) for cell in cells]
    arrays = {name: np.array([column[name] for column in columns]) for name in columns[0]}
    index = {cell.key: i for i, cell in enumerate(cells)}
    region = Budget("", np.ones(len(cells), bool), _reals(problem.budget, n, "budget", inf=True))
    return Prepared(
        problem,
        years,
        cells,
        **arrays,
        budgets=(region, *_group_budgets(problem.group_budgets, index, n)),
        totals=_totals(problem.total_limits, index, n),
    )


def _years(years: object) -> tuple[int, ...]:
    if not isinstance(years, tuple | list) or not years:
        raise PlanError("The problem needs at least one planned year.", "years")
    if len(years) > MAX_YEARS:
        raise PlanError(f"A plan runs for at most {MAX_YEARS} years.", "years")
    for year in years:
        if not _is_integer(year):
            raise PlanError(f"The year {year!r} is not a whole number.", "years")
    for before, after in pairwise(years):
        if after != before + 1:
            raise PlanError(
                f"The years must be consecutive and ascending: {after} follows {before}.", "years"
            )
    return tuple(int(year) for year in years)


def _options(problem: PlanProblem) -> None:
    if not isinstance(problem.integer, bool):
        raise PlanError("integer must be True (whole places) or False.", "integer")
    seconds = problem.time_limit_seconds
    if not _is_real(seconds) or not 0 < float(seconds) <= MAX_SECONDS:
        raise PlanError(
            f"The time limit must be more than 0 and at most {MAX_SECONDS:.0f} seconds.",
            "time_limit_seconds",
        )


def _cells(cells: object) -> tuple[PlanCell, ...]:
    if not isinstance(cells, tuple | list) or not cells:
        raise PlanError("The problem needs at least one cell.", "cells")
    seen: set[str] = set()
    for cell in cells:
        if not isinstance(cell, PlanCell):
            raise PlanError(f"{cell!r} is not a PlanCell.", "cells")
        if not isinstance(cell.key, str) or not cell.key.strip():
            raise PlanError("Every cell needs a key.", "key")
        if cell.key in seen:
            raise PlanError(f"The cell {cell.key!r} occurs twice.", "key", cell.key)
        seen.add(cell.key)
    return tuple(sorted(cells, key=lambda cell: cell.key))


def _cell(cell: PlanCell, n: int) -> dict[str, object]:
    """The cell's fields as numbers and arrays, named as in :class:`Prepared`."""
    key = cell.key
    low = _places(cell.min_places, "min_places", key)
    high = math.inf if cell.max_places is None else _places(cell.max_places, "max_places", key)
    if high < low:
        raise PlanError(
            f"Cell {key!r}: the maximum of {high} places is below the minimum of {low}.",
            "max_places",
            key,
        )
    return {
        "demand": _reals(cell.demand, n, "demand", key, limit=MAX_PLACES),
        "cost": _reals(cell.cost_per_place, n, "cost_per_place", key),
        "start": float(_places(cell.start, "start", key)),
        "entered": _whole_numbers(cell.entered, n, "entered", key),
        "increase": _limit(cell.max_increase, n, "max_increase", key),
        "decrease": _limit(cell.max_decrease, n, "max_decrease", key),
        "low": float(low),
        "high": float(high),
        "weight": _weight(cell.shortage_weight, key),
    }


def _weight(weight: object, key: str) -> float:
    if not _is_real(weight) or not WEIGHTS[0] <= float(weight) <= WEIGHTS[1]:
        raise PlanError(
            f"Cell {key!r}: the shortage weight must be from {WEIGHTS[0]} to {WEIGHTS[1]:.0f}.",
            "shortage_weight",
            key,
        )
    return float(weight)


def _whole_numbers(values: object, n: int, field: str, key: str) -> np.ndarray:
    return np.array([_places(value, field, key) for value in _sized(values, n, field, key)], float)


def _group_budgets(budgets: object, index: dict[str, int], n: int) -> list[Budget]:
    parts = _named(budgets, GroupBudget, "group_budgets", index)
    with _not_a_cell("group_budgets"):
        return [
            Budget(part.name, mask, _reals(part.amounts, n, "amounts", part.name, inf=True))
            for part, mask in parts
        ]


def _totals(limits: object, index: dict[str, int], n: int) -> tuple[Total, ...]:
    totals = []
    for limit, mask in _named(limits, TotalLimit, "total_limits", index):
        if limit.max_increase is None and limit.max_decrease is None:
            raise PlanError(
                f"The total limit {limit.name!r} limits neither adding nor closing places.",
                "total_limits",
            )
        with _not_a_cell("total_limits"):
            increase = _limit(limit.max_increase, n, "max_increase", limit.name)
            decrease = _limit(limit.max_decrease, n, "max_decrease", limit.name)
        totals.append(Total(limit.name, mask, increase, decrease))
    return tuple(totals)


@contextmanager
def _not_a_cell(field: str) -> Iterator[None]:
    """Errors about a group budget or total limit: named in the message, not as a cell."""
    try:
        yield
    except PlanError as error:
        raise PlanError(error.message, field) from None


def _named(items: object, kind: type, field: str, index: dict[str, int]) -> list:
    """Group budgets or total limits with unique names over known cells, each with its mask."""
    if not isinstance(items, tuple | list):
        raise PlanError(f"{field} must be a tuple.", field)
    names: set[str] = set()
    named = []
    for item in items:
        if not isinstance(item, kind):
            raise PlanError(f"{item!r} is not a {kind.__name__}.", field)
        if not isinstance(item.name, str) or not item.name.strip() or item.name in names:
            raise PlanError(f"Every entry of {field} needs a name of its own.", field)
        names.add(item.name)
        named.append((item, _members(item.cells, item.name, field, index)))
    return named


def _members(keys: object, name: str, field: str, index: dict[str, int]) -> np.ndarray:
    if not isinstance(keys, tuple | list) or not keys:
        raise PlanError(f"{name!r} needs at least one cell.", field)
    unknown = [key for key in keys if key not in index]
    if unknown:
        raise PlanError(f"{name!r} names a cell that is not in the problem: {unknown[0]!r}.", field)
    if len(set(keys)) != len(keys):
        raise PlanError(f"{name!r} names a cell twice.", field)
    mask = np.zeros(len(index), bool)
    mask[[index[key] for key in keys]] = True
    return mask


def _sized(values: object, n: int, field: str, owner: str | None = None) -> Sequence:
    if not isinstance(values, tuple | list | np.ndarray) or len(values) != n:
        raise PlanError(
            f"{_owner(owner)}{field} needs one value per planned year ({n}).", field, owner
        )
    return values


def _reals(
    values: object,
    n: int,
    field: str,
    owner: str | None = None,
    *,
    inf: bool = False,
    limit: float = MAX_EURO,
) -> np.ndarray:
    """``n`` numbers from 0 to ``limit`` (or infinite where ``inf``) as a float array."""
    result = []
    for value in _sized(values, n, field, owner):
        number = float(value) if _is_real(value) else math.nan
        if not (0 <= number <= limit or (inf and number == math.inf)):
            raise PlanError(
                f"{_owner(owner)}{field} must be numbers from 0 to {limit:,.0f}, not {value!r}.",
                field,
                owner,
            )
        result.append(number)
    return np.array(result, float)


def _places(value: object, field: str, owner: str) -> int:
    if not _is_integer(value) or not 0 <= int(value) <= MAX_PLACES:
        raise PlanError(
            f"{_owner(owner)}{field} must be a whole number of places from 0 to {MAX_PLACES:,}, "
            f"not {value!r}.",
            field,
            owner,
        )
    return int(value)


def _limit(limit: Limit, n: int, field: str, owner: str) -> np.ndarray:
    """A limit on change as one number per year, inf where there is none."""
    if limit is None:
        return np.full(n, math.inf)
    if not isinstance(limit, tuple | list):
        return np.full(n, float(_places(limit, field, owner)))
    values = _sized(limit, n, field, owner)
    return np.array(
        [math.inf if value is None else float(_places(value, field, owner)) for value in values]
    )


def _owner(owner: str | None) -> str:
    return f"{owner!r}: " if owner else ""


def _is_integer(value: object) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def _is_real(value: object) -> bool:
    return isinstance(value, Real | Decimal) and not isinstance(value, bool)
