"""Fictitious facilities and three years of monthly figures for the demo (the register's part).

Nothing here is a real facility or figure of the region. Every facility is named "Demo-… (fictief)",
marked ``is_demo`` and has the tariff source "fictief, demo". Where facilities are follows the
split of tasks (DESIGN.md §1): regional protected housing with 24/7 supervision and crisis shelter
in the largest municipalities, a subregional 24-hour shelter, Skaeve Huse and time-out facility
in each subregion's largest municipality, a night shelter in the larger ones, and protected living
at home and Housing First in every municipality; the care providers take turns.

The monthly figures, from 36 months ago up to last month, come from a simple stochastic flow per
facility (seeded, so the same day gives the same figures): arrivals are Poisson, each resident
leaves in a month with probability 1 / the type's mean stay, leavers go to a contingent dwelling,
other housing, another institution or an unknown place by the type's shares, and newcomers take
the free places — the others wait (or, at a night shelter, stay outside). So the stock always
follows: occupied = last month's occupied + inflow - outflow. The figures are loaded as a user
would: a CSV file imported through the import pipeline by the demo policy officer. Loading twice
adds nothing.
"""

import datetime
import itertools
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
from django.core.files.base import ContentFile
from django.utils import timezone

from onderdak.accounts.models import User
from onderdak.capacity.importing.figures import COLUMNS
from onderdak.capacity.models import Facility, FacilityType, WhenFull
from onderdak.capacity.months import month_range, months_back, previous_month
from onderdak.capacity.services.facilities import facility_create
from onderdak.capacity.services.figure_imports import KEY
from onderdak.imports.files.templates import csv_file
from onderdak.imports.models import ImportStatus
from onderdak.imports.services import import_job_start
from onderdak.region.models import Level, Municipality, Organisation, OrganisationKind, Region
from onderdak.region.selectors import municipality_list

SEED = 2026
MONTHS = 36
SOURCE = "fictief, demo"
CONTRACT_START = datetime.date(2020, 1, 1)
#: Municipalities from this many inhabitants have a night shelter of their own.
NIGHT_SHELTER_FROM = 40_000
#: The largest municipalities with the regional facilities: 24/7 protected housing, crisis.
REGIONAL_PLACES = {"beschermd-wonen-24-7": 3, "crisisopvang": 2}


@dataclass(frozen=True)
class Profile:
    """A type's plausible size, tariff and flow: places (low, high), euro a day (low, high),
    mean stay in months, demand as a share of the places' throughput, and where leavers go
    (contingent dwelling, other housing, another institution, unknown)."""

    places: tuple[int, int]
    tariff: tuple[int, int]
    stay: float
    demand: float
    destinations: tuple[float, float, float, float]


PROFILES = {
    "nachtopvang": Profile((10, 25), (60, 80), 2.0, 1.1, (0.05, 0.25, 0.2, 0.5)),
    "24-uursopvang": Profile((20, 40), (120, 150), 4.0, 1.05, (0.2, 0.3, 0.2, 0.3)),
    "crisisopvang": Profile((8, 15), (180, 220), 1.5, 0.95, (0.1, 0.4, 0.3, 0.2)),
    "beschermd-wonen-24-7": Profile((30, 60), (190, 250), 24.0, 1.1, (0.35, 0.2, 0.3, 0.15)),
    "beschermd-thuis": Profile((10, 30), (60, 90), 18.0, 1.0, (0.4, 0.35, 0.1, 0.15)),
    "housing-first": Profile((5, 15), (45, 65), 30.0, 1.05, (0.5, 0.3, 0.1, 0.1)),
    "skaeve-huse": Profile((4, 8), (70, 90), 36.0, 1.0, (0.2, 0.3, 0.3, 0.2)),
    "time-out": Profile((4, 8), (140, 170), 2.0, 0.9, (0.1, 0.5, 0.2, 0.2)),
}
#: For a type the region added itself.
DEFAULT_PROFILE = Profile((10, 20), (80, 120), 6.0, 1.0, (0.25, 0.25, 0.25, 0.25))


@dataclass(frozen=True)
class DemoResult:
    facilities: int
    providers: int
    types: int
    first_month: datetime.date
    last_month: datetime.date
    imported: bool


def load_demo(*, region: Region, by: User, today: datetime.date | None = None) -> DemoResult:
    """The demo facilities of ``region`` and their figures, imported by ``by``; when the region
    has demo facilities already, nothing is added."""
    last = previous_month(today or timezone.localdate())
    first = months_back(last, MONTHS)
    existing = Facility.objects.filter(region=region, is_demo=True)
    imported = not existing.exists()
    if imported:
        generator = np.random.default_rng(SEED)
        facilities = _facilities(region, generator)
        _import(region, by, figures_csv(facilities, first, last, generator))
    return DemoResult(
        facilities=existing.count(),
        providers=existing.values("provider").distinct().count(),
        types=existing.values("facility_type").distinct().count(),
        first_month=first,
        last_month=last,
        imported=imported,
    )


