"""Demo and benchmark data of the contingent scheme: fictitious years, cases and their outcomes.

``load_demo`` tells the story of every nomination from a seeded random generator and a seeded
Faker: submission, review, proposals and their answers, the placement, its evaluations and its
outcome. The story stops at a reference date (``as_of``): what would happen later has not
happened yet, so the latest year holds drafts, reviews and open proposals, the older years mostly
placements, lease transfers and ended placements. The same seed, years, scale, reference date and
starting database give the same data.

Everything is fictitious and says so: client names end in "(fictief)", client numbers start with
"DEMO-", the years' key source is "Fictieve voorraadcijfers (demo)". Rows are written with
``bulk_create`` (scale 20, the whole country's order of magnitude, loads in seconds), which
skips django-auditlog: generated data has no history of changes, as nobody made them.
"""

import datetime
from collections.abc import Sequence

from django.db import models, transaction
from django.utils import timezone

from onderdak.accounts.models import Role
from onderdak.contingent.demo.base import DemoHomes
from onderdak.contingent.demo.texts import (
    CLIENT_NUMBER_PREFIX,
    DEFAULT_SEED,
    DEFAULT_YEARS,
    DEMO_SOURCE,
    LAST_DAY,
    NOMINATIONS_PER_YEAR,
    SPARE_DWELLINGS,
)
from onderdak.contingent.demo.writing import Builder
from onderdak.region.models import Organisation, OrganisationKind, Region

__all__ = [
    "CLIENT_NUMBER_PREFIX",
    "DEFAULT_SEED",
    "DEMO_SOURCE",
    "NOMINATIONS_PER_YEAR",
    "DemoHomes",
    "default_as_of",
    "demo_homes",
    "load_demo",
]


def demo_homes(*, region: Region, entries: Sequence[dict] = ()) -> DemoHomes:
    """The demo users' organisations from ``demo-users.json`` entries; the first of each kind
    (by primary key) where an entry is missing."""
    names = {entry["role"]: entry["organisation"] for entry in entries}
    organisations = Organisation.objects.filter(region=region).select_related("municipality")

    def home(role: str, kind: str) -> Organisation:
        named = organisations.filter(kind=kind, name=names.get(role, "")).first()
        return named or organisations.filter(kind=kind).order_by("pk").first()

    return DemoHomes(
        provider=home(Role.CARE_WORKER, OrganisationKind.CARE_PROVIDER),
        corporation=home(Role.CORPORATION_OFFICER, OrganisationKind.HOUSING_CORPORATION),
        municipality=home(Role.MUNICIPALITY_OFFICER, OrganisationKind.MUNICIPALITY).municipality,
    )


def default_as_of(years: Sequence[int]) -> datetime.date:
    """The reference date: 15 December of the last year, or today when that is earlier."""
    return min(timezone.localdate(), datetime.date(max(years), *LAST_DAY))


@transaction.atomic
def load_demo(
    *,
    region: Region,
    years: Sequence[int] = DEFAULT_YEARS,
    scale: int = 1,
    seed: int = DEFAULT_SEED,
    as_of: datetime.date | None = None,
    homes: DemoHomes | None = None,
) -> dict[type[models.Model], int]:
    """Add ``scale`` times the demo volume of ``years`` to ``region``; the rows added per model.

    Years that exist already are reused (their volume grows); missing ones are made with their
    split over the corporations and their criteria. With ``homes``, also the named example cases
    that put work on the demo users' home pages. Scale 0 makes only the years and the examples.
    """
    builder = Builder(region, sorted(years), seed, as_of or default_as_of(years))
    for year in builder.years:
        builder.tell_year(year, scale)
    if homes:
        builder.tell_examples(homes)
    builder.add_spare_dwellings(SPARE_DWELLINGS * scale)
    return builder.write()
