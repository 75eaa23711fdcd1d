"""What every monitor page reads, in a fixed number of queries whatever the size of the counts.

Counts are read only through their current version's aggregates (``CountAggregate``), never
through their raw rows: a version of 100,000 rows has a few hundred aggregates. A version's cube
is built once per process (``dashboard_cube.keep``); the aggregates of the versions whose cube
is not kept yet are read in one query when the first cube is asked for, so a page reads them
once after a new import or a restart and not at all after that.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from onderdak.monitor.models import Count, CountAggregate, ReferenceValue
from onderdak.monitor.selectors.dashboard_cube import (
    REGION_KEY,
    AggregateRow,
    Cube,
    Dimensions,
    Geography,
    Place,
    cube,
    dimensions_for,
    keep,
    recall,
)
from onderdak.monitor.selectors.dashboard_population import PopulationTable, population_table
from onderdak.region.models import Municipality, Region


@dataclass(frozen=True)
class CountInfo:
    """A count with a current version, as the monitor shows it."""

    pk: int
    title: str
    count_date: datetime.date
    source: str
    is_demo: bool
    version: int  # primary key of the current version
    version_number: int
    imported_at: datetime.datetime
    row_count: int
    people_total: int

    @property
    def year(self) -> int:
        return self.count_date.year


@dataclass
class MonitorData:
    """The region's geography, breakdowns, counts (oldest first) and population."""

    region: Region
    suppressed: bool
    geography: Geography
    boundaries: dict[str, dict]  # CBS code → GeoJSON geometry (only when asked for)
    references: dict[int, ReferenceValue]
    counts: list[CountInfo]
    _ordered: dict[str, list[tuple[int, bool]]] = field(repr=False)
    _cubes: dict[int, Cube] = field(default_factory=dict, repr=False)

    def cube(self, count: CountInfo) -> Cube:
        """The count's cells, suppressed for every reader but the regional coordinator."""
        if count.pk not in self._cubes:
            self._cubes = self._all_cubes()
        return self._cubes[count.pk]

    def dimensions(self, count: CountInfo) -> Dimensions:
        return self.cube(count).dims

    def _key(self, count: CountInfo) -> tuple:
        """What a count's cube depends on: its version (immutable; identified by more than its
        primary key, which a test database may hand out again), the geography, the breakdown
        values in use and whether it is suppressed."""
        version = (count.version, count.imported_at, count.row_count, count.people_total)
        in_use = tuple((name, tuple(values)) for name, values in sorted(self._ordered.items()))
        return (version, self.geography.signature, in_use, self.suppressed)

    def _all_cubes(self) -> dict[int, Cube]:
        """Every count's cube: those kept from earlier requests, the others built from their
        aggregates (one query for all of them)."""
        found = {count.pk: recall(self._key(count)) for count in self.counts}
        missing = [count for count in self.counts if found[count.pk] is None]
        rows = aggregate_rows([count.version for count in missing]) if missing else {}
        for count in missing:
            found[count.pk] = self._built(count, rows.get(count.version, []))
            keep(self._key(count), found[count.pk])
        return found

    def _built(self, count: CountInfo, rows: list[AggregateRow]) -> Cube:
        used = {pk for row in rows for pk in row[2:5] if pk is not None}
        dims = dimensions_for(self._ordered, used)
        return cube(rows, self.geography, dims, suppressed=self.suppressed, version=count.version)

    def previous(self, count: CountInfo) -> CountInfo | None:
        """The region's count before ``count`` (by date)."""
        index = self.counts.index(count)
        return self.counts[index - 1] if index else None

    def count(self, pk: int | None) -> CountInfo | None:
        return next((c for c in self.counts if c.pk == pk), None)

    @property
    def latest(self) -> CountInfo | None:
        return self.counts[-1] if self.counts else None

    @cached_property
    def area_municipalities(self) -> dict[str, tuple[int, ...]]:
        """Per area key (municipality, subregion, region) the primary keys of its municipalities."""
        geography = self.geography
        areas = {m.key: (m.pk,) for m in geography.municipalities}
        for subregion in geography.subregions:
            areas[subregion.key] = tuple(m.pk for m in geography.parts(subregion.key))
        areas[REGION_KEY] = tuple(m.pk for m in geography.municipalities)
        return areas

    @cached_property
    def populations(self) -> PopulationTable:
        """Read on first use (one query): not every page computes rates."""
        return population_table(region=self.region)

    def population(self, area: str, day: datetime.date) -> int | None:
        """The population of an area's municipalities on ``day`` (see ``PopulationTable``)."""
        return self.populations.total(self.area_municipalities[area], day)

    def label(self, pk: int) -> str:
        return self.references[pk].label


