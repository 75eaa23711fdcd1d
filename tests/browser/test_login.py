"""The login pages and the second factor: checked empty and with errors; the set-up flow."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from onderdak.accounts.models import Role
from tests.browser.accessibility import assert_accessible
from tests.browser.steps import enter_code, enter_password, expect_home, submit_invalid
from tests.factories import totp_device


def submit_empty_and_check(page: Page) -> None:
    submit_invalid(page, {})
    assert_accessible(page)


@pytest.mark.browser
def test_login_page_is_accessible_empty_and_with_errors(page):
    page.goto(reverse("accounts:login"))
    assert_accessible(page)
    submit_empty_and_check(page)


@pytest.mark.browser
def test_second_factor_page_is_accessible_empty_and_with_errors(page, make_member):
    user = make_member(Role.CARE_WORKER)
    device = totp_device(user)
    enter_password(page, user)
    expect(page).to_have_url(reverse("accounts:second_factor"))
    assert_accessible(page)
    submit_empty_and_check(page)
    enter_code(page, device)
    expect_home(page)


@pytest.mark.browser
def test_setting_up_the_second_factor(page, make_member):
    """Without a device, the user links an app by the QR code and lands on the home page."""
    user = make_member(Role.MUNICIPALITY_OFFICER)
    enter_password(page, user)
    expect(page).to_have_url(reverse("accounts:second_factor_setup"))
    expect(page.locator(".qr svg")).to_be_visible()
    assert_accessible(page)
    submit_empty_and_check(page)
    enter_code(page, TOTPDevice.objects.get(user=user, confirmed=False))
    expect_home(page)
    assert TOTPDevice.objects.get(user=user).confirmed
