"""Bad input gives an AllocationError that names the item and the field."""

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from onderdak.engines.allocation import AllocationError, Quota, allocate, generate
from onderdak.engines.allocation.generate import Shape

DATA = generate.instance(Shape(3, 3), 1)
C0, C1 = DATA.candidates[0], DATA.candidates[1]
D0 = DATA.dwellings[0]


def with_candidate(**changes):
    return replace(DATA, candidates=(replace(C0, **changes), *DATA.candidates[1:]))


def with_dwelling(**changes):
    return replace(DATA, dwellings=(replace(D0, **changes), *DATA.dwellings[1:]))


CASES = [
    (replace(DATA, candidates=(C0, C0)), "candidates", "'C00000' is given 2 times"),
    (replace(DATA, dwellings=(D0, D0)), "dwellings", "'D00000' is given 2 times"),
    (with_candidate(id=""), "candidates", "empty id"),
    (with_candidate(stream="elsewhere"), "candidates", "unknown stream 'elsewhere'"),
    (with_candidate(rooms_needed=-1), "candidates", "rooms_needed -1"),
    (with_candidate(household_adults=0), "candidates", "no adult"),
    (with_candidate(tie_municipality="X"), "candidates", "unknown municipality 'X'"),
    (with_candidate(income_band="rich"), "affordability", "'rich', which has no"),
    (
        with_candidate(approved_on=DATA.reference_date + timedelta(days=1)),
        "candidates",
        "after the reference date",
    ),
    (with_dwelling(rent=Decimal(-1)), "dwellings", "Dwelling 'D00000' needs a rent"),
    (with_dwelling(rooms=-2), "dwellings", "rooms -2"),
    (with_dwelling(stream="any"), "dwellings", "unknown stream 'any'"),
    (with_dwelling(municipality="Y"), "dwellings", "unknown municipality 'Y'"),
    (replace(DATA, quotas=(Quota("q", 1, ("nope",)),)), "quotas", "unknown dwelling 'nope'"),
    (replace(DATA, quotas=(Quota("q", 1, candidates=("x",)),)), "quotas", "candidate 'x'"),
    (replace(DATA, quotas=(Quota("q", -1, (D0.id,)),)), "quotas", "limit -1"),
    (replace(DATA, quotas=(Quota("q", 1),)), "quotas", "'q' names no dwelling"),
    (replace(DATA, quotas=(Quota("q", 1, (D0.id,)),) * 2), "quotas", "'q' is given 2 times"),
    (replace(DATA, declined=(("C00000", "zz"),)), "declined", "('C00000', 'zz')"),
    (replace(DATA, weights={"beauty": 1}), "weights", "Unknown criterion 'beauty'"),
    (replace(DATA, weights={"urgency": -1}), "weights", "'urgency' must be a whole"),
    (replace(DATA, rules=("rooms", "luck")), "rules", "Unknown hard rule 'luck'"),
    (replace(DATA, mode="fastest"), "mode", "Unknown mode 'fastest'"),
    (replace(DATA, solver="magic"), "solver", "Unknown solver 'magic'"),
    (replace(DATA, time_limit=0), "time_limit", "more than 0 seconds"),
    (
        replace(DATA, affordability=(*DATA.affordability, DATA.affordability[0])),
        "affordability",
        "given 2 times",
    ),
    (
        replace(DATA, affordability=(replace(DATA.affordability[0], source=" "),)),
        "affordability",
        "and a source",
    ),
]


@pytest.mark.parametrize(("data", "field", "fragment"), CASES)
def test_bad_input_is_refused_with_a_clear_message(data, field, fragment):
    with pytest.raises(AllocationError) as caught:
        allocate(data)
    assert caught.value.field == field
    assert fragment in caught.value.message


def test_without_the_affordability_rule_no_table_is_needed():
    rules = ("rooms", "stream")
    data = replace(DATA, affordability=(), rules=rules)
    assert allocate(data).rules[0].id == "rooms"


def test_a_forced_solver_that_does_not_fit_says_why():
    crossing = generate.instance(Shape(20, 20, quotas="crossing"), 1, solver="flow")
    with pytest.raises(
        AllocationError,
        match="names both candidates and dwellings, so the quotas are not a flow network",
    ):
        allocate(crossing)
    overlapping = (Quota("a", 1, ("D00000", "D00001")), Quota("b", 1, ("D00001", "D00002")))
    with pytest.raises(AllocationError, match="Quotas 'a' and 'b' cross, so"):
        allocate(replace(DATA, quotas=overlapping, solver="flow"))
    with pytest.raises(AllocationError, match="needs every pair allowed and no quota"):
        allocate(replace(DATA, solver="lsa"))
