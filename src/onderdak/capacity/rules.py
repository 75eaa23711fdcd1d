"""Permissions of the capacity module, per action (issue 7, DESIGN.md §3).

- Policy officers and the regional programme team (the regional coordinator) keep the facility
  register, the plan, scenarios and runs.
- A care worker enters the monthly figures of their own care provider's facilities, and sees
  only those facilities (tariffs are one provider's business, not another's).
- A municipality officer changes the plan lines of their own municipality and reads the rest.
- Governance readers read.

Object predicates answer ``True`` for ``obj=None``: "may this role do this at all". The rows a
user sees in a list come from ``selectors.visibility``, which applies the same rules as querysets.
"""

import rules

from onderdak.accounts.models import Role
from onderdak.accounts.predicates import has_role, is_coordinator_or_administrator

is_planner = has_role(Role.POLICY_OFFICER, Role.REGIONAL_COORDINATOR)
is_care_worker = has_role(Role.CARE_WORKER)
is_municipality_officer = has_role(Role.MUNICIPALITY_OFFICER)
is_capacity_reader = has_role(
    Role.POLICY_OFFICER,
    Role.REGIONAL_COORDINATOR,
    Role.MUNICIPALITY_OFFICER,
    Role.GOVERNANCE_READER,
)


def provider_ids(user) -> frozenset[int]:
    """The care providers a care worker works for."""
    return frozenset(o.pk for o in user.organisations_for(Role.CARE_WORKER))


def municipality_ids(user) -> frozenset[int]:
    """The municipalities a municipality officer works for."""
    return frozenset(
        o.municipality_id
        for o in user.organisations_for(Role.MUNICIPALITY_OFFICER)
        if o.municipality_id
    )


@rules.predicate
def works_for_provider(user, facility) -> bool:
    """A facility (or its monthly figure) of the care worker's own care provider."""
    if facility is None:
        return True
    facility = getattr(facility, "facility", facility)
    return facility.provider_id in provider_ids(user)


@rules.predicate
def works_for_municipality(user, line) -> bool:
    """A plan line of the municipality officer's own municipality."""
    return line is None or line.municipality_id in municipality_ids(user)


rules.add_perm("capacity", is_coordinator_or_administrator)  # the management screens
rules.add_perm("capacity.view_facilitytype", is_capacity_reader | is_care_worker)
rules.add_perm("capacity.change_facilitytype", is_coordinator_or_administrator)
rules.add_perm("capacity.view_facility", is_capacity_reader | (is_care_worker & works_for_provider))
rules.add_perm("capacity.add_facility", is_planner)
rules.add_perm("capacity.change_facility", is_planner)
rules.add_perm(
    "capacity.view_monthlyfigure", is_capacity_reader | (is_care_worker & works_for_provider)
)
rules.add_perm("capacity.change_monthlyfigure", is_planner | (is_care_worker & works_for_provider))
rules.add_perm("capacity.view_capacityplan", is_capacity_reader)
rules.add_perm("capacity.change_capacityplan", is_planner)
rules.add_perm(
    "capacity.change_planline", is_planner | (is_municipality_officer & works_for_municipality)
)
rules.add_perm("capacity.view_scenario", is_capacity_reader)
for action in ("add", "change", "delete"):
    rules.add_perm(f"capacity.{action}_scenario", is_planner)
rules.add_perm("capacity.run_simulation", is_planner)
rules.add_perm("capacity.run_optimisation", is_planner)


# --- The facility register: its reference data and the import of monthly figures (part C1) -----


@rules.predicate
def started_import(user, job) -> bool:
    """An import job the user started (a care worker follows only their own imports)."""
    return job is None or job.created_by_id == user.pk


rules.add_perm("capacity.add_facilitytype", is_coordinator_or_administrator)
rules.add_perm("capacity.import_monthlyfigure", is_planner | is_care_worker)
rules.add_perm("capacity.view_figureimport", is_planner | (is_care_worker & started_import))


# --- The plan, scenarios and runs (part C2) ------------------------------------------------------
# The overview is for anyone with a capacity permission; a care worker's shows only their own
# provider's facilities. Calibration estimates are per facility: for the readers of the register.
rules.add_perm("capacity.view_overview", is_capacity_reader | is_care_worker)
rules.add_perm("capacity.view_calibration", is_capacity_reader)
