"""The solvers behind :func:`solve`, all well-kept libraries except the greedy baseline.

- ``lsa``: every pair allowed and no quota: ``scipy.optimize.linear_sum_assignment``.
- ``flow``: the quotas of each side are nested or disjoint (laminar) and no quota names both
  sides: OR-Tools' ``SimpleMinCostFlow`` on source -> candidate quotas -> candidates ->
  dwellings -> dwelling quotas -> sink. The flow's integrality makes it exact and polynomial.
- ``milp``: anything else (crossing quotas): HiGHS through ``scipy.optimize.milp``, two
  objectives one after the other (lexicographic), within the time limit, with its proven gap.
- ``greedy``: the peers' baseline, hardest dwelling first, to the highest-scoring candidate.

See docs/decisions/0010-allocation-solvers.md.
"""

import time
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow
from scipy import sparse
from scipy.optimize import LinearConstraint, linear_sum_assignment, milp

from .errors import AllocationError
from .model import Mode, Status
from .problem import Problem, QuotaSpec

SOURCE, SINK = 0, 1


@dataclass(frozen=True)
class Solution:
    chosen: np.ndarray  # indices of the chosen pairs, ascending
    status: Status
    gap: float | None
    solver: str


def solve(problem: Problem, mode: Mode, solver: str = "auto", time_limit: float = 60.0) -> Solution:
    """The best assignment of ``problem``: most housed then highest score, or score only."""
    if solver == "auto":
        solver = choose(problem)
    if not len(problem.score) and solver != "greedy":
        return Solution(np.zeros(0, np.int64), "optimal", 0.0, solver)
    if solver == "lsa":
        return _lsa(problem)
    if solver == "flow":
        return _flow(problem, mode)
    if solver == "milp":
        return _milp(problem, mode, time_limit)
    return greedy(problem)


def choose(problem: Problem) -> str:
    """The fastest exact solver for ``problem``."""
    if not problem.quotas and problem.complete:
        return "lsa"
    return "flow" if why_not_a_flow(problem) is None else "milp"


def why_not_a_flow(problem: Problem) -> str | None:
    """Why the quotas do not form a flow network (naming the quotas), or ``None`` if they do.

    A quota naming both sides cannot be a flow's arc; neither can two quotas of one side that
    overlap without one containing the other.
    """
    for quota in problem.quotas:
        if quota.candidates is not None and quota.dwellings is not None:
            return f"Quota {quota.id!r} names both candidates and dwellings"
    for side in ("candidates", "dwellings"):
        sets = [(q.id, set(getattr(q, side).tolist())) for q in _side(problem, side)]
        for i, (first, a) in enumerate(sets):
            for second, b in sets[i + 1 :]:
                if a & b and not (a <= b or b <= a):
                    return f"Quotas {first!r} and {second!r} cross"
    return None


def _side(problem: Problem, side: str) -> list[QuotaSpec]:
    return [q for q in problem.quotas if getattr(q, side) is not None]


def _lsa(problem: Problem) -> Solution:
    if problem.quotas or not problem.complete:
        raise AllocationError(
            "The assignment solver (lsa) needs every pair allowed and no quota.", "solver"
        )
    # A complete problem's pairs are in row-major order: the scores are the matrix already.
    # Negated into floats in one pass, as scipy would otherwise copy twice (to float, negated).
    shape = (problem.n_candidates, problem.n_dwellings)
    matrix = np.negative(problem.score.reshape(shape), dtype=np.float64)
    rows, columns = linear_sum_assignment(matrix)
    chosen = rows * problem.n_dwellings + columns  # pairs are complete and in row-major order
    return Solution(np.sort(chosen), "optimal", 0.0, "lsa")


class Network:
    """The arcs of a flow network, added in blocks of numpy arrays."""

    def __init__(self) -> None:
        self.tails: list[np.ndarray] = []
        self.heads: list[np.ndarray] = []
        self.capacities: list[np.ndarray] = []
        self.costs: list[np.ndarray] = []
        self.count = 0

    def add(self, tails, heads, capacities, costs=0) -> slice:
        """Add arcs (scalars are broadcast); return the slice of their arc numbers."""
        tails, heads = np.atleast_1d(tails), np.atleast_1d(heads)
        n = len(tails)
        self.tails.append(tails)
        self.heads.append(heads)
        self.capacities.append(np.broadcast_to(np.asarray(capacities, np.int64), n))
        self.costs.append(np.broadcast_to(np.asarray(costs, np.int64), n))
        self.count += n
        return slice(self.count - n, self.count)

    def solver(self) -> tuple[min_cost_flow.SimpleMinCostFlow, np.ndarray]:
        flow = min_cost_flow.SimpleMinCostFlow()
        arcs = flow.add_arcs_with_capacity_and_unit_cost(
            *(
                np.concatenate(part)
                for part in (self.tails, self.heads, self.capacities, self.costs)
            )
        )
        return flow, arcs


