"""Demo and benchmark data of the contingent scheme: fictitious years, cases and their outcomes.

``load_demo`` tells the story of every nomination from a seeded random generator and a seeded
Faker: submission, review, proposals and their answers, the placement, its evaluations and its
outcome. The story stops at a reference date (``as_of``, default today) and covers its year and
the two before it (2023 to 2025 when run in 2025; the preventie stream starts in 2024): what
would happen later has not happened yet, so the latest year holds drafts, reviews, open proposals
and evaluations due, the older years mostly placements, lease transfers and ended placements.
The same seed, years, scale, reference date and starting database give the same data.

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
    DEMO_SOURCE,
    DEMO_YEARS,
    NOMINATIONS_PER_YEAR,
    SPARE_DWELLINGS,
)
from onderdak.contingent.demo.writing import Builder
from onderdak.contingent.models import AffordabilityLimit
from onderdak.contingent.services.allocation import affordability_limits_load
from onderdak.region.models import Organisation, OrganisationKind, Region

__all__ = [
    "CLIENT_NUMBER_PREFIX",
    "DEFAULT_SEED",
    "DEMO_SOURCE",
    "NOMINATIONS_PER_YEAR",
    "DemoHomes",
    "default_as_of",
    "demo_homes",
    "demo_years",
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


def demo_years(as_of: datetime.date) -> tuple[int, ...]:
    """The year of the reference date and the two before it: in 2025, 2023 to 2025."""
    return tuple(range(as_of.year - DEMO_YEARS + 1, as_of.year + 1))


def default_as_of(years: Sequence[int] | None) -> datetime.date:
    """Today; for years that ended, the last day of the last one."""
    today = timezone.localdate()
    return min(today, datetime.date(max(years), 12, 31)) if years else today


@transaction.atomic
def load_demo(
    *,
    region: Region,
    years: Sequence[int] | None = None,
    scale: int = 1,
    seed: int = DEFAULT_SEED,
    as_of: datetime.date | None = None,
    homes: DemoHomes | None = None,
) -> dict[type[models.Model], int]:
    """Add ``scale`` times the demo volume of ``years`` to ``region``; the rows added per model.

    The story runs up to ``as_of`` (default: today), over the year of ``as_of`` and the two before
    it unless ``years`` are given: so the demo's latest year is always the current one, with its
    reviews, open proposals and evaluations due now rather than long ago.

    Years that exist already are reused (their volume grows); missing ones are made with their
    split over the corporations and their criteria. With ``homes``, also the named example cases
    that put work on the demo users' home pages. Scale 0 makes only the years and the examples.
    """
    as_of = as_of or default_as_of(years)
    builder = Builder(region, sorted(years or demo_years(as_of)), seed, as_of)
    for year in builder.years:
        builder.tell_year(year, scale)
    if homes:
        builder.tell_examples(homes)
    builder.add_spare_dwellings(SPARE_DWELLINGS * scale)
    added = builder.write()
    # The rent limits of passend toewijzen: the national table (2024) for every demo year, so
    # allocation runs work in the demo; a year that has its limits keeps them.
    limits = sum(affordability_limits_load(region=region, year=year.year) for year in builder.years)
    if limits:
        added[AffordabilityLimit] = limits
    return added
