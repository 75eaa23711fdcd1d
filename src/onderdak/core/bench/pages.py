"""``onderdak bench pages``: server time and query count of every page and API list endpoint.

Each page is requested by a user with a role that may see it, on a fresh database holding the
bundled region, one user per role and ``--scale`` units of extra volume. Compare a run at
``--scale 1`` with one at ``--scale 10``: the query counts must stay the same (DESIGN.md §4.12).
"""

from argparse import _ArgumentGroup
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from onderdak.accounts.models import Role, User
from onderdak.contingent.models import ContingentYear
from onderdak.contingent.selectors import visibility
from onderdak.core.bench import framework
from onderdak.core.bench.data import SCALE_HELP, BenchData, populate
from onderdak.core.bench.database import bench_database
from onderdak.core.bench.measuring import (
    Measurement,
    bench_settings,
    measure,
    started_server,
    verified_client,
)
from onderdak.core.bench.options import whole_number
from onderdak.core.bench.report import Column, Report
from onderdak.core.bench.stats import median, p95
from onderdak.funding.selectors import scenario_list
from onderdak.region.models import Region
from onderdak.region.selectors import municipality_list

HELP = "Time every page and API list endpoint and count its SQL queries."
DESCRIPTION = (
    "Time every page and API list endpoint and count its SQL queries, each requested by a user "
    "with a role that may see it. Runs on a throwaway database (a temporary SQLite file, or a "
    "test_bench_* database on the PostgreSQL server of DATABASE_URL) that is destroyed afterwards, "
    "so the installation's own data is never touched. Exits with an error when a page does not "
    "answer 200."
)
DEFAULT_SCALE = 1
DEFAULT_REGION = "holland-rijnland"


@dataclass(frozen=True)
class Targets:
    """The records that pages with a path parameter are requested for."""

    municipality: str  # CBS code
    person: int  # primary key of a user with a membership
    scenario: int  # primary key of a complete funding scenario
    other_scenario: int  # another one, to compare with
    # The contingent: a year (its number and key) and a case of each kind that the page's role
    # may open (see ``contingent_targets``).
    year: int = 0
    year_pk: int = 0
    nomination: int = 0
    dwelling: int = 0
    proposal: int = 0
    placement: int = 0
    # The framework of the size and its version in consultation.
    framework: int = 0
    framework_version: int = 0


@dataclass(frozen=True)
class Page:
    name: str
    url_name: str
    role: str | None  # None: requested without logging in
    args: Callable[[Targets], tuple] = lambda targets: ()
    query: Callable[[Targets], dict] = lambda targets: {}

    @property
    def key(self) -> str:
        return f"{self.name} ({self.role or 'anonymous'})"

    def path(self, targets: Targets) -> str:
        path = reverse(self.url_name, args=self.args(targets))
        query = self.query(targets)
        return f"{path}?{urlencode(query)}" if query else path


def _municipality(targets: Targets) -> tuple[str]:
    return (targets.municipality,)


def _person(targets: Targets) -> tuple[int]:
    return (targets.person,)


def _scenario(targets: Targets) -> tuple[int]:
    return (targets.scenario,)


def _scenarios(targets: Targets) -> dict[str, int]:
    return {"a": targets.scenario, "b": targets.other_scenario}


def _target(name: str) -> Callable[[Targets], tuple[int]]:
    """The path argument ``targets.<name>``."""
    return lambda targets: (getattr(targets, name),)


