"""``onderdak bench allocation``: the allocation engine on published and generated instances.

The OR-Library assignment instances (every pair allowed, minimise the cost) check the optimum
against the published value and time the engine beside ``scipy.optimize.linear_sum_assignment``
on the same matrix, both as the median of ``--repeat`` runs after a warm-up. The generated
instances (``onderdak.engines.allocation.generate``, seeded) run once each, the optimum and the
greedy baseline on the same input; their time is the whole :func:`allocate` call (validation,
rules, solver and explanations), not the generation. ``peak_mb`` is the process's peak resident
memory so far (``ru_maxrss``), an upper bound for the instance it is reported with.
"""

import resource
import time
from argparse import _ArgumentGroup
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

import onderdak.engines.allocation as allocation
from onderdak.core.bench.options import whole_number
from onderdak.core.bench.report import Column, Report
from onderdak.core.bench.stats import median
from onderdak.engines.allocation import Problem, allocate, generate, solve
from onderdak.engines.allocation.generate import Shape

HELP = "Solve the OR-Library assignment instances and generated allocation instances."
DESCRIPTION = (
    "Solve the OR-Library assignment instances (the objective must equal the published optimum; "
    "the time is compared with scipy's linear_sum_assignment on the same matrix) and generated "
    "instances: regional 400 x 250 with crossing quotas, national 10,000 x 10,000 with about 50 "
    "feasible dwellings per candidate and quotas per corporation and stream, and crossing quotas "
    "at 2,000 x 2,000; each also with the greedy baseline. Exits with an error when an OR-Library "
    "objective misses its optimum; the time targets are reported, not enforced."
)
ORLIB = Path(allocation.__file__).parent / "data" / "or-library"
OPTIMA = {100: 305, 200: 475, 300: 626, 400: 804, 500: 991, 600: 1176, 700: 1362, 800: 1552}
TIME_LIMIT = 10.0


@dataclass(frozen=True)
class Case:
    name: str
    shape: Shape
    target_seconds: float


CASES = (
    Case("regional", Shape(400, 250, quotas="crossing", declined=50), 0.5),
    Case(
        "national",
        Shape(
            10_000,
            10_000,
            municipalities=340,
            areas=34,
            subregions=68,
            corporations=40,
            quotas="laminar",
            declined=2_000,
        ),
        5.0,
    ),
    Case(
        "crossing",
        Shape(
            2_000,
            2_000,
            municipalities=40,
            areas=8,
            subregions=6,
            corporations=10,
            quotas="crossing",
            declined=400,
        ),
        10.0,
    ),
    Case(
        "crossing_dense",
        Shape(
            2_000,
            2_000,
            municipalities=26,
            areas=2,
            subregions=6,
            corporations=10,
            quotas="crossing",
            declined=400,
        ),
        10.0,
    ),
)
QUICK_CASES = tuple(
    replace(case, shape=replace(case.shape, candidates=40, dwellings=30)) for case in CASES
)

COLUMNS = (
    Column("instance", "instance"),
    Column("candidates", "candidates", numeric=True),
    Column("pairs_per_candidate", "pairs/cand", ".1f", numeric=True),
    Column("solver", "solver"),
    Column("status", "status"),
    Column("gap", "gap", ".4%", numeric=True),
    Column("objective", "objective", numeric=True),
    Column("optimum", "optimum", numeric=True),
    Column("housed", "housed", numeric=True),
    Column("total_score", "score", numeric=True),
    Column("seconds", "seconds", ".3f", numeric=True),
    Column("lsa_seconds", "lsa s", ".3f", numeric=True),
    Column("target_seconds", "target s", ".1f", numeric=True),
    Column("peak_mb", "peak MB", ".0f", numeric=True),
    Column("greedy_housed", "greedy housed", numeric=True),
    Column("greedy_score", "greedy score", numeric=True),
)


