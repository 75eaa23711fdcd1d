"""Keyboard basics: the skip link is the first tab stop and takes focus to the main content."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from onderdak.accounts.models import Role


@pytest.mark.browser
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, logged_in):
    logged_in(Role.POLICY_OFFICER)
    page.goto(reverse("region:overview"))
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
