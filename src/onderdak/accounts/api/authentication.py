"""API authentication: expiring hashed tokens (knox) and verified sessions."""

from django.utils.translation import gettext_lazy as _
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication

from onderdak.accounts.backends import may_log_in
from onderdak.accounts.middleware import owes_second_factor
from onderdak.audit.context import bind_actor


class TokenAuthentication(KnoxTokenAuthentication):
    """``Authorization: Token <key>``. A token is only issued after the second factor."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None:
            return None
        if not may_log_in(result[0]):
            raise exceptions.AuthenticationFailed(_("This account cannot log in."))
        bind_actor(result[0])
        return result


class VerifiedSessionAuthentication(SessionAuthentication):
    """The browser session, but only once the second factor is verified where it is required."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None and owes_second_factor(result[0]):
            raise exceptions.AuthenticationFailed(_("Verify your second factor first."))
        return result