def add_arguments(group: _ArgumentGroup) -> None:
    group.add_argument(
        "--orlib",
        type=Path,
        default=ORLIB,
        help="Folder with the OR-Library files assign100.txt ... assign800.txt "
        "(default: the copy shipped with the engine).",
    )
    group.add_argument(
        "--quick",
        action="store_true",
        help="Tiny sizes only (the two smallest OR-Library files, 40 x 30 generated instances), "
        "to check that the benchmark runs.",
    )
    group.add_argument(
        "--seed", type=whole_number(0), default=1, help="Seed of the generated instances."
    )


def run(
    *,
    repeat: int,
    orlib: Path = ORLIB,
    quick: bool = False,
    seed: int = 1,
    log: Callable[[str], None] = print,
    **_options,
) -> Report:
    report = Report(COLUMNS)
    for size, optimum in list(OPTIMA.items())[: 2 if quick else None]:
        log(f"OR-Library assign{size}…")
        row = _orlib_row(orlib / f"assign{size}.txt", optimum, repeat)
        report.rows.append(row)
        if row["objective"] != optimum:
            report.failures.append(f"{row['instance']}: {row['objective']} is not {optimum}")
    for case in QUICK_CASES if quick else CASES:
        log(f"Generated instance {case.name}…")
        report.rows.append(_generated_row(case, seed))
    return report


def read_orlib(path: Path) -> np.ndarray:
    """The cost matrix of an OR-Library assignment file: n, then n x n costs."""
    numbers = np.array(path.read_text().split(), np.int64)
    n = int(numbers[0])
    return numbers[1 : 1 + n * n].reshape(n, n)


def orlib_problem(cost: np.ndarray) -> Problem:
    """Every pair allowed; the score is the cost turned around, so the maximum is the minimum."""
    n = len(cost)
    return Problem(
        n_candidates=n,
        n_dwellings=n,
        candidate=np.repeat(np.arange(n), n),
        dwelling=np.tile(np.arange(n), n),
        score=(cost.max() - cost).ravel(),
    )


def _orlib_row(path: Path, optimum: int, repeat: int) -> dict:
    cost = read_orlib(path)
    problem = orlib_problem(cost)
    engine = _timed(lambda: solve(problem, "score_only"), repeat)
    lsa = _timed(lambda: linear_sum_assignment(cost), repeat)
    chosen = engine.result.chosen
    return {
        "instance": path.name,
        "candidates": len(cost),
        "dwellings": len(cost),
        "pairs_per_candidate": float(len(cost)),
        "solver": engine.result.solver,
        "status": engine.result.status,
        "objective": int(cost[problem.candidate[chosen], problem.dwelling[chosen]].sum()),
        "optimum": optimum,
        "seconds": round(engine.seconds, 6),
        "lsa_seconds": round(lsa.seconds, 6),
        "lsa_ratio": round(engine.seconds / lsa.seconds, 3),
    }


@dataclass(frozen=True)
class Timed:
    result: object
    seconds: float


def _timed(call: Callable[[], object], repeat: int) -> Timed:
    """The median time of ``repeat`` calls after a warm-up, with the last call's result."""
    result = call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return Timed(result, median(times))


def _generated_row(case: Case, seed: int) -> dict:
    data = generate.instance(case.shape, seed, time_limit=TIME_LIMIT)
    best = allocate(data)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    baseline = allocate(replace(data, solver="greedy"))
    return {
        "instance": case.name,
        "candidates": case.shape.candidates,
        "dwellings": case.shape.dwellings,
        "pairs_per_candidate": round(best.feasible_pairs / case.shape.candidates, 1),
        "solver": best.solver,
        "status": best.status,
        "gap": best.gap,
        "housed": best.housed,
        "total_score": best.total_score,
        "seconds": round(best.seconds, 3),
        "target_seconds": case.target_seconds,
        "target_met": best.seconds <= case.target_seconds,
        "peak_mb": round(peak_mb),
        "greedy_housed": baseline.housed,
        "greedy_score": baseline.total_score,
        "greedy_seconds": round(baseline.seconds, 3),
    }
