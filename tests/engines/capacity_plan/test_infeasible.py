"""Problems without any plan within the limits: the answer says why, with the year and, for a
budget, the euro missing; it never crashes."""

from onderdak.engines.capacity_plan import GroupBudget, TotalLimit, optimise

from .cases import cell, problem

KEY = "GM0001/housing-first"


def test_a_budget_that_cannot_pay_the_minimum_places_names_each_year_and_the_euro_missing():
    solution = optimise(problem(cell(min_places=6), budget=(500, 700, 550)))
    assert solution.status == "infeasible"
    assert (solution.places, solution.shortage, solution.cost, solution.gap) == ({}, {}, (), None)
    assert [
        (f.kind, f.subject, f.years, f.limit, round(f.amount, 2)) for f in solution.findings
    ] == [
        ("budget", "", (2026,), 500, 100),
        ("budget", "", (2028,), 550, 50),
    ]
    assert solution.binding[0] == (
        "In 2026 the budget of €500 is €100 short of the cheapest plan within the limits (€600): "
        "the places that must stay open (the minimum places and the limits on closing) cost more."
    )
    assert solution.message == " ".join(solution.binding)


def test_the_entered_plan_is_still_measured_when_there_is_no_plan():
    solution = optimise(problem(cell(min_places=6), budget=(500, 700, 550)))
    assert solution.entered_shortage == {KEY: (1, 2, 4)}
    assert solution.entered_cost == (900, 1000, 1100)
    assert solution.entered_objective == 7
    assert [f.kind for f in solution.entered_breaches] == ["budget"]


def test_places_that_may_close_only_slowly_can_outrun_the_budget():
    solution = optimise(problem(cell(start=20, max_decrease=5), budget=(1000, 1000, 1000)))
    assert solution.status == "infeasible"
    assert [(f.years, round(f.amount)) for f in solution.findings] == [((2026,), 500)]


def test_a_cell_that_cannot_close_fast_enough_for_its_maximum():
    solution = optimise(
        problem(cell(start=30, max_decrease=5, max_places=20, label="Leiden, nachtopvang"))
    )
    assert solution.status == "infeasible"
    [finding] = solution.findings
    assert (finding.kind, finding.subject, finding.years, finding.limit, finding.amount) == (
        "max_decrease",
        KEY,
        (2026,),
        5,
        5,
    )
    assert finding.text == (
        "Leiden, nachtopvang may close at most 5 places a year, so from 30 places in 2025 it "
        "still has 25 in 2026, more than its maximum of 20."
    )


def test_a_cell_that_cannot_grow_fast_enough_for_its_minimum():
    solution = optimise(problem(cell(start=0, max_increase=(2, 4, 4), min_places=5)))
    [finding] = solution.findings
    assert (finding.kind, finding.years, finding.amount) == ("max_increase", (2026,), 3)
    assert finding.text == (
        "GM0001/housing-first may add at most 2 to 4 places a year, so from 0 places in 2025 it "
        "has at most 2 in 2026, fewer than its minimum of 5."
    )


def test_a_group_budget_that_falls_short_is_named():
    noord = GroupBudget("subregion noord", (KEY,), (1000, 500, 1000))
    solution = optimise(problem(cell(min_places=6), group_budgets=(noord,)))
    assert [(f.subject, f.years, round(f.amount)) for f in solution.findings] == [
        ("subregion noord", (2027,), 100)
    ]
    assert solution.binding[0].startswith("In 2027 the budget of subregion noord of €500 is €100")


def test_a_total_limit_that_the_cells_must_break_is_named():
    first = cell("GM0001/nachtopvang", start=10, max_places=5)
    second = cell("GM0002/nachtopvang", start=10, max_places=5)
    loose = TotalLimit("the night shelters", (first.key, second.key), max_increase=50)
    slow = TotalLimit("the region's shelters", (first.key, second.key), max_decrease=4)
    solution = optimise(problem(first, second, total_limits=(loose, slow)))
    assert solution.status == "infeasible"
    assert [(f.kind, f.subject) for f in solution.findings] == [
        ("total_decrease", "the region's shelters")
    ]
    assert "cannot be kept together with its cells' own limits" in solution.binding[0]


def test_a_problem_that_fractions_of_places_solve_but_whole_places_cannot():
    # Both cells together keep at least one place (the total may not shrink), but each cell's
    # own budget pays for two thirds of a place only.
    first = cell("GM0001/nachtopvang", start=1, cost_per_place=(300,) * 3)
    second = cell("GM0002/nachtopvang", start=0, cost_per_place=(300,) * 3)
    keys = (first.key, second.key)
    fields = {
        "group_budgets": (
            GroupBudget("first", keys[:1], (200,) * 3),
            GroupBudget("second", keys[1:], (200,) * 3),
        ),
        "total_limits": (TotalLimit("both", keys, max_decrease=0),),
    }
    assert optimise(problem(first, second, integer=False, **fields)).status == "optimal"
    solution = optimise(problem(first, second, **fields))
    assert solution.status == "infeasible"
    assert solution.findings == ()
    assert solution.message.startswith("No plan in whole places keeps every limit")
    assert solution.binding == (solution.message,)
