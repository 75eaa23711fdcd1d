"""Reads of counts: the region's counts with their current version, a count's versions, the
breakdown values and municipalities a file may name. Each is a fixed number of queries."""

from django.db.models import QuerySet
from django.http import Http404
from django.template.defaultfilters import floatformat

from onderdak.monitor.models import Count, CountRow, CountVersion, Dimension, ReferenceValue
from onderdak.region.models import Municipality, Region

#: People totals from 1 to 4 are shown as "<5" to whom may not see small numbers.
SMALLEST_SHOWN = 5


def people_shown(total: int | None, *, unsuppressed: bool) -> str:
    """A people total as a page shows it: "<5" for 1 to 4, unless the reader may see them."""
    if total is None:
        return ""
    if not unsuppressed and 0 < total < SMALLEST_SHOWN:
        return "<5"
    return floatformat(total, "0g")


def count_list(*, region: Region | None) -> QuerySet[Count]:
    return Count.objects.filter(region=region).select_related("current_version")


def count_or_404(*, region: Region | None, pk: int) -> Count:
    count = count_list(region=region).filter(pk=pk).first()
    if count is None:
        raise Http404
    return count


def version_list(*, count: Count) -> QuerySet[CountVersion]:
    return count.versions.select_related("imported_by").order_by("-number")


def version_or_404(*, count: Count, number: int) -> CountVersion:
    version = count.versions.filter(number=number).first()
    if version is None:
        raise Http404
    return version


def version_queryset(*, region: Region | None) -> QuerySet[CountVersion]:
    """Every version of the region's counts (the API's ``count-versions``)."""
    return CountVersion.objects.filter(count__region=region).select_related("count", "imported_by")


def row_queryset(*, region: Region | None) -> QuerySet[CountRow]:
    """Every row of the region's counts, with the names of what it refers to."""
    return (
        CountRow.objects.filter(version__count__region=region)
        .select_related("version", "municipality", "category", "age_band", "gender", "finder")
        .defer("municipality__boundary")
    )


def reference_values(*, active_only: bool = True) -> dict[str, list[ReferenceValue]]:
    """The values of every breakdown, in their order: what a file may name."""
    values = ReferenceValue.objects.order_by("dimension", "order", "code")
    if active_only:
        values = values.filter(is_active=True)
    grouped: dict[str, list[ReferenceValue]] = {dimension: [] for dimension in Dimension.values}
    for value in values:
        grouped[value.dimension].append(value)
    return grouped


def municipalities(*, region: Region | None) -> QuerySet[Municipality]:
    return Municipality.objects.filter(region=region).only("cbs_code", "name").order_by("name")
