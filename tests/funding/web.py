"""Valid form posts for the funding pages, for the rights table (``tests/test_rights.py``)."""

from itertools import count

from onderdak.funding import services
from onderdak.funding.models import FundingScenario
from tests.funding.helpers import SOURCE, even_key, rights_scenario

_unique = count()


def scenario_form() -> dict:
    return {
        "name": f"Webscenario {next(_unique)}",
        "first_year": "2026",
        "last_year": "2028",
        "phase_in_years": "2",
        "objective_method": "entered",
        "solidarity_population_weight": "1",
    }


def settings_form() -> dict:
    """The rights scenario's settings with a new description: changes it, keeps it valid."""
    return {**scenario_form(), "name": "Rechten", "description": f"Wijziging {next(_unique)}"}


def copy_form() -> dict:
    return {"name": f"Kopie {next(_unique)}", "phase_in_start_year": "2026", "phase_in_years": "1"}


def budget_form() -> dict:
    return {
        "year_0": "2026",
        "funding_source_0": "DU MO",
        "amount_0": "1.000,00",
        "source_0": SOURCE,
    }


def key_form() -> dict:
    municipalities = list(rights_scenario().region.municipalities.order_by("cbs_code"))
    shares = {f"share_{m.cbs_code}": str(s) for m, s in even_key(municipalities).items()}
    return {**shares, "source": SOURCE}


def regional_costs_form() -> dict:
    return {"amount_regio_2026": "500.000,00", "source_regio": SOURCE}


def subregional_pools_form() -> dict:
    slug = rights_scenario().region.subregions.order_by("position").first().slug
    return {f"amount_{slug}_2026": "100.000,00", f"source_{slug}": SOURCE}


def planned_costs_form() -> dict:
    return {"amount_GM0546_2026": "250.000,00", "source_GM0546": SOURCE}


def comparison_query() -> dict:
    """The rights scenario as A and a copy of it as B."""
    a = rights_scenario()
    name = f"Vergelijk {next(_unique)}"
    b = FundingScenario.objects.filter(region=a.region, name=name).first()
    b = b or services.scenario_copy(scenario=a, name=name, phase_in_years=1)
    return {"a": a.pk, "b": b.pk}


def indicator_weights_form() -> dict:
    return {"weight_population": "1", "explanation_population": SOURCE}


def phase_in_steps_form() -> dict:
    return {"step_2026": "0,5", "step_2027": "1", "step_2028": "1"}
