"""The axe harness itself: checks that find nothing elsewhere must be able to find something."""

import pytest

from tests.browser.accessibility import violations

KNOWN_VIOLATION = """<!DOCTYPE html><html lang="nl"><head><title>Test</title></head>
<body><main><h1>Test</h1><img src="x.png"></main></body></html>"""


@pytest.mark.browser
def test_axe_finds_a_known_violation(browser):
    page = browser.new_page()
    try:
        page.set_content(KNOWN_VIOLATION)
        assert [v["id"] for v in violations(page)] == ["image-alt"]
    finally:
        page.close()
