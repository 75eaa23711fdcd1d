"""Import pages with the Django client: a job's result or error report (on screen and as XLSX),
its progress while running (htmx), the templates, the valid codes and the indicator upload."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.imports.models import ImportJob, ImportStatus
from onderdak.monitor.models import ImportKind, IndicatorValue
from tests.imports.files import csv_bytes
from tests.monitor.factories import CountFactory
from tests.monitor.importing.files import COUNT_HEADER, GOOD_ROWS, INDICATOR_HEADER, count_file

pytestmark = pytest.mark.usefixtures("reference_values")
BAD_ROWS = [GOOD_ROWS[0], ("Amsterdam", "1", "18-26", "man", "gemeente", "-1"), GOOD_ROWS[0]]


@pytest.fixture
def officer(make_member):
    return make_member(Role.POLICY_OFFICER)


@pytest.fixture
def client(login, officer):
    return login(officer)


@pytest.fixture
def count(region):
    return CountFactory(region=region)


def upload(client, count, content: bytes, name: str = "telling.csv") -> ImportJob:
    client.post(
        reverse("monitor:count_import", args=[count.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )
    return ImportJob.objects.latest("pk")


def test_a_rejected_file_shows_its_errors_and_offers_the_report(client, count):
    job = upload(client, count, count_file(BAD_ROWS))
    response = client.get(reverse("monitor:import_detail", args=[job.pk]))
    assert job.status == ImportStatus.REJECTED
    assert 'role="alert"' in response.text
    assert "Amsterdam" in response.text
    assert reverse("monitor:import_report", args=[job.pk]) in response.text
    assert response.text.count("<tr>") == 1 + 3  # the header and three errors


def test_the_report_holds_every_stored_error(client, count):
    job = upload(client, count, count_file(BAD_ROWS))
    response = client.get(reverse("monitor:import_report", args=[job.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert [(row[0], row[1], row[2]) for row in rows] == [
        (3, "gemeente", "Amsterdam"),
        (3, "aantal", "-1"),
        (4, None, None),
    ]


def test_the_page_shows_only_the_first_errors_with_the_total(client, count, monkeypatch):
    monkeypatch.setattr("onderdak.imports.selectors.ERRORS_SHOWN", 2)
    job = upload(client, count, count_file(BAD_ROWS))
    response = client.get(reverse("monitor:import_detail", args=[job.pk]))
    assert response.text.count("<tr>") == 1 + 2


def test_a_running_job_polls_and_a_finished_one_reloads_the_page(client, count, region, officer):
    job = ImportJob.objects.create(
        region=region,
        kind=ImportKind.COUNT,
        options={"count": count.pk},
        file_name="groot.csv",
        file_size=1,
        created_by=officer,
        status=ImportStatus.CHECKING,
        progress=45,
    )
    url = reverse("monitor:import_detail", args=[job.pk])
    page = client.get(url)
    assert 'hx-trigger="every 1s"' in page.text
    assert '<progress id="import-progress-bar" max="100" value="45">' in page.text
    assert 'aria-live="polite"' in page.text
    poll = client.get(url, headers={"HX-Request": "true"})
    assert "<html" not in poll.text
    assert 'hx-swap-oob="true"' in poll.text
    job.status = ImportStatus.DONE
    job.save()
    assert client.get(url, headers={"HX-Request": "true"})["HX-Refresh"] == "true"


def test_the_list_holds_only_the_users_own_imports(client, count, make_member, login):
    mine = upload(client, count, count_file(GOOD_ROWS))
    other = login(make_member(Role.POLICY_OFFICER))
    theirs = upload(other, count, count_file(GOOD_ROWS), name="anders.csv")
    listing = other.get(reverse("monitor:import_list")).text
    assert "anders.csv" in listing
    assert reverse("monitor:import_detail", args=[mine.pk]) not in listing
    assert theirs.created_by != mine.created_by


@pytest.mark.parametrize(
    ("kind", "header"), [("telling", COUNT_HEADER), ("indicatoren", INDICATOR_HEADER)]
)
def test_the_csv_templates_are_semicolons_in_utf8_with_a_bom(client, kind, header):
    response = client.get(reverse("monitor:import_template", args=[kind, "csv"]))
    assert response.content == ("\ufeff" + ";".join(header) + "\r\n").encode()
    assert response["Content-Disposition"].startswith("attachment")


def test_the_xlsx_template_has_the_header_and_the_valid_codes(client):
    response = client.get(reverse("monitor:import_template", args=["telling", "xlsx"]))
    book = load_workbook(io.BytesIO(response.content))
    first, codes, municipalities = book.worksheets
    assert [c.value for c in first[1]] == list(COUNT_HEADER)
    assert first.max_row == 1
    assert "Buitenslapers (openbare ruimte)" in {
        row[2] for row in codes.iter_rows(values_only=True)
    }
    assert ("GM0546", "Leiden") in set(municipalities.iter_rows(values_only=True))


def test_a_filled_in_template_imports(client, count):
    template = client.get(reverse("monitor:import_template", args=["telling", "xlsx"])).content
    book = load_workbook(io.BytesIO(template))
    for row in GOOD_ROWS:
        book.worksheets[0].append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    job = upload(client, count, buffer.getvalue(), "ingevuld.xlsx")
    assert job.status == ImportStatus.DONE


def test_an_unknown_template_is_not_found(client):
    assert (
        client.get(reverse("monitor:import_template", args=["telling", "pdf"])).status_code == 404
    )
    assert client.get(reverse("monitor:import_template", args=["x", "csv"])).status_code == 404


def test_the_codes_page_lists_every_breakdown_and_municipality(client):
    response = client.get(reverse("monitor:import_codes"))
    for text in ("Uitzetting binnen een maand", "65+", "Anders of onbekend", "GM1884"):
        assert text in response.text


def test_import_indicators(client):
    rows = [
        INDICATOR_HEADER,
        ("ontruimingen", "Ontruimingen", "Leiden", "2024", "12", "aantal", "Corporaties"),
        ("ontruimingen", "Ontruimingen", "Lisse", "2024", "3", "aantal", "Corporaties"),
    ]
    response = client.post(
        reverse("monitor:indicator_import"),
        {"file": SimpleUploadedFile("indicatoren.csv", csv_bytes(rows))},
    )
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("monitor:import_detail", args=[job.pk])
    assert job.status == ImportStatus.DONE
    assert IndicatorValue.objects.filter(import_job=job).count() == 2
    page = client.get(response["Location"])
    assert "Ontruimingen (aantal)" in page.text
