"""Writes to the region registry. Every write validates the model and runs in one transaction."""

import csv
import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from onderdak.core.errors import DomainError
from onderdak.core.validation import save_validated
from onderdak.region.models import (
    GovernanceBody,
    GovernanceRole,
    Municipality,
    Organisation,
    OrganisationKind,
    PopulationFigure,
    Region,
    Subregion,
)

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class LoadReport:
    region: Region
    municipalities: int
    organisations: int
    governance_bodies: int


def _read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _load_subregions(region: Region, items: list[dict]) -> dict[str, Subregion]:
    by_name = {}
    for position, item in enumerate(items):
        subregion, _created = Subregion.objects.update_or_create(
            region=region,
            slug=item["slug"],
            defaults={"name": item["name"], "colour": item["colour"], "position": position},
        )
        by_name[subregion.name] = subregion
    return by_name


def _load_municipalities(
    region: Region, subregions: dict[str, Subregion], rows: list[dict], geojson: dict
) -> int:
    geometry = {f["properties"]["statcode"]: f["geometry"] for f in geojson["features"]}
    for row in rows:
        if row["subregion"] not in subregions:
            raise DomainError(_("Unknown subregion %(name)s.") % {"name": row["subregion"]})
        municipality, _created = Municipality.objects.update_or_create(
            cbs_code=row["cbs_code"],
            defaults={
                "region": region,
                "subregion": subregions[row["subregion"]],
                "name": row["name"],
                "boundary": geometry.get(row["cbs_code"]),
                "boundary_source": geojson.get("source", ""),
            },
        )
        PopulationFigure.objects.update_or_create(
            municipality=municipality,
            reference_date=datetime.date.fromisoformat(row["population_date"]),
            defaults={"population": int(row["population"]), "source_url": row["source_url"]},
        )
    return len(rows)


def _load_organisations(region: Region, rows: list[dict]) -> int:
    municipalities = {m.cbs_code: m for m in Municipality.objects.filter(region=region)}
    for row in rows:
        code = row.get("municipality_cbs_code") or ""
        Organisation.objects.update_or_create(
            region=region,
            name=row["name"],
            defaults={
                "kind": OrganisationKind(row["kind"]),
                "municipality": municipalities.get(code),
            },
        )
    return len(rows)


def _load_governance(region: Region, bodies: list[dict]) -> int:
    for position, item in enumerate(bodies):
        body, _created = GovernanceBody.objects.update_or_create(
            region=region,
            name=item["name"],
            defaults={
                "short_name": item["short_name"],
                "level": item["level"],
                "mandate": item["mandate"],
                "position": position,
            },
        )
        for role_position, role in enumerate(item["roles"]):
            GovernanceRole.objects.update_or_create(
                body=body,
                title=role["title"],
                defaults={
                    "description": role["description"],
                    "seats": role.get("seats"),
                    "position": role_position,
                },
            )
    return len(bodies)


@transaction.atomic
def region_load(*, directory: Path) -> LoadReport:
    """Load (or refresh) a region from its data folder; running it twice changes nothing."""
    meta = _read_json(directory / "region.json")
    region, _created = Region.objects.update_or_create(
        slug=meta["slug"], defaults={"name": meta["name"], "source_note": meta["source_note"]}
    )
    subregions = _load_subregions(region, meta["subregions"])
    municipalities = _load_municipalities(
        region,
        subregions,
        _read_csv(directory / "municipalities.csv"),
        _read_json(directory / "boundaries-2024.geojson"),
    )
    organisations = _load_organisations(region, _read_csv(directory / "organisations.csv"))
    bodies = _load_governance(region, _read_json(directory / "governance.json"))
    return LoadReport(region, municipalities, organisations, bodies)


@transaction.atomic
def organisation_create(
    *,
    region: Region,
    kind: str,
    name: str,
    municipality: Municipality | None = None,
    website: str = "",
    is_active: bool = True,
) -> Organisation:
    organisation = Organisation(
        region=region,
        kind=kind,
        name=name,
        municipality=municipality,
        website=website,
        is_active=is_active,
    )
    return save_validated(organisation)


@transaction.atomic
def organisation_update(*, organisation: Organisation, **changes) -> Organisation:
    """Change name, kind, municipality, website or active state of an organisation."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    for field, value in changes.items():
        setattr(organisation, field, value)
    return save_validated(organisation)


@transaction.atomic
def population_figure_record(
    *,
    municipality: Municipality,
    reference_date: datetime.date,
    population: int,
    source_url: str,
    source_note: str = "",
) -> PopulationFigure:
    """Record a municipality's population on a date; each figure keeps its own source."""
    figure = PopulationFigure(
        municipality=municipality,
        reference_date=reference_date,
        population=population,
        source_url=source_url,
        source_note=source_note,
    )
    return save_validated(figure)
