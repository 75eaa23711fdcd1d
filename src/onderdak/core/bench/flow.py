"""``onderdak bench flow``: the flow engine at the size of issue 7, beside its plain loop.

- ``simulate``: 1,000 runs x 13 municipalities x 6 facility types x 120 months of a generated
  region (:func:`onderdak.engines.flow.generate.region`, seeded; with groups per subregion, per
  type and for the region), the whole :func:`simulate` call: validation, tables, random numbers,
  the months and the bands. Each repetition runs in a forked child process, after a warm-up in
  this one (imports, scipy's first calls), so it starts as a fresh server process would:
  ``seconds`` is the median wall time, ``cpu_seconds`` the median processor time (the machine
  may be shared), ``peak_mb`` the child's peak resident set (``ru_maxrss``: Python, Django and
  numpy included, an upper bound; ``start_mb`` is the resident set at the fork) and
  ``traced_mb`` the peak of the memory allocated during the call, numpy's arrays included, by
  ``tracemalloc`` in a child of its own (not timed). Targets: under 1 s and under 1 GB.
- ``loop``: :func:`simulate_loop`, the same model as a plain Python loop, on a smaller case
  (``--loop-runs`` runs of the same region), once; beside it :func:`simulate` on that case
  (median); ``ratio`` is loop over vectorised (goal: at least 50). The two must agree exactly.
- ``calibrate``: :func:`calibrate` on 3 years of monthly figures of 100 facilities
  (:func:`onderdak.engines.flow.generate.histories`), median wall time; target under 2 s.

Exits with an error when a run fails, when a result breaks conservation or when the loop and the
engine disagree; the targets are reported, not enforced.
"""

import time
import tracemalloc
from argparse import _ArgumentGroup
from collections.abc import Callable
from dataclasses import replace

from onderdak.core.bench.allocation import _timed
from onderdak.core.bench.monitor import _in_child, _peak_mb
from onderdak.core.bench.options import whole_number
from onderdak.core.bench.report import Column, Report
from onderdak.core.bench.stats import median
from onderdak.engines.flow import FlowInput, calibrate, simulate, simulate_loop
from onderdak.engines.flow.generate import histories, region

HELP = "Time the flow simulation at 1,000 runs x 78 cells x 120 months, its loop and calibration."
DESCRIPTION = (
    "Simulate a generated region of 13 municipalities x 6 facility types for 120 months in "
    "1,000 runs (targets: under 1 s and under 1 GB; each repetition in a forked child, peak "
    "memory as ru_maxrss and by tracemalloc), the same model as a plain Python loop on "
    "--loop-runs runs beside the vectorised engine (goal: at least 50 times faster; the two "
    "must agree exactly) and calibration on 36 months of 100 facilities (target: under 2 s). "
    "--quick and --seed are shared with 'allocation'. Exits with an error on a failure, not on "
    "a missed target."
)
TARGET_SECONDS, TARGET_MB, TARGET_RATIO, TARGET_CALIBRATION = 1.0, 1000, 50, 2.0
LOOP_RUNS = 50
FULL = {"municipalities": 13, "months": 120, "runs": 1000, "facilities": 100, "history": 36}
QUICK = {"municipalities": 2, "months": 24, "runs": 20, "facilities": 10, "history": 12}
COLUMNS = (
    Column("measure", "measure"),
    Column("case", "case"),
    Column("seconds", "seconds", ".3f", numeric=True),
    Column("cpu_seconds", "cpu s", ".3f", numeric=True),
    Column("target_seconds", "target s", ".1f", numeric=True),
    Column("peak_mb", "peak MB", ".0f", numeric=True),
    Column("start_mb", "at start MB", ".0f", numeric=True),
    Column("traced_mb", "traced MB", ".0f", numeric=True),
    Column("target_mb", "target MB", ".0f", numeric=True),
    Column("engine_seconds", "engine s", ".4f", numeric=True),
    Column("ratio", "ratio", ".0f", numeric=True),
    Column("target_ratio", "target ratio", ".0f", numeric=True),
    Column("status", "status"),
)


def add_arguments(group: _ArgumentGroup) -> None:
    """``--quick`` and ``--seed`` are declared by ``allocation`` and mean the same here."""
    group.add_argument(
        "--loop-runs",
        type=whole_number(1),
        default=LOOP_RUNS,
        help=f"Runs of the case the plain loop and the engine are compared on (default "
        f"{LOOP_RUNS}).",
    )


