"""Hand-made problems whose optimum is known, in whole places and in the LP relaxation."""

import pytest

from onderdak.engines.capacity_plan import GroupBudget, TotalLimit, optimise

from .cases import cell, problem

BOTH = pytest.mark.parametrize("integer", [True, False])


@BOTH
def test_a_budget_that_does_not_bind_meets_the_demand_at_its_cost(integer):
    solution = optimise(problem(integer=integer))
    assert solution.status == "optimal"
    assert solution.gap == 0
    assert solution.places == {"GM0001/housing-first": (10, 12, 15)}
    assert solution.shortage == {"GM0001/housing-first": (0, 0, 0)}
    assert solution.cost == (1000, 1200, 1500)
    assert solution.objective == 0
    assert solution.binding == ()


@BOTH
def test_a_binding_budget_buys_as_many_places_as_it_pays_for(integer):
    solution = optimise(problem(budget=(1000, 1100, 1200), integer=integer))
    assert solution.places["GM0001/housing-first"] == (10, 11, 12)
    assert solution.shortage["GM0001/housing-first"] == (0, 1, 3)
    assert solution.objective == 4
    assert solution.binding == ("The budget is fully used in 2027\N{EN DASH}2028.",)
    assert [(f.kind, f.subject, f.years) for f in solution.findings] == [
        ("budget", "", (2027, 2028))
    ]


def test_whole_places_leave_part_of_a_budget_unspent_where_the_lp_spends_it():
    tight = problem(budget=(1050, 1150, 1250))
    assert optimise(tight).places["GM0001/housing-first"] == (10, 11, 12)
    relaxed = optimise(problem(budget=(1050, 1150, 1250), integer=False))
    assert relaxed.places["GM0001/housing-first"] == pytest.approx((10, 11.5, 12.5))
    assert relaxed.objective == pytest.approx(3)


@BOTH
def test_a_ramp_limit_slows_the_build_up(integer):
    solution = optimise(problem(cell(max_increase=2), integer=integer))
    assert solution.places["GM0001/housing-first"] == (10, 12, 14)
    assert solution.objective == 1
    assert solution.binding == (
        "GM0001/housing-first may add at most 2 places a year (binding in 2026\N{EN DASH}2028).",
    )


@BOTH
def test_a_limit_on_closing_keeps_places_open_beyond_the_demand(integer):
    shrinking = cell(demand=(20, 12, 4), start=24, max_decrease=5, label="Leiden, night shelter")
    solution = optimise(problem(shrinking, integer=integer))
    assert solution.places["GM0001/housing-first"] == (20, 15, 10)
    assert solution.objective == 0
    assert solution.cost == (2000, 1500, 1000)
    assert solution.binding == (
        "Leiden, night shelter may close at most 5 places a year, so it keeps more places than "
        "needed in 2027\N{EN DASH}2028.",
    )


def test_a_fractional_demand_takes_the_next_whole_place_when_the_budget_allows():
    solution = optimise(problem(cell(demand=(10.5, 12.2, 3.0), max_decrease=2)))
    assert solution.places["GM0001/housing-first"] == (11, 13, 11)
    assert solution.objective == 0


def test_two_cells_share_one_budget_and_the_heavier_shortage_is_met_first():
    shelter = cell("GM0001/nachtopvang", demand=(10, 10, 10), start=0, shortage_weight=2.0)
    housing = cell("GM0001/housing-first", demand=(10, 10, 10), start=0)
    solution = optimise(problem(shelter, housing, budget=(1500, 1500, 1500)))
    assert solution.places == {
        "GM0001/housing-first": (5, 5, 5),
        "GM0001/nachtopvang": (10, 10, 10),
    }
    assert solution.objective == 15


def test_with_equal_weights_the_cheaper_place_shelters_more_people():
    cheap = cell("GM0001/housing-first", demand=(10,) * 3, start=0, cost_per_place=(50,) * 3)
    dear = cell("GM0001/nachtopvang", demand=(10,) * 3, start=0, cost_per_place=(100,) * 3)
    solution = optimise(problem(cheap, dear, budget=(1000, 1000, 1000)))
    assert solution.places == {
        "GM0001/housing-first": (10, 10, 10),
        "GM0001/nachtopvang": (5, 5, 5),
    }


def test_with_money_to_spare_no_place_is_added_beyond_the_demand():
    cheap = cell("GM0001/housing-first", demand=(5,) * 3, start=0, cost_per_place=(50,) * 3)
    dear = cell("GM0002/housing-first", demand=(5,) * 3, start=0, cost_per_place=(80,) * 3)
    roomy = optimise(problem(cheap, dear, budget=(10_000,) * 3))
    assert roomy.places == {"GM0001/housing-first": (5,) * 3, "GM0002/housing-first": (5,) * 3}
    assert roomy.cost == (650, 650, 650)


def test_a_place_for_a_thousandth_of_a_person_or_more_is_worth_its_cost():
    # The tie-break weighs a euro at 0.001 / (3 years x €100): a €100 place at 0.00033.
    solution = optimise(problem(cell(demand=(10.0002, 10.001, 10.0))))
    assert solution.places["GM0001/housing-first"] == (10, 11, 10)
    assert solution.objective == pytest.approx(0.0002)
    assert solution.tie_break == pytest.approx(3100 * 0.001 / 300)


def test_a_group_budget_binds_its_own_cells_only():
    noord = cell("GM0001/housing-first", demand=(10,) * 3, start=0)
    zuid = cell("GM0002/housing-first", demand=(10,) * 3, start=0)
    budget = GroupBudget("subregion noord", (noord.key,), (600, 600, 600))
    solution = optimise(problem(noord, zuid, group_budgets=(budget,)))
    assert solution.places == {noord.key: (6, 6, 6), zuid.key: (10, 10, 10)}
    assert solution.binding == (
        "The budget of subregion noord is fully used in 2026\N{EN DASH}2028.",
    )


def test_a_total_limit_on_closing_keeps_the_cheapest_places_open():
    closing = {"demand": (0,) * 3, "start": 10, "max_increase": 0}
    dear = cell("GM0001/nachtopvang", cost_per_place=(200,) * 3, **closing)
    cheap = cell("GM0002/nachtopvang", cost_per_place=(100,) * 3, **closing)
    shelters = TotalLimit("the region's night shelters", (dear.key, cheap.key), max_decrease=6)
    solution = optimise(problem(dear, cheap, total_limits=(shelters,)))
    assert solution.places == {dear.key: (4, 0, 0), cheap.key: (10, 8, 2)}
    assert solution.cost == (1800, 800, 200)
    assert solution.binding == (
        "The region's night shelters may close at most 6 places a year together, so more places "
        "stay open than needed in 2026\N{EN DASH}2028.",
    )


def test_a_minimum_and_a_maximum_of_places_bind_in_words():
    contract = cell("GM0001/nachtopvang", demand=(3, 3, 12), min_places=5, max_places=10)
    solution = optimise(problem(contract))
    assert solution.places == {contract.key: (5, 5, 10)}
    assert solution.binding == (
        "GM0001/nachtopvang has at most 10 places, fewer than needed in 2028.",
        "GM0001/nachtopvang keeps at least 5 places, more than needed in 2026\N{EN DASH}2027.",
    )
