"""An independent reading of the allocation rules, pair by pair in plain Python, with a brute
force and an OR-Tools CP-SAT model built on it, to check the engine against."""

from collections.abc import Iterator
from decimal import Decimal

from ortools.sat.python import cp_model

from onderdak.engines.allocation import AllocationInput, AllocationResult, Candidate, Dwelling


def rent_limit(data: AllocationInput, c: Candidate) -> Decimal:
    rows = {
        r.household_size: r.max_rent for r in data.affordability if r.income_band == c.income_band
    }
    sizes = [s for s in rows if s <= c.household_size] or [min(rows)]
    return rows[max(sizes)]


def feasible(data: AllocationInput, c: Candidate, d: Dwelling) -> bool:
    rules = {
        "rooms": lambda: d.rooms >= c.rooms_needed,
        "accessibility": lambda: (
            (not c.needs_ground_floor_or_lift or d.floor == 0 or d.has_lift)
            and (not c.needs_wheelchair_access or d.wheelchair_accessible)
        ),
        "affordability": lambda: d.rent <= rent_limit(data, c),
        "stream": lambda: d.stream in (c.stream, "either"),
        "municipality": lambda: d.municipality not in c.excluded_municipalities,
        "declined": lambda: (c.id, d.id) not in set(data.declined),
    }
    in_use = rules if data.rules is None else data.rules
    return all(rules[rule]() for rule in in_use)


