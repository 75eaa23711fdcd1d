"""A count version as the whole set of figures the monitor publishes, suppressed in one go.

The cube holds, for every area (municipality, subregion, region), the people per ETHOS category x
age band with both margins and the total, and the people per gender and per finding
organisation. Every additive relation between them is a group (total = sum of parts): a
category's total over the age bands and vice versa, the area's total over categories, age bands,
genders and finders, and every figure of a subregion over its municipalities and of the region
over its subregions. The suppression engine gets all cells and all groups in one call, whatever
part a page shows, so no two filtered views can be differenced to find a hidden cell.

Which values of a breakdown the cube holds: those the version uses plus those in use for new
imports, so an ETHOS category nobody was counted in shows as 0 rather than not at all.

A cube depends only on its version (which never changes: a re-import is a new version), the
geography and the breakdown values, so it is built and suppressed once per process and kept
for the next request (``recall``, ``keep``).
"""

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from onderdak.engines.suppression import Group, Hidden, suppress
from onderdak.monitor.models import Breakdown, Dimension
from onderdak.monitor.selectors.dashboard_figures import Figure, count_figure

REGION_KEY = "r"
MEMO_SIZE = 48  # cubes: e.g. ten counts, suppressed and not, of a few regions


class CellKey(NamedTuple):
    """One cell: an area and at most a category and an age band, or a gender, or a finder
    (``None`` = all of that breakdown). ``CellKey(area)`` is the area's total."""

    area: str
    category: int | None = None
    age_band: int | None = None
    gender: int | None = None
    finder: int | None = None


@dataclass(frozen=True)
class Place:
    """A municipality (``m:<CBS code>``), a subregion (``s:<slug>``) or the region (``r``)."""

    key: str
    name: str
    code: str
    parent: str = ""
    pk: int = 0


@dataclass(frozen=True)
class Geography:
    region: Place
    subregions: tuple[Place, ...]
    municipalities: tuple[Place, ...]  # by subregion, then name
    by_pk: Mapping[int, Place] = field(default_factory=dict)

    def parts(self, key: str) -> tuple[Place, ...]:
        """The subregions of the region, or the municipalities of a subregion."""
        if key == REGION_KEY:
            return self.subregions
        return tuple(m for m in self.municipalities if m.parent == key)

    def place(self, key: str) -> Place:
        places = (self.region, *self.subregions, *self.municipalities)
        return next(place for place in places if place.key == key)

    @property
    def signature(self) -> tuple:
        return tuple((m.key, m.parent) for m in self.municipalities)


@dataclass(frozen=True)
class Dimensions:
    """The values (primary keys, in order) of each breakdown a cube holds."""

    categories: tuple[int, ...]
    age_bands: tuple[int, ...]
    genders: tuple[int, ...]
    finders: tuple[int, ...]

    def patterns(self) -> list[tuple]:
        """(category, age band, gender, finder) of every cell an area has."""
        cats, ages = self.categories, self.age_bands
        return [
            *((c, a, None, None) for c in cats for a in ages),
            *((c, None, None, None) for c in cats),
            *((None, a, None, None) for a in ages),
            (None, None, None, None),
            *((None, None, g, None) for g in self.genders),
            *((None, None, None, f) for f in self.finders),
        ]


def dimensions_for(ordered: Mapping[str, Sequence[tuple[int, bool]]], used: set[int]):
    """The cube's values per breakdown: ``ordered`` holds (pk, in use) per dimension in order."""

    def chosen(dimension: str) -> tuple[int, ...]:
        return tuple(pk for pk, active in ordered.get(dimension, ()) if active or pk in used)

    return Dimensions(
        chosen(Dimension.CATEGORY),
        chosen(Dimension.AGE_BAND),
        chosen(Dimension.GENDER),
        chosen(Dimension.FINDER),
    )


#: An aggregate as read: municipality, breakdown, category, age band, value (pks), people.
AggregateRow = tuple[int, str, int | None, int | None, int | None, int]


