"""``onderdak bench flow`` on the quick size: it runs, reports every measure and fails when the
plain loop and the engine disagree."""

import json
from dataclasses import replace
from io import StringIO

from django.core.management import call_command

from onderdak.core.bench import BENCHMARKS, flow


def run_quick(*options: str) -> list[dict]:
    out = StringIO()
    call_command(
        "bench", "flow", "--quick", "--repeat", "1", *options, stdout=out, stderr=StringIO()
    )
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_the_benchmark_is_registered():
    assert BENCHMARKS["flow"] is flow


def test_a_quick_run_reports_the_simulation_the_loop_and_the_calibration():
    rows = {row["measure"]: row for row in run_quick("--json", "--loop-runs", "3")}
    assert set(rows) == {"simulate", "loop", "calibrate"}
    assert {row["status"] for row in rows.values()} == {"done"}
    simulated = rows["simulate"]
    assert simulated["case"] == "20 runs x 12 cells x 24 months"
    assert simulated["seconds"] > 0
    assert simulated["peak_mb"] >= simulated["start_mb"] > 0
    assert simulated["traced_mb"] >= 0
    assert simulated["target_met"] in (True, False)
    assert rows["loop"]["case"] == "3 runs x 12 cells x 24 months"
    assert rows["loop"]["ratio"] > 0
    assert rows["calibrate"]["case"] == "10 facilities x 12 months, 10 cells"


def test_a_disagreeing_loop_is_a_failure(monkeypatch):
    wrong = flow.simulate_loop
    monkeypatch.setattr(flow, "simulate_loop", lambda data: replace(wrong(data), seed=-1))
    report = flow.run(repeat=1, quick=True, loop_runs=2, log=lambda _message: None)
    assert report.failures == ["loop: the loop and the engine disagree"]
