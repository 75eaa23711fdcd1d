"""Benchmark data: the bundled region, one user per role and ``scale`` units of extra volume.

Everything is written through the services, so every write also leaves its audit entry, as in use.
"""

import datetime
from dataclasses import dataclass

from onderdak.accounts.models import ROLE_ORGANISATION_KINDS, Role, User
from onderdak.accounts.services import membership_create, user_create
from onderdak.region.models import Organisation, OrganisationKind, Region
from onderdak.region.services import (
    DATA_DIR,
    organisation_create,
    population_figure_record,
    region_load,
)

#: Volume added per unit of ``scale``.
USERS_PER_SCALE = 20
ORGANISATIONS_PER_SCALE = 5
FIGURES_PER_SCALE = 1  # per municipality, older than the bundled figure
BENCH_SOURCE = "https://example.org/onderdak-benchmark"
SCALE_HELP = (
    f"Units of extra volume (default 1); one unit is {USERS_PER_SCALE} users with a membership, "
    f"{ORGANISATIONS_PER_SCALE} organisations and {FIGURES_PER_SCALE} population figure per "
    "municipality, each with its audit entry. 0: only the region and one user per role."
)


@dataclass(frozen=True)
class BenchData:
    region: Region
    users: dict[str, User]  # one per role


def populate(*, region_dir: str, scale: int) -> BenchData:
    """Load the region folder ``region_dir``, one user per role and ``scale`` units of volume."""
    region = region_load(directory=DATA_DIR / region_dir).region
    organisations = _organisations_by_role(region)
    users = {role: _user(f"bench-{role}", role, organisations[role][0]) for role in Role.values}
    _add_organisations(region, ORGANISATIONS_PER_SCALE * scale)
    _add_users(organisations, USERS_PER_SCALE * scale)
    _add_population_figures(region, FIGURES_PER_SCALE * scale)
    return BenchData(region, users)


def _organisations_by_role(region: Region) -> dict[str, list[Organisation]]:
    """For each role, the organisations a member with that role may belong to."""
    active = Organisation.objects.filter(region=region, is_active=True).order_by("pk")
    return {
        role: list(active.filter(kind__in=kinds)) for role, kinds in ROLE_ORGANISATION_KINDS.items()
    }


def _user(username: str, role: str, organisation: Organisation) -> User:
    user = user_create(username=username, first_name="Bench", last_name=username)
    membership_create(user=user, organisation=organisation, role=role)
    return user


def _add_users(organisations: dict[str, list[Organisation]], count: int) -> None:
    roles = Role.values
    for i in range(count):
        role = roles[i % len(roles)]
        candidates = organisations[role]
        _user(f"bench-user-{i + 1}", role, candidates[i % len(candidates)])


def _add_organisations(region: Region, count: int) -> None:
    kinds = OrganisationKind.values
    municipalities = list(region.municipalities.order_by("pk"))
    for i in range(count):
        organisation_create(
            region=region,
            kind=kinds[i % len(kinds)],
            name=f"Benchmarkorganisatie {i + 1}",
            municipality=municipalities[i % len(municipalities)],
        )


def _add_population_figures(region: Region, per_municipality: int) -> None:
    """Older figures, a day apart, so the bundled figure stays each municipality's latest."""
    before_bundled = datetime.date(2000, 1, 1)
    for municipality in region.municipalities.order_by("pk"):
        for days in range(1, per_municipality + 1):
            population_figure_record(
                municipality=municipality,
                reference_date=before_bundled - datetime.timedelta(days=days),
                population=1000 + days,
                source_url=BENCH_SOURCE,
            )
