"""The region dashboard's figures for ``onderdak bench monitor`` (issue 4's target: under 200 ms
p95 with 10 counts of 100,000 rows each stored, and a query count that does not depend on the
size of the data).

On a throwaway database with the bundled region, counts are stored through
``count_version_store`` (as an import stores them): first one count of 1,000 rows, then, in its
place, ``counts`` counts of ``rows`` rows each. To make 100,000 rows distinct (13 municipalities x
7 categories x 4 age bands x 3 genders is 1,092 combinations per finder), the benchmark adds
finding organisations of its own. Each size's dashboard page and API are requested as a policy
officer (suppressed) and as the regional coordinator (unsuppressed): the first request (which
computes the suppression of every count), then ``repeat`` timed ones after a warm-up.
"""

import datetime
import math
import random
import time
from collections.abc import Callable, Sequence
from itertools import product

from django.urls import reverse

from onderdak.accounts.models import ROLE_ORGANISATION_KINDS, Role, User
from onderdak.accounts.services import membership_create, user_create
from onderdak.core.bench.database import bench_database
from onderdak.core.bench.measuring import bench_settings, measure, started_server, verified_client
from onderdak.core.bench.report import Column
from onderdak.core.bench.stats import median, p95
from onderdak.monitor.models import Count, Dimension, ReferenceValue
from onderdak.monitor.services.aggregates import RowIds
from onderdak.monitor.services.reference import reference_values_load
from onderdak.monitor.services.versions import count_version_store
from onderdak.region.models import Organisation, Region
from onderdak.region.services import DATA_DIR, region_load

DEFAULT_REGION = "holland-rijnland"
TARGET_P95_MS = 200
#: (counts, rows per count): the small size the large one's query count is compared with.
SIZES = ((1, 1_000), (10, 100_000))
ROLES = (Role.POLICY_OFFICER, Role.REGIONAL_COORDINATOR)
PAGES = (("dashboard", "monitor:dashboard"), ("api dashboard", "monitor-dashboard-list"))
#: People per row: mostly small, as in a real count spread over five breakdowns.
PEOPLE = (1, 1, 1, 1, 2, 2, 3, 4, 5, 8)
COLUMNS = (
    Column("page", "page"),
    Column("role", "role"),
    Column("counts", "counts", "d", numeric=True),
    Column("rows", "rows per count", "d", numeric=True),
    Column("first_ms", "first ms", ".1f", numeric=True),
    Column("median_ms", "median ms", ".1f", numeric=True),
    Column("p95_ms", "p95 ms", ".1f", numeric=True),
    Column("queries", "queries", "d", numeric=True),
    Column("status", "status", "d", numeric=True),
)


def _member(region: Region, role: str) -> User:
    organisation = (
        Organisation.objects.filter(region=region, kind__in=ROLE_ORGANISATION_KINDS[role])
        .order_by("pk")
        .first()
    )
    user = user_create(username=f"bench-monitor-{role}", first_name="Bench", last_name=role)
    membership_create(user=user, organisation=organisation, role=role)
    return user


def bench_finders(rows: int, combinations: int) -> list[int]:
    """Enough finding organisations for ``rows`` distinct rows of ``combinations`` rows per
    finder (bench-only values added), by primary key."""
    present = list(
        ReferenceValue.objects.filter(dimension=Dimension.FINDER).values_list("pk", flat=True)
    )
    missing = math.ceil(rows / combinations) - len(present)
    ReferenceValue.objects.bulk_create(
        ReferenceValue(dimension=Dimension.FINDER, code=f"bench-{i}", name=f"Bench {i}", order=900)
        for i in range(max(missing, 0))
    )
    return list(
        ReferenceValue.objects.filter(dimension=Dimension.FINDER)
        .order_by("order", "code")
        .values_list("pk", flat=True)
    )


