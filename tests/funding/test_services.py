"""Writes to funding scenarios: every bad input is a DomainError naming the field, and nothing is
written; a good input replaces what was there."""

from decimal import Decimal

import pytest

from onderdak.core.errors import DomainError
from onderdak.funding import services
from onderdak.funding.models import (
    INPUT_MODELS,
    BudgetLine,
    FundingScenario,
    KeyKind,
    KeyShare,
    PhaseInStep,
)
from onderdak.region.models import Municipality, Region, Subregion
from tests.funding.helpers import SOURCE, even_key


def rows_of(scenario) -> dict[str, int]:
    """How many rows of each input the scenario has."""
    return {
        name: model.objects.filter(scenario=scenario).count()
        for name, model in INPUT_MODELS.items()
    }


def refused(call, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call(**kwargs)
    assert caught.value.fields, "a refusal names the field"
    return caught.value


@pytest.fixture
def other_region(db) -> Region:
    """A second region with one subregion and one municipality."""
    region = Region.objects.create(name="Elders", slug="elders")
    subregion = Subregion.objects.create(region=region, name="Oost", slug="oost", colour="#000000")
    Municipality.objects.create(
        region=region, subregion=subregion, cbs_code="GM9999", name="Verweg"
    )
    return region


# --- Scenarios -----------------------------------------------------------------------------------


def test_create_starts_the_phase_in_in_the_first_year(region):
    scenario = services.scenario_create(region=region, name="A", first_year=2026, last_year=2031)
    assert scenario.phase_in_start_year == 2026
    assert list(scenario.years) == list(range(2026, 2032))


BAD_SCENARIOS = [
    pytest.param({"last_year": 2025}, "last_year", id="ends-before-it-starts"),
    pytest.param({"last_year": 2056}, "last_year", id="more-than-30-years"),
    pytest.param({"first_year": 1999}, "first_year", id="year-too-early"),
    pytest.param({"phase_in_years": 0}, "phase_in_years", id="phase-in-zero-years"),
    pytest.param({"phase_in_start_year": 2040}, "phase_in_start_year", id="phase-in-after-end"),
    pytest.param({"cap_percent": Decimal(0)}, "cap_percent", id="cap-zero"),
    pytest.param({"cap_percent": Decimal("100.01")}, "cap_percent", id="cap-above-100"),
    pytest.param(
        {"solidarity_population_weight": Decimal("1.1")},
        "solidarity_population_weight",
        id="weight-above-1",
    ),
    pytest.param({"objective_method": "guess"}, "objective_method", id="unknown-method"),
    pytest.param({"name": "x" * 151}, "name", id="name-too-long"),
    pytest.param({"name": ""}, "name", id="name-empty"),
]


@pytest.mark.parametrize(("changes", "field"), BAD_SCENARIOS)
def test_create_refuses_bad_settings_and_writes_nothing(region, changes, field):
    fields = {"region": region, "name": "A", "first_year": 2026, "last_year": 2031, **changes}
    error = refused(services.scenario_create, **fields)
    assert field in error.fields
    assert not FundingScenario.objects.exists()


def test_a_name_is_unique_within_the_region(region, other_region):
    services.scenario_create(region=region, name="A", first_year=2026, last_year=2031)
    error = refused(
        services.scenario_create, region=region, name="A", first_year=2026, last_year=2027
    )
    assert list(error.fields) == ["name"]
    services.scenario_create(region=other_region, name="A", first_year=2026, last_year=2031)


def test_update_changes_settings(scenario):
    services.scenario_update(scenario=scenario, phase_in_years=10, cap_percent=Decimal("5"))
    scenario.refresh_from_db()
    assert (scenario.phase_in_years, scenario.cap_percent) == (10, Decimal("5.00"))


def test_update_refuses_a_range_that_leaves_figures_outside(scenario):
    before = rows_of(scenario)
    error = refused(services.scenario_update, scenario=scenario, last_year=2029)
    assert set(error.fields) == {"first_year", "last_year"}
    scenario.refresh_from_db()
    assert scenario.last_year == 2031
    assert rows_of(scenario) == before


def test_update_refuses_a_start_year_after_the_phase_in_steps(scenario):
    steps = [{"year": 2027, "objective_weight": Decimal(1)}]
    services.phase_in_steps_replace(scenario=scenario, steps=steps)
    error = refused(services.scenario_update, scenario=scenario, phase_in_start_year=2028)
    assert "phase_in_start_year" in error.fields
    scenario.refresh_from_db()
    assert scenario.phase_in_start_year == 2026


def test_update_refuses_fields_that_are_not_editable(scenario):
    with pytest.raises(TypeError):
        services.scenario_update(scenario=scenario, is_demo=True)


def test_copy_takes_every_input_and_the_changes(scenario):
    copy = services.scenario_copy(scenario=scenario, name="Scenario B", phase_in_years=10)
    assert (copy.name, copy.phase_in_years, copy.region_id) == (
        "Scenario B",
        10,
        scenario.region_id,
    )
    assert rows_of(copy) == rows_of(scenario)
    assert rows_of(scenario)["budget_lines"] == 12


def test_copy_refuses_a_taken_name_and_writes_nothing(scenario):
    before = FundingScenario.objects.count()
    refused(services.scenario_copy, scenario=scenario, name=scenario.name)
    assert FundingScenario.objects.count() == before
    assert not BudgetLine.objects.exclude(scenario=scenario).exists()


def test_delete_removes_the_inputs(scenario):
    services.scenario_delete(scenario=scenario)
    assert not FundingScenario.objects.exists()
    assert not KeyShare.objects.exists()


# --- Inputs --------------------------------------------------------------------------------------


def line(**changes) -> dict:
    return {
        "year": 2026,
        "funding_source": "DU MO",
        "amount": Decimal("10.00"),
        "source": SOURCE,
    } | changes


BAD_LINES = [
    pytest.param(line(amount=Decimal("-0.01")), "lines.1.amount", id="negative"),
    pytest.param(line(amount=Decimal("0.001")), "lines.1.amount", id="below-a-cent"),
    pytest.param(line(amount=Decimal("10") ** 12), "lines.1.amount", id="too-large"),
    pytest.param(line(year=2032), "lines.1.year", id="year-after-range"),
    pytest.param(line(year=2025), "lines.1.year", id="year-before-range"),
    pytest.param(line(source=""), "lines.1.source", id="no-source"),
    pytest.param(line(source="x" * 501), "lines.1.source", id="source-too-long"),
    pytest.param(line(funding_source="x" * 201), "lines.1.funding_source", id="name-too-long"),
    pytest.param(line(funding_source="Eigen bijdrage"), "lines.1", id="duplicate-in-request"),
]


@pytest.mark.parametrize(("bad", "field"), BAD_LINES)
def test_budget_lines_refuse_bad_rows_and_keep_what_was_there(scenario, bad, field):
    before = list(BudgetLine.objects.filter(scenario=scenario).values_list("pk", flat=True))
    good = line(funding_source="Eigen bijdrage")
    error = refused(services.budget_lines_replace, scenario=scenario, lines=[good, bad])
    assert field in error.fields
    after = list(BudgetLine.objects.filter(scenario=scenario).values_list("pk", flat=True))
    assert after == before


def test_budget_lines_replace_what_was_there(scenario):
    services.budget_lines_replace(scenario=scenario, lines=[line()])
    assert list(scenario.budget_lines.values_list("year", "amount")) == [(2026, Decimal("10.00"))]


def test_regional_costs_refuse_a_year_outside_the_scenario(scenario):
    cost = {"year": 2040, "amount": Decimal(1), "source": SOURCE}
    error = refused(services.regional_costs_replace, scenario=scenario, costs=[cost])
    assert "costs.0.year" in error.fields
    assert scenario.regional_costs.count() == 6


def test_subregional_pools_refuse_a_subregion_of_another_region(scenario, other_region):
    pool = {
        "subregion": other_region.subregions.get(),
        "year": 2026,
        "amount": Decimal(1),
        "source": SOURCE,
    }
    error = refused(services.subregional_pools_replace, scenario=scenario, pools=[pool])
    assert "pools.0.subregion" in error.fields
    assert scenario.subregional_pools.count() == 18


def test_planned_costs_refuse_a_municipality_of_another_region(scenario, other_region):
    cost = {
        "municipality": other_region.municipalities.get(),
        "year": 2026,
        "amount": Decimal(1),
        "source": SOURCE,
    }
    error = refused(services.planned_costs_replace, scenario=scenario, costs=[cost])
    assert "costs.0.municipality" in error.fields
    assert scenario.planned_costs.count() == 13 * 6


# --- Keys ----------------------------------------------------------------------------------------


def test_a_key_is_replaced_whole(scenario, municipalities):
    services.key_shares_replace(
        scenario=scenario, kind=KeyKind.USE, shares=even_key(municipalities), source="Monitor"
    )
    shares = scenario.key_shares.filter(kind=KeyKind.USE)
    assert sum(s.share_percent for s in shares) == 100
    assert {s.source for s in shares} == {"Monitor"}


def keys_before(scenario) -> list:
    return list(scenario.key_shares.order_by("pk").values_list("pk", "share_percent"))


def test_a_key_that_does_not_add_up_to_100_is_refused(scenario, municipalities):
    before = keys_before(scenario)
    shares = even_key(municipalities)
    shares[municipalities[0]] += Decimal("0.01")
    error = refused(
        services.key_shares_replace,
        scenario=scenario,
        kind="historical",
        shares=shares,
        source=SOURCE,
    )
    assert "100.0100" in error.fields["shares"][0]
    assert keys_before(scenario) == before


def test_a_key_must_name_every_municipality(scenario, municipalities):
    shares = even_key(municipalities)
    del shares[municipalities[0]]
    error = refused(
        services.key_shares_replace,
        scenario=scenario,
        kind="historical",
        shares=shares,
        source=SOURCE,
    )
    assert municipalities[0].cbs_code in error.fields["shares"][0]


def test_a_key_refuses_a_municipality_of_another_region(scenario, municipalities, other_region):
    shares = even_key(municipalities) | {other_region.municipalities.get(): Decimal(0)}
    error = refused(
        services.key_shares_replace,
        scenario=scenario,
        kind="historical",
        shares=shares,
        source=SOURCE,
    )
    assert "GM9999" in error.fields["shares"][0]


def with_negative_share(shares: dict) -> dict:
    """The first share made negative, the second larger by as much: still 100 in total."""
    first, second = list(shares)[:2]
    shares[second] += shares[first] + 1
    shares[first] = Decimal(-1)
    return shares


@pytest.mark.parametrize(
    ("kind", "source", "tweak", "field"),
    [
        pytest.param("guess", SOURCE, dict, "kind", id="unknown-kind"),
        pytest.param("historical", "", dict, "source", id="no-source"),
        pytest.param("historical", "x" * 501, dict, "source", id="source-too-long"),
        pytest.param("historical", SOURCE, with_negative_share, "shares.GM0484", id="negative"),
    ],
)
def test_a_key_refuses_bad_input(scenario, municipalities, kind, source, tweak, field):
    before = keys_before(scenario)
    shares = tweak(even_key(municipalities))
    error = refused(
        services.key_shares_replace, scenario=scenario, kind=kind, shares=shares, source=source
    )
    assert field in error.fields
    assert keys_before(scenario) == before


# --- Phase-in and indicators ---------------------------------------------------------------------


def test_phase_in_steps_must_grow_to_exactly_1(scenario):
    steps = [
        {"year": 2026, "objective_weight": Decimal("0.6")},
        {"year": 2027, "objective_weight": Decimal("0.4")},
    ]
    error = refused(services.phase_in_steps_replace, scenario=scenario, steps=steps)
    assert "steps" in error.fields
    assert not PhaseInStep.objects.exists()


def test_phase_in_steps_are_saved(scenario):
    steps = [
        {"year": 2026, "objective_weight": Decimal("0.25")},
        {"year": 2028, "objective_weight": Decimal(1)},
    ]
    services.phase_in_steps_replace(scenario=scenario, steps=steps)
    assert list(scenario.phase_in_steps.values_list("year", flat=True)) == [2026, 2028]


def test_indicator_weights_add_up_to_1(scenario):
    weights = [{"indicator": "population", "weight": Decimal("0.5"), "explanation": "Keuze"}]
    error = refused(services.indicator_weights_replace, scenario=scenario, weights=weights)
    assert "weights" in error.fields
    assert not scenario.indicator_weights.exists()


def test_indicator_weights_refuse_an_unknown_indicator(scenario):
    weights = [{"indicator": "shoe_size", "weight": Decimal(1), "explanation": "Keuze"}]
    error = refused(services.indicator_weights_replace, scenario=scenario, weights=weights)
    assert "weights.0.indicator" in error.fields
