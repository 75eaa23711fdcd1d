"""The facility register in real Chromium: a policy officer enters a facility and two months of
its figures and sees them in the table; a care worker enters a month for their own facility and
imports a bad and a good file of figures. axe-core checks every page on the way; links are
followed by their address, so the test holds in either language."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from onderdak.accounts.models import Role
from onderdak.capacity.models import Facility, MonthlyFigure
from onderdak.capacity.services.figure_imports import KEY
from onderdak.capacity.services.figures import FIGURE_FIELDS
from onderdak.capacity.services.reference import facility_types_load
from onderdak.imports.models import ImportJob, ImportStatus
from tests.browser.test_contingent import as_role, checked, follow, press, visit
from tests.capacity.facilities_data import (
    bad_rows,
    example_facility,
    figure_file,
    own_provider,
)

UPLOAD_FORM = "main form[enctype='multipart/form-data']"


def create_facility(page: Page) -> Facility:
    visit(page, reverse("capacity:facility_list"))
    follow(page, reverse("capacity:facility_create"))
    page.fill("#id_name", "Het Baken (fictief)")
    page.select_option("#id_provider", str(own_provider().pk))
    page.select_option("#id_municipality", label="Leiden")
    page.select_option("#id_facility_type", label="Housing First")
    page.fill("#id_places", "8")
    page.fill("#id_contract_start", "2024-01-01")
    page.fill("#id_tariff_per_day", "62,50")
    page.fill("#id_tariff_source", "Contract 2024 (fictief)")
    press(page)
    facility = Facility.objects.get(name="Het Baken (fictief)")
    expect(page).to_have_url(reverse("capacity:facility_detail", args=[facility.pk]))
    checked(page)
    return facility


def enter_month(page: Page, facility: Facility, month: str, figures: list[int]) -> None:
    """Follow the facility page's link to its next month, fill the figures and save."""
    follow(page, reverse("capacity:figure_month", args=[facility.pk]) + f"?maand={month}")
    for name, value in zip(FIGURE_FIELDS, figures, strict=True):
        page.fill(f"#id_{name}", str(value))
    press(page)
    expect(page).to_have_url(
        reverse("capacity:facility_detail", args=[facility.pk]) + "#maandcijfers"
    )
    checked(page)


def import_file(page: Page, name: str, content: bytes) -> ImportJob:
    visit(page, reverse("capacity:figure_import"))
    page.set_input_files("#id_file", {"name": name, "mimeType": "text/csv", "buffer": content})
    page.locator(f"{UPLOAD_FORM} button[type=submit]").click()
    job = ImportJob.objects.get(kind=KEY, file_name=name)
    expect(page).to_have_url(reverse("capacity:import_detail", args=[job.pk]))
    checked(page)
    job.refresh_from_db()
    return job


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_policy_officer_enters_a_facility_and_two_months(browser, site, region):
    facility_types_load()
    context, page = as_role(browser, site, Role.POLICY_OFFICER)
    try:
        facility = create_facility(page)
        assert (facility.places, facility.level) == (8, "local")
        enter_month(page, facility, "2024-01", [6, 2, 6, 0, 0, 0, 0])
        enter_month(page, facility, "2024-02", [7, 1, 2, 1, 0, 0, 0])
        table = page.locator("main .chart__data table")
        expect(table.locator("tbody tr")).to_have_count(2)
        expect(table.locator("tbody tr").first).to_contain_text("7")
        assert list(
            facility.monthly_figures.order_by("month").values_list("occupied", flat=True)
        ) == [
            6,
            7,
        ]
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_care_worker_enters_a_month_and_imports_a_bad_and_a_good_file(browser, site, region):
    facility = example_facility()  # of the care provider the care worker works for
    context, page = as_role(browser, site, Role.CARE_WORKER)
    try:
        visit(page, reverse("capacity:facility_list"))
        follow(page, reverse("capacity:facility_detail", args=[facility.pk]))
        enter_month(page, facility, "2024-03", [25, 3, 9, 1, 1, 0, 0])
        expect(page.locator("main .messages")).to_contain_text("25")  # more than its 20 places
        assert MonthlyFigure.objects.get(facility=facility, month="2024-03-01").occupied == 25

        job = import_file(page, "fout.csv", figure_file(bad_rows()))
        assert job.status == ImportStatus.REJECTED
        expect(page.locator("main [role=alert]")).to_be_visible()
        expect(page.locator("main table tbody tr")).to_have_count(job.error_count)

        good = [(facility.pk, "2024-04", 24, 3, 1, 1, 1, 0, 0)]
        job = import_file(page, "goed.csv", figure_file(good))
        assert (job.status, job.outcome["created"]) == (ImportStatus.DONE, 1)
        expect(page.locator("main .notice")).to_be_visible()
        follow(page, reverse("capacity:facility_list"))
        assert facility.monthly_figures.count() == 4  # January to April
    finally:
        context.close()
