"""Import jobs: a good file becomes the count's new version, a bad one stores nothing and keeps
its errors, a large one runs in the background, and a job that breaks ends as failed."""

import time

import pytest
from django.core.files.base import ContentFile
from django.utils import translation

from onderdak.accounts.models import Role
from onderdak.core.errors import DomainError
from onderdak.imports import services as jobs
from onderdak.imports.models import ImportJob, ImportStatus
from onderdak.monitor.models import (
    CountAggregate,
    CountRow,
    CountVersion,
    ImportKind,
    ReferenceValue,
)
from onderdak.monitor.services import imports
from onderdak.monitor.services.imports import job_version
from tests.monitor.factories import CountFactory
from tests.monitor.importing.files import GOOD_ROWS, count_file

BAD_ROWS = [GOOD_ROWS[0], ("Amsterdam", "1", "18-26", "man", "gemeente", "-1")]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def officer(make_member, reference_values):
    return make_member(Role.POLICY_OFFICER)


@pytest.fixture
def count(region, reference_values):
    return CountFactory(region=region)


def start(region, officer, count, content: bytes, name: str = "telling.csv"):
    return jobs.import_job_start(
        region=region,
        kind=ImportKind.COUNT,
        options={"count": count.pk},
        uploaded=ContentFile(content, name=name),
        by=officer,
    )


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_good_file_becomes_the_counts_current_version(region, officer, count, kind):
    job = start(region, officer, count, count_file(GOOD_ROWS, kind), f"telling.{kind}")
    job.refresh_from_db()
    count.refresh_from_db()
    assert (job.status, job.progress, job.error_count, job.errors) == (
        ImportStatus.DONE,
        100,
        0,
        [],
    )
    assert job.content is None
    assert job.finished_at is not None
    assert job.rows_total == 3
    version = job_version(job)
    assert count.current_version == version
    assert (version.number, version.row_count, version.people_total) == (1, 3, 10)
    assert version.file_name == f"telling.{kind}"
    assert version.imported_by == officer
    assert CountRow.objects.filter(version=version).count() == 3
    assert CountAggregate.objects.filter(version=version).exists()


def test_a_reimport_makes_a_new_version_and_keeps_the_earlier(region, officer, count):
    first = job_version(start(region, officer, count, count_file(GOOD_ROWS)))
    second = job_version(start(region, officer, count, count_file(GOOD_ROWS[:1])))
    count.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert count.current_version == second
    assert CountRow.objects.filter(version=first).count() == 3
    assert CountRow.objects.filter(version=second).count() == 1


def test_a_bad_file_stores_nothing_and_keeps_every_error(region, officer, count):
    job = start(region, officer, count, count_file(BAD_ROWS))
    job.refresh_from_db()
    assert job.status == ImportStatus.REJECTED
    assert job_version(job) is None
    assert not CountVersion.objects.filter(count=count).exists()
    assert job.error_count == 2
    assert [(e["row"], e["column"], e["value"]) for e in job.errors] == [
        (3, "gemeente", "Amsterdam"),
        (3, "aantal", "-1"),
    ]
    assert job.content is None


def test_the_stored_errors_are_capped_and_their_number_is_exact(
    region, officer, count, monkeypatch
):
    monkeypatch.setattr(jobs, "MAX_STORED_ERRORS", 3)
    rows = [("Amsterdam", "1", "18-26", "man", "gemeente", "-1")] * 5
    job = start(region, officer, count, count_file(rows))
    assert job.error_count == 10  # two a row; rows with errors are not compared for duplicates
    assert len(job.errors) == 3


def test_a_file_that_cannot_be_read_is_one_error_for_the_file(region, officer, count):
    job = start(region, officer, count, b"\xff\xfeg\x00e\x00")
    assert job.status == ImportStatus.REJECTED
    assert job.errors[0]["row"] is None
    assert "UTF-16" in job.errors[0]["message"]


def test_an_inactive_value_is_refused_for_new_imports(region, officer, count):
    ReferenceValue.objects.filter(dimension="age_band", code="18-26").update(is_active=False)
    job = start(region, officer, count, count_file(GOOD_ROWS))
    assert job.status == ImportStatus.REJECTED
    assert "no longer used" in job.errors[0]["message"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"kind": "other"}, "kind"), ({"options": {"count": None}}, "count")],
)
def test_a_request_without_a_proper_kind_or_count_is_refused(
    region, officer, count, changes, field
):
    arguments = {
        "region": region,
        "kind": ImportKind.COUNT,
        "options": {"count": count.pk},
        "uploaded": ContentFile(count_file(GOOD_ROWS), name="x.csv"),
        "by": officer,
        **changes,
    }
    with pytest.raises(DomainError) as raised:
        jobs.import_job_start(**arguments)
    assert field in raised.value.fields
    assert not ImportJob.objects.exists()


