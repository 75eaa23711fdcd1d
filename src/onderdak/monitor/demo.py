"""Fictitious monitor figures for the demo: two ETHOS counts (11 April 2024 and 2022) and one
imported indicator (evictions per municipality, 2021 to 2025).

Nothing here is a real figure of the region. Every title, source and name says "fictief"; the
counts and the indicator are marked ``is_demo``, so every page shows them as demo figures. The
figures are drawn with a seeded random generator from each municipality's population (more
people in larger towns, and many cells of 1 to 4 so that the suppression of small numbers shows),
so every run gives the same. They are loaded through the import pipeline itself: the loader
writes a CSV file in memory, exactly as a user would upload it, and imports it — so the demo also
proves the pipeline. Loading twice adds nothing.
"""

import datetime
import random
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile

from onderdak.accounts.models import User
from onderdak.imports.files.templates import csv_file
from onderdak.imports.models import ImportJob, ImportStatus
from onderdak.imports.services import import_job_start
from onderdak.monitor.importing import counts as count_file
from onderdak.monitor.importing import indicators as indicator_file
from onderdak.monitor.models import Count, Dimension, ImportKind, Indicator
from onderdak.monitor.selectors.counts import reference_values
from onderdak.monitor.services.counts import count_create
from onderdak.monitor.services.indicator_imports import indicator_ensure
from onderdak.region.models import Region
from onderdak.region.selectors import municipality_list

SOURCE = "Fictieve demogegevens van Onderdak — niet de cijfers van de regio"
METHOD = (
    "ETHOS Light, met de Nederlandse aanvulling 'uitzetting binnen een maand'. Demo: de cijfers "
    "zijn verzonnen uit het inwonertal en een vaste kans per categorie."
)


@dataclass(frozen=True)
class DemoCount:
    title: str
    date: datetime.date
    per_10000: float  # people counted per 10,000 inhabitants
    seed: int


COUNTS = (
    DemoCount("ETHOS-telling 11 april 2024 (fictief)", datetime.date(2024, 4, 11), 17.0, 2024),
    DemoCount("ETHOS-telling 2022 (fictief)", datetime.date(2022, 10, 6), 14.0, 2022),
)
#: How likely each value is for one counted person, by code; a value added later weighs 1.
WEIGHTS = {
    Dimension.CATEGORY: {"1": 8, "2": 10, "3": 28, "4": 9, "5": 7, "6": 32, "7": 6},
    Dimension.AGE_BAND: {"0-17": 7, "18-26": 22, "27-65": 63, "65+": 8},
    Dimension.GENDER: {"man": 68, "vrouw": 29, "anders": 3},
    Dimension.FINDER: {"gemeente": 30, "opvang": 30, "zorg": 20, "justitie": 8, "corporatie": 7},
}
INDICATOR = {
    "code": "ontruimingen-fictief",
    "name": "Ontruimingen (fictief)",
    "unit": "aantal",
    "description": "Fictieve demowaarden: woningontruimingen per gemeente en jaar.",
}
INDICATOR_YEARS = range(2021, 2026)
EVICTIONS_PER_10000 = 4.0


@dataclass(frozen=True)
class DemoResult:
    counts: list[Count]
    indicator: Indicator
    jobs: list[ImportJob]


def load_demo(*, region: Region, by: User) -> DemoResult:
    """The demo counts and indicator of ``region``, imported by ``by`` where they are missing."""
    populations = {m.cbs_code: m.population or 0 for m in municipality_list(region=region)}
    counts, jobs = [], []
    for demo in COUNTS:
        count = Count.objects.filter(region=region, count_date=demo.date, title=demo.title).first()
        if count is None:
            count = _demo_count(region, demo)
            jobs.append(_import(region, by, ImportKind.COUNT, count_csv(demo, populations), count))
            count.refresh_from_db()
        counts.append(count)
    indicator = indicator_ensure(region=region, is_demo=True, **INDICATOR)
    if not indicator.values.exists():
        jobs.append(_import(region, by, ImportKind.INDICATORS, indicator_csv(populations)))
    return DemoResult(counts=counts, indicator=indicator, jobs=jobs)


def _demo_count(region: Region, demo: DemoCount) -> Count:
    return count_create(
        region=region,
        created_by=None,
        title=demo.title,
        count_date=demo.date,
        area="Alle gemeenten van de regio (demo)",
        method=METHOD,
        source=SOURCE,
        notes="Demo: fictieve cijfers, niet te gebruiken als de cijfers van de regio.",
        is_demo=True,
    )


def _import(region: Region, by: User, kind: str, content: bytes, count=None) -> ImportJob:
    """Import ``content`` as a user would; a demo file that does not import is a bug."""
    name = f"demo-{kind}.csv"
    job = import_job_start(
        region=region,
        kind=kind,
        uploaded=ContentFile(content, name=name),
        by=by,
        options={"count": count.pk} if count else {},
    )
    if job.status != ImportStatus.DONE:
        raise RuntimeError(f"The demo {kind} file did not import: {job.errors[:3]}")
    return job


def count_csv(demo: DemoCount, populations: dict[str, int]) -> bytes:
    """Every counted person drawn at random per municipality, then summed per cell."""
    generator = random.Random(demo.seed)  # noqa: S311 - fictitious figures, not security
    choices = {
        dimension: (
            [value.code for value in values],
            [WEIGHTS[dimension].get(value.code, 1) for value in values],
        )
        for dimension, values in reference_values().items()
    }
    rows = []
    for cbs_code, population in sorted(populations.items()):
        people = round(population / 10_000 * demo.per_10000 * generator.uniform(0.7, 1.3))
        cells = Counter(
            tuple(generator.choices(*choices[d])[0] for d in WEIGHTS) for _ in range(people)
        )
        rows += [[cbs_code, *cell, number] for cell, number in sorted(cells.items())]
    return csv_file([c.name for c in count_file.COLUMNS], rows)


def indicator_csv(populations: dict[str, int]) -> bytes:
    """Evictions per municipality and year: about 4 per 10,000 inhabitants, slowly rising."""
    generator = random.Random(2021)  # noqa: S311 - fictitious figures, not security
    rows = []
    for cbs_code, population in sorted(populations.items()):
        for step, year in enumerate(INDICATOR_YEARS):
            rate = EVICTIONS_PER_10000 * (1 + 0.05 * step) * generator.uniform(0.8, 1.2)
            value = Decimal(round(population / 10_000 * rate))
            rows.append(
                [
                    INDICATOR["code"],
                    INDICATOR["name"],
                    cbs_code,
                    year,
                    value,
                    INDICATOR["unit"],
                    SOURCE,
                ]
            )
    return csv_file([c.name for c in indicator_file.COLUMNS], rows)
