"""The monitor's counts API: counts, versions (make current), rows for the coordinator only,
imports (multipart, 201 with the job, its errors and report), reference values."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.imports.models import ImportJob, ImportStatus
from onderdak.monitor.models import Count, IndicatorValue
from tests.imports.files import csv_bytes
from tests.monitor.factories import CountFactory, version_with
from tests.monitor.importing.files import GOOD_ROWS, INDICATOR_HEADER, count_file

pytestmark = pytest.mark.usefixtures("reference_values")
ROWS = [
    ("GM0546", "1", "18-26", "man", "gemeente", 3),
    ("GM0546", "2", "27-65", "vrouw", "opvang", 7),
    ("GM0484", "6", "0-17", "anders", "zorg", 12),
]


@pytest.fixture
def count(region):
    return CountFactory(region=region)


@pytest.fixture
def api_as(api_login, make_member):
    return lambda role: api_login(make_member(role))


def test_counts_list_with_their_current_version(api_as, count):
    version_with(count, ROWS)
    body = api_as(Role.GOVERNANCE_READER).get(reverse("count-list")).json()
    assert body["count"] == 1
    current = body["results"][0]["current_version"]
    assert (current["number"], current["row_count"], current["people_total"]) == (1, 3, 22)


@pytest.mark.parametrize(
    ("role", "total"), [(Role.POLICY_OFFICER, None), (Role.REGIONAL_COORDINATOR, 3)]
)
def test_a_small_total_is_null_for_whom_may_not_see_it(api_as, count, role, total):
    version_with(count, ROWS[:1])
    client = api_as(role)
    assert (
        client.get(reverse("count-detail", args=[count.pk])).json()["current_version"][
            "people_total"
        ]
        == total
    )
    versions = client.get(reverse("count-version-list"), {"count": count.pk}).json()
    assert versions["results"][0]["people_total"] == total


def test_create_and_change_a_count(api_as, region):
    client = api_as(Role.POLICY_OFFICER)
    data = {
        "title": "API-telling",
        "count_date": "2026-04-09",
        "area": "x",
        "method": "y",
        "source": "z",
    }
    created = client.post(reverse("count-list"), data, format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    changed = client.patch(
        reverse("count-detail", args=[pk]), {"notes": "n", "is_demo": True}, format="json"
    )
    assert changed.json()["notes"] == "n"
    assert Count.objects.get(pk=pk).is_demo is False
    again = client.post(reverse("count-list"), data, format="json")
    assert again.status_code == 400
    assert again.json()["code"] == "invalid"


def test_make_an_earlier_version_current_and_conflict_when_it_is(api_as, count):
    first = version_with(count, ROWS)
    version_with(count, ROWS[:1])
    client = api_as(Role.POLICY_OFFICER)
    url = reverse("count-version-make-current", args=[first.pk])
    response = client.post(url)
    assert response.status_code == 200
    assert response.json()["is_current"] is True
    conflict = client.post(url)
    assert (conflict.status_code, conflict.json()["code"]) == (409, "already_current")


def test_rows_filtered_by_count_version_municipality_and_breakdowns(api_as, count):
    first = version_with(count, ROWS)
    version_with(count, ROWS[:1])
    client = api_as(Role.REGIONAL_COORDINATOR)
    url = reverse("count-row-list")
    assert client.get(url, {"count": count.pk}).json()["count"] == 1  # the current version
    assert client.get(url, {"count": count.pk, "version": first.pk}).json()["count"] == 3
    body = client.get(url, {"version": first.pk, "municipality": "GM0546", "category": "2"}).json()
    assert [
        (r["municipality"], r["category"], r["age_band"], r["people"]) for r in body["results"]
    ] == [("GM0546", "2", "27-65", 7)]
    assert (
        client.get(url, {"version": first.pk, "finder": "zorg", "gender": "anders"}).json()["count"]
        == 1
    )


@pytest.mark.parametrize(
    "role", [Role.POLICY_OFFICER, Role.GOVERNANCE_READER, Role.MUNICIPALITY_OFFICER]
)
def test_rows_are_for_the_coordinator_only(api_as, role):
    assert api_as(role).get(reverse("count-row-list")).status_code == 403


def post_file(client, content, **data):
    upload = SimpleUploadedFile("bestand.csv", content)
    return client.post(reverse("import-list"), {**data, "file": upload}, format="multipart")


def test_import_a_count_file(api_as, count):
    response = post_file(
        api_as(Role.POLICY_OFFICER), count_file(GOOD_ROWS), kind="count", count=count.pk
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["outcome"]["version"], body["error_count"], body["errors"]) == (
        "done",
        1,
        0,
        [],
    )


def test_a_rejected_file_is_a_job_with_its_errors_and_report(api_as, count):
    client = api_as(Role.POLICY_OFFICER)
    bad = [("Amsterdam", "1", "18-26", "man", "gemeente", "2,5")]
    body = post_file(client, count_file(bad), kind="count", count=count.pk).json()
    assert body["status"] == ImportStatus.REJECTED
    assert body["errors"][0] == {
        "row": 2,
        "column": "gemeente",
        "value": "Amsterdam",
        "message": body["errors"][0]["message"],
    }
    assert client.get(reverse("import-detail", args=[body["id"]])).json()["error_count"] == 2
    report = client.get(reverse("import-report", args=[body["id"]]))
    sheet = load_workbook(io.BytesIO(report.content)).worksheets[0]
    assert [row[2] for row in sheet.iter_rows(min_row=5, values_only=True)] == ["Amsterdam", "2,5"]
    assert not count.versions.exists()


def test_import_indicators(api_as):
    rows = [
        INDICATOR_HEADER,
        ("ontruimingen", "Ontruimingen", "GM0546", "2024", "12,5", "aantal", "x"),
    ]
    response = post_file(api_as(Role.POLICY_OFFICER), csv_bytes(rows), kind="indicators")
    assert response.status_code == 201
    assert IndicatorValue.objects.get().value == Decimal("12.5")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "count"}, "count"),
        ({"kind": "x"}, "kind"),
        ({"kind": "count", "count": 999999}, "count"),
    ],
)
def test_a_bad_request_is_400_in_the_error_shape(api_as, data, field):
    response = post_file(api_as(Role.POLICY_OFFICER), count_file(GOOD_ROWS), **data)
    assert response.status_code == 400
    assert field in response.json()["fields"]
    assert not ImportJob.objects.exists()


def test_a_file_over_the_limit_is_400(api_as, count, settings):
    settings.IMPORT_MAX_BYTES = 10
    response = post_file(
        api_as(Role.POLICY_OFFICER), count_file(GOOD_ROWS), kind="count", count=count.pk
    )
    assert (response.status_code, response.json()["code"]) == (400, "file_too_large")


def test_json_is_not_accepted_for_an_import(api_as):
    response = api_as(Role.POLICY_OFFICER).post(
        reverse("import-list"), {"kind": "count"}, format="json"
    )
    assert response.status_code == 415


def test_the_import_list_holds_the_callers_own(api_as, count):
    post_file(api_as(Role.POLICY_OFFICER), count_file(GOOD_ROWS), kind="count", count=count.pk)
    other = api_as(Role.POLICY_OFFICER)
    assert other.get(reverse("import-list")).json()["count"] == 0


def test_reference_values_by_dimension(api_as):
    body = (
        api_as(Role.GOVERNANCE_READER)
        .get(reverse("reference-value-list"), {"dimension": "age_band"})
        .json()
    )
    assert [value["code"] for value in body["results"]] == ["0-17", "18-26", "27-65", "65+"]
