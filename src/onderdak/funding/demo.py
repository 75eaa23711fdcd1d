"""Two demo scenarios with fictitious figures: phase-in over 5 years against over 10 years.

Nothing here is an official figure. Every amount and key is made up (from round numbers and the
region's population), every source says "Fictieve demowaarde" and every scenario name ends in
"(demo, fictief)". Loading twice changes nothing: existing demo scenarios are left as they are.
"""

from decimal import Decimal

from django.db import transaction

from onderdak.engines.funding import split_cents
from onderdak.funding import services
from onderdak.funding.models import FundingScenario, KeyKind, ObjectiveMethod
from onderdak.region.models import Region
from onderdak.region.selectors import municipality_list

DEMO_SOURCE = "Fictieve demowaarde — geen officieel bedrag of officiële verdeelsleutel"
FIVE_YEARS = "Infasering in 5 jaar (demo, fictief)"
TEN_YEARS = "Infasering in 10 jaar (demo, fictief)"
FIRST_YEAR, LAST_YEAR = 2026, 2031
DESCRIPTION = (
    "Fictieve demowaarden om het bekostigingsmodel te verkennen: begroting, sleutels en kosten "
    "zijn verzonnen (ronde bedragen en het inwonertal); de objectieve sleutel volgt het "
    "inwonertal. De infasering van de historische naar de objectieve sleutel duurt {years} jaar."
)
#: Fictitious yearly amounts in the first year, and their yearly growth.
BUDGET = {
    "Integratie-uitkering beschermd wonen": Decimal("45000000"),
    "Decentralisatie-uitkering maatschappelijke opvang": Decimal("20000000"),
    "Eigen bijdragen": Decimal("3000000"),
}
REGIONAL_COST = Decimal("12000000")
SUBREGIONAL_POOL = Decimal("1500000")
PLANNED_PER_INHABITANT = Decimal("85")
GROWTH = Decimal("1.02")
CENT = Decimal("0.01")


@transaction.atomic
def load_demo(*, region: Region) -> list[FundingScenario]:
    """The two demo scenarios of ``region``, made if they are not there yet."""
    existing = {s.name: s for s in FundingScenario.objects.filter(region=region, is_demo=True)}
    five = existing.get(FIVE_YEARS) or fictitious_scenario(
        region=region,
        name=FIVE_YEARS,
        first_year=FIRST_YEAR,
        last_year=LAST_YEAR,
        phase_in_years=5,
    )
    ten = existing.get(TEN_YEARS) or services.scenario_copy(
        scenario=five,
        name=TEN_YEARS,
        phase_in_years=10,
        description=DESCRIPTION.format(years=10),
    )
    return [five, ten]


@transaction.atomic
def fictitious_scenario(
    *, region: Region, name: str, first_year: int, last_year: int, phase_in_years: int
) -> FundingScenario:
    """A complete scenario with fictitious figures, marked as demo (also used by the bench)."""
    scenario = services.scenario_create(
        region=region,
        name=name,
        description=DESCRIPTION.format(years=phase_in_years),
        first_year=first_year,
        last_year=last_year,
        phase_in_years=phase_in_years,
        cap_percent=Decimal("10"),
        objective_method=ObjectiveMethod.INDICATORS,
        solidarity_population_weight=Decimal("0.5"),
        is_demo=True,
    )
    municipalities = list(municipality_list(region=region).order_by("cbs_code"))
    _fill_budget(scenario)
    _fill_keys(scenario, municipalities)
    _fill_costs(scenario, municipalities)
    return scenario


def _grown(amount: Decimal, scenario: FundingScenario, year: int) -> Decimal:
    """``amount`` in the first year, growing by GROWTH a year."""
    return (amount * GROWTH ** (year - scenario.first_year)).quantize(CENT)


def _fill_budget(scenario: FundingScenario) -> None:
    lines = [
        {
            "year": y,
            "funding_source": name,
            "amount": _grown(amount, scenario, y),
            "source": DEMO_SOURCE,
        }
        for y in scenario.years
        for name, amount in BUDGET.items()
    ]
    services.budget_lines_replace(scenario=scenario, lines=lines)


def _fill_keys(scenario: FundingScenario, municipalities: list) -> None:
    """Objective: population. Historical and use: population, the largest municipality counted
    twice, as a former central municipality would have bought most care (fictitious)."""
    services.indicator_weights_replace(
        scenario=scenario,
        weights=[{"indicator": "population", "weight": Decimal(1), "explanation": DEMO_SOURCE}],
    )
    largest = max(municipalities, key=lambda m: m.population)
    weights = {m: Decimal(m.population * (2 if m == largest else 1)) for m in municipalities}
    shares = _percentages(weights)
    for kind in (KeyKind.HISTORICAL, KeyKind.USE):
        services.key_shares_replace(scenario=scenario, kind=kind, shares=shares, source=DEMO_SOURCE)


def _percentages(weights: dict) -> dict:
    """Shares in percent with four decimals that add up to exactly 100."""
    parts = split_cents(Decimal("10000.00"), weights)  # a millionth each: 0.0001 %
    return {key: part / 100 for key, part in parts.items()}


def _fill_costs(scenario: FundingScenario, municipalities: list) -> None:
    services.regional_costs_replace(
        scenario=scenario,
        costs=[
            {"year": y, "amount": _grown(REGIONAL_COST, scenario, y), "source": DEMO_SOURCE}
            for y in scenario.years
        ],
    )
    subregions = {m.subregion for m in municipalities}
    services.subregional_pools_replace(
        scenario=scenario,
        pools=[
            {
                "subregion": s,
                "year": y,
                "amount": _grown(SUBREGIONAL_POOL, scenario, y),
                "source": DEMO_SOURCE,
            }
            for s in sorted(subregions, key=lambda s: s.position)
            for y in scenario.years
        ],
    )
    services.planned_costs_replace(
        scenario=scenario,
        costs=[
            {
                "municipality": m,
                "year": y,
                "amount": _grown(PLANNED_PER_INHABITANT * m.population, scenario, y),
                "source": DEMO_SOURCE,
            }
            for m in municipalities
            for y in scenario.years
        ],
    )
