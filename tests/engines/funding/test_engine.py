"""distribute(): hand-computed examples and properties over any valid input."""

import dataclasses
from decimal import Decimal

from hypothesis import given, settings

from onderdak.engines.funding import (
    CapConflict,
    FundingInput,
    FundingResult,
    PhaseIn,
    distribute,
    split_cents,
)
from onderdak.engines.funding.cap import cap_bounds
from tests.engines.funding.strategies import funding_inputs

D = Decimal
PROPERTY = settings(max_examples=60, deadline=None)


def two(**changes) -> FundingInput:
    """Two municipalities, historical 60/40, objective 40/60, 1000.00 a year."""
    data = FundingInput(
        years=(2025, 2026, 2027),
        municipalities=(("A", "noord"), ("B", "zuid")),
        budget={2025: D("1000.00"), 2026: D("1000.00"), 2027: D("1000.00")},
        historical_key={"A": D("0.6"), "B": D("0.4")},
        objective_key={"A": D("0.4"), "B": D("0.6")},
        phase_in=PhaseIn(2026, years=2),
    )
    return dataclasses.replace(data, **changes)


def allocations(result: FundingResult) -> dict[int, list[str]]:
    years = sorted({row.year for row in result.rows})
    return {year: [str(row.allocation) for row in result.rows_for(year)] for year in years}


def test_linear_phase_in_moves_halfway_then_all_the_way():
    result = distribute(two())
    assert allocations(result) == {
        2025: ["600.00", "400.00"],
        2026: ["500.00", "500.00"],
        2027: ["400.00", "600.00"],
    }
    assert [row.key_share for row in result.rows_for(2027)] == [D("0.4"), D("0.6")]
    assert result.conflicts == ()


def test_the_cap_slows_the_phase_in():
    """From 600 / 400 towards 400 / 600 with at most 5 % a year: B may grow to 420 (then 441),
    A keeps the rest; in 2027 the objective's 400 / 600 is still out of reach."""
    result = distribute(two(cap=D("0.05"), phase_in=PhaseIn(2026)))
    assert allocations(result) == {
        2025: ["600.00", "400.00"],
        2026: ["580.00", "420.00"],
        2027: ["559.00", "441.00"],
    }
    assert [row.key_share for row in result.rows_for(2026)] == [D("0.58"), D("0.42")]


def test_a_cap_that_cannot_hold_is_reported_and_the_money_still_adds_up():
    budget = {2025: D("1000.00"), 2026: D("800.00"), 2027: D("800.00")}
    result = distribute(two(cap=D("0.1"), budget=budget, phase_in=PhaseIn(2030)))
    assert result.conflicts == (
        CapConflict(
            year=2026,
            message="In 2026 the budget falls by 20 % (from 1000.00 to 800.00) while no "
            "municipality may lose more than 10 % (together at least 900.00); the cap cannot hold.",
            codes=("A", "B"),
        ),
    )
    assert allocations(result)[2026] == ["480.00", "320.00"]
    assert result.total(2026).allocation == D("800.00")


def test_a_rising_budget_beyond_the_cap_is_reported_too():
    budget = {2025: D("1000.00"), 2026: D("1000.00"), 2027: D("1500.00")}
    result = distribute(two(cap=D("0.1"), budget=budget, phase_in=PhaseIn(2030)))
    (conflict,) = result.conflicts
    assert conflict.year == 2027
    assert "rises by 50 %" in conflict.message
    assert "gain more than 10 % (together at most 1100.00)" in conflict.message


def test_solidarity_subregions_planned_costs_and_balance():
    data = FundingInput(
        years=(2026,),
        municipalities=(("A", "noord"), ("B", "noord"), ("C", "zuid")),
        budget={2026: D("900.00")},
        historical_key={"A": D("0.5"), "B": D("0.25"), "C": D("0.25")},
        objective_key={"A": D("0.5"), "B": D("0.25"), "C": D("0.25")},
        phase_in=PhaseIn(2026),
        regional_costs={2026: D("300.00")},
        solidarity_key={"A": D("0.2"), "B": D("0.3"), "C": D("0.5")},
        subregional_costs={("noord", 2026): D("100.00")},
        subregional_key={"A": D(1000), "B": D(2000), "C": D(5000)},
        planned_costs={("C", 2026): D("225.00")},
    )
    result = distribute(data)
    table = [
        (
            r.code,
            r.allocation,
            r.regional_contribution,
            r.subregional_contribution,
            r.planned_costs,
            r.balance,
        )
        for r in result.rows
    ]
    assert table == [
        ("A", D("450.00"), D("60.00"), D("33.33"), D("0.00"), D("356.67")),
        ("B", D("225.00"), D("90.00"), D("66.67"), D("0.00"), D("68.33")),
        ("C", D("225.00"), D("150.00"), D("0.00"), D("225.00"), D("-150.00")),
    ]
    noord, zuid = result.total(2026, "noord"), result.total(2026, "zuid")
    assert (noord.allocation, noord.subregional_contribution, noord.balance) == (
        D("675.00"),
        D("100.00"),
        D("425.00"),
    )
    assert zuid.balance == D("-150.00")
    assert result.total(2026).balance == D("275.00")
    assert [t.scope for t in result.totals] == ["region", "noord", "zuid"]


