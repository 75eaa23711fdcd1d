"""The adjacent policy domains (reference data): loaded from ``data/policy-domains.csv``."""

import csv
from pathlib import Path

from django.db import transaction

from onderdak.framework.models import PolicyDomain

DOMAINS_FILE = Path(__file__).resolve().parent.parent / "data" / "policy-domains.csv"


def read_domains_file(path: Path = DOMAINS_FILE) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ensure_policy_domains(model, rows: list[dict[str, str]]) -> int:
    """Adds the domains that are missing; present ones stay as edited. Returns how many were
    added. Takes the model class so that the data migration can pass its historical model."""
    present = set(model.objects.values_list("code", flat=True))
    missing = [
        model(code=row["code"], name=row["name"], name_en=row["name_en"], position=row["position"])
        for row in rows
        if row["code"] not in present
    ]
    model.objects.bulk_create(missing)
    return len(missing)


@transaction.atomic
def policy_domains_load(*, path: Path = DOMAINS_FILE) -> int:
    """The bundled domains, for a database that was emptied after its migrations (tests)."""
    return ensure_policy_domains(PolicyDomain, read_domains_file(path))
