"""Permissions of the monitor, per action (DESIGN.md §3).

Counts are aggregates, but small cells identify people in small municipalities. Policy,
governance and municipality roles see the dashboards with cells under 5 hidden (complementary
suppression); only the regional coordinator, who sees every contingent case already, sees the
counts unsuppressed and their raw rows. Policy officers make counts and import files (a job
page and its error report are for the importers of the job's region); every monitor reader reads
counts, indicators and the list of valid codes.
"""

import rules

from onderdak.accounts.models import Role
from onderdak.accounts.predicates import has_role, is_administrator, is_coordinator

is_monitor_reader = has_role(
    Role.POLICY_OFFICER,
    Role.GOVERNANCE_READER,
    Role.MUNICIPALITY_OFFICER,
    Role.REGIONAL_COORDINATOR,
)
is_importer = has_role(Role.POLICY_OFFICER)

rules.add_perm("monitor", is_administrator)  # the management screens: reference data
rules.add_perm("monitor.view_dashboard", is_monitor_reader)
rules.add_perm("monitor.view_count", is_monitor_reader)
rules.add_perm("monitor.view_indicator", is_monitor_reader)
rules.add_perm("monitor.view_unsuppressed", is_coordinator)
rules.add_perm("monitor.view_countrow", is_coordinator)
rules.add_perm("monitor.add_count", is_importer)
rules.add_perm("monitor.import_count", is_importer)
rules.add_perm("monitor.change_count", is_importer)
rules.add_perm("monitor.import_indicators", is_importer)
rules.add_perm("monitor.view_importjob", is_importer)
rules.add_perm("monitor.view_referencevalue", is_monitor_reader | is_administrator)
for action in ("add", "change"):
    rules.add_perm(f"monitor.{action}_referencevalue", is_administrator)
    rules.add_perm(f"monitor.{action}_indicator", is_importer | is_administrator)
