"""A policy officer builds a funding scenario, makes a variant, compares the two and downloads the
comparison, in real Chromium; axe-core checks every page on the way."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from onderdak.accounts.models import Role
from onderdak.funding import selectors
from onderdak.funding.models import FundingScenario
from tests.browser.accessibility import assert_accessible
from tests.browser.steps import submit
from tests.funding.helpers import even_key, skewed_key

SOURCE = "Fictieve browsertestwaarde"
YEARS = (2026, 2027, 2028)


def arrive(page: Page, heading: str) -> None:
    """The page with this heading is shown, and axe-core finds nothing on it."""
    expect(page.locator("h1")).to_contain_text(heading)
    assert_accessible(page)


def open_link(page: Page, name: str) -> None:
    page.get_by_role("link", name=name, exact=True).first.click()


def fill_settings(page: Page) -> None:
    page.fill("#id_name", "Eigen scenario")
    page.fill("#id_first_year", str(YEARS[0]))
    page.fill("#id_last_year", str(YEARS[-1]))
    page.fill("#id_phase_in_years", "3")
    page.fill("#id_cap_percent", "25")
    submit(page)


def fill_budget(page: Page) -> None:
    for index, year in enumerate(YEARS):
        page.select_option(f"#id_year_{index}", str(year))
        page.fill(f"#id_funding_source_{index}", "Integratie-uitkering beschermd wonen")
        page.fill(f"#id_amount_{index}", "40.000.000,00")
        page.fill(f"#id_source_{index}", SOURCE)
    submit(page)


def fill_key(page: Page, shares: dict) -> None:
    for municipality, share in shares.items():
        page.fill(f"#id_share_{municipality.cbs_code}", str(share).replace(".", ","))
    page.fill("#id_source", SOURCE)
    submit(page)


def build_scenario(page: Page, municipalities) -> None:
    page.goto(reverse("funding:scenario_list"))
    arrive(page, "Bekostigingsscenario's")
    open_link(page, "Nieuw scenario")
    arrive(page, "Nieuw scenario")
    fill_settings(page)
    arrive(page, "Eigen scenario")
    expect(page.locator(".notice")).to_contain_text("Nog geen resultaat")
    open_link(page, "Begroting wijzigen")
    arrive(page, "Begroting")
    fill_budget(page)
    for link, shares in (
        ("Historische sleutel wijzigen", skewed_key(municipalities)),
        ("Objectieve sleutel wijzigen", even_key(municipalities)),
    ):
        arrive(page, "Eigen scenario")
        open_link(page, link)
        arrive(page, "sleutel")
        fill_key(page, shares)
    arrive(page, "Eigen scenario")
    expect(page.locator("svg[role=img]")).to_have_count(2)


def copy_with_another_phase_in(page: Page) -> None:
    open_link(page, "Kopiëren als variant")
    arrive(page, "Eigen scenario kopiëren")
    page.fill("#id_name", "Eigen scenario, snel")
    page.fill("#id_phase_in_years", "1")
    submit(page)
    arrive(page, "Eigen scenario, snel")


def compare(page: Page) -> None:
    open_link(page, "Vergelijken met een ander scenario")
    arrive(page, "Bekostigingsscenario's vergelijken")
    page.select_option("#id_b", label="Eigen scenario")
    submit(page)
    arrive(page, "Bekostigingsscenario's vergelijken")
    expect(page.locator("#verschil-grafiek-titel")).to_have_count(1)


def download(page: Page):
    with page.expect_download() as info:
        open_link(page, "Downloaden als Excel")
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    return load_workbook(io.BytesIO(download.path().read_bytes()))


@pytest.mark.browser
def test_build_copy_compare_and_download(page, logged_in, region):
    logged_in(Role.POLICY_OFFICER)
    municipalities = list(region.municipalities.order_by("cbs_code"))
    build_scenario(page, municipalities)
    copy_with_another_phase_in(page)
    compare(page)
    book = download(page)

    slow = FundingScenario.objects.get(name="Eigen scenario")
    fast = FundingScenario.objects.get(name="Eigen scenario, snel")
    assert (slow.phase_in_years, fast.phase_in_years) == (3, 1)
    assert fast.budget_lines.count() == 3
    expected = selectors.scenario_comparison(a=fast, b=slow)
    rows = list(book.worksheets[0].iter_rows(min_row=5, values_only=True))
    assert len(rows) == len(expected) == 13 * len(YEARS)
    for sheet_row, row in zip(rows, expected, strict=True):
        assert sheet_row[1] == row.code
        assert Decimal(str(sheet_row[5])).quantize(Decimal("0.01")) == row.difference
