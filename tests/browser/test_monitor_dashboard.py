"""The region dashboard in real Chromium, as the policy officer: open it, switch the map's
indicator and year (the map and its table change), switch the subregion, and download a chart's
data (the workbook holds what the table shows); axe-core checks every state.

Controls are found by their name and links by their address, so the test holds in either
language; figures are compared with what the selector computes for the same filters.
"""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from onderdak.accounts.models import Role
from onderdak.core.exports import HEADER_ROW
from onderdak.monitor.selectors.dashboard import CATEGORIES, DashboardQuery, dashboard
from onderdak.region.models import Region
from tests.browser.accessibility import assert_accessible
from tests.monitor.dashboard_data import EARLIER, LATER, ensure_dashboard_data

SMALL_OR_HIDDEN = ("<5", "x")


def show(page: Page, **choices: str) -> None:
    """Choose in the filters and press the form's button, as without JavaScript."""
    for name, value in choices.items():
        page.select_option(f"main form.filters select[name={name}]", value)
    page.locator("main form.filters button[type=submit]").click()
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)


def map_table(page: Page) -> list[list[str]]:
    rows = page.locator(".choropleth table tbody tr")
    return [
        [c.strip() for c in rows.nth(i).locator("th, td").all_inner_texts()]
        for i in range(rows.count())
    ]


def map_titles(page: Page) -> dict[str, str]:
    titles = page.locator(".choropleth__areas path title").all_text_contents()
    return dict(title.split(": ", 1) for title in titles)


def expected_map(**query) -> list[tuple[str, str]]:
    """The map's figures as the selector makes them, written as the English page does."""
    region = Region.objects.order_by("pk").first()
    with translation.override("en"):
        board = dashboard(region=region, suppressed=True, query=DashboardQuery(**query))
        return [(row.municipality.name, row.figure.display) for row in board.map.rows]


def chart_table(page: Page, key: str):
    section = page.locator(f"section[aria-labelledby='{key}-sectie']")
    rows = section.locator("table tr")
    return section, [
        [c.strip() for c in rows.nth(i).locator("th, td").all_inner_texts()]
        for i in range(rows.count())
    ]


def as_number(text: str):
    """A figure as the English page writes it (1,234.5), for comparing with the workbook."""
    if text in SMALL_OR_HIDDEN or text == "":
        return None
    number = float(text.replace(",", ""))
    return int(number) if number.is_integer() and "." not in text else number


@pytest.mark.browser
def test_switch_the_map_and_the_subregion_and_download_a_chart(page, logged_in):
    ensure_dashboard_data()
    logged_in(Role.POLICY_OFFICER)
    page.goto(reverse("monitor:dashboard"))
    page.locator("button[name=language][value=en]").click()  # English, the msgids
    expect(page.locator("h1")).to_contain_text("Monitor")
    assert_accessible(page)
    first = map_table(page)
    assert [(row[0], row[2]) for row in first] == expected_map()
    assert page.locator(".choropleth__areas path").count() == 13

    show(page, indicator="ethos-people", jaar=str(EARLIER.year))
    switched = map_table(page)
    assert switched != first
    assert [(row[0], row[2]) for row in switched] == expected_map(
        indicator="ethos-people", year=EARLIER.year
    )
    assert map_titles(page) == {name: value for name, _group, value, _class in switched}
    expect(page.locator("#kaart-sectie")).not_to_contain_text(str(LATER.year))

    show(page, subregio="rijnstreek")
    section, table = chart_table(page, CATEGORIES)
    assert table[0][1:5] == ["Alphen aan den Rijn", "Kaag en Braassem", "Nieuwkoop", "Rijnstreek"]
    assert map_table(page) == switched  # the map stays on its indicator and year

    with page.expect_download() as download:
        section.locator("a[href*='/excel/']").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW, values_only=True))
    assert list(rows[0][: len(table[0])]) == table[0]
    for sheet_row, page_row in zip(rows[1:], table[1:], strict=True):
        assert sheet_row[0] == page_row[0]
        assert list(sheet_row[1 : len(page_row)]) == [as_number(text) for text in page_row[1:]]
