"""Permissions of the framework module, per action (issue 5, DESIGN.md §3).

- The project leader and the regional programme team (policy officers and the regional
  coordinator) make the framework: the tree, versions, participation, the route and the project
  plan.
- A municipality officer reads the working framework and comments on, or proposes changes to,
  the actions their municipality owns (a local action of the municipality, or a subregional one of
  its subregion).
- A governance reader reads the versions put to them: every version that left the draft stage,
  with its route and papers, and their Word export — not the working copy.
- Administrators keep the reference data (the policy domains).

Object predicates answer ``True`` for ``obj=None``: "may this role do this at all". The rows a
user sees in a list come from ``selectors.visibility``, which applies the same rules as querysets.
"""

import rules

from onderdak.accounts.models import Role
from onderdak.accounts.predicates import has_role, is_coordinator_or_administrator
from onderdak.framework.models import DecisionPaper, DecisionStep, VersionStatus

is_editor = has_role(Role.POLICY_OFFICER, Role.REGIONAL_COORDINATOR)
is_municipality_officer = has_role(Role.MUNICIPALITY_OFFICER)
is_governance_reader = has_role(Role.GOVERNANCE_READER)


def municipality_ids(user) -> frozenset[int]:
    """The municipalities a municipality officer works for."""
    return frozenset(
        o.municipality_id
        for o in user.organisations_for(Role.MUNICIPALITY_OFFICER)
        if o.municipality_id
    )


@rules.predicate
def owns_action(user, action) -> bool:
    """An action owned by the officer's municipality, or by the subregion it lies in."""
    if action is None:
        return True
    own = municipality_ids(user)
    if action.owner_municipality_id in own:
        return True
    subregion = action.owner_subregion
    return subregion is not None and subregion.municipalities.filter(pk__in=own).exists()


@rules.predicate
def put_to_governance(user, version) -> bool:
    """A version that left the draft stage (in consultation, proposed or adopted)."""
    if version is None:
        return True
    if isinstance(version, DecisionPaper):
        version = version.step
    if isinstance(version, DecisionStep):
        version = version.version  # (a version's own ``version`` is its revision number)
    return version.status != VersionStatus.DRAFT


rules.add_perm("framework", is_coordinator_or_administrator)  # the management screens
rules.add_perm("framework.view_policydomain", is_editor | is_municipality_officer)
rules.add_perm("framework.change_policydomain", is_coordinator_or_administrator)
rules.add_perm("framework.add_policydomain", is_coordinator_or_administrator)
# The list of frameworks and a framework's front page.
rules.add_perm(
    "framework.view_framework", is_editor | is_municipality_officer | is_governance_reader
)
# The working copy: tree, matrix, current state, participation, project plan.
rules.add_perm("framework.view_workingcopy", is_editor | is_municipality_officer)
rules.add_perm("framework.add_framework", is_editor)
rules.add_perm("framework.change_framework", is_editor)
rules.add_perm("framework.comment_action", is_editor | (is_municipality_officer & owns_action))
rules.add_perm("framework.answer_comment", is_editor)
rules.add_perm(
    "framework.view_frameworkversion",
    is_editor | is_municipality_officer | (is_governance_reader & put_to_governance),
)
rules.add_perm("framework.add_frameworkversion", is_editor)
rules.add_perm("framework.change_frameworkversion", is_editor)
rules.add_perm("framework.view_participation", is_editor | is_municipality_officer)
rules.add_perm("framework.change_participation", is_editor)
rules.add_perm(
    "framework.view_decisionstep",
    is_editor | is_municipality_officer | (is_governance_reader & put_to_governance),
)
rules.add_perm("framework.change_decisionstep", is_editor)
rules.add_perm("framework.view_project", is_editor | is_municipality_officer)
rules.add_perm("framework.change_project", is_editor)
