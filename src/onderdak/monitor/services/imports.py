"""Import jobs: an uploaded count or indicator file, checked as a whole and then stored in one
transaction, or rejected with every error kept for the report.

A small file is checked and stored within the request. A large one is stored on the job and
handled in a background thread started after the commit (as allocation runs, decision 0011),
which updates the job's status and progress as it goes; whatever happens there, the job ends as
done, rejected or failed, and the file's bytes are dropped when it ends. The job keeps at most
:data:`MAX_STORED_ERRORS` errors, and the exact number of errors.
"""

import hashlib
import logging
import os
import threading
from collections.abc import Sequence
from contextlib import nullcontext

from django.conf import settings
from django.core.files import File
from django.db import close_old_connections, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from onderdak.accounts.models import User
from onderdak.core.errors import DomainError
from onderdak.monitor.importing.cells import cbs_key
from onderdak.monitor.importing.columns import normal
from onderdak.monitor.importing.counts import CountLookups, check_count_rows
from onderdak.monitor.importing.files import megabytes, read_table
from onderdak.monitor.importing.indicators import IndicatorLookups, check_indicator_rows
from onderdak.monitor.importing.problems import CheckResult, ReadError, RowError, file_error
from onderdak.monitor.models import (
    Count,
    Dimension,
    ImportJob,
    ImportKind,
    ImportStatus,
    Indicator,
    ReferenceValue,
)
from onderdak.monitor.services.indicator_imports import indicator_values_store
from onderdak.monitor.services.versions import count_version_store
from onderdak.region.models import Municipality, Region

logger = logging.getLogger(__name__)

#: Files up to this size are handled within the request (about 8,000 rows of a count).
INLINE_BYTES = 256 * 1024
MAX_STORED_ERRORS = 10_000
NAME_LENGTH = 255
#: Checking takes the progress bar to here; storing takes it to 100.
CHECKED = 90


# --- Lookups -------------------------------------------------------------------------------------


def municipality_keys(region: Region) -> dict[str, int]:
    """The region's municipalities by CBS key (``gm0546``) and by normal name."""
    keys: dict[str, int] = {}
    for pk, code, name in Municipality.objects.filter(region=region).values_list(
        "pk", "cbs_code", "name"
    ):
        keys[cbs_key(normal(code)) or normal(code)] = pk
        keys[normal(name)] = pk
    return keys


def count_lookups(region: Region) -> CountLookups:
    """What a count file of ``region`` may name (see :class:`CountLookups`)."""
    values: dict[str, dict[str, int]] = {dimension: {} for dimension in Dimension.values}
    retired: dict[str, set[str]] = {dimension: set() for dimension in Dimension.values}
    for value in ReferenceValue.objects.all():
        keys = {normal(value.code), normal(value.name), normal(value.name_en)} - {""}
        if value.is_active:
            values[value.dimension].update(dict.fromkeys(keys, value.pk))
        else:
            retired[value.dimension] |= keys
    return CountLookups(
        municipalities=municipality_keys(region),
        values=values,
        retired={dimension: frozenset(keys) for dimension, keys in retired.items()},
    )


def indicator_lookups(region: Region) -> IndicatorLookups:
    units = Indicator.objects.filter(region=region).values_list("code", "unit")
    return IndicatorLookups(
        municipalities=municipality_keys(region),
        units={code.lower(): unit for code, unit in units},
    )


# --- Starting a job ------------------------------------------------------------------------------


@transaction.atomic
def import_job_start(
    *, region: Region, kind: str, uploaded: File, by: User, count: Count | None = None
) -> ImportJob:
    """An import job for ``uploaded``: handled now when small, else in the background after the
    commit. A file that cannot be an import (too large, empty) is refused without a job."""
    job, content = import_job_create(
        region=region, kind=kind, uploaded=uploaded, by=by, count=count
    )
    if len(content) <= INLINE_BYTES:
        return import_job_run(job=job, content=content, inline=True)
    job.content = content
    job.save(update_fields=["content"])
    language = translation.get_language()
    transaction.on_commit(lambda: _start_thread(job.pk, language))
    return job


@transaction.atomic
def import_job_create(
    *, region: Region, kind: str, uploaded: File, by: User, count: Count | None = None
) -> tuple[ImportJob, bytes]:
    """A queued job for ``uploaded``, and the file's bytes (checked for kind, count and size)."""
    _check_request(region=region, kind=kind, count=count, size=uploaded.size)
    content = _read(uploaded)
    job = ImportJob.objects.create(
        region=region,
        kind=kind,
        count=count if kind == ImportKind.COUNT else None,
        file_name=_name(uploaded.name),
        file_size=len(content),
        created_by=by,
    )
    return job, content


