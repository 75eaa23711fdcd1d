"""Records the rights table and the browser's page check request pages for, made on first use
(a test that flushed the database gets them again)."""

from django.core.files.base import ContentFile

from onderdak.accounts.models import Role
from onderdak.imports.models import ImportJob
from onderdak.imports.services import import_job_start
from onderdak.monitor.models import Count, ImportKind
from onderdak.monitor.services.reference import reference_values_load
from onderdak.region.models import Region
from tests.factories import member
from tests.imports.files import csv_bytes
from tests.monitor.factories import CountFactory, version_with
from tests.monitor.importing.files import INDICATOR_HEADER, count_file

TITLE = "Voorbeeldtelling (fictief)"
ROWS = [
    ("GM0546", "1", "18-26", "man", "gemeente", 3),
    ("GM0484", "6", "27-65", "vrouw", "opvang", 12),
]
GOOD = [("Leiden", "2", "18-26", "man", "zorg", 8)]
BAD = [("Amsterdam", "1", "18-26", "man", "gemeente", "-1")]


def example_count() -> Count:
    """A count with two versions, the second current."""
    reference_values_load()
    count = Count.objects.filter(title=TITLE).first()
    if count is None:
        count = CountFactory(region=Region.objects.order_by("pk").first(), title=TITLE)
        version_with(count, ROWS, file_name="eerste.csv")
        version_with(count, ROWS[:1], file_name="tweede.csv")
    return count


def example_job(name: str = "afgekeurd.csv") -> ImportJob:
    """A rejected job (``afgekeurd.csv``) or a done one (any other name) of the example count."""
    count = example_count()
    job = ImportJob.objects.filter(file_name=name).first()
    if job is None:
        job = import_job_start(
            region=count.region,
            kind=ImportKind.COUNT,
            options={"count": count.pk},
            uploaded=ContentFile(count_file(BAD if "afgekeurd" in name else GOOD), name=name),
            by=member(Role.POLICY_OFFICER),
        )
    return job


def count_payload() -> dict:
    """The fields of a new count, with a title not used before."""
    return {
        "title": f"Telling {Count.objects.count() + 1}",
        "count_date": "2026-04-09",
        "area": "Alle gemeenten",
        "method": "ETHOS Light",
        "source": "Testgegevens",
        "notes": "",
    }


def upload_payload() -> dict:
    reference_values_load()
    return {"file": ContentFile(count_file(GOOD), name="telling.csv")}


def indicator_payload() -> dict:
    rows = [
        INDICATOR_HEADER,
        ("ontruimingen", "Ontruimingen", "Leiden", "2024", "1", "aantal", "x"),
    ]
    return {"file": ContentFile(csv_bytes(rows), name="indicatoren.csv")}