def points(data: AllocationInput, c: Candidate, d: Dwelling) -> dict[str, int]:
    subregion = data.municipalities
    liked = {subregion[m] for m in (*c.preferred_municipalities, c.tie_municipality)}
    if d.municipality in c.preferred_municipalities:
        area = 100
    else:
        area = 50 if subregion[d.municipality] in liked else 0
    waited = (data.reference_date - c.approved_on).days
    spare = d.rooms - c.rooms_needed
    return {
        "preferred_area": area,
        "waiting_time": min(100, waited * 100 // 365),
        "guidance_nearby": 100 if c.guidance_subregion == subregion[d.municipality] else 0,
        "household_fit": {0: 100, 1: 50}.get(spare, 0),
        "urgency": 100 if c.urgent else 0,
    }


def score(data: AllocationInput, c: Candidate, d: Dwelling) -> int:
    return sum(data.weights.get(k, 0) * v for k, v in points(data, c, d).items())


def pairs(data: AllocationInput) -> dict[tuple[str, str], int]:
    """Every feasible pair with its score."""
    return {
        (c.id, d.id): score(data, c, d)
        for c in data.candidates
        for d in data.dwellings
        if feasible(data, c, d)
    }


def counted(quota, pair: tuple[str, str]) -> bool:
    c, d = pair
    return (not quota.candidates or c in quota.candidates) and (
        not quota.dwellings or d in quota.dwellings
    )


def key(data: AllocationInput, housed: int, total: int) -> tuple[int, int]:
    return (housed, total) if data.mode == "housed_then_score" else (total, housed)


def brute_force(data: AllocationInput) -> tuple[int, int]:
    """The best (housed, score) over every matching that keeps the quotas."""
    feasible_pairs = pairs(data)
    candidates = sorted(c.id for c in data.candidates)
    best = (0, 0)
    for matching in _matchings(candidates, feasible_pairs, set(), []):
        if all(sum(counted(q, p) for p in matching) <= q.limit for q in data.quotas):
            total = sum(feasible_pairs[p] for p in matching)
            best = max(best, (len(matching), total), key=lambda hs: key(data, *hs))
    return best


def _matchings(candidates, feasible_pairs, used, chosen) -> Iterator[list]:
    if not candidates:
        yield list(chosen)
        return
    first, rest = candidates[0], candidates[1:]
    yield from _matchings(rest, feasible_pairs, used, chosen)
    for c, d in feasible_pairs:
        if c == first and d not in used:
            yield from _matchings(rest, feasible_pairs, used | {d}, [*chosen, (c, d)])


def cp_sat(data: AllocationInput) -> tuple[int, int]:
    """The best (housed, score) by CP-SAT: the primary objective, then the secondary one."""
    feasible_pairs = pairs(data)
    model = cp_model.CpModel()
    x = {p: model.new_bool_var(f"{p}") for p in feasible_pairs}
    for c in data.candidates:
        model.add(sum(v for (ci, _), v in x.items() if ci == c.id) <= 1)
    for d in data.dwellings:
        model.add(sum(v for (_, di), v in x.items() if di == d.id) <= 1)
    for q in data.quotas:
        model.add(sum(v for p, v in x.items() if counted(q, p)) <= q.limit)
    housed = sum(x.values())
    total = sum(feasible_pairs[p] * v for p, v in x.items())
    first, second = (housed, total) if data.mode == "housed_then_score" else (total, housed)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 8
    model.maximize(first)
    assert solver.solve(model) == cp_model.OPTIMAL
    model.add(first >= round(solver.objective_value))
    model.maximize(second)
    assert solver.solve(model) == cp_model.OPTIMAL
    values = {p: solver.value(v) for p, v in x.items()}
    return sum(values.values()), sum(feasible_pairs[p] * v for p, v in values.items())


def check_answer(data: AllocationInput, result: AllocationResult) -> None:
    """Every hard rule and quota holds, and the explanations add up."""
    candidates = {c.id: c for c in data.candidates}
    dwellings = {d.id: d for d in data.dwellings}
    chosen = [(a.candidate, a.dwelling) for a in result.assignments]
    assert len({c for c, _ in chosen}) == len({d for _, d in chosen}) == len(chosen)
    for a in result.assignments:
        assert feasible(data, candidates[a.candidate], dwellings[a.dwelling])
        assert sum(p for _, p in a.points) == a.score
        assert a.score == score(data, candidates[a.candidate], dwellings[a.dwelling])
    for q in data.quotas:
        assert sum(counted(q, p) for p in chosen) <= q.limit
    assert result.total_score == sum(a.score for a in result.assignments)
    assert result.housed == len(chosen)
    housed = {c for c, _ in chosen}
    assert sorted(housed | {u.candidate for u in result.unmatched}) == sorted(candidates)
    used = {d for _, d in chosen}
    assert sorted(used | {u.dwelling for u in result.unused}) == sorted(dwellings)
    _check_unmatched(data, result, candidates, dwellings, dict(map(reversed, chosen)))
    _check_unused(data, result, candidates, dwellings, dict(chosen))


def _check_unmatched(data, result, candidates, dwellings, tenant_of) -> None:
    for u in result.unmatched:
        options = [d for d in dwellings.values() if feasible(data, candidates[u.candidate], d)]
        assert (u.reason == "no_feasible_dwelling") == (not options)
        if u.reason == "no_feasible_dwelling":
            assert bool(u.excluded_by) == bool(dwellings)  # no dwelling: no rule to name
            assert u.main_rule == (u.excluded_by[0][0] if dwellings else None)
            continue
        taken = dict(u.taken_by)
        assert taken == {d.id: tenant_of[d.id] for d in options if d.id in tenant_of}
        if result.status == "optimal" and len(taken) < len(options):
            assert u.full_quotas  # a free feasible dwelling: only a full quota kept it out


def _check_unused(data, result, candidates, dwellings, home_of) -> None:
    for u in result.unused:
        takers = [c for c in candidates.values() if feasible(data, c, dwellings[u.dwelling])]
        assert (u.reason == "no_feasible_candidate") == (not takers)
        if u.reason == "no_feasible_candidate":
            assert bool(u.excluded_by) == bool(candidates)
            continue
        elsewhere = dict(u.placed_elsewhere)
        assert elsewhere == {c.id: home_of[c.id] for c in takers if c.id in home_of}
        if result.status == "optimal" and len(elsewhere) < len(takers):
            assert u.full_quotas  # a free feasible candidate: only a full quota kept them out
