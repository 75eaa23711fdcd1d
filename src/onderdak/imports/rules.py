"""Permissions of import jobs: each kind of import declares its own (``Kind.import_permission``,
``Kind.view_permission``, in its module's ``rules.py``); the shared pages and the ``imports``
endpoint ask these two.

- ``imports.view_importjob``: without a job, may the user see the jobs of any kind at all (the
  endpoint's list); with one, may they see jobs of its kind (which of them: ``selectors``).
- ``imports.add_importjob``: may the user import a file of any kind (the kind's own permission
  is asked as well, once the request names it).

The management screens show jobs read-only to the administrator and the coordinator.
"""

import rules

from onderdak.accounts.predicates import is_coordinator_or_administrator
from onderdak.imports.kinds import registry


@rules.predicate
def may_view_jobs(user, job) -> bool:
    if job is not None:
        kind = registry.get(job.kind)
        return kind is not None and user.has_perm(kind.view_permission, job)
    return any(user.has_perm(kind.view_permission) for kind in registry)


@rules.predicate
def may_import(user) -> bool:
    return any(user.has_perm(kind.import_permission) for kind in registry)


rules.add_perm("imports.view_importjob", may_view_jobs)
rules.add_perm("imports.add_importjob", may_import)
rules.add_perm("imports", is_coordinator_or_administrator)  # the management screens
