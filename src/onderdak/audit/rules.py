"""Permissions of the audit trail: read-only for the administrator and the regional coordinator.

No rule grants adding, changing or deleting entries: the trail is append-only (see also the
database triggers in this app's migrations).
"""

import rules

from onderdak.accounts.predicates import is_coordinator_or_administrator

rules.add_perm("auditlog", is_coordinator_or_administrator)
rules.add_perm("auditlog.view_logentry", is_coordinator_or_administrator)
