"""Fixtures for the funding app: a scenario with a complete, clearly fictitious set of inputs."""

import pytest

from onderdak.funding import services
from onderdak.region.models import Municipality
from tests.funding.helpers import fill


@pytest.fixture
def municipalities(region) -> list[Municipality]:
    return list(region.municipalities.select_related("subregion").order_by("cbs_code"))


@pytest.fixture
def make_scenario(region, municipalities):
    """``make_scenario(name=..., **fields)`` → a scenario with every input filled in."""

    def _make(name="Scenario A", **fields):
        fields = {"first_year": 2026, "last_year": 2031, "phase_in_years": 5, **fields}
        scenario = services.scenario_create(region=region, name=name, **fields)
        return fill(scenario, municipalities, scenario.years)

    return _make


@pytest.fixture
def scenario(make_scenario):
    return make_scenario()
