"""Hard rules and soft criteria as plugins, each with a unique id and a version.

A hard rule answers for a block of candidates (``start:stop``) and every dwelling whether the
pair is allowed; a pair is feasible only when every rule in use allows it. A criterion gives a
feasible pair 0 to 100 points; a run multiplies them by its weights. Both work on whole numpy
blocks so that a national run of 10,000 x 10,000 pairs stays fast. Changing what a plugin
decides means raising its version, so that a stored run shows it was made with the old one.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np

from .errors import AllocationError
from .tables import EITHER_CODE, Tables

RuleCheck = Callable[[Tables, int, int], np.ndarray]
CriterionPoints = Callable[[Tables, np.ndarray, np.ndarray], np.ndarray]
MAX_POINTS = 100


@dataclass(frozen=True)
class HardRule:
    id: str
    version: int
    description: str
    allows: RuleCheck  # (tables, start, stop) -> bool array of (stop - start) x dwellings


@dataclass(frozen=True)
class Criterion:
    id: str
    version: int
    description: str
    points: CriterionPoints  # (tables, candidate idx, dwelling idx) -> int array in 0..100


Plugin = TypeVar("Plugin", HardRule, Criterion)


class Registry(Generic[Plugin]):
    """Plugins by id, in the order registered."""

    def __init__(self, noun: str) -> None:
        self.noun = noun
        self._plugins: dict[str, Plugin] = {}

    def register(self, plugin: Plugin) -> Plugin:
        if plugin.id in self._plugins:
            raise AllocationError(f"A {self.noun} with id {plugin.id!r} is already registered.")
        self._plugins[plugin.id] = plugin
        return plugin

    def __getitem__(self, plugin_id: str) -> Plugin:
        try:
            return self._plugins[plugin_id]
        except KeyError:
            raise AllocationError(f"Unknown {self.noun} {plugin_id!r}.") from None

    def __iter__(self) -> Iterator[Plugin]:
        return iter(self._plugins.values())

    def ids(self) -> tuple[str, ...]:
        return tuple(self._plugins)


RULES: Registry[HardRule] = Registry("hard rule")
CRITERIA: Registry[Criterion] = Registry("criterion")


def _rooms(t: Tables, start: int, stop: int) -> np.ndarray:
    return t.rooms[None, :] >= t.rooms_needed[start:stop, None]


def _accessibility(t: Tables, start: int, stop: int) -> np.ndarray:
    floor = ~t.needs_lift[start:stop, None] | t.accessible_floor[None, :]
    return floor & (~t.needs_wheelchair[start:stop, None] | t.wheelchair[None, :])


def _affordability(t: Tables, start: int, stop: int) -> np.ndarray:
    return t.rent[None, :] <= t.rent_limit[start:stop, None]


def _stream(t: Tables, start: int, stop: int) -> np.ndarray:
    either = (t.dwelling_stream == EITHER_CODE)[None, :]
    return either | (t.dwelling_stream[None, :] == t.stream[start:stop, None])


def _municipality(t: Tables, start: int, stop: int) -> np.ndarray:
    return ~t.excluded[start:stop][:, t.municipality]


def _not_declined(t: Tables, start: int, stop: int) -> np.ndarray:
    allowed = np.ones((stop - start, t.n_dwellings), bool)
    candidates, dwellings = t.declined
    block = (candidates >= start) & (candidates < stop)
    allowed[candidates[block] - start, dwellings[block]] = False
    return allowed


for _rule in (
    HardRule("rooms", 1, "The dwelling has at least the rooms the household needs.", _rooms),
    HardRule(
        "accessibility",
        1,
        "A ground floor or a lift, and wheelchair access, where the candidate needs them.",
        _accessibility,
    ),
    HardRule(
        "affordability",
        1,
        "The rent is within the limit for the household's income band and size.",
        _affordability,
    ),
    HardRule("stream", 1, "The dwelling is offered for the candidate's stream.", _stream),
    HardRule(
        "municipality",
        1,
        "The dwelling is not in a municipality the candidate excludes.",
        _municipality,
    ),
    HardRule("declined", 1, "The pair was not declined before.", _not_declined),
):
    RULES.register(_rule)


def _preferred(t: Tables, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    municipality = t.preferred[c, t.municipality[d]]
    subregion = t.preferred_subregion[c, t.subregion[d]]
    return np.where(municipality, MAX_POINTS, np.where(subregion, MAX_POINTS // 2, 0))


def _waiting(t: Tables, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    return np.minimum(MAX_POINTS, t.waited_days[c] * MAX_POINTS // 365)


def _guidance(t: Tables, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    return np.where(t.guidance_subregion[c] == t.subregion[d], MAX_POINTS, 0)


def _household_fit(t: Tables, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    spare = t.rooms[d] - t.rooms_needed[c]
    return np.where(spare == 0, MAX_POINTS, np.where(spare == 1, MAX_POINTS // 2, 0))


def _urgency(t: Tables, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    return np.where(t.urgent[c], MAX_POINTS, 0)


for _criterion in (
    Criterion(
        "preferred_area",
        1,
        "100 in a preferred municipality, 50 in the subregion of a preference or of the ties.",
        _preferred,
    ),
    Criterion("waiting_time", 1, "Days since approval; 100 after a year or more.", _waiting),
    Criterion(
        "guidance_nearby", 1, "100 when the guidance provider works in the subregion.", _guidance
    ),
    Criterion(
        "household_fit", 1, "100 for exactly the rooms needed, 50 for one more.", _household_fit
    ),
    Criterion("urgency", 1, "100 for an urgent nomination.", _urgency),
):
    CRITERIA.register(_criterion)
