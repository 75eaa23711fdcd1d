""":func:`optimise`: the build-up and phase-down path with the least weighted shortage.

1. Check the input (``validation``) and measure the entered plan (shortage, cost, breaches).
2. Cells that cannot keep their own limits make the problem infeasible, each with its reason
   (``paths``: the lowest path rises above the highest).
3. Solve the LP relaxation. If it is infeasible, the elastic LP tells per budget and year how
   many euro are missing (or which total limit conflicts).
4. In whole places: an integral LP optimum is the MILP optimum (proven by its own bound);
   otherwise the MILP runs in the time left. Rounding the LP's places down keeps every limit
   when there is no total limit (all limits are whole numbers and costs are not negative), so
   that plan stands by if HiGHS has none when time runs out.
"""

import time
from dataclasses import dataclass, replace

import numpy as np

from . import findings, rounding
from .formulation import Model, build, tie_break
from .model import Finding, PlanProblem, PlanSolution, Status
from .paths import Evaluation, evaluate, lowest
from .solver import INFEASIBLE, LIMIT, OPTIMAL, Outcome, run, shortfalls
from .validation import Prepared, Total, prepare


@dataclass(frozen=True)
class Proposal:
    """A plan within every limit, and how sure we are that it is the best."""

    places: np.ndarray
    status: Status
    bound: float | None  # a proven lower bound on the objective HiGHS minimises
    solver: str


@dataclass(frozen=True)
class NoPlan:
    """Why there is no plan to propose."""

    status: Status
    message: str


def optimise(problem: PlanProblem) -> PlanSolution:
    """The path of places with the least weighted shortage within the budgets and limits; the
    cheapest of equally good paths. Raises :class:`PlanError` on bad input."""
    began = time.perf_counter()
    data = prepare(problem)
    deadline = time.monotonic() + float(problem.time_limit_seconds)
    entered = evaluate(data, data.entered)
    conflicts = findings.cell_conflicts(data)
    if conflicts:
        return _without_plan(data, entered, began, "infeasible", conflicts, solver="none")
    model = build(data, integer=problem.integer)
    relaxed = _checked(run(model, deadline, relax=True))
    if relaxed.status == INFEASIBLE:
        conflicts = _conflicts(data, model, deadline)
        return _without_plan(
            data, entered, began, "infeasible", conflicts, "" if conflicts else UNEXPLAINED
        )
    proposal = _propose(data, model, relaxed, deadline)
    if isinstance(proposal, NoPlan):
        return _without_plan(data, entered, began, proposal.status, (), proposal.message)
    return _solution(data, entered, proposal, began)


def _checked(outcome: Outcome) -> Outcome:
    """``outcome``, unless HiGHS failed in a way no input should make it (numerical trouble)."""
    if outcome.status not in (OPTIMAL, LIMIT, INFEASIBLE):
        raise RuntimeError(f"HiGHS stopped without an answer: {outcome.message}")
    return outcome


def _propose(data: Prepared, model: Model, relaxed: Outcome, deadline: float) -> Proposal | NoPlan:
    """The LP's plan, or in whole places the best of the rounded LP and the MILP."""
    if relaxed.status == LIMIT:
        return _best(data, [lowest(data)], None, "lowest-path")
    n, shape = data.demand.size, data.demand.shape
    places = relaxed.x[:n].reshape(shape)
    if not data.problem.integer:
        low, high = model.low[:n].reshape(shape), model.high[:n].reshape(shape)
        return Proposal(np.clip(places, low, high), "optimal", relaxed.bound, "highs-lp")
    rounded = rounding.rounded_plan(data, places)
    if rounded is not None and _gap(_minimised(data, rounded), relaxed.bound) == 0:
        return Proposal(rounded, "optimal", relaxed.bound, "highs-lp")
    result = _checked(run(model, deadline))
    if result.status == OPTIMAL:
        return Proposal(_places(data, result), "optimal", result.bound, "highs-milp")
    if result.status == INFEASIBLE:
        return NoPlan("infeasible", WHOLE_PLACES)
    candidates = [_places(data, result)] if result.x is not None else []
    candidates += [rounded] if rounded is not None else []
    bound = max((b for b in (relaxed.bound, result.bound) if b is not None), default=None)
    return _best(data, candidates, bound, "highs-milp")


UNEXPLAINED = (
    "No plan keeps every budget and limit; which ones conflict was not found within the time limit."
)
WHOLE_PLACES = (
    "No plan in whole places keeps every limit, though one in fractions of places does: loosen "
    "a total limit, or optimise in fractions of places."
)


def _places(data: Prepared, outcome: Outcome) -> np.ndarray:
    return np.round(outcome.x[: data.demand.size].reshape(data.demand.shape))


