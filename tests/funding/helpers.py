"""Complete, clearly fictitious funding inputs for tests (and the rights table)."""

from decimal import Decimal
from itertools import count

from onderdak.funding import services
from onderdak.funding.models import FundingScenario, KeyKind
from onderdak.region.models import Municipality, Region

SOURCE = "Fictieve testwaarde"
YEARS = range(2026, 2032)


def even_key(municipalities: list[Municipality]) -> dict[Municipality, Decimal]:
    """Equal shares in percent with four decimals; the last takes the rounding, so 100 exactly."""
    share = (Decimal(100) / len(municipalities)).quantize(Decimal("0.0001"))
    key = dict.fromkeys(municipalities, share)
    key[municipalities[-1]] = Decimal(100) - share * (len(municipalities) - 1)
    return key


def skewed_key(municipalities: list[Municipality]) -> dict[Municipality, Decimal]:
    """Shares 1, 2, ..., n in proportion, in percent, adding up to 100 exactly."""
    weights = range(1, len(municipalities) + 1)
    total = sum(weights)
    key = {
        m: (Decimal(100) * w / total).quantize(Decimal("0.0001"))
        for m, w in zip(municipalities, weights, strict=True)
    }
    key[municipalities[-1]] += Decimal(100) - sum(key.values())
    return key


def fill(scenario, municipalities, years=YEARS):
    """Every input a scenario needs, with fictitious values."""
    services.budget_lines_replace(
        scenario=scenario,
        lines=[
            {"year": y, "funding_source": f, "amount": a, "source": SOURCE}
            for y in years
            for f, a in (
                ("Integratie-uitkering BW", Decimal("30000000.00")),
                ("DU MO", Decimal("12000000.01")),
            )
        ],
    )
    services.key_shares_replace(
        scenario=scenario, kind=KeyKind.HISTORICAL, shares=skewed_key(municipalities), source=SOURCE
    )
    services.key_shares_replace(
        scenario=scenario, kind=KeyKind.OBJECTIVE, shares=even_key(municipalities), source=SOURCE
    )
    services.regional_costs_replace(
        scenario=scenario,
        costs=[{"year": y, "amount": Decimal("5000000.00"), "source": SOURCE} for y in years],
    )
    subregions = {m.subregion for m in municipalities}
    services.subregional_pools_replace(
        scenario=scenario,
        pools=[
            {"subregion": s, "year": y, "amount": Decimal("1000000.00"), "source": SOURCE}
            for s in subregions
            for y in years
        ],
    )
    services.planned_costs_replace(
        scenario=scenario,
        costs=[
            {"municipality": m, "year": y, "amount": Decimal("2000000.00"), "source": SOURCE}
            for m in municipalities
            for y in years
        ],
    )
    return scenario


_unique = count()


def _first_region() -> Region:
    return Region.objects.order_by("pk").first()


def rights_scenario() -> FundingScenario:
    """One complete scenario in the first region, made once per test: the rights table's target."""
    region = _first_region()
    scenario = FundingScenario.objects.filter(region=region, name="Rechten").first()
    if scenario:
        return scenario
    municipalities = list(region.municipalities.select_related("subregion").order_by("cbs_code"))
    scenario = services.scenario_create(
        region=region, name="Rechten", first_year=2026, last_year=2028
    )
    return fill(scenario, municipalities, scenario.years)


def scenario_payload() -> dict:
    return {"name": f"Scenario {next(_unique)}", "first_year": 2026, "last_year": 2031}


def key_shares_payload() -> dict:
    municipalities = list(_first_region().municipalities.order_by("cbs_code"))
    shares = even_key(municipalities)
    return {
        "source": SOURCE,
        "shares": [
            {"municipality": m.cbs_code, "share_percent": str(s)} for m, s in shares.items()
        ],
    }


def budget_lines_payload() -> dict:
    return {
        "lines": [
            {"year": 2026, "funding_source": "DU MO", "amount": "1000000.00", "source": SOURCE}
        ]
    }


def indicator_weights_payload() -> dict:
    return {"weights": [{"indicator": "population", "weight": "1", "explanation": SOURCE}]}


def phase_in_steps_payload() -> dict:
    return {
        "steps": [
            {"year": 2026, "objective_weight": "0.5"},
            {"year": 2027, "objective_weight": "1"},
        ]
    }


def regional_costs_payload() -> dict:
    return {"costs": [{"year": 2026, "amount": "500000.00", "source": SOURCE}]}


def subregional_pools_payload() -> dict:
    slug = _first_region().subregions.order_by("position").first().slug
    return {"pools": [{"subregion": slug, "year": 2026, "amount": "100000.00", "source": SOURCE}]}


def planned_costs_payload() -> dict:
    return {
        "costs": [{"municipality": "GM0546", "year": 2026, "amount": "250000.00", "source": SOURCE}]
    }


def compare_payload() -> dict:
    pk = rights_scenario().pk
    return {"a": pk, "b": pk}
