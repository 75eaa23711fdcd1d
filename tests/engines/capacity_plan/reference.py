"""An independent check of a plan and a brute force over every plan of a tiny problem.

Written in plain Python from the problem's documented meaning, without the engine's code, so
the tests do not lean on what they test.
"""

import itertools
import math

from onderdak.engines.capacity_plan import PlanProblem

TIE = 1e-3  # the documented tie-break: TIE x min weight / (years x largest cost) per euro
BUDGET_SLACK = 1e-6  # relative, plus a cent: HiGHS's tolerances


def per_year(limit, years: int) -> list[float]:
    if limit is None:
        return [math.inf] * years
    if isinstance(limit, int):
        return [limit] * years
    return [math.inf if value is None else value for value in limit]


def broken_limits(problem: PlanProblem, places: dict[str, tuple]) -> list[str]:
    """Every limit ``places`` breaks, in words; empty when the plan keeps them all."""
    broken = []
    n = len(problem.years)
    for cell in problem.cells:
        path = [cell.start, *places[cell.key]]
        up, down = per_year(cell.max_increase, n), per_year(cell.max_decrease, n)
        for t in range(n):
            change = path[t + 1] - path[t]
            if change > up[t] + 1e-6 or -change > down[t] + 1e-6:
                broken.append(f"{cell.key} changes by {change} in year {t}")
            high = math.inf if cell.max_places is None else cell.max_places
            if not cell.min_places - 1e-6 <= path[t + 1] <= high + 1e-6:
                broken.append(f"{cell.key} has {path[t + 1]} places in year {t}")
    for t in range(n):
        spent = sum(cell.cost_per_place[t] * places[cell.key][t] for cell in problem.cells)
        if spent > problem.budget[t] * (1 + BUDGET_SLACK) + 0.01:
            broken.append(f"{spent} is over the budget in year {t}")
    broken += _groups(problem, places)
    return broken


def _groups(problem: PlanProblem, places: dict[str, tuple]) -> list[str]:
    broken = []
    by_key = {cell.key: cell for cell in problem.cells}
    n = len(problem.years)
    for budget in problem.group_budgets:
        for t in range(n):
            spent = sum(by_key[k].cost_per_place[t] * places[k][t] for k in budget.cells)
            if spent > budget.amounts[t] * (1 + BUDGET_SLACK) + 0.01:
                broken.append(f"{budget.name} is over its budget in year {t}")
    for limit in problem.total_limits:
        totals = [sum(by_key[k].start for k in limit.cells)]
        totals += [sum(places[k][t] for k in limit.cells) for t in range(n)]
        up, down = per_year(limit.max_increase, n), per_year(limit.max_decrease, n)
        for t in range(n):
            change = totals[t + 1] - totals[t]
            if change > up[t] + 1e-6 or -change > down[t] + 1e-6:
                broken.append(f"{limit.name} changes by {change} in year {t}")
    return broken


def at_limit(problem: PlanProblem, places: dict[str, tuple], finding, year: int) -> bool:
    """Whether the limit of ``finding`` is reached in ``year``: a budget all but spent (less
    than the dearest place left), a change or a number of places equal to the limit."""
    t = problem.years.index(year)
    if finding.kind == "budget":
        cells, amount = _budget(problem, finding.subject)
        used = sum(cell.cost_per_place[t] * places[cell.key][t] for cell in cells)
        return amount[t] - used < max(cell.cost_per_place[t] for cell in cells) + 0.01
    if finding.kind.startswith("total"):
        [limit] = [x for x in problem.total_limits if x.name == finding.subject]
        keys = limit.cells
    else:
        keys = (finding.subject,)
    by_key = {cell.key: cell for cell in problem.cells}
    before = sum(by_key[k].start if t == 0 else places[k][t - 1] for k in keys)
    now = sum(places[k][t] for k in keys)
    value = {
        "max_increase": now - before,
        "total_increase": now - before,
        "max_decrease": before - now,
        "total_decrease": before - now,
        "min_places": now,
        "max_places": now,
    }[finding.kind]
    return abs(value - finding.limit) < 1e-6


def _budget(problem: PlanProblem, name: str) -> tuple[list, tuple]:
    if not name:
        return list(problem.cells), problem.budget
    [budget] = [b for b in problem.group_budgets if b.name == name]
    return [cell for cell in problem.cells if cell.key in budget.cells], budget.amounts


def shortage(problem: PlanProblem, places: dict[str, tuple]) -> float:
    """The weighted shortage of a plan."""
    return sum(
        cell.shortage_weight * max(0.0, demand - placed)
        for cell in problem.cells
        for demand, placed in zip(cell.demand, places[cell.key], strict=True)
    )


def spent(problem: PlanProblem, places: dict[str, tuple]) -> float:
    return sum(
        cost * placed
        for cell in problem.cells
        for cost, placed in zip(cell.cost_per_place, places[cell.key], strict=True)
    )


def minimised(problem: PlanProblem, places: dict[str, tuple]) -> float:
    """What the engine minimises: the weighted shortage plus the documented tie-break."""
    largest = max(max(cell.cost_per_place) for cell in problem.cells)
    if largest == 0:
        return shortage(problem, places)
    weight = min(cell.shortage_weight for cell in problem.cells)
    tie = TIE * weight / (len(problem.years) * largest)
    return shortage(problem, places) + tie * spent(problem, places)


def brute_force(problem: PlanProblem, most: int) -> tuple[float, dict[str, tuple]] | None:
    """The best plan with at most ``most`` places per cell and year, or None if none keeps the
    limits: each cell's paths within its own limits, then every combination of them, checked
    with :func:`broken_limits` one by one."""
    n = len(problem.years)
    paths = []
    for cell in problem.cells:
        single = PlanProblem(problem.years, (cell,), (math.inf,) * n)
        candidates = itertools.product(range(most + 1), repeat=n)
        paths.append([p for p in candidates if not broken_limits(single, {cell.key: p})])
    plans = (
        {cell.key: path for cell, path in zip(problem.cells, combination, strict=True)}
        for combination in itertools.product(*paths)
    )
    valid = (plan for plan in plans if not broken_limits(problem, plan))
    return min(
        ((minimised(problem, plan), plan) for plan in valid), default=None, key=lambda x: x[0]
    )
