"""The facility types (reference data): loaded from ``data/facility-types.csv``."""

import csv
from pathlib import Path

from django.db import transaction

from onderdak.capacity.models import FacilityType

TYPES_FILE = Path(__file__).resolve().parent.parent / "data" / "facility-types.csv"
FIELDS = ("order", "name", "name_en", "default_level", "when_full", "description")


def read_types_file(path: Path = TYPES_FILE) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ensure_facility_types(model, rows: list[dict[str, str]]) -> int:
    """Adds the types that are missing; present ones stay as edited. Returns how many were added.

    Takes the model class so that the data migration can pass its historical model.
    """
    present = set(model.objects.values_list("code", flat=True))
    missing = [
        model(code=row["code"], **{field: row[field] for field in FIELDS})
        for row in rows
        if row["code"] not in present
    ]
    model.objects.bulk_create(missing)
    return len(missing)


@transaction.atomic
def facility_types_load(*, path: Path = TYPES_FILE) -> int:
    """The bundled types, for a database that was emptied after its migrations (tests)."""
    return ensure_facility_types(FacilityType, read_types_file(path))
