"""Benchmark data: the bundled region, one user per role and ``scale`` units of extra volume.

Everything is written through the services, so every write also leaves its audit entry, as in use.
Only the older history of the audit trail, its fastest-growing table, is inserted in bulk.
"""

import datetime
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.utils import timezone

from onderdak.accounts.models import ROLE_ORGANISATION_KINDS, Role, User
from onderdak.accounts.services import membership_create, user_create
from onderdak.funding.demo import fictitious_scenario, load_demo
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
HISTORY_PER_SCALE = 1000  # older audit entries, spread over the past year
SCENARIOS_PER_SCALE = 10  # complete funding scenarios with fictitious figures
SCENARIO_YEARS = 20
BENCH_SOURCE = "https://example.org/onderdak-benchmark"
SCALE_HELP = (
    f"Units of extra volume (default 1); one unit is {USERS_PER_SCALE} users with a membership, "
    f"{ORGANISATIONS_PER_SCALE} organisations and {FIGURES_PER_SCALE} population figure per "
    f"municipality and {SCENARIOS_PER_SCALE} funding scenarios of {SCENARIO_YEARS} years, each "
    f"with its audit entries, plus {HISTORY_PER_SCALE} older audit entries. 0: only the region, "
    "one user per role and the two demo funding scenarios."
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
    load_demo(region=region)
    _add_funding_scenarios(region, SCENARIOS_PER_SCALE * scale)
    _add_audit_history(HISTORY_PER_SCALE * scale)
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


def _add_funding_scenarios(region: Region, count: int) -> None:
    """Complete scenarios of SCENARIO_YEARS years with phase-ins of 1 to 10 years."""
    for i in range(count):
        fictitious_scenario(
            region=region,
            name=f"Benchmarkscenario {i + 1} (demo, fictief)",
            first_year=2026,
            last_year=2026 + SCENARIO_YEARS - 1,
            phase_in_years=1 + i % 10,
        )


def _add_audit_history(count: int) -> None:
    """Older entries, as a trail holds after a year of use, so reads that scan it show up.

    Inserted in bulk (through the services, a large trail would take longer than the measuring);
    each copies the kind of record and changes of an entry written by ``populate``.
    """
    models = list(LogEntry.objects.order_by("pk")[:100])
    if not count or not models:
        return
    year_ago = timezone.now() - datetime.timedelta(days=365)
    step = datetime.timedelta(days=364) / count
    LogEntry.objects.bulk_create(
        (_old_entry(models[i % len(models)], year_ago + step * i) for i in range(count)),
        batch_size=1000,
    )


def _old_entry(model: LogEntry, timestamp: datetime.datetime) -> LogEntry:
    return LogEntry(
        content_type_id=model.content_type_id,
        object_pk=model.object_pk,
        object_id=model.object_id,
        object_repr=model.object_repr,
        action=LogEntry.Action.UPDATE,
        changes=model.changes,
        timestamp=timestamp,
    )
