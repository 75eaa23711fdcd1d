"""The breakdowns of a count (reference data): loaded from ``data/reference-values.csv``."""

import csv
from pathlib import Path

from django.db import transaction

from onderdak.monitor.models import ReferenceValue

REFERENCE_FILE = Path(__file__).resolve().parent.parent / "data" / "reference-values.csv"


def read_reference_file(path: Path = REFERENCE_FILE) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ensure_reference_values(model, rows: list[dict[str, str]]) -> int:
    """Adds the values that are missing; present ones stay as edited. Returns how many were added.

    Takes the model class so that the data migration can pass its historical model.
    """
    present = set(model.objects.values_list("dimension", "code"))
    missing = [
        model(
            dimension=row["dimension"],
            code=row["code"],
            order=int(row["order"]),
            name=row["name"],
            name_en=row["name_en"],
            description=row["description"],
        )
        for row in rows
        if (row["dimension"], row["code"]) not in present
    ]
    model.objects.bulk_create(missing)
    return len(missing)


@transaction.atomic
def reference_values_load(*, path: Path = REFERENCE_FILE) -> int:
    """The bundled breakdowns, for a database that was emptied after its migrations (tests)."""
    return ensure_reference_values(ReferenceValue, read_reference_file(path))
