"""What a user does in the browser: submit a form, log in with password and authenticator code."""

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from onderdak.accounts.models import User
from tests.factories import TEST_PASSWORD, totp_device


def submit(page: Page) -> None:
    """Press the submit button of the form in the main content (not the header's forms)."""
    page.locator("main form button[type=submit]").click()


def submit_invalid(page: Page, fields: dict[str, str]) -> None:
    """Fill ``fields`` (selector → value), submit, and expect the error summary."""
    for selector, value in fields.items():
        page.fill(selector, value)
    submit(page)
    expect(page.locator(".error-summary")).to_be_visible()


def current_code(device: TOTPDevice) -> str:
    """The code the user's authenticator app would show now."""
    code = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift
    )
    return str(code).zfill(device.digits)


def enter_password(page: Page, user: User) -> None:
    page.goto(reverse("accounts:login"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", TEST_PASSWORD)
    submit(page)


def enter_code(page: Page, device: TOTPDevice) -> None:
    page.fill("#id_token", current_code(device))
    submit(page)


def expect_home(page: Page) -> None:
    expect(page).to_have_url(reverse("core:home"))


def log_in_through_ui(page: Page, user: User) -> None:
    """Log ``user`` in; a role with access to personal data also passes the second factor."""
    device = totp_device(user) if user.needs_second_factor else None
    enter_password(page, user)
    if device is not None:
        expect(page).to_have_url(reverse("accounts:second_factor"))
        enter_code(page, device)
    expect_home(page)
