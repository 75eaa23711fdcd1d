"""Counts with versions, rows and aggregates, written the way an import writes them."""

import datetime
from collections.abc import Iterable

import factory

from onderdak.monitor.models import Count, CountVersion, Dimension, ReferenceValue
from onderdak.monitor.services.aggregates import RowIds
from onderdak.monitor.services.versions import count_version_store
from onderdak.region.models import Municipality, Region

#: A row as tests write it: CBS code, category, age band, gender and finder codes, people.
Row = tuple[str, str, str, str, str, int]


class CountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Count

    region = factory.LazyFunction(lambda: Region.objects.order_by("pk").first())
    title = factory.Sequence(lambda n: f"Telling {n}")
    count_date = datetime.date(2024, 4, 11)
    area = "Alle gemeenten van de regio"
    method = "ETHOS Light"
    source = "Testgegevens"


def row_ids(rows: Iterable[Row]) -> list[RowIds]:
    """The rows by primary key, as the import's checks hand them to the store."""
    municipalities = dict(Municipality.objects.values_list("cbs_code", "pk"))
    values = {
        (dimension, code): pk
        for dimension, code, pk in ReferenceValue.objects.values_list("dimension", "code", "pk")
    }
    return [
        RowIds(
            municipalities[cbs],
            values[Dimension.CATEGORY, category],
            values[Dimension.AGE_BAND, age],
            values[Dimension.GENDER, gender],
            values[Dimension.FINDER, finder],
            people,
        )
        for cbs, category, age, gender, finder, people in rows
    ]


def version_with(count: Count, rows: Iterable[Row], file_name: str = "telling.csv") -> CountVersion:
    """A new current version of ``count`` holding ``rows``."""
    return count_version_store(
        count=count, rows=row_ids(rows), file_name=file_name, file_sha256="0" * 64, imported_by=None
    )
