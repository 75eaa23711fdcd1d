"""Writes about users, memberships, second factors and API tokens."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken

from onderdak.accounts.models import Membership, User
from onderdak.core.errors import Conflict, DomainError
from onderdak.core.validation import save_validated
from onderdak.region.models import Organisation


class AuthenticationError(DomainError):
    status_code = 401
    default_code = "authentication_failed"


@transaction.atomic
def user_create(
    *,
    username: str,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    password: str | None = None,
    is_demo: bool = False,
) -> User:
    """Create a user; a password must pass the validators (12+ characters, not common)."""
    user = User(
        username=username, email=email, first_name=first_name, last_name=last_name, is_demo=is_demo
    )
    if password is None:
        user.set_unusable_password()
    else:
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise DomainError(fields={"password": error.messages}) from error
        user.set_password(password)
    return save_validated(user)


@transaction.atomic
def membership_create(*, user: User, organisation: Organisation, role: str) -> Membership:
    """Give ``user`` a role in ``organisation``; the role must fit the kind of organisation."""
    return save_validated(Membership(user=user, organisation=organisation, role=role))


@transaction.atomic
def membership_deactivate(*, membership: Membership) -> Membership:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    return membership


@transaction.atomic
def totp_device_start(*, user: User) -> TOTPDevice:
    """Start setting up an authenticator app: a fresh unconfirmed device replaces older ones."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, token: str) -> TOTPDevice:
    """Confirm a new device with a first code from the app; only then does it count."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    if not device.verify_token(token.strip()):
        raise DomainError(fields={"token": [_("This code is not correct; try the next one.")]})
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device


def api_token_issue(
    *, request, username: str, password: str, otp_token: str = ""
) -> tuple[str, datetime.datetime]:
    """Issue an expiring API token after checking password and, where required, the TOTP code.

    Failed attempts count towards the login throttling, exactly as on the login page.
    """
    user = authenticate(request=request, username=username, password=password)
    if user is None:
        raise AuthenticationError(_("Username or password is not correct."))
    if settings.REQUIRE_2FA and user.needs_second_factor:
        if not otp_token:
            raise AuthenticationError(
                _("This account needs a code from the authenticator app."),
                fields={"otp_token": [_("Enter the 6-digit code.")]},
            )
        if match_token(user, otp_token.strip()) is None:
            raise AuthenticationError(
                _("The code is not correct."), fields={"otp_token": [_("The code is not correct.")]}
            )
    _make_room_for_token(user)
    instance, token = AuthToken.objects.create(user=user)
    return token, instance.expiry


def _make_room_for_token(user: User) -> None:
    """Expired tokens are removed; beyond the limit of live tokens a new one is refused."""
    AuthToken.objects.filter(user=user, expiry__lt=timezone.now()).delete()
    limit = settings.REST_KNOX["TOKEN_LIMIT_PER_USER"]
    if AuthToken.objects.filter(user=user).count() >= limit:
        raise Conflict(
            _("You have %(limit)s active tokens; revoke one before asking for another.")
            % {"limit": limit}
        )


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    organisation: str


@transaction.atomic
def demo_users_load(*, entries: list[dict], password: str) -> list[DemoAccount]:
    """Create (or reset) one demo account per entry; only allowed in demo mode."""
    if not settings.DEMO:
        raise DomainError(_("Demo accounts can only be created in demo mode."))
    accounts = []
    for entry in entries:
        organisation = Organisation.objects.get(name=entry["organisation"])
        user = User.objects.filter(username=entry["username"]).first() or user_create(
            username=entry["username"],
            first_name=entry["first_name"],
            last_name=entry["last_name"],
            password=password,
            is_demo=True,
        )
        Membership.objects.get_or_create(user=user, organisation=organisation, role=entry["role"])
        accounts.append(DemoAccount(user.username, entry["role"], organisation.name))
    return accounts
