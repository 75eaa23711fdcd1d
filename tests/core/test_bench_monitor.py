"""``onderdak bench monitor`` on a tiny file: it runs, imports both file types and reports."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from onderdak.core.bench import BENCHMARKS, monitor


def test_the_benchmark_is_registered():
    assert BENCHMARKS["monitor"] is monitor


@pytest.fixture
def tiny_run(region) -> list[dict]:
    out = StringIO()
    call_command(
        "bench",
        "monitor",
        "--rows",
        "2000",
        "--counts",
        "2",
        "--repeat",
        "2",
        "--use-current-db",
        "--json",
        stdout=out,
        stderr=StringIO(),
    )
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.django_db
def test_a_tiny_run_imports_the_csv_and_the_xlsx_file(tiny_run):
    rows = [row for row in tiny_run if row["measure"] == "import"]
    assert [(row["file"], row["rows"], row["status"]) for row in rows] == [
        ("csv", 2000, "done"),
        ("xlsx", 2000, "done"),
    ]
    for row in rows:
        assert row["seconds"] > 0
        assert row["peak_mb"] >= row["start_mb"] > 0
        assert row["target_met"] in (True, False)


@pytest.mark.django_db
def test_a_tiny_run_times_the_dashboard_at_both_sizes_with_one_query_count(tiny_run):
    rows = [row for row in tiny_run if row["measure"] == "dashboard"]
    assert {(row["counts"], row["rows"]) for row in rows} == {(1, 1000), (2, 2000)}
    assert {row["status"] for row in rows} == {200}
    queries: dict[tuple, set] = {}
    for row in rows:
        queries.setdefault((row["page"], row["role"]), set()).add(row["queries"])
    assert len(queries) == 4
    assert all(len(counts) == 1 for counts in queries.values())


@pytest.mark.django_db
def test_enough_finding_organisations_are_added_for_distinct_rows(region):
    setup = monitor.prepare(region_dir="holland-rijnland", rows=20_000)
    rows = monitor.generated_rows(setup.region, 20_000)
    assert len({tuple(row[:5]) for row in rows}) == 20_000


def test_work_in_a_child_process_reports_back():
    assert monitor._in_child(lambda: {"seconds": 1.5, "peak_mb": 10, "status": "done"}) == {
        "seconds": 1.5,
        "peak_mb": 10,
        "status": "done",
    }
    failed = monitor._in_child(lambda: 1 / 0)
    assert failed["status"] == "ZeroDivisionError"
