"""Reads of the op- en afbouw plan: the region's plan and its places as one grid.

A page about the plan reads it in a fixed number of queries whatever its size: the plan, the
region's municipalities (with their subregions, without their boundaries), the facility types,
and every line's places in one query. :class:`PlanGrid` answers the rest in memory.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from onderdak.capacity.models import CapacityPlan, FacilityType, PlanLine
from onderdak.core.errors import NotFound
from onderdak.region.models import Municipality, Region, Subregion

#: (municipality id, facility type id, year)
Key = tuple[int, int, int]


def region_plan(*, region: Region | None) -> CapacityPlan | None:
    """The region's plan, or ``None`` while it has none."""
    if region is None:
        return None
    return CapacityPlan.objects.filter(region=region).select_related("region").first()


def region_municipalities(*, region: Region) -> QuerySet[Municipality]:
    """The region's municipalities by name, with their subregion, without their boundary."""
    return (
        Municipality.objects.filter(region=region)
        .select_related("subregion")
        .defer("boundary", "boundary_source")
        .order_by("name")
    )


def municipality_in_region(*, region: Region, cbs_code: str) -> Municipality:
    found = region_municipalities(region=region).filter(cbs_code=cbs_code).first()
    if found is None:
        raise NotFound
    return found


def subregion_in_region(*, region: Region, slug: str) -> Subregion:
    found = Subregion.objects.filter(region=region, slug=slug).first()
    if found is None:
        raise NotFound
    return found


def plan_types(*, plan: CapacityPlan | None) -> QuerySet[FacilityType]:
    """The types in use, and those out of use that the plan still has places of."""
    used = Q(is_active=True)
    if plan is not None:
        used |= Q(plan_lines__plan=plan)
    return FacilityType.objects.filter(used).distinct().order_by("order", "code")


@dataclass(frozen=True)
class PlanGrid:
    """A plan's places per municipality x facility type x year (``None``: nothing entered)."""

    plan: CapacityPlan
    municipalities: tuple[Municipality, ...]
    types: tuple[FacilityType, ...]
    places: Mapping[Key, int]
    notes: Mapping[Key, str] = field(default_factory=dict)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(self.plan.years)

    @property
    def subregions(self) -> tuple[Subregion, ...]:
        """The subregions of the plan's municipalities, in the order they first appear."""
        return tuple({m.subregion_id: m.subregion for m in self.municipalities}.values())

    def cell(self, municipality: Municipality, facility_type: FacilityType) -> list[int | None]:
        """One municipality's places of one type, per year."""
        return [self.places.get((municipality.pk, facility_type.pk, y)) for y in self.years]

    def total(
        self, municipalities: Iterable[Municipality], facility_type: FacilityType
    ) -> list[int]:
        """The places of one type summed over ``municipalities``, per year (empty counts 0)."""
        ids = {m.pk for m in municipalities}
        totals: dict[int, int] = defaultdict(int)
        for (municipality, type_id, year), places in self.places.items():
            if municipality in ids and type_id == facility_type.pk:
                totals[year] += places
        return [totals[y] for y in self.years]

    def in_subregion(self, subregion: Subregion) -> tuple[Municipality, ...]:
        return tuple(m for m in self.municipalities if m.subregion_id == subregion.pk)

    def used_types(self, municipalities: Iterable[Municipality]) -> tuple[FacilityType, ...]:
        """The types with places in any year in one of ``municipalities``."""
        ids = {m.pk for m in municipalities}
        used = {t for (m, t, _y), places in self.places.items() if m in ids and places}
        return tuple(t for t in self.types if t.pk in used)

    def totals_by_type(
        self, municipalities: Iterable[Municipality]
    ) -> list[tuple[FacilityType, list[int]]]:
        """Per type with places, its total per year over ``municipalities``."""
        chosen = tuple(municipalities)
        return [(t, self.total(chosen, t)) for t in self.used_types(chosen)]


def plan_grid(*, plan: CapacityPlan) -> PlanGrid:
    """The whole plan in three queries: municipalities, types, and the lines' places."""
    lines = PlanLine.objects.filter(plan=plan).values_list(
        "municipality_id", "facility_type_id", "year", "places", "note"
    )
    places, notes = {}, {}
    for municipality, type_id, year, count, note in lines:
        places[(municipality, type_id, year)] = count
        if note:
            notes[(municipality, type_id, year)] = note
    return PlanGrid(
        plan=plan,
        municipalities=tuple(region_municipalities(region=plan.region)),
        types=tuple(plan_types(plan=plan)),
        places=places,
        notes=notes,
    )


def plan_line_list(*, plan: CapacityPlan) -> QuerySet[PlanLine]:
    """The plan's lines with what an API list shows of them, in the plan's order."""
    return (
        PlanLine.objects.filter(plan=plan)
        .select_related("municipality__subregion", "facility_type")
        .defer("municipality__boundary", "municipality__boundary_source")
        .order_by("municipality__name", "facility_type__order", "year")
    )
