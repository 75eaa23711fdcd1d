"""The framework's documents in real Chromium, as the project leader (a policy officer): open
the current state, download the Word export by its link and read it with python-docx (headings,
the actions per level, the input account), and open the print view; as a governance reader,
open the print view of the version put to them from the home page. axe-core checks every page.

The framework's front page (``framework:framework_detail``) belongs to another part of the
module; until it links here, the export is downloaded from the current state page."""

import pytest
from django.urls import reverse
from docx import Document as read_docx
from playwright.sync_api import Page, expect

from onderdak.accounts.models import Role
from onderdak.framework.models import FrameworkVersion, VersionStatus
from onderdak.framework.services.reference import policy_domains_load
from onderdak.framework.services.versions import version_create
from tests.browser.test_contingent import checked, follow, visit
from tests.factories import member
from tests.framework.documents_data import full_framework


def headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def download_export(page: Page, url: str, tmp_path):
    with page.expect_download() as info:
        page.locator(f"main a[href='{url}']").first.click()
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    return read_docx(target)


@pytest.mark.browser
def test_the_project_leader_reads_the_current_state_and_exports_the_framework(
    page, logged_in, tmp_path
):
    policy_domains_load()
    framework = full_framework(is_demo=True)
    logged_in(Role.POLICY_OFFICER)
    visit(page, reverse("framework:current_state", args=[framework.pk]))
    expect(page.locator("main table").first).to_be_visible()
    expect(page.locator("h1 .demo-label")).to_have_count(1)

    doc = download_export(page, reverse("framework:export", args=[framework.pk]), tmp_path)
    assert len(headings(doc, 1)) == 5
    assert "Dakloosheid" in headings(doc, 2)
    assert len(headings(doc, 3)) == 5  # the ambitions, then a table per level (and no level)
    action_cells = {row.cells[0].text for table in doc.tables for row in table.rows}
    assert {
        "Lokale toegang verbeteren",
        "Subregionale daklozenopvang",
        "Regionale crisisopvang",
    } <= action_cells
    account = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    assert "Algemene opmerking." in account
    assert any("Opgenomen als actie." in text for text in account)

    follow(page, reverse("framework:print", args=[framework.pk]))
    expect(page.locator("main h2")).to_have_count(5)
    expect(page.locator("main")).to_contain_text("Regionale crisisopvang")
    checked(page)


@pytest.mark.browser
def test_a_governance_reader_prints_the_version_put_to_them(page, logged_in):
    policy_domains_load()
    framework = full_framework()
    version = version_create(framework=framework, user=member(Role.POLICY_OFFICER))
    FrameworkVersion.objects.filter(pk=version.pk).update(status=VersionStatus.CONSULTATION)
    framework.themes.update(title="Later hernoemd")
    logged_in(Role.GOVERNANCE_READER)
    visit(page, reverse("core:home"))
    follow(page, reverse("framework:version_print", args=[version.pk]))
    expect(page.locator("main h3").first).to_have_text("Dakloosheid")
    export = reverse("framework:version_export", args=[version.pk])
    expect(page.locator(f"main a[href='{export}']")).to_have_count(1)