def run(
    *,
    repeat: int,
    quick: bool = False,
    seed: int = 1,
    loop_runs: int = LOOP_RUNS,
    log: Callable[[str], None] = print,
    **_options,
) -> Report:
    size = QUICK if quick else FULL
    data = region(size["municipalities"], size["months"], size["runs"], seed)
    report = Report(COLUMNS)
    log(f"Simulating {_case(data)}…")
    report.rows.append(simulate_row(data, repeat))
    small = replace(data, runs=min(loop_runs, data.runs))
    log(f"The plain loop on {_case(small)}…")
    report.rows.append(loop_row(small, repeat))
    log(f"Calibrating {size['facilities']} facilities x {size['history']} months…")
    report.rows.append(calibration_row(size["facilities"], size["history"], seed, repeat))
    report.failures.extend(
        f"{row['measure']}: {row['status']}" for row in report.rows if row["status"] != "done"
    )
    return report


def _case(data: FlowInput) -> str:
    return f"{data.runs:,} runs x {len(data.cells)} cells x {data.months} months"


def simulate_row(data: FlowInput, repeat: int) -> dict:
    simulate(replace(data, runs=2))  # warm-up: imports and first calls before the fork
    measured = [_in_child(lambda: _timed_simulation(data)) for _ in range(repeat)]
    traced = _in_child(lambda: _traced_simulation(data))
    failed = [m["status"] for m in (*measured, traced) if m["status"] != "done"]
    seconds = median([m["seconds"] for m in measured])
    peak_mb = max(m["peak_mb"] for m in measured)
    return {
        "measure": "simulate",
        "case": _case(data),
        "seconds": round(seconds, 4),
        "cpu_seconds": round(median([m.get("cpu_seconds", 0) for m in measured]), 4),
        "target_seconds": TARGET_SECONDS,
        "peak_mb": round(peak_mb),
        "start_mb": round(min(m.get("start_mb", 0) for m in measured)),
        "traced_mb": round(traced.get("traced_mb", 0)),
        "target_mb": TARGET_MB,
        "target_met": seconds < TARGET_SECONDS and peak_mb < TARGET_MB,
        "status": failed[0] if failed else "done",
    }


def _timed_simulation(data: FlowInput) -> dict:
    start_mb = _peak_mb()
    started, processor = time.perf_counter(), time.process_time()
    result = simulate(data)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - processor
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "peak_mb": _peak_mb(),
        "start_mb": start_mb,
        "status": _conserved(result.checks),
    }


def _traced_simulation(data: FlowInput) -> dict:
    tracemalloc.start()
    simulate(data)
    traced = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return {"seconds": 0, "peak_mb": _peak_mb(), "traced_mb": traced, "status": "done"}


def _conserved(checks: dict[str, float]) -> str:
    broken = [name for name, error in checks.items() if error]
    return f"{', '.join(broken)} broken" if broken else "done"


def loop_row(data: FlowInput, repeat: int) -> dict:
    started = time.perf_counter()
    expected = simulate_loop(data)
    loop_seconds = time.perf_counter() - started
    engine = _timed(lambda: simulate(data), repeat)
    engine_seconds = engine.seconds
    return {
        "measure": "loop",
        "case": _case(data),
        "seconds": round(loop_seconds, 3),
        "engine_seconds": round(engine_seconds, 4),
        "ratio": round(loop_seconds / engine_seconds, 1),
        "target_ratio": TARGET_RATIO,
        "target_met": loop_seconds / engine_seconds >= TARGET_RATIO,
        "status": "done" if engine.result == expected else "the loop and the engine disagree",
    }


def calibration_row(facilities: int, months: int, seed: int, repeat: int) -> dict:
    figures = histories(facilities, months, seed)
    timed = _timed(lambda: calibrate(figures), repeat)
    seconds, result = timed.seconds, timed.result
    complete = sum(estimate.complete for estimate in result.facilities.values())
    return {
        "measure": "calibrate",
        "case": f"{facilities} facilities x {months} months, {len(result.cells)} cells",
        "seconds": round(seconds, 4),
        "target_seconds": TARGET_CALIBRATION,
        "target_met": seconds < TARGET_CALIBRATION,
        "status": "done" if complete == facilities else f"{facilities - complete} not estimated",
    }
