"""``onderdak bench monitor``: the monitor's import of a large count file, end to end.

A count file of ``--rows`` rows (100,000 by default: every municipality x category x age band x
gender x finding organisation, with bench-only finding organisations added to the throwaway
database so that many distinct rows exist) is generated as CSV and as XLSX, and each is imported
through the real pipeline: the job is created as for an upload (``import_job_create``), then run
as the background thread runs it (``import_job_run``): read, check every row, store the version
with its rows and aggregates in one transaction. Only generating the file is not timed.

Peak memory is the ``ru_maxrss`` of a child process forked for each import (Linux): the resident
set of the whole process, Django and the region included, at its highest during the import; the
resident set at the fork is shown beside it. With ``--use-current-db`` (the test suite) the
imports run in this process, and the figure is this process's peak so far, an upper bound.

Then the region dashboard (issue 4's second target: under 200 ms p95 with ``--counts`` counts of
``--rows`` rows stored, and a query count independent of the data) is measured on a throwaway
database of its own by :func:`onderdak.core.bench.monitor_dashboard.dashboard_figures`, first with
one count of 1,000 rows, then with the large size; both sets of rows go in one report.
"""

import datetime
import functools
import io
import itertools
import json
import math
import os
import resource
import time
from argparse import _ArgumentGroup
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import connections
from openpyxl import Workbook

from onderdak.accounts.models import User
from onderdak.accounts.services import user_create
from onderdak.core.bench.database import bench_database
from onderdak.core.bench.monitor_dashboard import bench_finders, dashboard_figures
from onderdak.core.bench.options import whole_number
from onderdak.core.bench.report import Column, Report
from onderdak.imports.files.templates import csv_file
from onderdak.imports.models import ImportStatus
from onderdak.imports.services import import_job_create, import_job_run
from onderdak.monitor.importing import counts as count_file
from onderdak.monitor.models import Count, Dimension, ImportKind, ReferenceValue
from onderdak.monitor.services.counts import count_create
from onderdak.monitor.services.reference import reference_values_load
from onderdak.region.models import Region
from onderdak.region.services import DATA_DIR, region_load

HELP = "Import a generated 100,000-row count file (CSV and XLSX) through the monitor's pipeline."
DESCRIPTION = (
    "Generate a count file of --rows rows as CSV and as XLSX and import each through the "
    "monitor's import pipeline (check every row, store the version, its rows and aggregates) on "
    "a throwaway database; report seconds and peak memory (ru_maxrss of a child process per "
    "import). Targets: under 10 s and under 500 MB; reported, not enforced. Exits with an error "
    "when a file does not import."
)
DEFAULT_ROWS = 100_000
DEFAULT_REGION = "holland-rijnland"
TARGET_SECONDS = 10.0
TARGET_MB = 500
BENCH_FINDER = "bench-"
COLUMNS = (
    Column("measure", "measure"),
    Column("file", "file"),
    Column("page", "page"),
    Column("role", "role"),
    Column("counts", "counts", numeric=True),
    Column("rows", "rows", numeric=True),
    Column("mb", "file MB", ".1f", numeric=True),
    Column("seconds", "seconds", ".2f", numeric=True),
    Column("target_seconds", "target s", ".0f", numeric=True),
    Column("peak_mb", "peak MB", ".0f", numeric=True),
    Column("start_mb", "at start MB", ".0f", numeric=True),
    Column("target_mb", "target MB", ".0f", numeric=True),
    Column("first_ms", "first ms", ".1f", numeric=True),
    Column("median_ms", "median ms", ".1f", numeric=True),
    Column("p95_ms", "p95 ms", ".1f", numeric=True),
    Column("target_ms", "target p95 ms", ".0f", numeric=True),
    Column("queries", "queries", numeric=True),
    Column("status", "status"),
)
DEFAULT_COUNTS = 10
SMALL_ROWS = 1_000  # the dashboard's small size: one count of this many rows


def add_arguments(group: _ArgumentGroup) -> None:
    """``--region`` and ``--use-current-db`` are declared by ``pages`` and mean the same here."""
    group.add_argument(
        "--rows",
        type=whole_number(1),
        default=DEFAULT_ROWS,
        help=f"Rows of the generated count file, and of each stored count (default "
        f"{DEFAULT_ROWS:,}).",
    )
    group.add_argument(
        "--counts",
        type=whole_number(1),
        default=DEFAULT_COUNTS,
        help=f"Counts stored for the dashboard's large size (default {DEFAULT_COUNTS}).",
    )


def run(
    *,
    repeat: int,
    rows: int = DEFAULT_ROWS,
    counts: int = DEFAULT_COUNTS,
    region: str = DEFAULT_REGION,
    use_current_db: bool = False,
    verbosity: int = 1,
    log: Callable[[str], None] = print,
    **_options,
) -> Report:
    with bench_database(use_current_db=use_current_db, verbosity=verbosity, log=log):
        log("Loading the region and the breakdowns…")
        setup = prepare(region_dir=region, rows=rows)
        report = Report(COLUMNS)
        report.rows.extend(import_figures(setup, rows=rows, fork=not use_current_db, log=log))
    report.rows.extend(
        dashboard_figures(
            repeat=repeat,
            log=log,
            sizes=((1, min(SMALL_ROWS, rows)), (counts, rows)),
            region=region,
            use_current_db=use_current_db,
            verbosity=verbosity,
        )
    )
    report.failures.extend(_failures(report.rows))
    return report


