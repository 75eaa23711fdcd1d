"""Storing a checked indicator file: new codes become indicators of the region, and every value
is written, replacing the value the indicator had for that municipality and period."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from onderdak.core.validation import save_validated
from onderdak.imports.models import ImportJob
from onderdak.monitor.importing.indicators import IndicatorRow
from onderdak.monitor.models import Indicator, IndicatorValue
from onderdak.region.models import Region

BATCH_SIZE = 5000


@dataclass(frozen=True)
class StoredIndicators:
    created: list[Indicator]
    values: int


@transaction.atomic
def indicator_ensure(
    *, region: Region, code: str, name: str, unit: str, description: str = "", is_demo: bool = False
) -> Indicator:
    """The region's indicator ``code``, made with these details when the region has none yet."""
    found = Indicator.objects.filter(region=region, code=code).first()
    if found is not None:
        return found
    return save_validated(
        Indicator(
            region=region,
            code=code,
            name=name,
            unit=unit,
            description=description,
            is_demo=is_demo,
        )
    )


@transaction.atomic
def indicator_values_store(
    *, region: Region, rows: Sequence[IndicatorRow], job: ImportJob | None
) -> StoredIndicators:
    """Write ``rows`` (checked: known municipalities, units that match, no duplicates) in one
    transaction. A value for an indicator, municipality and period that exists is replaced."""
    indicators = {i.code.lower(): i for i in Indicator.objects.filter(region=region)}
    created = []
    for row in rows:
        if row.code not in indicators:
            indicators[row.code] = indicator_ensure(
                region=region, code=row.code, name=row.name, unit=row.unit
            )
            created.append(indicators[row.code])
    values = [
        IndicatorValue(
            indicator=indicators[row.code],
            municipality_id=row.municipality,
            period=row.period,
            year=row.year,
            value=row.value,
            source=row.source,
            import_job=job,
        )
        for row in rows
    ]
    IndicatorValue.objects.bulk_create(
        values,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["indicator", "municipality", "period"],
        update_fields=["year", "value", "source", "import_job"],
    )
    return StoredIndicators(created=created, values=len(values))
