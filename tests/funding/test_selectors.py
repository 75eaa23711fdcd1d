"""Reads of funding scenarios: the engine's input built from what was entered, the result, and
the comparison of two scenarios, each in a fixed number of queries."""

from decimal import Decimal

import pytest

from onderdak.core.errors import DomainError, NotFound
from onderdak.engines.funding import mix_keys
from onderdak.funding import selectors, services
from onderdak.funding.models import KeyKind, ObjectiveMethod
from onderdak.region.selectors import municipality_list
from tests.funding.helpers import SOURCE, even_key

BUDGET = Decimal("42000000.01")  # per year, as filled in by tests.funding.helpers.fill


@pytest.fixture
def populations(region) -> dict[str, int]:
    return {m.cbs_code: m.population for m in municipality_list(region=region)}


def test_input_holds_what_was_entered(scenario, municipalities):
    data = selectors.scenario_input(scenario=scenario)
    assert data.years == tuple(range(2026, 2032))
    assert {code for code, _ in data.municipalities} == {m.cbs_code for m in municipalities}
    assert dict(data.municipalities)["GM0546"] == "leidse-regio"
    assert data.budget == dict.fromkeys(range(2026, 2032), BUDGET)
    assert sum(data.historical_key.values()) == 1
    assert data.objective_key["GM0546"] == even_key(municipalities)[municipalities[0]] / 100
    assert (data.phase_in.start_year, data.phase_in.years) == (2026, 5)
    assert data.cap is None
    assert data.regional_costs[2026] == Decimal("5000000.00")
    assert data.planned_costs[("GM0546", 2031)] == Decimal("2000000.00")
    assert data.subregional_costs[("rijnstreek", 2026)] == Decimal("1000000.00")


def test_cap_is_a_fraction(scenario):
    services.scenario_update(scenario=scenario, cap_percent=Decimal("2.5"))
    scenario.refresh_from_db()
    assert selectors.scenario_input(scenario=scenario).cap == Decimal("0.025")


def test_solidarity_by_population_follows_the_latest_figures(scenario, populations):
    key = selectors.scenario_input(scenario=scenario).solidarity_key
    total = sum(populations.values())
    for code, population in populations.items():
        assert abs(key[code] - Decimal(population) / total) < Decimal("1e-9")


def test_solidarity_mixes_population_and_use(scenario, municipalities):
    services.key_shares_replace(
        scenario=scenario, kind=KeyKind.USE, shares=even_key(municipalities), source=SOURCE
    )
    services.scenario_update(scenario=scenario, solidarity_population_weight=Decimal("0.25"))
    scenario.refresh_from_db()
    data = selectors.scenario_input(scenario=scenario)
    population = selectors.scenario_input(
        scenario=services.scenario_copy(
            scenario=scenario, name="B", solidarity_population_weight=Decimal(1)
        )
    ).solidarity_key
    use = {m.cbs_code: share / 100 for m, share in even_key(municipalities).items()}
    assert data.solidarity_key == mix_keys(population, use, Decimal("0.25"))
    assert data.subregional_key == data.solidarity_key


def test_solidarity_by_use_needs_the_use_key(scenario):
    services.scenario_update(scenario=scenario, solidarity_population_weight=Decimal(0))
    scenario.refresh_from_db()
    with pytest.raises(DomainError) as caught:
        selectors.scenario_input(scenario=scenario)
    assert caught.value.code == "incomplete"
    assert "use" in caught.value.fields


def test_objective_key_from_population(scenario, populations):
    services.scenario_update(scenario=scenario, objective_method=ObjectiveMethod.INDICATORS)
    services.indicator_weights_replace(
        scenario=scenario,
        weights=[{"indicator": "population", "weight": Decimal(1), "explanation": "Inwoners"}],
    )
    scenario.refresh_from_db()
    key = selectors.scenario_input(scenario=scenario).objective_key
    largest = max(populations, key=populations.get)
    assert max(key, key=key.get) == largest
    assert sum(key.values()) == 1


def test_indicators_without_weights_are_incomplete(scenario):
    services.scenario_update(scenario=scenario, objective_method=ObjectiveMethod.INDICATORS)
    scenario.refresh_from_db()
    with pytest.raises(DomainError) as caught:
        selectors.scenario_input(scenario=scenario)
    assert "indicator_weights" in caught.value.fields


def test_a_scenario_without_keys_is_incomplete(region):
    scenario = services.scenario_create(region=region, name="Leeg", first_year=2026, last_year=2027)
    with pytest.raises(DomainError) as caught:
        selectors.scenario_result(scenario=scenario)
    assert caught.value.code == "incomplete"
    assert "historical" in caught.value.fields


def test_result_distributes_the_whole_budget_every_year(scenario):
    result = selectors.scenario_result(scenario=scenario)
    for year in scenario.years:
        rows = result.rows_for(year)
        assert len(rows) == 13
        assert sum(row.allocation for row in rows) == BUDGET
        assert result.total(year).allocation == BUDGET
        assert sum(row.regional_contribution for row in rows) == Decimal("5000000.00")
        assert result.total(year, "rijnstreek").subregional_contribution == Decimal("1000000.00")


def test_phase_in_ends_on_the_objective_key(scenario):
    objective = selectors.scenario_input(scenario=scenario).objective_key
    result = selectors.scenario_result(scenario=scenario)
    for row in result.rows_for(2030):  # the fifth year of five
        assert abs(row.allocation - BUDGET * objective[row.code]) < Decimal("0.01")


def test_comparison_of_5_and_10_years_of_phase_in(scenario):
    slower = services.scenario_copy(scenario=scenario, name="Tien jaar", phase_in_years=10)
    rows = selectors.scenario_comparison(a=scenario, b=slower)
    assert len(rows) == 6 * 13
    leiden = next(row for row in rows if row.code == "GM0546" and row.year == 2027)
    assert leiden.municipality == "Leiden"
    assert leiden.difference == leiden.allocation_b - leiden.allocation_a != 0
    for year in scenario.years:
        assert sum(row.difference for row in rows if row.year == year) == 0


def test_comparison_of_different_years_leaves_gaps(scenario):
    shorter = services.scenario_copy(scenario=scenario, name="Kort")
    services.budget_lines_replace(scenario=shorter, lines=[])
    services.regional_costs_replace(scenario=shorter, costs=[])
    services.subregional_pools_replace(scenario=shorter, pools=[])
    services.planned_costs_replace(scenario=shorter, costs=[])
    services.scenario_update(scenario=shorter, last_year=2027)
    shorter.refresh_from_db()
    rows = selectors.scenario_comparison(a=scenario, b=shorter)
    late = [row for row in rows if row.year == 2031]
    assert late
    assert all(row.allocation_b is None and row.difference is None for row in late)


def test_detail_is_only_for_the_own_region(scenario, region):
    assert selectors.scenario_detail(region=region, pk=scenario.pk) == scenario
    with pytest.raises(NotFound):
        selectors.scenario_detail(region=region, pk=scenario.pk + 1000)


def test_names_for_display(region):
    assert selectors.municipality_names(region=region)["GM0484"] == "Alphen aan den Rijn"
    assert next(iter(selectors.subregion_names(region=region).values())) == "Leidse regio"


def test_result_queries_do_not_grow_with_the_data(region, make_scenario, django_assert_num_queries):
    small = make_scenario("Klein", last_year=2027)
    large = make_scenario("Groot", last_year=2045)
    for scenario in (small, large):
        detail = selectors.scenario_detail(region=region, pk=scenario.pk)
        with django_assert_num_queries(1):  # the municipalities with their population
            selectors.scenario_result(scenario=detail)
