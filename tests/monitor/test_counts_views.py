"""Count pages with the Django client: list, create, change, detail with versions, import,
making a version current again; small people totals hidden from whom may not see them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.imports.models import ImportJob, ImportStatus
from onderdak.monitor.models import Count
from tests.monitor.factories import CountFactory, version_with
from tests.monitor.importing.files import GOOD_ROWS, count_file

pytestmark = pytest.mark.usefixtures("reference_values")
SMALL = [("GM0546", "1", "18-26", "man", "gemeente", 3)]
LARGER = [*SMALL, ("GM0484", "2", "27-65", "vrouw", "opvang", 7)]


@pytest.fixture
def officer(make_member):
    return make_member(Role.POLICY_OFFICER)


@pytest.fixture
def count(region):
    return CountFactory(region=region, title="ETHOS-telling")


def test_the_list_shows_the_counts_with_their_current_version(login, officer, count):
    version_with(count, SMALL)
    response = login(officer).get(reverse("monitor:count_list"))
    assert response.status_code == 200
    assert "ETHOS-telling" in response.text
    assert ">&lt;5<" in response.text


@pytest.mark.parametrize(
    ("role", "shown"), [(Role.REGIONAL_COORDINATOR, ">3<"), (Role.GOVERNANCE_READER, ">&lt;5<")]
)
def test_small_totals_are_shown_only_to_whom_may_see_them(login, make_member, count, role, shown):
    version_with(count, SMALL)
    client = login(make_member(role))
    assert shown in client.get(reverse("monitor:count_list")).text
    assert shown in client.get(reverse("monitor:count_detail", args=[count.pk])).text


def test_create_a_count(login, officer, region):
    data = {
        "title": "Telling 2026",
        "count_date": "2026-04-09",
        "area": "Alle gemeenten",
        "method": "ETHOS Light",
        "source": "Eigen telling",
        "notes": "",
    }
    response = login(officer).post(reverse("monitor:count_create"), data)
    count = Count.objects.get(title="Telling 2026")
    assert response.status_code == 302
    assert response["Location"] == reverse("monitor:count_detail", args=[count.pk])
    assert (count.region, count.created_by, count.is_demo) == (region, officer, False)


def test_a_count_with_the_same_date_and_title_is_refused_on_the_form(login, officer, count):
    data = {
        "title": count.title,
        "count_date": count.count_date.isoformat(),
        "area": "x",
        "method": "x",
        "source": "x",
    }
    response = login(officer).post(reverse("monitor:count_create"), data)
    assert response.status_code == 200
    assert "error-summary" in response.text
    assert Count.objects.filter(title=count.title).count() == 1


def test_change_a_counts_details_but_not_whether_it_is_demo(login, officer, count):
    data = {
        "title": "Nieuwe titel",
        "count_date": "2024-04-11",
        "area": "x",
        "method": "y",
        "source": "z",
        "is_demo": "on",
    }
    response = login(officer).post(reverse("monitor:count_update", args=[count.pk]), data)
    assert response.status_code == 302
    count.refresh_from_db()
    assert (count.title, count.method, count.is_demo) == ("Nieuwe titel", "y", False)


def test_the_detail_page_lists_versions_and_offers_the_import(login, officer, count):
    version_with(count, LARGER, file_name="eerste.csv")
    version_with(count, SMALL, file_name="tweede.csv")
    response = login(officer).get(reverse("monitor:count_detail", args=[count.pk]))
    assert "eerste.csv" in response.text
    assert "tweede.csv" in response.text
    assert reverse("monitor:count_version_make_current", args=[count.pk, 1]) in response.text
    assert reverse("monitor:count_version_make_current", args=[count.pk, 2]) not in response.text
    assert 'enctype="multipart/form-data"' in response.text


def test_a_reader_sees_no_import_form_nor_buttons(login, make_member, count):
    version_with(count, LARGER)
    version_with(count, SMALL)
    response = login(make_member(Role.GOVERNANCE_READER)).get(
        reverse("monitor:count_detail", args=[count.pk])
    )
    assert "multipart" not in response.text
    assert "/actueel/" not in response.text


def test_import_a_good_file_and_follow_to_its_job(login, officer, count):
    upload = SimpleUploadedFile("telling.xlsx", count_file(GOOD_ROWS, "xlsx"))
    response = login(officer).post(
        reverse("monitor:count_import", args=[count.pk]), {"file": upload}
    )
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("monitor:import_detail", args=[job.pk])
    assert job.status == ImportStatus.DONE
    page = login(officer).get(response["Location"])
    assert "telling.xlsx" in page.text
    assert "version 1" in page.text or "versie 1" in page.text


def test_an_import_without_a_file_shows_the_error_summary(login, officer, count):
    response = login(officer).post(reverse("monitor:count_import", args=[count.pk]), {})
    assert response.status_code == 200
    assert "error-summary" in response.text


def test_a_file_over_the_limit_is_refused_on_the_form(login, officer, count, settings):
    settings.IMPORT_MAX_BYTES = 10
    upload = SimpleUploadedFile("telling.csv", count_file(GOOD_ROWS))
    response = login(officer).post(
        reverse("monitor:count_import", args=[count.pk]), {"file": upload}
    )
    assert response.status_code == 200
    assert "error-summary" in response.text
    assert not ImportJob.objects.exists()


def test_make_an_earlier_version_current_again(login, officer, count):
    first = version_with(count, LARGER)
    version_with(count, SMALL)
    url = reverse("monitor:count_version_make_current", args=[count.pk, 1])
    client = login(officer)
    assert client.post(url).status_code == 302
    count.refresh_from_db()
    assert count.current_version == first
    response = client.post(url, follow=True)
    assert "message--error" in response.text


def test_a_count_of_another_region_or_version_that_does_not_exist_is_not_found(
    login, officer, count
):
    client = login(officer)
    assert client.get(reverse("monitor:count_detail", args=[count.pk + 1000])).status_code == 404
    url = reverse("monitor:count_version_make_current", args=[count.pk, 9])
    assert client.post(url).status_code == 404