# --- Facilities ----------------------------------------------------------------------------------


def _places_for(region: Region) -> list[tuple[FacilityType, Municipality]]:
    """Where each type has a facility (module docstring), from the region's data."""
    municipalities = sorted(
        municipality_list(region=region).defer("boundary"),
        key=lambda m: (-(m.population or 0), m.name),
    )
    largest_per_subregion = {}
    for municipality in municipalities:
        largest_per_subregion.setdefault(municipality.subregion_id, municipality)
    places = []
    for facility_type in FacilityType.objects.filter(is_active=True).order_by("order"):
        places += [(facility_type, m) for m in _where(facility_type, municipalities)]
        if facility_type.default_level == Level.SUBREGIONAL:
            places += [(facility_type, m) for m in largest_per_subregion.values()]
    return places


def _where(facility_type: FacilityType, municipalities: list[Municipality]) -> list:
    """The municipalities of a regional or local type (subregional ones: one per subregion)."""
    if facility_type.code in REGIONAL_PLACES:
        return municipalities[: REGIONAL_PLACES[facility_type.code]]
    if facility_type.default_level == Level.REGIONAL:
        return municipalities[:1]
    if facility_type.default_level != Level.LOCAL:
        return []
    if facility_type.when_full == WhenFull.UNSHELTERED:  # a night shelter: in the larger ones
        return [m for m in municipalities if (m.population or 0) >= NIGHT_SHELTER_FROM]
    return municipalities


def _facilities(region: Region, generator: np.random.Generator) -> list[Facility]:
    providers = list(
        Organisation.objects.filter(
            region=region, kind=OrganisationKind.CARE_PROVIDER, is_active=True
        ).order_by("name")
    )
    turns = itertools.cycle(generator.permutation(len(providers)).tolist())
    return [
        _facility(region, facility_type, municipality, providers[next(turns)], generator)
        for facility_type, municipality in _places_for(region)
    ]


def _facility(region, facility_type, municipality, provider, generator) -> Facility:
    profile = PROFILES.get(facility_type.code, DEFAULT_PROFILE)
    return facility_create(
        region=region,
        name=f"Demo-{facility_type.name} {municipality.name} (fictief)",
        provider=provider,
        municipality=municipality,
        facility_type=facility_type,
        places=int(generator.integers(profile.places[0], profile.places[1] + 1)),
        contract_start=CONTRACT_START,
        tariff_per_day=Decimal(int(generator.integers(*profile.tariff))),
        tariff_source=SOURCE,
        notes="Fictieve demovoorziening, niet van de regio.",
        is_demo=True,
    )


# --- Monthly figures -----------------------------------------------------------------------------


def figures_csv(
    facilities: list[Facility],
    first: datetime.date,
    last: datetime.date,
    generator: np.random.Generator,
) -> bytes:
    """Every facility's months from ``first`` to ``last`` as a monthly figures file."""
    months = month_range(first, last)
    rows = [
        [facility.pk, f"{month:%Y-%m}", *figures]
        for facility in facilities
        for month, figures in zip(months, flow(facility, len(months), generator), strict=True)
    ]
    return csv_file([column.name for column in COLUMNS], rows)


def flow(facility: Facility, months: int, generator: np.random.Generator) -> list[list[int]]:
    """A facility's figures month by month: occupied, waiting list, inflow and the four outflows
    (see the module's docstring); the stock follows from month to month."""
    profile = PROFILES.get(facility.facility_type.code, DEFAULT_PROFILE)
    keeps_list = facility.facility_type.when_full == WhenFull.WAITING_LIST
    places = facility.places
    arrivals = places * profile.demand / profile.stay
    occupied, waiting, figures = round(places * 0.9), 0, []
    for _month in range(months):
        outflow = generator.multinomial(
            generator.binomial(occupied, 1 / profile.stay), profile.destinations
        )
        staying = occupied - int(outflow.sum())
        candidates = waiting + int(generator.poisson(arrivals))
        inflow = min(candidates, places - staying)
        waiting = (candidates - inflow) if keeps_list else 0
        occupied = staying + inflow
        figures.append([occupied, waiting, inflow, *(int(n) for n in outflow)])
    return figures


def _import(region: Region, by: User, content: bytes) -> None:
    """Import the figures as a user would; a demo file that does not import is a bug."""
    job = import_job_start(
        region=region, kind=KEY, uploaded=ContentFile(content, name="demo-maandcijfers.csv"), by=by
    )
    if job.status != ImportStatus.DONE:
        raise RuntimeError(f"The demo monthly figures did not import: {job.errors[:3]}")
