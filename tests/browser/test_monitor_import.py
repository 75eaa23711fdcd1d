"""Importing counts in real Chromium, as the policy officer: create a count, import a good file
(see the new version), import a large one (followed in the background, with a progress bar),
import a bad file (see the error report on screen, download it and open it). axe-core checks
every page on the way; links are followed by their address, so the test holds in either
language."""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from onderdak.accounts.models import Role
from onderdak.imports import services as imports
from onderdak.imports.models import ImportJob, ImportStatus
from onderdak.monitor.models import Count, ImportKind
from onderdak.monitor.services.imports import job_version
from onderdak.monitor.services.reference import reference_values_load
from tests.browser.test_contingent import as_role, checked, follow, visit
from tests.monitor.importing.files import BAD_COUNT_ROWS, GOOD_ROWS, count_file

UPLOAD_FORM = "main form[enctype='multipart/form-data']"


def create_count(page: Page) -> Count:
    visit(page, reverse("monitor:count_list"))
    follow(page, reverse("monitor:count_create"))
    page.fill("#id_title", "Telling in de browser")
    page.fill("#id_count_date", "2026-04-09")
    page.fill("#id_area", "Alle gemeenten")
    page.fill("#id_method", "ETHOS Light")
    page.fill("#id_source", "Browsertest (fictief)")
    page.locator("main form button[type=submit]").click()
    count = Count.objects.get(title="Telling in de browser")
    expect(page).to_have_url(reverse("monitor:count_detail", args=[count.pk]))
    checked(page)
    return count


def upload(page: Page, count: Count, name: str, content: bytes) -> ImportJob:
    """Choose the file on the count's page and import it; the import's page follows."""
    visit(page, reverse("monitor:count_detail", args=[count.pk]))
    page.set_input_files("#id_file", {"name": name, "mimeType": "text/csv", "buffer": content})
    page.locator(f"{UPLOAD_FORM} button[type=submit]").click()
    job = ImportJob.objects.filter(file_name=name).get()
    expect(page).to_have_url(reverse("monitor:import_detail", args=[job.pk]))
    return job


def finished(page: Page, job: ImportJob) -> ImportJob:
    """Wait until the page shows the result (a running job's page reloads itself when done)."""
    expect(page.locator("main .notice")).to_be_visible(timeout=30_000)
    checked(page)
    job.refresh_from_db()
    return job


def follow_in_the_background(page: Page, count: Count) -> ImportJob:
    """A large file's job: its page shows the progress bar and polls; the job then runs as the
    background thread runs it (here, in the test's thread, so the test decides when), and the
    page reloads itself with the result."""
    job, content = imports.import_job_create(
        region=count.region,
        kind=ImportKind.COUNT,
        options={"count": count.pk},
        uploaded=ContentFile(count_file(GOOD_ROWS[:2]), name="groot.csv"),
        by=count.created_by,  # the officer who made the count in the browser
    )
    visit(page, reverse("monitor:import_detail", args=[job.pk]))
    expect(page.locator("main progress")).to_be_visible()
    expect(page.locator("main [aria-live=polite]")).to_contain_text("0%")
    imports.import_job_run(job=job, content=content, inline=False)
    return finished(page, job)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_import_a_good_a_large_and_a_bad_file(browser, site, region):
    reference_values_load()
    context, page = as_role(browser, site, Role.POLICY_OFFICER)
    try:
        count = create_count(page)

        job = finished(page, upload(page, count, "goed.csv", count_file(GOOD_ROWS)))
        assert (job.status, job_version(job).number) == (ImportStatus.DONE, 1)
        follow(page, reverse("monitor:count_detail", args=[count.pk]))
        expect(page.locator("main table").first).to_contain_text("goed.csv")

        job = follow_in_the_background(page, count)
        assert (job.status, job_version(job).number) == (ImportStatus.DONE, 2)
        count.refresh_from_db()
        assert count.current_version == job_version(job)

        job = finished(page, upload(page, count, "fout.csv", count_file(BAD_COUNT_ROWS)))
        assert job.status == ImportStatus.REJECTED
        expect(page.locator("main [role=alert]")).to_be_visible()
        errors = page.locator("main table tbody tr")
        expect(errors).to_have_count(job.error_count)
        expect(errors.first).to_contain_text("Amsterdam")
        with page.expect_download() as info:
            page.locator(
                f"main a[href='{reverse('monitor:import_report', args=[job.pk])}']"
            ).click()
        sheet = load_workbook(io.BytesIO(info.value.path().read_bytes())).worksheets[0]
        found = [row[2] for row in sheet.iter_rows(min_row=5, values_only=True)]
        assert "Amsterdam" in found
        assert len(found) == job.error_count
        count.refresh_from_db()
        assert count.versions.count() == 2  # nothing of the bad file was stored
    finally:
        context.close()
