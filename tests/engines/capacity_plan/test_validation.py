"""Bad input is refused with a PlanError that names the field and, where there is one, the
cell."""

import math
from dataclasses import replace
from decimal import Decimal

import numpy as np
import pytest

from onderdak.engines.capacity_plan import (
    GroupBudget,
    PlanError,
    PlanProblem,
    TotalLimit,
    optimise,
)

from .cases import cell, problem

KEY = "GM0001/housing-first"


def with_cell(**fields) -> PlanProblem:
    return problem(cell(**fields))


BAD = [
    ("no years", replace(problem(), years=()), "years", None, "at least one planned year"),
    (
        "a gap in the years",
        replace(problem(), years=(2026, 2028, 2029)),
        "years",
        None,
        "2028 follows 2026",
    ),
    (
        "years descending",
        replace(problem(), years=(2028, 2027, 2026)),
        "years",
        None,
        "consecutive",
    ),
    (
        "a year that is not whole",
        replace(problem(), years=(2026, 2027.0, 2028)),
        "years",
        None,
        "whole",
    ),
    ("no cells", replace(problem(), cells=()), "cells", None, "at least one cell"),
    (
        "a cell that is not a PlanCell",
        replace(problem(), cells=({"key": KEY},)),
        "cells",
        None,
        "PlanCell",
    ),
    ("a cell without a key", with_cell(key=" "), "key", None, "needs a key"),
    ("a key twice", problem(cell(), cell()), "key", KEY, "occurs twice"),
    (
        "demand too short",
        with_cell(demand=(1.0, 2.0)),
        "demand",
        KEY,
        "one value per planned year (3)",
    ),
    ("negative demand", with_cell(demand=(1.0, -2.0, 3.0)), "demand", KEY, "-2.0"),
    ("demand not a number", with_cell(demand=(1.0, "2", 3.0)), "demand", KEY, "'2'"),
    ("demand infinite", with_cell(demand=(1.0, math.inf, 3.0)), "demand", KEY, "inf"),
    ("demand NaN", with_cell(demand=(1.0, math.nan, 3.0)), "demand", KEY, "nan"),
    ("a boolean demand", with_cell(demand=(True, 1.0, 1.0)), "demand", KEY, "True"),
    ("a negative cost", with_cell(cost_per_place=(100, -1, 100)), "cost_per_place", KEY, "-1"),
    ("negative places at the start", with_cell(start=-1), "start", KEY, "whole number of places"),
    ("fractional places at the start", with_cell(start=2.5), "start", KEY, "2.5"),
    ("a negative entered plan", with_cell(entered=(1, -1, 1)), "entered", KEY, "-1"),
    ("an entered plan in fractions", with_cell(entered=(1, 1.5, 1)), "entered", KEY, "1.5"),
    ("an entered plan too long", with_cell(entered=(1, 1, 1, 1)), "entered", KEY, "(3)"),
    ("a negative increase limit", with_cell(max_increase=-1), "max_increase", KEY, "-1"),
    (
        "a decrease limit per year too short",
        with_cell(max_decrease=(1, None)),
        "max_decrease",
        KEY,
        "(3)",
    ),
    (
        "a fractional decrease limit",
        with_cell(max_decrease=(1, 0.5, 1)),
        "max_decrease",
        KEY,
        "0.5",
    ),
    ("a negative minimum", with_cell(min_places=-3), "min_places", KEY, "-3"),
    (
        "a maximum below the minimum",
        with_cell(min_places=5, max_places=4),
        "max_places",
        KEY,
        "below the minimum of 5",
    ),
    ("too many places", with_cell(max_places=10**7), "max_places", KEY, "1,000,000"),
    ("a zero weight", with_cell(shortage_weight=0), "shortage_weight", KEY, "from 0.001 to 1000"),
    ("a budget too short", replace(problem(), budget=(1.0, 2.0)), "budget", None, "(3)"),
    ("a negative budget", replace(problem(), budget=(1.0, -2.0, 3.0)), "budget", None, "-2.0"),
    ("a budget of NaN", replace(problem(), budget=(1.0, math.nan, 3.0)), "budget", None, "nan"),
    ("integer not a boolean", replace(problem(), integer=1), "integer", None, "True"),
    (
        "no time",
        replace(problem(), time_limit_seconds=0),
        "time_limit_seconds",
        None,
        "more than 0",
    ),
    (
        "a time limit of hours",
        replace(problem(), time_limit_seconds=7200),
        "time_limit_seconds",
        None,
        "3600",
    ),
]