W, K, C = Role.CARE_WORKER, Role.CORPORATION_OFFICER, Role.REGIONAL_COORDINATOR
#: The contingent pages: lists for the role that sees the most (the coordinator: the whole region)
#: and for a role that sees a part; a case's page for the role that works on it.
CONTINGENT_PAGES: tuple[Page, ...] = (
    *(Page("contingent overview", "contingent:overview", role) for role in (C, W, K)),
    Page("contingent overview", "contingent:overview", Role.MUNICIPALITY_OFFICER),
    Page("contingent report", "contingent:report", C, _target("year")),
    Page("contingent report", "contingent:report", Role.POLICY_OFFICER, _target("year")),
    Page(
        "contingent report excel",
        "contingent:report_export",
        Role.GOVERNANCE_READER,
        _target("year"),
    ),
    Page("contingent years", "contingent:year_list", C),
    Page("contingent year", "contingent:year_detail", C, _target("year")),
    Page("contingent year excel", "contingent:year_export", C, _target("year")),
    Page("decline reasons", "contingent:decline_reason_list", C),
    Page("allocation runs", "contingent:allocation_list", C),
    *(Page("nominations", "contingent:nomination_list", role) for role in (C, W)),
    Page("nominations", "contingent:nomination_list", Role.MUNICIPALITY_OFFICER),
    Page("nominations excel", "contingent:nomination_export", W),
    Page("nomination", "contingent:nomination_detail", W, _target("nomination")),
    Page("new nomination", "contingent:nomination_create", W),
    *(Page("dwellings", "contingent:dwelling_list", role) for role in (C, K)),
    Page("dwellings excel", "contingent:dwelling_export", K),
    Page("dwelling", "contingent:dwelling_detail", K, _target("dwelling")),
    *(Page("proposals", "contingent:proposal_list", role) for role in (C, K)),
    Page("proposals excel", "contingent:proposal_export", W),
    Page("proposal", "contingent:proposal_detail", W, _target("proposal")),
    Page("proposal", "contingent:proposal_detail", K, _target("proposal")),
    Page("new proposal", "contingent:proposal_create", C),
    *(Page("placements", "contingent:placement_list", role) for role in (C, W)),
    Page("placements excel", "contingent:placement_export", K),
    Page("placement", "contingent:placement_detail", W, _target("placement")),
    Page("api contingent years", "contingent-year-list", C),
    Page("api contingent year", "contingent-year-detail", C, _target("year_pk")),
    Page("api contingent report", "contingent-report-detail", Role.POLICY_OFFICER, _target("year")),
    Page("api decline reasons", "decline-reason-list", C),
    *(Page("api nominations", "nomination-list", role) for role in (C, W)),
    Page("api nomination", "nomination-detail", W, _target("nomination")),
    *(Page("api dwellings", "dwelling-list", role) for role in (C, K)),
    *(Page("api proposals", "proposal-list", role) for role in (C, K)),
    Page("api proposal", "proposal-detail", K, _target("proposal")),
    *(Page("api placements", "placement-list", role) for role in (C, W)),
)

#: The framework pages (``onderdak.core.bench.framework``).
FRAMEWORK_PAGES: tuple[Page, ...] = tuple(
    Page(
        name,
        url_name,
        role,
        lambda targets, fields=fields: tuple(getattr(targets, f) for f in fields.split(",") if f),
        lambda targets, query=query: {k: v.format(**vars(targets)) for k, v in query.items()},
    )
    for name, url_name, role, fields, query in framework.PAGES
)


#: Every page and API list endpoint, with a role that may see it. The home page differs per role,
#: so it is measured for each. ``tests/core/test_query_counts.py`` checks every entry's queries.
PAGES: tuple[Page, ...] = (
    *(Page("home", "core:home", role) for role in Role.values),
    Page("region overview", "region:overview", Role.POLICY_OFFICER),
    Page(
        "municipality detail",
        "region:municipality_detail",
        Role.MUNICIPALITY_OFFICER,
        _municipality,
    ),
    Page("organisation list", "region:organisation_list", Role.CARE_WORKER),
    Page("governance", "region:governance", Role.GOVERNANCE_READER),
    Page("audit search", "audit:search", Role.ADMINISTRATOR),
    Page("profile", "accounts:profile", Role.CORPORATION_OFFICER),
    Page("user list", "accounts:user_list", Role.ADMINISTRATOR),
    Page("user detail", "accounts:user_detail", Role.ADMINISTRATOR, _person),
    Page("api me", "me", Role.CARE_WORKER),
    Page("api municipalities", "municipality-list", Role.REGIONAL_COORDINATOR),
    Page("api municipality", "municipality-detail", Role.REGIONAL_COORDINATOR, _municipality),
    Page("api organisations", "organisation-list", Role.REGIONAL_COORDINATOR),
    Page("api subregions", "subregion-list", Role.REGIONAL_COORDINATOR),
    Page("api governance bodies", "governance-body-list", Role.REGIONAL_COORDINATOR),
    Page("api funding scenarios", "funding-scenario-list", Role.POLICY_OFFICER),
    Page("api funding scenario", "funding-scenario-detail", Role.POLICY_OFFICER, _scenario),
    Page("api funding result", "funding-scenario-result", Role.GOVERNANCE_READER, _scenario),
    Page(
        "api funding comparison",
        "funding-scenario-compare",
        Role.MUNICIPALITY_OFFICER,
        query=_scenarios,
    ),
    Page("funding scenarios", "funding:scenario_list", Role.POLICY_OFFICER),
    Page("funding result", "funding:scenario_detail", Role.GOVERNANCE_READER, _scenario),
    Page("funding result excel", "funding:scenario_export", Role.MUNICIPALITY_OFFICER, _scenario),
    Page("funding comparison", "funding:compare", Role.REGIONAL_COORDINATOR, query=_scenarios),
    Page(
        "funding comparison excel", "funding:compare_export", Role.ADMINISTRATOR, query=_scenarios
    ),
    Page("funding new scenario", "funding:scenario_create", Role.POLICY_OFFICER),
    *(
        Page(f"funding {name.replace('_', ' ')}", f"funding:{name}", Role.POLICY_OFFICER, _scenario)
        for name in (
            "scenario_update",
            "scenario_copy",
            "scenario_delete",
            "budget_lines",
            "regional_costs",
            "subregional_pools",
            "planned_costs",
            "indicator_weights",
            "phase_in_steps",
        )
    ),
    Page(
        "funding key",
        "funding:key_shares",
        Role.POLICY_OFFICER,
        lambda targets: (targets.scenario, "objectief"),
    ),
    *CONTINGENT_PAGES,
    *FRAMEWORK_PAGES,
    Page("healthz", "healthz", None),
)

