"""Bad input: every FundingError names the item and the input field it belongs to."""

import dataclasses
from decimal import Decimal

import pytest

from onderdak.engines.funding import FundingError, FundingInput, PhaseIn, distribute

D = Decimal

VALID = FundingInput(
    years=(2025, 2026, 2027),
    municipalities=(("A", "noord"), ("B", "noord"), ("C", "zuid")),
    budget={2025: D("900.00"), 2026: D("950.00"), 2027: D("1000.00")},
    historical_key={"A": D("0.5"), "B": D("0.25"), "C": D("0.25")},
    objective_key={"A": D("0.4"), "B": D("0.3"), "C": D("0.3")},
    phase_in=PhaseIn(2026, years=2),
    cap=D("0.05"),
    regional_costs={2026: D("100.00")},
    solidarity_key={"A": D("0.2"), "B": D("0.3"), "C": D("0.5")},
    subregional_costs={("noord", 2027): D("50.00")},
    subregional_key={"A": D(1), "B": D(2), "C": D(3)},
    planned_costs={("C", 2025): D("10.00")},
)
BUDGET = VALID.budget
KEY = VALID.historical_key


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"years": ()}, "years", "at least one year"),
        ({"years": (2025, 2027, 2026)}, "years", "consecutive and ascending: 2027 follows 2025"),
        ({"years": (2025, "2026")}, "years", "whole number, not '2026'"),
        ({"municipalities": ()}, "municipalities", "at least one municipality"),
        (
            {"municipalities": (("A", "noord"), ("A", "zuid"))},
            "municipalities",
            "A is listed twice",
        ),
        ({"municipalities": (("A",),)}, "municipalities", "must be \\(code, subregion\\)"),
        ({"municipalities": (("A", ""),)}, "municipalities", "must be \\(code, subregion\\)"),
        ({"municipalities": (("A", "region"),)}, "municipalities", "cannot be called 'region'"),
        ({"budget": [D(1), D(1), D(1)]}, "budget", "must be a mapping"),
        ({"planned_costs": None}, "planned_costs", "must be a mapping"),
        ({"budget": {2025: D(1), 2026: D(1)}}, "budget", "no amount for 2027"),
        ({"budget": {**BUDGET, 2030: D(1)}}, "budget", "2030 is not one of the model's years"),
        ({"budget": {**BUDGET, 2026: D("-1.00")}}, "budget", "for 2026 cannot be negative"),
        ({"budget": {**BUDGET, 2026: D("1.005")}}, "budget", "whole number of cents, not 1.005"),
        ({"budget": {**BUDGET, 2026: 1.5}}, "budget", "must be a Decimal, not float"),
        (
            {"historical_key": {**KEY, "A": D("0.4")}},
            "historical_key",
            "historical key adds up to 90 %",
        ),
        ({"objective_key": {"A": D("0.5"), "B": D("0.5")}}, "objective_key", "no share for C"),
        ({"objective_key": {**KEY, "X": D(0)}}, "objective_key", "names X"),
        ({"phase_in": 2026}, "phase_in", "must be a PhaseIn"),
        ({"phase_in": PhaseIn(2026, steps=((2026, D("0.9")),))}, "phase_in", "end at exactly 1"),
        ({"cap": D("-0.05")}, "cap", "cannot be negative"),
        ({"cap": 0.05}, "cap", "not float"),
        ({"regional_costs": {2031: D(1)}}, "regional_costs", "2031 is not one of"),
        ({"regional_costs": {2026: D("-5")}}, "regional_costs", "cannot be negative"),
        (
            {"solidarity_key": {}},
            "solidarity_key",
            "solidarity key is needed for the regional costs in 2026",
        ),
        ({"solidarity_key": {**KEY, "C": D("0.3")}}, "solidarity_key", "adds up to 105 %"),
        (
            {"subregional_costs": {("west", 2026): D(1)}},
            "subregional_costs",
            "'west', which is not a subregion",
        ),
        (
            {"subregional_costs": {"noord": D(1)}},
            "subregional_costs",
            "keyed by \\(subregion, year\\)",
        ),
        ({"subregional_costs": {("noord", 2024): D(1)}}, "subregional_costs", "2024 is not one of"),
        ({"subregional_key": {"A": D(1)}}, "subregional_key", "no weight for B \\(in noord\\)"),
        ({"subregional_key": {"A": D(1), "B": D(1), "X": D(1)}}, "subregional_key", "names X"),
        ({"subregional_key": {"A": D(-1), "B": D(1)}}, "subregional_key", "cannot be negative"),
        (
            {"subregional_key": {"A": D(0), "B": D(0)}},
            "subregional_key",
            "every municipality in noord weight 0",
        ),
        (
            {"planned_costs": {("X", 2025): D(1)}},
            "planned_costs",
            "'X', which is not a municipality",
        ),
        ({"planned_costs": {("A", 2019): D(1)}}, "planned_costs", "2019 is not one of"),
        (
            {"planned_costs": {("A", 2025): D("-0.01")}},
            "planned_costs",
            "of A for 2025 cannot be negative",
        ),
    ],
)
def test_bad_input_is_refused_naming_the_field(changes, field, fragment):
    data = dataclasses.replace(VALID, **changes)
    with pytest.raises(FundingError, match=fragment) as raised:
        distribute(data)
    assert raised.value.field == field
    assert raised.value.message == str(raised.value)
    with pytest.raises(FundingError, match=fragment):
        data.validate()


def test_the_valid_input_validates_and_distributes():
    VALID.validate()
    assert distribute(VALID).total(2027).allocation == D("1000.00")


def test_a_funding_error_is_a_value_error():
    assert issubclass(FundingError, ValueError)


def test_zero_costs_need_no_key():
    data = dataclasses.replace(
        VALID,
        regional_costs={2026: D(0)},
        solidarity_key={},
        subregional_costs={("noord", 2026): D(0)},
        subregional_key={},
    )
    result = distribute(data)
    assert result.total(2026).regional_contribution == D("0.00")
    assert result.total(2026, "noord").subregional_contribution == D("0.00")


def test_lookups_of_unknown_totals_raise_key_error():
    with pytest.raises(KeyError):
        distribute(VALID).total(2025, "west")
