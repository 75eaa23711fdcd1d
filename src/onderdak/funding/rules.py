"""Permissions of the funding app, per action.

Scenarios are public-sector budgets, not personal data: every role that works on policy or
governance reads all of them. Policy officers build scenarios; the administrator may also change
them (and their inputs), e.g. to correct a source.
"""

import rules

from onderdak.accounts.models import Role
from onderdak.accounts.predicates import has_role, is_coordinator_or_administrator

is_funding_reader = has_role(
    Role.POLICY_OFFICER,
    Role.MUNICIPALITY_OFFICER,
    Role.GOVERNANCE_READER,
    Role.REGIONAL_COORDINATOR,
    Role.ADMINISTRATOR,
)
is_funding_builder = has_role(Role.POLICY_OFFICER)
is_funding_editor = has_role(Role.POLICY_OFFICER, Role.ADMINISTRATOR)

#: Everything entered for a scenario: whoever may change a scenario may change its inputs.
INPUTS = (
    "budgetline",
    "keyshare",
    "indicatorweight",
    "phaseinstep",
    "regionalcost",
    "subregionalpool",
    "plannedcost",
)

rules.add_perm("funding", is_coordinator_or_administrator)  # the management screens
rules.add_perm("funding.view_fundingscenario", is_funding_reader)
rules.add_perm("funding.add_fundingscenario", is_funding_builder)
rules.add_perm("funding.change_fundingscenario", is_funding_editor)
rules.add_perm("funding.delete_fundingscenario", is_funding_builder)
for model in INPUTS:
    rules.add_perm(f"funding.view_{model}", is_funding_reader)
    for action in ("add", "change", "delete"):
        rules.add_perm(f"funding.{action}_{model}", is_funding_editor)
