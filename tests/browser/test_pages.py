"""Each role visits every page of the app and axe-core finds nothing on any of them.

One test per role logs in once through the UI and checks the role's pages as subtests: a page the
role may see answers 200 (or 404 for the missing page), any other page shows the 403 page, and both
are checked with axe-core. Form pages are checked again with the error summary showing.
"""

import pytest
from playwright.sync_api import Page

from tests.browser.accessibility import assert_accessible
from tests.browser.pages import PAGES, WebPage
from tests.browser.steps import submit_invalid
from tests.conftest import ALL_ROLES


def visit(page: Page, path: str, status: int) -> None:
    response = page.goto(path)
    assert response is not None
    assert response.status == status, f"{path} answered {response.status}, expected {status}"


def check_page(page: Page, web_page: WebPage, path: str, status: int) -> None:
    visit(page, path, status)
    assert_accessible(page)
    if status == 200 and web_page.invalid_input is not None:
        submit_invalid(page, web_page.invalid_input)
        assert_accessible(page)


@pytest.mark.browser
@pytest.mark.parametrize("role", ALL_ROLES)
def test_every_page_is_accessible_to_each_role(page, logged_in, subtests, role):
    user = logged_in(role)
    for web_page in PAGES:
        status = web_page.status_for(role)
        if status is None:
            continue
        with subtests.test(web_page.name, status=status):
            check_page(page, web_page, web_page.path(user), status)
