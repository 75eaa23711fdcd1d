"""Storing a checked count file as the count's new current version (the earlier ones stay)."""

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max

from onderdak.accounts.models import User
from onderdak.monitor.models import Count, CountAggregate, CountRow, CountVersion
from onderdak.monitor.services.aggregates import RowIds, count_aggregates

BATCH_SIZE = 5000


@transaction.atomic
def count_version_store(
    *,
    count: Count,
    rows: Sequence[RowIds],
    file_name: str,
    file_sha256: str,
    imported_by: User | None,
) -> CountVersion:
    """Writes ``rows`` (already checked: known ids, whole numbers ≥ 0, no duplicates) as version
    n + 1 of ``count``, with their aggregates, and makes it the current version.

    The count row is locked first, so two imports of one count get consecutive numbers.
    """
    count = Count.objects.select_for_update().get(pk=count.pk)
    latest = count.versions.aggregate(latest=Max("number"))["latest"] or 0
    version = CountVersion.objects.create(
        count=count,
        number=latest + 1,
        file_name=file_name[:255],
        file_sha256=file_sha256,
        row_count=len(rows),
        people_total=sum(row.people for row in rows),
        imported_by=imported_by,
    )
    CountRow.objects.bulk_create(
        (
            CountRow(
                version=version,
                municipality_id=row.municipality,
                category_id=row.category,
                age_band_id=row.age_band,
                gender_id=row.gender,
                finder_id=row.finder,
                people=row.people,
            )
            for row in rows
        ),
        batch_size=BATCH_SIZE,
    )
    CountAggregate.objects.bulk_create(
        count_aggregates(version=version, rows=rows), batch_size=BATCH_SIZE
    )
    count.current_version = version
    count.save(update_fields=["current_version"])
    return version