def _check_request(*, region: Region, kind: str, count: Count | None, size: int | None) -> None:
    if kind not in ImportKind.values:
        raise DomainError(fields={"kind": [_("Choose what the file holds.")]})
    if kind == ImportKind.COUNT and (count is None or count.region_id != region.pk):
        raise DomainError(fields={"count": [_("Choose a count of your region.")]})
    limit = settings.MONITOR_IMPORT_MAX_BYTES
    if size is not None and size > limit:
        message = _("The file is larger than %(limit)s MB.") % {"limit": megabytes(limit)}
        raise DomainError(message, code="file_too_large", fields={"file": [message]})
    if not size:
        raise DomainError(fields={"file": [_("The file is empty.")]})


def _read(uploaded: File) -> bytes:
    uploaded.seek(0)
    return uploaded.read()


def _name(name: str | None) -> str:
    """The file's own name without any path, shortened from the front to fit."""
    base = os.path.basename((name or "").replace("\\", "/")).strip() or "import"
    return base[-NAME_LENGTH:]


def _start_thread(job_id: int, language: str | None) -> None:
    threading.Thread(target=_background, args=(job_id, language), daemon=True).start()


def _background(job_id: int, language: str | None) -> None:
    """The job in its own thread, in the language of the user who started it."""
    try:
        job = ImportJob.objects.get(pk=job_id)
        with translation.override(language):
            import_job_run(job=job, content=bytes(job.content or b""), inline=False)
    except Exception as error:  # even ending the job failed (the database was unavailable)
        logger.error("Import job %s could not run: %s", job_id, type(error).__name__)
        _mark_failed(job_id)
    finally:
        close_old_connections()


def _mark_failed(job_id: int) -> None:
    """One more try to end a job that could not be ended the usual way."""
    try:
        ImportJob.objects.filter(pk=job_id, finished_at__isnull=True).update(
            status=ImportStatus.FAILED, progress=100, content=None, finished_at=timezone.now()
        )
    except Exception as error:
        logger.error("Import job %s could not be marked failed: %s", job_id, type(error).__name__)


# --- Running a job -------------------------------------------------------------------------------


def import_job_run(*, job: ImportJob, content: bytes, inline: bool) -> ImportJob:
    """Check ``content`` and store it, or keep its errors. The job always ends: an unexpected
    failure ends it as failed, with nothing stored. ``inline``: within the caller's transaction
    (a savepoint keeps a failure from breaking it) and without progress updates."""
    try:
        with transaction.atomic() if inline else nullcontext():
            _execute(job, content, inline)
    except Exception as error:
        logger.error("Import job %s failed: %s", job.pk, type(error).__name__)
        job.version = None
        message = _("The import stopped unexpectedly; nothing was stored. Please try again.")
        _finish(job, ImportStatus.FAILED, [file_error(message)])
    return job


def _execute(job: ImportJob, content: bytes, inline: bool) -> None:
    _progress(job, ImportStatus.CHECKING, 0, inline)
    result = _check(job, content, inline)
    if result.errors:
        _finish(job, ImportStatus.REJECTED, result.errors)
        return
    _progress(job, ImportStatus.STORING, CHECKED, inline)
    with transaction.atomic():
        _store(job, result.rows, hashlib.sha256(content).hexdigest())
        _finish(job, ImportStatus.DONE, [])


def _check(job: ImportJob, content: bytes, inline: bool) -> CheckResult:
    """The file read and every row checked; the file's problems as errors."""
    try:
        table = read_table(content, max_bytes=settings.MONITOR_IMPORT_MAX_BYTES)
    except ReadError as error:
        return CheckResult(errors=[file_error(error.message)])
    job.rows_total = len(table.rows)

    def progress(percent: int) -> None:
        _progress(job, ImportStatus.CHECKING, percent * CHECKED // 100, inline)

    report = None if inline else progress
    if job.kind == ImportKind.COUNT:
        return check_count_rows(table, count_lookups(job.region), report)
    return check_indicator_rows(table, indicator_lookups(job.region), report)


def _store(job: ImportJob, rows: Sequence, sha256: str) -> None:
    if job.kind == ImportKind.COUNT:
        job.version = count_version_store(
            count=job.count,
            rows=rows,
            file_name=job.file_name,
            file_sha256=sha256,
            imported_by=job.created_by,
        )
    else:
        indicator_values_store(region=job.region, rows=rows, job=job)


def _progress(job: ImportJob, status: str, progress: int, inline: bool) -> None:
    job.status, job.progress = status, progress
    if not inline:  # seen by the page polling the job; within a request nobody polls
        ImportJob.objects.filter(pk=job.pk).update(status=status, progress=progress)


def _finish(job: ImportJob, status: str, errors: Sequence[RowError]) -> None:
    job.status, job.progress, job.finished_at = status, 100, timezone.now()
    job.errors = [error.as_dict() for error in errors[:MAX_STORED_ERRORS]]
    job.error_count = len(errors)
    job.content = None
    job.save()
