"""Reads of the region registry. Every list is one or two queries, whatever the data size."""

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery

from onderdak.region.models import (
    GovernanceBody,
    GovernanceRole,
    Municipality,
    Organisation,
    PopulationFigure,
    Region,
    Subregion,
)


def _latest_population(field: str) -> Subquery:
    latest = PopulationFigure.objects.filter(municipality=OuterRef("pk")).order_by(
        "-reference_date"
    )
    return Subquery(latest.values(field)[:1])


def without_boundaries(queryset: QuerySet, *paths: str) -> QuerySet:
    """``queryset`` with the boundary of each related municipality at ``paths`` left unread.

    A boundary is a GeoJSON geometry of several kilobytes that only the map needs; a list that
    selects a municipality per row would otherwise read and decode it for every row.
    """
    return queryset.defer(*(f"{path}__boundary" for path in paths))


def municipality_list(*, region: Region | None = None) -> QuerySet[Municipality]:
    """Municipalities with subregion and their latest population figure (value, date, source)."""
    qs = Municipality.objects.select_related("subregion", "region").annotate(
        population=_latest_population("population"),
        population_date=_latest_population("reference_date"),
        population_source=_latest_population("source_url"),
    )
    return qs.filter(region=region) if region else qs


def subregion_list(*, region: Region | None = None) -> QuerySet[Subregion]:
    qs = Subregion.objects.select_related("region").prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.order_by("name"))
    )
    return qs.filter(region=region) if region else qs


def organisation_list(
    *, region: Region | None = None, kind: str | None = None, active_only: bool = True
) -> QuerySet[Organisation]:
    qs = Organisation.objects.select_related("municipality", "region")
    if region:
        qs = qs.filter(region=region)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.filter(is_active=True) if active_only else qs


def governance_body_list(*, region: Region | None = None) -> QuerySet[GovernanceBody]:
    qs = GovernanceBody.objects.select_related("region").prefetch_related(
        Prefetch("roles", queryset=GovernanceRole.objects.order_by("position"))
    )
    return qs.filter(region=region) if region else qs


def population_figure_list(*, municipality: Municipality) -> QuerySet[PopulationFigure]:
    return municipality.population_figures.order_by("-reference_date")


def default_region() -> Region | None:
    """The installation's region when it serves one; ``None`` before the region is loaded."""
    return Region.objects.order_by("pk").first()


def organisation_counts(*, region: Region) -> dict[str, int]:
    """Active organisations per kind, in one query."""
    rows = (
        Organisation.objects.filter(region=region, is_active=True)
        .values("kind")
        .annotate(n=Count("pk"))
    )
    return {row["kind"]: row["n"] for row in rows}