def test_a_file_over_the_limit_or_empty_is_refused_without_a_job(region, officer, count, settings):
    settings.IMPORT_MAX_BYTES = 100
    with pytest.raises(DomainError, match="larger than 0 MB") as raised:
        start(region, officer, count, count_file(GOOD_ROWS))
    assert raised.value.code == "file_too_large"
    with pytest.raises(DomainError) as raised:
        start(region, officer, count, b"")
    assert "file" in raised.value.fields
    assert not ImportJob.objects.exists()


def test_a_failure_while_storing_ends_the_job_as_failed_with_nothing_stored(
    region, officer, count, monkeypatch
):
    def broken(**kwargs):
        CountVersion.objects.create(
            count=count, number=1, file_name="x", file_sha256="", row_count=0, people_total=0
        )
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports, "count_version_store", broken)
    job = start(region, officer, count, count_file(GOOD_ROWS))
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert job_version(job) is None
    assert "stopped unexpectedly" in job.errors[0]["message"]
    assert not CountVersion.objects.exists()  # the savepoint took back what was written


def test_a_large_file_goes_to_the_background_after_the_commit(
    region, officer, count, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(jobs, "INLINE_BYTES", 0)
    monkeypatch.setattr(jobs, "_start_thread", jobs._background)  # the thread, inline
    monkeypatch.setattr(jobs, "close_old_connections", lambda: None)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = start(region, officer, count, count_file(GOOD_ROWS))
        job.refresh_from_db()
        assert (job.status, job.progress) == (ImportStatus.QUEUED, 0)
        assert bytes(job.content) == count_file(GOOD_ROWS)
    assert len(callbacks) == 1
    callbacks[0]()
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE
    assert job.content is None
    assert job_version(job).row_count == 3


@pytest.mark.django_db(transaction=True)
def test_the_background_thread_runs_the_job_to_its_end(
    flushable_audit_trail, region, make_member, monkeypatch
):
    """End to end, in a real thread: the request commits, the thread checks and stores."""
    from onderdak.monitor.services.reference import reference_values_load

    reference_values_load()
    officer = make_member(Role.POLICY_OFFICER)
    count = CountFactory(region=region)
    monkeypatch.setattr(jobs, "INLINE_BYTES", 0)
    job = start(region, officer, count, count_file(BAD_ROWS + GOOD_ROWS[1:]))
    deadline = time.monotonic() + 30
    while not job.is_finished and time.monotonic() < deadline:
        time.sleep(0.1)
        job.refresh_from_db()
    assert job.status == ImportStatus.REJECTED
    assert job.error_count == 2
    assert job.content is None


def test_a_background_job_that_breaks_ends_as_failed(
    region, officer, count, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(jobs, "INLINE_BYTES", 0)
    monkeypatch.setattr(jobs, "_start_thread", jobs._background)
    monkeypatch.setattr(jobs, "close_old_connections", lambda: None)
    monkeypatch.setattr(imports, "count_lookups", lambda region: 1 / 0)
    with django_capture_on_commit_callbacks(execute=True):
        job = start(region, officer, count, count_file(GOOD_ROWS))
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert job.content is None
    assert job.finished_at is not None


def test_a_job_that_cannot_even_be_ended_is_marked_failed_once_more(
    region, officer, count, monkeypatch, django_capture_on_commit_callbacks
):
    def unavailable(**kwargs):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(jobs, "INLINE_BYTES", 0)
    monkeypatch.setattr(jobs, "_start_thread", jobs._background)
    monkeypatch.setattr(jobs, "close_old_connections", lambda: None)
    monkeypatch.setattr(jobs, "import_job_run", unavailable)
    with django_capture_on_commit_callbacks(execute=True):
        job = start(region, officer, count, count_file(GOOD_ROWS))
    job.refresh_from_db()
    assert (job.status, job.content) == (ImportStatus.FAILED, None)
    assert job.finished_at is not None
