"""Browser fixtures: one Chromium for the whole run, a fresh context per test, login through the UI.

Playwright's sync API keeps an event loop running in the main thread, which makes Django refuse
ORM calls from tests ("async unsafe"); the tests make those calls between browser steps only.
"""

import os

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright

from tests.browser.steps import log_in_through_ui

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, flushable_audit_trail, region) -> str:
    """The live server's address, with the region loaded and a flush that the trail allows."""
    return live_server.url


@pytest.fixture
def page(browser, site):
    """A page in its own browser context (no cookies shared between tests), in Dutch."""
    context = browser.new_context(base_url=site, locale="nl-NL")
    yield context.new_page()
    context.close()
    connections.close_all()


@pytest.fixture
def logged_in(page, make_member):
    """``logged_in(role)`` → a new member with that role, logged in on ``page`` through the UI."""

    def _logged_in(role: str):
        user = make_member(role)
        log_in_through_ui(page, user)
        return user

    return _logged_in