def test_rows_are_ordered_by_year_then_code():
    data = two(municipalities=(("B", "zuid"), ("A", "noord")))
    assert [(r.year, r.code) for r in distribute(data).rows] == [
        (2025, "A"),
        (2025, "B"),
        (2026, "A"),
        (2026, "B"),
        (2027, "A"),
        (2027, "B"),
    ]


def cents(amount: Decimal) -> int:
    return int(amount * 100)


@PROPERTY
@given(funding_inputs())
def test_every_split_conserves_money_to_the_cent(data):
    result = distribute(data)
    for year in data.years:
        rows = result.rows_for(year)
        assert sum(r.allocation for r in rows) == data.budget[year]
        assert sum(r.regional_contribution for r in rows) == data.regional_costs.get(year, 0)
        for slug in {slug for _, slug in data.municipalities}:
            members = [r for r in rows if r.subregion == slug]
            cost = data.subregional_costs.get((slug, year), 0)
            assert sum(r.subregional_contribution for r in members) == cost
        for row in rows:
            assert row.planned_costs == data.planned_costs.get((row.code, year), 0)
            assert row.balance == (
                row.allocation
                - row.regional_contribution
                - row.subregional_contribution
                - row.planned_costs
            )
        assert sum(r.key_share for r in rows) == 1


@PROPERTY
@given(funding_inputs())
def test_totals_add_up(data):
    result = distribute(data)
    fields = (
        "allocation",
        "regional_contribution",
        "subregional_contribution",
        "planned_costs",
        "balance",
    )
    slugs = sorted({slug for _, slug in data.municipalities})
    assert len(result.totals) == len(data.years) * (1 + len(slugs))
    for year in data.years:
        region = result.total(year)
        assert region.allocation == data.budget[year]
        for field in fields:
            rows = result.rows_for(year)
            assert getattr(region, field) == sum(getattr(r, field) for r in rows)
            assert getattr(region, field) == sum(
                getattr(result.total(year, s), field) for s in slugs
            )
            for slug in slugs:
                members = [r for r in rows if r.subregion == slug]
                assert getattr(result.total(year, slug), field) == sum(
                    getattr(r, field) for r in members
                )


@PROPERTY
@given(funding_inputs(cap=False))
def test_the_phase_in_ends_on_exactly_the_objective_key(data):
    result = distribute(data)
    for year in data.years:
        if year >= data.phase_in.end_year:
            rows = result.rows_for(year)
            assert {r.code: r.key_share for r in rows} == dict(data.objective_key)
            expected = split_cents(data.budget[year], data.objective_key)
            assert {r.code: r.allocation for r in rows} == expected


@PROPERTY
@given(funding_inputs(cap=False))
def test_before_the_phase_in_the_historical_key_holds(data):
    result = distribute(data)
    first = data.phase_in.steps[0][0] if data.phase_in.steps else data.phase_in.start_year
    for year in data.years:
        if year < first:
            rows = result.rows_for(year)
            assert {r.code: r.key_share for r in rows} == dict(data.historical_key)


@PROPERTY
@given(funding_inputs(cap=True))
def test_the_cap_is_never_exceeded_without_a_conflict(data):
    result = distribute(data)
    conflicts = {conflict.year: conflict for conflict in result.conflicts}
    for before, year in zip(data.years, data.years[1:], strict=False):
        previous = result.rows_for(before)
        rows = result.rows_for(year)
        lows, highs = cap_bounds([cents(r.allocation) for r in previous], data.cap)
        budget = cents(data.budget[year])
        holds = sum(lows) <= budget <= sum(highs)
        assert (year not in conflicts) == holds
        beyond = tuple(
            r.code
            for r, lo, hi in zip(rows, lows, highs, strict=True)
            if not lo <= cents(r.allocation) <= hi
        )
        if holds:
            assert beyond == ()
            for old, new in zip(previous, rows, strict=True):
                assert abs(new.allocation - old.allocation) <= data.cap * old.allocation
        else:
            assert conflicts[year].codes == beyond != ()
            assert str(year) in conflicts[year].message
    assert all(conflict.year != data.years[0] for conflict in result.conflicts)


@PROPERTY
@given(funding_inputs())
def test_same_input_same_output(data):
    again = dataclasses.replace(
        data,
        budget=dict(reversed(list(data.budget.items()))),
        planned_costs=dict(reversed(list(data.planned_costs.items()))),
    )
    assert distribute(data) == distribute(data) == distribute(again)


def walk(value):
    if dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from walk(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from walk(item)
    else:
        yield value


@PROPERTY
@given(funding_inputs())
def test_no_float_in_a_result_and_money_to_the_cent(data):
    result = distribute(data)
    assert not any(isinstance(value, float) for value in walk(result))
    for item in (*result.rows, *result.totals):
        for field in (
            "allocation",
            "regional_contribution",
            "subregional_contribution",
            "planned_costs",
            "balance",
        ):
            amount = getattr(item, field)
            assert isinstance(amount, Decimal)
            assert amount.as_tuple().exponent == -2
    assert all(isinstance(row.key_share, Decimal) for row in result.rows)