@pytest.mark.parametrize(
    ("bad", "field", "cell_key", "words"), [case[1:] for case in BAD], ids=[case[0] for case in BAD]
)
def test_bad_input_is_refused_naming_the_field_and_cell(bad, field, cell_key, words):
    with pytest.raises(PlanError) as raised:
        optimise(bad)
    assert raised.value.field == field
    assert raised.value.cell == cell_key
    assert words in raised.value.message


GROUPS = [
    (
        "a group budget of an unknown cell",
        {"group_budgets": (GroupBudget("noord", ("GM9999/x",), (1.0, 1.0, 1.0)),)},
        "group_budgets",
        "not in the problem: 'GM9999/x'",
    ),
    (
        "a group budget without cells",
        {"group_budgets": (GroupBudget("noord", (), (1.0, 1.0, 1.0)),)},
        "group_budgets",
        "at least one cell",
    ),
    (
        "a group budget naming a cell twice",
        {"group_budgets": (GroupBudget("noord", (KEY, KEY), (1.0, 1.0, 1.0)),)},
        "group_budgets",
        "twice",
    ),
    (
        "two group budgets with one name",
        {"group_budgets": (GroupBudget("noord", (KEY,), (1.0,) * 3),) * 2},
        "group_budgets",
        "a name of its own",
    ),
    (
        "a group budget too short",
        {"group_budgets": (GroupBudget("noord", (KEY,), (1.0,)),)},
        "group_budgets",
        "(3)",
    ),
    (
        "a group budget that is not one",
        {"group_budgets": ("noord",)},
        "group_budgets",
        "not a GroupBudget",
    ),
    ("group budgets not a tuple", {"group_budgets": None}, "group_budgets", "must be a tuple"),
    (
        "a total limit without a limit",
        {"total_limits": (TotalLimit("regio", (KEY,)),)},
        "total_limits",
        "neither adding nor closing",
    ),
    (
        "a total limit below zero",
        {"total_limits": (TotalLimit("regio", (KEY,), max_decrease=-2),)},
        "total_limits",
        "-2",
    ),
]


@pytest.mark.parametrize(
    ("fields", "field", "words"), [case[1:] for case in GROUPS], ids=[case[0] for case in GROUPS]
)
def test_bad_group_budgets_and_total_limits_are_refused(fields, field, words):
    with pytest.raises(PlanError) as raised:
        optimise(replace(problem(), **fields))
    assert raised.value.field == field
    assert raised.value.cell is None
    assert words in raised.value.message


def test_a_problem_that_is_not_a_plan_problem_is_refused():
    with pytest.raises(PlanError, match="must be a PlanProblem"):
        optimise({"years": (2026,)})


def test_numbers_may_come_as_decimals_numpy_values_and_ints():
    tariff = Decimal("96.50") * 365
    solution = optimise(
        problem(
            cell(
                demand=np.array([10, 12, 15]),
                cost_per_place=(tariff, tariff, tariff),
                start=np.int64(8),
                max_increase=(np.int64(5), None, 5),
            ),
            budget=(math.inf, 10**9, Decimal(10**9)),
        )
    )
    assert solution.places[KEY] == (10, 12, 15)
    assert solution.cost[0] == pytest.approx(10 * float(tariff))
