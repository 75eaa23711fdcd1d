"""Permissions of the region app, per action. Reference data is readable by every member."""

import rules

from onderdak.accounts.predicates import (
    is_administrator,
    is_coordinator_or_administrator,
    is_member,
)

rules.add_perm("region", is_coordinator_or_administrator)
for model in (
    "region",
    "subregion",
    "municipality",
    "populationfigure",
    "organisation",
    "governancebody",
    "governancerole",
):
    rules.add_perm(f"region.view_{model}", is_member)
for model in ("populationfigure", "organisation", "governancebody", "governancerole"):
    rules.add_perm(f"region.add_{model}", is_coordinator_or_administrator)
    rules.add_perm(f"region.change_{model}", is_coordinator_or_administrator)
for model in ("region", "subregion", "municipality"):
    rules.add_perm(f"region.change_{model}", is_administrator)
