"""Writes of scenarios: named parameter sets of the flow simulation, checked by
``scenarios_parameters`` and stored as what differs from the defaults."""

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from onderdak.accounts.models import User
from onderdak.capacity.models import Scenario
from onderdak.capacity.services.scenarios_parameters import scenario_parameters
from onderdak.core.validation import save_validated
from onderdak.region.models import Region


@transaction.atomic
def scenario_create(
    *,
    region: Region,
    name: str,
    description: str = "",
    parameters: Mapping[str, Any] | None = None,
    is_demo: bool = False,
    by: User | None = None,
) -> Scenario:
    checked = scenario_parameters(parameters or {}, region=region)
    scenario = Scenario(
        region=region,
        name=name,
        description=description,
        parameters=checked.as_json(),
        is_demo=is_demo,
        created_by=by,
    )
    return save_validated(scenario)


@transaction.atomic
def scenario_update(
    *,
    scenario: Scenario,
    name: str | None = None,
    description: str | None = None,
    parameters: Mapping[str, Any] | None = None,
) -> Scenario:
    """Change what is given; ``parameters`` replaces the whole set."""
    if parameters is not None:
        checked = scenario_parameters(parameters, region=scenario.region)
        scenario.parameters = checked.as_json()
    if name is not None:
        scenario.name = name
    if description is not None:
        scenario.description = description
    return save_validated(scenario)


@transaction.atomic
def scenario_delete(*, scenario: Scenario) -> None:
    """A scenario and its runs (a run belongs to its scenario)."""
    scenario.delete()
