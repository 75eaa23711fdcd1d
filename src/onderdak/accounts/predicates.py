"""Predicates for ``rules``: what every app's ``rules.py`` declares its permissions with."""

import rules

from onderdak.accounts.models import Role


def has_role(*roles: str) -> rules.Predicate:
    """True when the user holds any of ``roles`` through an active membership."""

    def check(user) -> bool:
        return bool(user.is_authenticated and user.has_role(*roles))

    return rules.predicate(check, name=f"has_role({', '.join(roles)})")


is_member = has_role(*Role.values)
is_coordinator = has_role(Role.REGIONAL_COORDINATOR)
is_administrator = has_role(Role.ADMINISTRATOR)
is_coordinator_or_administrator = has_role(Role.REGIONAL_COORDINATOR, Role.ADMINISTRATOR)
