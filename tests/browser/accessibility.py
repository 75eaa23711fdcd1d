"""axe-core on the page as the browser shows it: WCAG 2.1 A and AA, plus axe's best practices."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
WCAG_AND_BEST_PRACTICE = (*WCAG, "best-practice")

_axe = Axe()


def violations(page: Page, tags: tuple[str, ...] = WCAG_AND_BEST_PRACTICE) -> list[dict]:
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    return _axe.run(page, options=options).response["violations"]


def summary(found: list[dict]) -> str:
    """One line per violation and element: rule id, impact, the element's selector and the rule."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {', '.join(map(str, node['target']))} — {v['help']}"
        for v in found
        for node in v["nodes"]
    )


def assert_accessible(page: Page, tags: tuple[str, ...] = WCAG_AND_BEST_PRACTICE) -> None:
    found = violations(page, tags)
    assert not found, f"axe-core violations on {page.url}:\n{summary(found)}"