def geography(*, region: Region, with_boundaries: bool = False):
    """The region's places and (if asked) the municipalities' boundaries; one query."""
    municipalities = Municipality.objects.filter(region=region).select_related("subregion")
    if not with_boundaries:
        municipalities = municipalities.defer("boundary")
    municipalities = sorted(
        municipalities, key=lambda m: (m.subregion.position, m.subregion.name, m.name)
    )
    subregions = list(dict.fromkeys(m.subregion for m in municipalities))
    region_place = Place(REGION_KEY, region.name, region.slug, "", region.pk)
    sub_places = {s.pk: Place(f"s:{s.slug}", s.name, s.slug, REGION_KEY, s.pk) for s in subregions}
    places = [
        Place(f"m:{m.cbs_code}", m.name, m.cbs_code, sub_places[m.subregion_id].key, m.pk)
        for m in municipalities
    ]
    boundaries = {m.cbs_code: m.boundary for m in municipalities if with_boundaries and m.boundary}
    found = Geography(
        region_place, tuple(sub_places.values()), tuple(places), {p.pk: p for p in places}
    )
    return found, boundaries


def _ordered_references() -> tuple[dict[int, ReferenceValue], dict[str, list[tuple[int, bool]]]]:
    """Every breakdown value by primary key, and per dimension (pk, in use) in order; one query."""
    references = {
        value.pk: value for value in ReferenceValue.objects.order_by("dimension", "order", "code")
    }
    ordered: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for value in references.values():
        ordered[value.dimension].append((value.pk, value.is_active))
    return references, dict(ordered)


def count_infos(*, region: Region) -> list[CountInfo]:
    """The region's counts that have a current version, oldest first; one query."""
    counts = (
        Count.objects.filter(region=region, current_version__isnull=False)
        .select_related("current_version")
        .order_by("count_date", "pk")
    )
    return [
        CountInfo(
            c.pk,
            c.title,
            c.count_date,
            c.source,
            c.is_demo,
            c.current_version_id,
            c.current_version.number,
            c.current_version.imported_at,
            c.current_version.row_count,
            c.current_version.people_total,
        )
        for c in counts
    ]


def aggregate_rows(versions: list[int]) -> dict[int, list[AggregateRow]]:
    """The aggregates of the versions, per version; one query."""
    rows: dict[int, list[AggregateRow]] = defaultdict(list)
    for version, *row in CountAggregate.objects.filter(version__in=versions).values_list(
        "version_id",
        "municipality_id",
        "breakdown",
        "category_id",
        "age_band_id",
        "value_id",
        "people",
    ):
        rows[version].append(tuple(row))
    return dict(rows)


def monitor_data(
    *, region: Region, suppressed: bool, with_boundaries: bool = False, latest_only: bool = False
) -> MonitorData:
    """Everything the monitor's figures are computed from: three queries; one more for the
    aggregates of counts whose cube is not kept yet, and one for the population when a rate is
    computed. ``latest_only`` reads the latest count's figures only."""
    places, boundaries = geography(region=region, with_boundaries=with_boundaries)
    references, ordered = _ordered_references()
    counts = count_infos(region=region)
    if latest_only:
        counts = counts[-1:]
    return MonitorData(
        region=region,
        suppressed=suppressed,
        geography=places,
        boundaries=boundaries,
        references=references,
        counts=counts,
        _ordered=ordered,
    )
