import pytest

from tests.browser.test_pages import check_page
from tests.framework.pages import PAGES


@pytest.mark.browser
@pytest.mark.parametrize("role", ["policy_officer", "municipality_officer", "governance_reader"])
def test_framework_pages(page, logged_in, subtests, role):
    user = logged_in(role)
    for web_page in PAGES:
        status = web_page.status_for(role)
        if status is None:
            continue
        with subtests.test(web_page.name, status=status):
            check_page(page, web_page, web_page.path(user), status)