@dataclass
class Cube:
    """The cells of one version and what is hidden of them (nothing, unsuppressed). A figure
    taken from it is keyed by the version and the cell."""

    values: dict[CellKey, int]
    groups: list[Group]
    hidden: dict[CellKey, Hidden]
    dims: Dimensions
    version: int = 0

    def figure(self, key: CellKey) -> Figure:
        return count_figure((self.version, key), self.values[key], self.hidden.get(key, ""))

    def total(self, area: str) -> Figure:
        return self.figure(CellKey(area))


def _municipal_values(rows, geography: Geography, dims: Dimensions) -> dict[CellKey, int]:
    patterns = dims.patterns()
    values = {CellKey(m.key, *p): 0 for m in geography.municipalities for p in patterns}
    for municipality, breakdown, category, age_band, value, people in rows:
        place = geography.by_pk.get(municipality)
        if place is None:
            continue
        for key in _row_keys(place.key, breakdown, category, age_band, value):
            values[key] += people
    return values


def _row_keys(area: str, breakdown: str, category, age_band, value) -> tuple[CellKey, ...]:
    if breakdown == Breakdown.CATEGORY_AGE:
        return (
            CellKey(area, category, age_band),
            CellKey(area, category),
            CellKey(area, None, age_band),
            CellKey(area),
        )
    if breakdown == Breakdown.GENDER:
        return (CellKey(area, gender=value),)
    return (CellKey(area, finder=value),)


def _rolled_up(values: dict[CellKey, int], geography: Geography, dims: Dimensions):
    """Adds every subregion's and the region's cells, and the groups that sum them."""
    groups = []
    for upper in (*geography.subregions, geography.region):
        parts = geography.parts(upper.key)
        for pattern in dims.patterns():
            total = CellKey(upper.key, *pattern)
            part_keys = tuple(CellKey(part.key, *pattern) for part in parts)
            values[total] = sum(values[key] for key in part_keys)
            if part_keys:
                groups.append(Group(total=total, parts=part_keys))
    return groups


def _area_groups(area: str, dims: Dimensions) -> Iterable[Group]:
    """Within one area: the margins of category x age band and the four splits of the total."""
    cats, ages, total = dims.categories, dims.age_bands, CellKey(area)
    for c in cats:
        yield Group(CellKey(area, c), tuple(CellKey(area, c, a) for a in ages))
    for a in ages:
        yield Group(CellKey(area, None, a), tuple(CellKey(area, c, a) for c in cats))
    yield Group(total, tuple(CellKey(area, c) for c in cats))
    yield Group(total, tuple(CellKey(area, None, a) for a in ages))
    yield Group(total, tuple(CellKey(area, gender=g) for g in dims.genders))
    yield Group(total, tuple(CellKey(area, finder=f) for f in dims.finders))


def build_cube(
    rows: Iterable[AggregateRow], geography: Geography, dims: Dimensions
) -> tuple[dict[CellKey, int], list[Group]]:
    """Every cell of the version and every group relating them (groups without parts left out)."""
    values = _municipal_values(rows, geography, dims)
    groups = _rolled_up(values, geography, dims)
    areas = (*geography.municipalities, *geography.subregions, geography.region)
    groups += [g for place in areas for g in _area_groups(place.key, dims) if g.parts]
    return values, groups


def cube(
    rows: Iterable[AggregateRow],
    geography: Geography,
    dims: Dimensions,
    *,
    suppressed: bool,
    version: int = 0,
) -> Cube:
    """The version's cells; with ``suppressed``, small counts and their complements hidden."""
    values, groups = build_cube(rows, geography, dims)
    hidden = suppress(values, groups) if suppressed else {}
    return Cube(values, groups, hidden, dims, version)


_memo: OrderedDict[Hashable, Cube] = OrderedDict()
_memo_lock = threading.Lock()


def recall(key: Hashable) -> Cube | None:
    """A cube built earlier in this process for ``key`` (see ``MonitorData``), if kept."""
    with _memo_lock:
        found = _memo.get(key)
        if found is not None:
            _memo.move_to_end(key)
        return found


def keep(key: Hashable, built: Cube) -> None:
    """Keep ``built`` for the next request; the least recently used go first. Callers only
    read a cube, so one can be shared."""
    with _memo_lock:
        _memo[key] = built
        while len(_memo) > MEMO_SIZE:
            _memo.popitem(last=False)