def _flow(problem: Problem, mode: Mode) -> Solution:
    reason = why_not_a_flow(problem)
    if reason is not None:
        raise AllocationError(
            f"{reason}, so the quotas are not a flow network; use the milp solver.", "solver"
        )
    network, pairs = _network(problem, mode)
    k = min(problem.n_candidates, problem.n_dwellings)
    flow, arcs = network.solver()
    flow.set_nodes_supplies(np.array([SOURCE, SINK]), np.array([k, -k]))
    status = flow.solve() if mode == "score_only" else flow.solve_max_flow_with_min_cost()
    if status != flow.OPTIMAL:
        raise AllocationError(f"The min-cost flow stopped with status {status}.", "solver")
    return Solution(np.flatnonzero(flow.flows(arcs[pairs])), "optimal", 0.0, "flow")


def _network(problem: Problem, mode: Mode) -> tuple[Network, slice]:
    """Nodes: source, sink, candidates, dwellings, candidate quotas, dwelling quotas; return the
    network and the slice of the pair arcs."""
    nc, nd = problem.n_candidates, problem.n_dwellings
    quotas_c, quotas_d = _side(problem, "candidates"), _side(problem, "dwellings")
    first_qc = 2 + nc + nd
    network = Network()
    inner_c = _tree(network, quotas_c, "candidates", nc, first_qc, SOURCE, downward=True)
    inner_d = _tree(
        network, quotas_d, "dwellings", nd, first_qc + len(quotas_c), SINK, downward=False
    )
    network.add(inner_c, 2 + np.arange(nc), 1)
    network.add(2 + nc + np.arange(nd), inner_d, 1)
    k = min(nc, nd)
    costs = _flow_costs(problem.score, mode, k)
    pairs = network.add(2 + problem.candidate, 2 + nc + problem.dwelling, 1, costs)
    if mode == "score_only":
        network.add(SOURCE, SINK, k)
    return network, pairs


def _flow_costs(score: np.ndarray, mode: Mode, k: int) -> np.ndarray:
    """Arc costs: the negated score, as the flow is the maximum one (most housed); in score-only
    mode the flow may bypass the pairs, so the costs carry the lexicographic objective."""
    if mode == "score_only":
        return -lexicographic(score, mode, k)
    return -score.astype(np.int64)


def _tree(network, quotas, side, n, first, root, *, downward) -> np.ndarray:
    """Add a laminar family's arcs; return per item the node its unit arc attaches to.

    Quotas are taken largest first, so every quota's parent is the innermost quota seen so far
    that holds its members (equal sets nest by id). Arcs point away from the source
    (``downward``) on the candidate side and towards the sink on the dwelling side."""
    order = sorted(range(len(quotas)), key=lambda i: (-len(getattr(quotas[i], side)), quotas[i].id))
    inner = np.full(n, root, np.int64)
    for i in order:
        members = getattr(quotas[i], side)
        parent = inner[members[0]] if len(members) else root
        node = first + i
        ends = (parent, node) if downward else (node, parent)
        network.add(*ends, quotas[i].limit)
        inner[members] = node
    return inner


