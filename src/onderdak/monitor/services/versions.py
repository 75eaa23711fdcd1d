"""Storing a checked count file as the count's new current version (the earlier ones stay)."""

from collections.abc import Sequence

from django.db import connection, transaction
from django.db.models import Max

from onderdak.accounts.models import User
from onderdak.monitor.models import Count, CountAggregate, CountRow, CountVersion
from onderdak.monitor.services.aggregates import RowIds, count_aggregates

BATCH_SIZE = 5000
#: The columns of a row as ``RowIds`` holds them, after the version.
ROW_FIELDS = ("version", "municipality", "category", "age_band", "gender", "finder", "people")


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
    _insert_rows(version, rows)
    CountAggregate.objects.bulk_create(
        count_aggregates(version=version, rows=rows), batch_size=BATCH_SIZE
    )
    count.current_version = version
    count.save(update_fields=["current_version"])
    return version


def _insert_rows(version: CountVersion, rows: Sequence[RowIds]) -> None:
    """Insert the rows with PostgreSQL's ``COPY``, or ``executemany`` in batches elsewhere.
    ``bulk_create`` builds a model instance and compiles SQL for each row: for 100,000 rows that
    took 10 s of the 10 s the import may take (issue 4's benchmark; decision 0013). The rows are
    checked already, and no signal listens to ``CountRow``."""
    table = connection.ops.quote_name(CountRow._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(CountRow._meta.get_field(name).column) for name in ROW_FIELDS
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row((version.pk, *row))
            return
        placeholders = ", ".join(["%s"] * len(ROW_FIELDS))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names only
        for start in range(0, len(rows), BATCH_SIZE):
            cursor.executemany(
                sql, [(version.pk, *row) for row in rows[start : start + BATCH_SIZE]]
            )
