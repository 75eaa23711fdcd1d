"""``onderdak bench allocation`` on tiny sizes: it runs, prints JSON lines and finds the optima."""

import json
from io import StringIO

from django.core.management import call_command

from onderdak.core.bench import BENCHMARKS, allocation


def run_quick(*options: str) -> list[dict]:
    out = StringIO()
    call_command(
        "bench", "allocation", "--quick", "--repeat", "1", *options, stdout=out, stderr=StringIO()
    )
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_the_benchmark_is_registered():
    assert BENCHMARKS["allocation"] is allocation


def test_quick_run_prints_one_json_line_per_instance():
    rows = run_quick("--json")
    names = [row["instance"] for row in rows]
    assert names == [
        "assign100.txt",
        "assign200.txt",
        "regional",
        "national",
        "crossing",
        "crossing_dense",
    ]
    for row in rows[:2]:
        assert row["objective"] == row["optimum"]
        assert row["seconds"] > 0
        assert row["lsa_seconds"] > 0
    for row in rows[2:]:
        assert row["status"] == "optimal"
        assert (row["housed"], row["total_score"]) >= (row["greedy_housed"], row["greedy_score"])
        assert row["peak_mb"] > 0


VOLATILE = {"seconds", "lsa_seconds", "lsa_ratio", "greedy_seconds", "target_met", "peak_mb"}


def without_timings(rows: list[dict]) -> list[dict]:
    return [{k: v for k, v in row.items() if k not in VOLATILE} for row in rows]


def test_the_seed_makes_the_generated_instances():
    first, again = run_quick("--json", "--seed", "5"), run_quick("--json", "--seed", "5")
    assert without_timings(first) == without_timings(again)


def test_a_wrong_optimum_makes_the_command_fail(tmp_path):
    for size in (100, 200):
        cost = allocation.read_orlib(allocation.ORLIB / f"assign{size}.txt")
        cost[0, :] += 1  # every answer now costs one more than the published optimum
        (tmp_path / f"assign{size}.txt").write_text(f"{size}\n" + " ".join(map(str, cost.ravel())))
    report = allocation.run(repeat=1, orlib=tmp_path, quick=True, log=lambda _m: None)
    assert report.failures == ["assign100.txt: 306 is not 305", "assign200.txt: 476 is not 475"]
