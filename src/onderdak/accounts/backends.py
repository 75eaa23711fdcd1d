"""Authentication backends: password (demo accounts only in demo mode) and optional OIDC."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from onderdak.accounts.models import User


def may_log_in(user: User) -> bool:
    """Demo accounts exist only in demo mode: outside it they cannot log in at all."""
    return user.is_active and (settings.DEMO or not user.is_demo)


class RulesOnlyPermissions:
    """Permissions come from ``rules`` only; Django's permission tables (groups, user
    permissions) are not used, so asking them would cost two queries a page for nothing.
    A superuser keeps every permission, as Django intends, for installing and recovery."""

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        return user_obj.is_active and user_obj.is_superuser

    def has_module_perms(self, user_obj, app_label) -> bool:
        return user_obj.is_active and user_obj.is_superuser


class OnderdakModelBackend(RulesOnlyPermissions, ModelBackend):
    """Password login."""

    def user_can_authenticate(self, user) -> bool:
        return may_log_in(user)


class OnderdakOIDCBackend(RulesOnlyPermissions, OIDCAuthenticationBackend):
    """Single sign-on for existing users only: the administrator creates the user and memberships.

    Users are matched on e-mail address; ``OIDC_CREATE_USER`` is off, so an unknown person gets no
    account and therefore no access.
    """

    def filter_users_by_claims(self, claims):
        email = claims.get("email")
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True, is_demo=False)