def _failures(rows: list[dict]) -> list[str]:
    """An import that did not end done, a page that did not answer 200."""
    return [
        f"{row['file']}: the import ended {row['status']}"
        if row["measure"] == "import"
        else f"{row['page']} ({row['role']}): status {row['status']}"
        for row in rows
        if row["status"] not in (ImportStatus.DONE, 200)
    ]


@dataclass(frozen=True)
class Setup:
    region: Region
    count: Count
    user: User


def prepare(*, region_dir: str, rows: int) -> Setup:
    """The region, its breakdowns with enough bench-only finding organisations for ``rows``
    distinct rows, a user and a count to import into."""
    region = region_load(directory=DATA_DIR / region_dir).region
    reference_values_load()
    _add_finders(region, rows)
    user = User.objects.filter(username="bench-monitor").first() or user_create(
        username="bench-monitor", first_name="Bench", last_name="Monitor"
    )
    count = Count.objects.filter(region=region, title="Benchmark (fictief)").first()
    if count is None:
        count = count_create(
            region=region,
            created_by=user,
            title="Benchmark (fictief)",
            count_date=datetime.date(2024, 4, 11),
            area="Benchmark",
            method="Generated rows",
            source="onderdak bench monitor (fictitious)",
            is_demo=True,
        )
    return Setup(region=region, count=count, user=user)


def _add_finders(region: Region, rows: int) -> None:
    per_finder = region.municipalities.count() * math.prod(
        ReferenceValue.objects.filter(dimension=dimension, is_active=True).count()
        for dimension in (Dimension.CATEGORY, Dimension.AGE_BAND, Dimension.GENDER)
    )
    bench_finders(rows, per_finder)


def generated_rows(region: Region, rows: int) -> list[list]:
    """``rows`` distinct rows over every municipality and breakdown value, with small numbers."""
    codes = [list(region.municipalities.order_by("cbs_code").values_list("cbs_code", flat=True))]
    for dimension in (Dimension.CATEGORY, Dimension.AGE_BAND, Dimension.GENDER, Dimension.FINDER):
        values = ReferenceValue.objects.filter(dimension=dimension, is_active=True)
        codes.append(list(values.order_by("code").values_list("code", flat=True)))
    combinations = itertools.islice(itertools.product(*codes), rows)
    return [[*cells, (i * 7) % 23] for i, cells in enumerate(combinations)]


def files(region: Region, rows: int) -> dict[str, bytes]:
    """The same rows as CSV (semicolons, UTF-8 with BOM) and as XLSX."""
    header = [column.name for column in count_file.COLUMNS]
    data = generated_rows(region, rows)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Telling")
    sheet.append(header)
    for row in data:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return {"csv": csv_file(header, data), "xlsx": buffer.getvalue()}


def import_figures(
    setup: Setup, *, rows: int, fork: bool, log: Callable[[str], None]
) -> list[dict]:
    """One row per file type: seconds and peak memory of importing it."""
    log(f"Generating a count file of {rows:,} rows…")
    generated = files(setup.region, rows)
    figures = []
    for kind, content in generated.items():
        log(f"Importing it as {kind.upper()} ({len(content) / 1e6:.1f} MB)…")
        work = functools.partial(_import, setup, content, f"bench.{kind}")
        measured = _in_child(work) if fork else work()
        figures.append(
            {
                "measure": "import",
                "file": kind,
                "rows": rows,
                "mb": round(len(content) / 1e6, 2),
                "target_seconds": TARGET_SECONDS,
                "target_mb": TARGET_MB,
                **measured,
                "target_met": measured["seconds"] <= TARGET_SECONDS
                and measured["peak_mb"] <= TARGET_MB,
            }
        )
    return figures


def _import(setup: Setup, content: bytes, name: str) -> dict:
    start_mb = _peak_mb()
    started = time.perf_counter()
    job, data = import_job_create(
        region=setup.region,
        kind=ImportKind.COUNT,
        options={"count": setup.count.pk},
        uploaded=ContentFile(content, name=name),
        by=setup.user,
    )
    import_job_run(job=job, content=data, inline=False)
    seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 3),
        "peak_mb": round(_peak_mb()),
        "start_mb": round(start_mb),
        "status": job.status,
        "error_count": job.error_count,
    }


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _in_child(work: Callable[[], dict]) -> dict:
    """``work()`` in a forked child process, so its peak memory is its own; the result comes
    back as JSON through a pipe. The database connection is closed first: the child opens its
    own, and leaves without closing the parent's."""
    connections.close_all()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        try:
            result = work()
        except BaseException as error:  # reported by the parent as a failed import
            result = {"seconds": 0, "peak_mb": _peak_mb(), "status": type(error).__name__}
        with os.fdopen(write, "w") as pipe:
            json.dump(result, pipe)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        answer = pipe.read()
    os.waitpid(pid, 0)
    return json.loads(answer)
