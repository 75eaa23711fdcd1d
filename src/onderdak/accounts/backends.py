"""Authentication backends: password (demo accounts only in demo mode) and optional OIDC."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from onderdak.accounts.models import User


def may_log_in(user: User) -> bool:
    """Demo accounts exist only in demo mode: outside it they cannot log in at all."""
    return user.is_active and (settings.DEMO or not user.is_demo)


class OnderdakModelBackend(ModelBackend):
    def user_can_authenticate(self, user) -> bool:
        return may_log_in(user)


class OnderdakOIDCBackend(OIDCAuthenticationBackend):
    """Single sign-on for existing users only: the administrator creates the user and memberships.

    Users are matched on e-mail address; ``OIDC_CREATE_USER`` is off, so an unknown person gets no
    account and therefore no access.
    """

    def filter_users_by_claims(self, claims):
        email = claims.get("email")
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True, is_demo=False)
