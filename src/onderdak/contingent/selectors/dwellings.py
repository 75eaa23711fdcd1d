"""Reads of dwellings: the list within the user's rights, with its filters."""

from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet

from onderdak.accounts.models import Role
from onderdak.contingent.models import ContingentYear, Dwelling
from onderdak.contingent.selectors.visibility import visible_dwellings
from onderdak.region.selectors import without_boundaries

DWELLING_RELATED = ("corporation", "municipality", "contingent_year")
#: The list filters (``status``, ``jaar``, ``gemeente``, ``corporatie``, ``stroom``) on dwellings.
DWELLING_FILTERS = {
    "status": "status",
    "year": "contingent_year__year",
    "municipality": "municipality__cbs_code",
    "corporation": "corporation",
    "stream": "stream",
}
#: The same filters on proposals and placements: the dwelling's year, municipality and
#: corporation, and the nomination's stream.
CASE_FILTERS = {
    "status": "status",
    "year": "dwelling__contingent_year__year",
    "municipality": "dwelling__municipality__cbs_code",
    "corporation": "dwelling__corporation",
    "stream": "nomination__stream",
}


def filtered(queryset: QuerySet, paths: Mapping[str, str], values: Mapping[str, Any]) -> QuerySet:
    """``queryset`` with each given (non-empty) filter value applied on its path."""
    return queryset.filter(**{paths[name]: value for name, value in values.items() if value})


def dwelling_queryset(user) -> QuerySet[Dwelling]:
    """The dwellings ``user`` may see, with what their pages show."""
    return without_boundaries(
        visible_dwellings(user).select_related(*DWELLING_RELATED), "municipality"
    )


def dwelling_list(*, user, **filters: Any) -> QuerySet[Dwelling]:
    """Visible dwellings, latest available first; ``filters`` are the keys of
    ``DWELLING_FILTERS`` (empty values: no filter)."""
    return filtered(dwelling_queryset(user), DWELLING_FILTERS, filters)


def offering_years(user) -> QuerySet[ContingentYear]:
    """The contingent years a corporation officer may offer dwellings for: those of the regions
    of their corporations, latest first."""
    regions = {o.region_id for o in user.organisations_for(Role.CORPORATION_OFFICER)}
    return ContingentYear.objects.filter(region__in=regions).order_by("-year")
