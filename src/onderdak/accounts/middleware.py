"""Enforces the second factor (TOTP) for every user whose roles give access to personal data."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

#: Paths a user who still owes a second factor may reach.
OPEN_PREFIXES = ("/static/", "/i18n/", "/healthz", "/api/")


def owes_second_factor(user) -> bool:
    return (
        settings.REQUIRE_2FA
        and user.is_authenticated
        and user.needs_second_factor
        and not user.is_verified()
    )


class SecondFactorRequiredMiddleware:
    """Redirects to set-up or verification until the session is verified.

    The API is excluded here because its authentication classes enforce the same rule and answer
    with the JSON error shape instead of a redirect.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if owes_second_factor(request.user) and not self._is_open(request.path):
            return redirect("accounts:second_factor")
        return self.get_response(request)

    @staticmethod
    def _is_open(path: str) -> bool:
        allowed = (
            reverse("accounts:second_factor"),
            reverse("accounts:second_factor_setup"),
            reverse("accounts:logout"),
        )
        return path.startswith(OPEN_PREFIXES) or path in allowed