COLUMNS = (
    Column("page", "page"),
    Column("role", "role"),
    Column("median_ms", "median ms", ".1f", numeric=True),
    Column("p95_ms", "p95 ms", ".1f", numeric=True),
    Column("queries", "queries", "d", numeric=True),
    Column("status", "status", "d", numeric=True),
)


def add_arguments(group: _ArgumentGroup) -> None:
    group.add_argument("--scale", type=whole_number(0), default=DEFAULT_SCALE, help=SCALE_HELP)
    group.add_argument("--region", default=DEFAULT_REGION, help="Bundled region folder to load.")
    group.add_argument(
        "--use-current-db",
        action="store_true",
        help="Run on the current database inside one transaction that is rolled back at the end, "
        "instead of on a throwaway database. Meant for the test suite, which already runs on a "
        "test database; the timings then include whatever data is there.",
    )


def run(
    *,
    repeat: int,
    scale: int = DEFAULT_SCALE,
    region: str = DEFAULT_REGION,
    use_current_db: bool = False,
    verbosity: int = 1,
    log: Callable[[str], None] = print,
    **_options,
) -> Report:
    with (
        bench_database(use_current_db=use_current_db, verbosity=verbosity, log=log),
        bench_settings(),
    ):
        log(f"Loading the region and {scale} unit(s) of volume…")
        data = populate(region_dir=region, scale=scale)
        log(f"Requesting {len(PAGES)} pages {repeat} times each…")
        return _measure_pages(data, repeat)


def _measure_pages(data: BenchData, repeat: int) -> Report:
    targets = _targets(data.region, data.users)
    clients = {role: verified_client(data.users.get(role)) for role in {p.role for p in PAGES}}
    report = Report(COLUMNS)
    with started_server():
        for page in PAGES:
            path = page.path(targets)
            row = _row(page, path, measure(clients[page.role], path, repeat))
            report.rows.append(row)
            if row["status"] != 200:
                report.failures.append(f"{path} answered {row['status']} to {page.key}")
    return report


def _targets(region: Region, users: dict[str, User]) -> Targets:
    """The most populous municipality (the busiest detail page), a user with a membership, the
    two funding scenarios with the most years, and the contingent's cases."""
    largest = max(municipality_list(region=region), key=lambda m: m.population or 0)
    longest = sorted(scenario_list(region=region), key=lambda s: (s.first_year - s.last_year, s.pk))
    return Targets(
        municipality=largest.cbs_code,
        person=users[Role.CARE_WORKER].pk,
        scenario=longest[0].pk,
        other_scenario=longest[1].pk,
        **contingent_targets(region, care_worker=users[W], corporation_officer=users[K]),
        **framework.framework_targets(region),
    )


def contingent_targets(region: Region, *, care_worker: User, corporation_officer: User) -> dict:
    """The newest contingent year and, of each kind, the newest case that both the care worker
    and (for dwellings and proposals) the corporation officer may open."""
    year = ContingentYear.objects.filter(region=region).order_by("-year").first()
    proposals = visibility.visible_proposals(care_worker) & visibility.visible_proposals(
        corporation_officer
    )
    return {
        "year": year.year,
        "year_pk": year.pk,
        "nomination": visibility.visible_nominations(care_worker).latest("pk").pk,
        "dwelling": visibility.visible_dwellings(corporation_officer).latest("pk").pk,
        "proposal": proposals.latest("pk").pk,
        "placement": visibility.visible_placements(care_worker).latest("pk").pk,
    }


def _row(page: Page, path: str, measurement: Measurement) -> dict:
    return {
        "page": page.name,
        "role": page.role or "anonymous",
        "path": path,
        "median_ms": round(median(measurement.timings_ms), 2),
        "p95_ms": round(p95(measurement.timings_ms), 2),
        "queries": max(measurement.queries),
        "status": measurement.status,
    }