def count_rows(region: Region, rows: int, seed: int) -> list[RowIds]:
    """``rows`` distinct rows over every municipality, finder by finder."""
    municipalities = list(region.municipalities.order_by("pk").values_list("pk", flat=True))
    values = {
        dimension: list(
            ReferenceValue.objects.filter(dimension=dimension)
            .order_by("order", "code")
            .values_list("pk", flat=True)
        )
        for dimension in (Dimension.CATEGORY, Dimension.AGE_BAND, Dimension.GENDER)
    }
    per_finder = len(municipalities) * math.prod(len(v) for v in values.values())
    rng = random.Random(seed)  # noqa: S311 -- reproducible benchmark data, not secrets
    combinations = product(
        bench_finders(rows, per_finder),
        municipalities,
        values[Dimension.CATEGORY],
        values[Dimension.AGE_BAND],
        values[Dimension.GENDER],
    )
    return [
        RowIds(municipality, category, age, gender, finder, rng.choice(PEOPLE))
        for (finder, municipality, category, age, gender), _ in zip(
            combinations, range(rows), strict=False
        )
    ]


def store_counts(region: Region, counts: int, rows: int, log: Callable[[str], None]) -> None:
    """Replace the region's counts by ``counts`` counts of ``rows`` rows, one a year."""
    Count.objects.filter(region=region).update(current_version=None)
    Count.objects.filter(region=region).delete()
    for index in range(counts):
        count = Count.objects.create(
            region=region,
            title=f"Benchmarktelling {index + 1}",
            count_date=datetime.date(2015 + index, 4, 11),
            area="Alle gemeenten",
            method="ETHOS Light",
            source="Onderdak-benchmark (fictief)",
            is_demo=True,
        )
        started = time.perf_counter()
        count_version_store(
            count=count,
            rows=count_rows(region, rows, seed=index),
            file_name="benchmark.csv",
            file_sha256="0" * 64,
            imported_by=None,
        )
        log(f"  count {index + 1}: {rows} rows stored in {time.perf_counter() - started:.1f} s")


def _first_ms(client, path: str) -> float:
    started = time.perf_counter()
    client.get(path, secure=True)
    return (time.perf_counter() - started) * 1000


def _measure_size(clients: dict, counts: int, rows: int, repeat: int) -> list[dict]:
    results = []
    for role, client in clients.items():
        for name, url_name in PAGES:
            path = reverse(url_name)
            first = _first_ms(client, path)
            measured = measure(client, path, repeat)
            results.append(
                {
                    "measure": "dashboard",
                    "page": name,
                    "role": role,
                    "counts": counts,
                    "rows": rows,
                    "path": path,
                    "first_ms": round(first, 2),
                    "median_ms": round(median(measured.timings_ms), 2),
                    "p95_ms": round(p95(measured.timings_ms), 2),
                    "target_ms": TARGET_P95_MS,
                    "queries": max(measured.queries),
                    "status": measured.status,
                }
            )
    return results


def dashboard_figures(
    *,
    repeat: int,
    log: Callable[[str], None],
    sizes: Sequence[tuple[int, int]] = SIZES,
    region: str = DEFAULT_REGION,
    use_current_db: bool = False,
    verbosity: int = 1,
) -> list[dict]:
    """Per size, page and role: the first request's time, median and p95 of ``repeat`` timed
    requests, and the query count (which must be the same for every size)."""
    results = []
    with (
        bench_database(use_current_db=use_current_db, verbosity=verbosity, log=log),
        bench_settings(),
    ):
        loaded = region_load(directory=DATA_DIR / region).region
        reference_values_load()
        clients = {role: verified_client(_member(loaded, role)) for role in ROLES}
        for counts, rows in sizes:
            log(f"Storing {counts} count(s) of {rows} rows…")
            store_counts(loaded, counts, rows, log)
            log(f"Requesting the dashboard and its API {repeat} times as each role…")
            with started_server():
                results += _measure_size(clients, counts, rows, repeat)
    return results
