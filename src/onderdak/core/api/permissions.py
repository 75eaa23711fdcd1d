"""Permissions per action (DESIGN.md §4.3).

A view declares ``permission_rules``: a mapping of DRF action (``list``, ``retrieve``, ``create``,
``update``, ``partial_update``, ``destroy`` or a custom action name) to a ``rules`` permission.
An action that is not in the mapping is refused: new endpoints are closed until declared.
"""

from rest_framework.permissions import BasePermission


def rule_for(view) -> str | None:
    rules = getattr(view, "permission_rules", {})
    action = getattr(view, "action", None) or view.request.method.lower()
    return rules.get(action)


class ActionPermission(BasePermission):
    def has_permission(self, request, view) -> bool:
        if request.method not in view.allowed_methods:
            return True  # let DRF answer 405 Method Not Allowed rather than 403
        if not (request.user and request.user.is_authenticated):
            return False
        rule = rule_for(view)
        return rule is not None and request.user.has_perm(rule)

    def has_object_permission(self, request, view, obj) -> bool:
        rule = rule_for(view)
        return rule is not None and request.user.has_perm(rule, obj)