def _best(
    data: Prepared, candidates: list[np.ndarray], bound: float | None, solver: str
) -> Proposal | NoPlan:
    """The best of ``candidates`` that keeps every limit, found before the time ran out."""
    valid = [places for places in candidates if not findings.breaches(data, places)]
    if not valid:
        limit = f"{data.problem.time_limit_seconds:g} s"
        return NoPlan("time_limit", f"No plan was found within the time limit of {limit}.")
    best = min(valid, key=lambda places: _minimised(data, places))
    return Proposal(best, "time_limit", bound, solver)


def _minimised(data: Prepared, places: np.ndarray) -> float:
    """What HiGHS minimises: the weighted shortage plus the tie-break."""
    evaluation = evaluate(data, places)
    return evaluation.objective + _tie(data, evaluation)


def _tie(data: Prepared, evaluation: Evaluation) -> float:
    return tie_break(data) * float(evaluation.cost.sum())


def _conflicts(data: Prepared, model: Model, deadline: float) -> tuple[Finding, ...]:
    """Why the LP relaxation has no plan: budgets that fall short, or total limits that
    conflict with the cells' limits."""
    elastic = shortfalls(model, deadline)
    if elastic.status == OPTIMAL:
        return findings.budget_conflicts(data, model.budget_keys, elastic.x)
    if elastic.status != INFEASIBLE or not data.totals:
        return ()
    names = [total.name for total in data.totals if _conflicting(data, total, deadline)]
    return findings.total_conflicts(data, names or [total.name for total in data.totals])


def _conflicting(data: Prepared, total: Total, deadline: float) -> bool:
    """Whether ``total`` alone conflicts with the cells' limits (without any budget)."""
    alone = replace(data, totals=(total,), budgets=())
    return run(build(alone, integer=False), deadline, relax=True).status == INFEASIBLE


def _solution(
    data: Prepared, entered: Evaluation, proposal: Proposal, began: float
) -> PlanSolution:
    result = evaluate(data, proposal.places)
    minimised = result.objective + _tie(data, result)
    gap = 0.0 if proposal.status == "optimal" else _gap(minimised, proposal.bound)
    binding = findings.binding(data, proposal.places, integer=data.problem.integer)
    return PlanSolution(
        status=proposal.status,
        places=_by_cell(data, proposal.places, whole=data.problem.integer),
        shortage=_by_cell(data, result.shortage),
        cost=tuple(result.cost.tolist()),
        objective=result.objective,
        gap=gap,
        solver=proposal.solver,
        seconds=time.perf_counter() - began,
        entered_shortage=_by_cell(data, entered.shortage),
        entered_cost=tuple(entered.cost.tolist()),
        binding=tuple(finding.text for finding in binding),
        findings=binding,
        entered_breaches=findings.breaches(data, data.entered),
        entered_objective=entered.objective,
        tie_break=_tie(data, result),
        bound=minimised if proposal.status == "optimal" else proposal.bound,
        message=_time_limit_message(data, gap) if proposal.status == "time_limit" else "",
        years=data.years,
    )


def _gap(value: float, bound: float | None) -> float | None:
    """``(value - bound) / value``: 0 when the bound is reached (within 1e-9, relative)."""
    if bound is None:
        return None
    if value - bound <= 1e-9 * max(abs(value), 1.0):
        return 0.0
    return (value - bound) / value


def _time_limit_message(data: Prepared, gap: float | None) -> str:
    limit = f"{data.problem.time_limit_seconds:g} s"
    if gap is None:
        return f"Stopped at the time limit of {limit}: the best plan found, without a bound."
    return (
        f"Stopped at the time limit of {limit}: the best plan found, within {gap:.2%} of the "
        "best possible."
    )


def _without_plan(
    data: Prepared,
    entered: Evaluation,
    began: float,
    status: Status,
    conflicts: tuple[Finding, ...],
    message: str = "",
    solver: str = "highs",
) -> PlanSolution:
    texts = tuple(finding.text for finding in conflicts)
    return PlanSolution(
        status=status,
        places={},
        shortage={},
        cost=(),
        objective=0.0,
        gap=None,
        solver=solver,
        seconds=time.perf_counter() - began,
        entered_shortage=_by_cell(data, entered.shortage),
        entered_cost=tuple(entered.cost.tolist()),
        binding=texts or (message,),
        findings=conflicts,
        entered_breaches=findings.breaches(data, data.entered),
        entered_objective=entered.objective,
        message=message or " ".join(texts),
        years=data.years,
    )


def _by_cell(data: Prepared, values: np.ndarray, *, whole: bool = False) -> dict[str, tuple]:
    convert = int if whole else float
    return {
        cell.key: tuple(convert(value) for value in row.tolist())
        for cell, row in zip(data.cells, values, strict=True)
    }