def _milp(problem: Problem, mode: Mode, time_limit: float) -> Solution:
    """One MILP on the lexicographic objective; its LP relaxation first, which is often integral
    (then it is the optimum, proven by its own bound) and several times faster."""
    deadline = time.monotonic() + time_limit
    objective = lexicographic(problem.score, mode, min(problem.n_candidates, problem.n_dwellings))
    objective = objective.astype(float)
    matrix, upper = _constraints(problem)
    constraints = LinearConstraint(matrix, -np.inf, upper)
    relaxed = milp(-objective, bounds=(0, 1), constraints=constraints, options=_options(deadline))
    if relaxed.status == 0 and np.all(np.abs(relaxed.x - np.round(relaxed.x)) < 1e-6):
        return Solution(_chosen(relaxed.x), "optimal", 0.0, "milp")
    result = milp(
        -objective,
        integrality=np.ones(len(objective)),
        bounds=(0, 1),
        constraints=constraints,
        options=_options(deadline),
    )
    if result.status == 0:
        return Solution(_chosen(result.x), "optimal", 0.0, "milp")
    chosen = _chosen(result.x) if result.x is not None else greedy(problem).chosen
    bound = _bound(problem, objective, result.mip_dual_bound)
    return Solution(chosen, "time_limit", _gap(objective[chosen].sum(), bound), "milp")


def _bound(problem: Problem, objective: np.ndarray, dual_bound: float | None) -> float:
    """HiGHS's proven bound, or where it has none yet the trivial one: the best ``k`` pairs."""
    if dual_bound is not None and np.isfinite(dual_bound):
        return -dual_bound
    k = min(problem.n_candidates, problem.n_dwellings)
    return float(np.sort(objective)[::-1][:k].sum())


def lexicographic(score: np.ndarray, mode: Mode, k: int) -> np.ndarray:
    """One whole-number objective per pair that ranks answers lexicographically.

    At most ``k`` pairs are chosen, so in ``housed_then_score`` a weight of ``k * max score + 1``
    per pair makes one more person housed outweigh any score; in ``score_only`` the score is
    multiplied by ``k + 1`` and each pair adds 1, so the number housed only breaks ties. Exact in
    a float as long as the total stays below 2**53, far above any real instance.
    """
    score = score.astype(np.int64)
    if mode == "score_only":
        return score * (k + 1) + 1
    return score + k * int(score.max(initial=0)) + 1


def _constraints(problem: Problem) -> tuple[sparse.csr_matrix, np.ndarray]:
    """One row per candidate and per dwelling (at most one), and one per quota."""
    n = len(problem.score)
    pairs = np.arange(n)
    rows = [problem.candidate, problem.n_candidates + problem.dwelling]
    columns = [pairs, pairs]
    base = problem.n_candidates + problem.n_dwellings
    for i, quota in enumerate(problem.quotas):
        members = np.flatnonzero(quota.members(problem))
        rows.append(np.full(len(members), base + i))
        columns.append(members)
    row, column = np.concatenate(rows), np.concatenate(columns)
    shape = (base + len(problem.quotas), n)
    matrix = sparse.csr_matrix((np.ones(len(row)), (row, column)), shape=shape)
    upper = np.concatenate([np.ones(base), [q.limit for q in problem.quotas]])
    return matrix, upper


def _options(deadline: float) -> dict:
    return {"time_limit": max(0.01, deadline - time.monotonic()), "mip_rel_gap": 0.0}


def _chosen(x: np.ndarray) -> np.ndarray:
    return np.flatnonzero(x > 0.5)


def _gap(value: float, bound: float) -> float:
    return 0.0 if bound <= value else (bound - value) / max(abs(bound), 1.0)


def greedy(problem: Problem) -> Solution:
    """Hardest dwelling first (fewest feasible candidates), each to its highest-scoring candidate
    who is still free and fits every quota; ties by index, so the result is deterministic."""
    membership = [np.flatnonzero(q.members(problem)) for q in problem.quotas]
    quotas_of: dict[int, list[int]] = {}
    for q, members in enumerate(membership):
        for pair in members.tolist():
            quotas_of.setdefault(pair, []).append(q)
    room = [q.limit for q in problem.quotas]
    demand = np.bincount(problem.dwelling, minlength=problem.n_dwellings)
    order = np.lexsort(
        (problem.candidate, -problem.score, problem.dwelling, demand[problem.dwelling])
    )
    taken_c = np.zeros(problem.n_candidates, bool)
    taken_d = np.zeros(problem.n_dwellings, bool)
    chosen = []
    for pair in order.tolist():
        c, d = problem.candidate[pair], problem.dwelling[pair]
        quotas = quotas_of.get(pair, ())
        if taken_c[c] or taken_d[d] or any(room[q] == 0 for q in quotas):
            continue
        taken_c[c] = taken_d[d] = True
        for q in quotas:
            room[q] -= 1
        chosen.append(pair)
    return Solution(np.array(sorted(chosen), np.int64), "heuristic", None, "greedy")
