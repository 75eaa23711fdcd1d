"""Import jobs: an uploaded file of some kind, checked as a whole and then stored in one
transaction, or rejected with every error kept for the report.

A small file is checked and stored within the request. A large one is stored on the job and
handled in a background thread started after the commit (as allocation runs, decision 0011),
which updates the job's status and progress as it goes; whatever happens there, the job ends as
done, rejected or failed, and the file's bytes are dropped when it ends. The job keeps at most
:data:`MAX_STORED_ERRORS` errors, and the exact number of errors. What is particular to a kind of
file (its checks, where its rows go) is its :class:`~onderdak.imports.kinds.Kind`'s business.
"""

import hashlib
import logging
import os
import threading
from collections.abc import Mapping, Sequence
from contextlib import nullcontext

from django.conf import settings
from django.core.files import File
from django.db import close_old_connections, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from onderdak.accounts.models import User
from onderdak.core.errors import DomainError
from onderdak.imports.files.problems import CheckResult, ReadError, RowError, file_error
from onderdak.imports.files.reading import megabytes, read_table
from onderdak.imports.kinds import Kind, registry
from onderdak.imports.models import ImportJob, ImportStatus
from onderdak.region.models import Region

logger = logging.getLogger(__name__)

#: Files up to this size are handled within the request (about 8,000 rows of a count).
INLINE_BYTES = 256 * 1024
MAX_STORED_ERRORS = 10_000
NAME_LENGTH = 255
#: Checking takes the progress bar to here; storing takes it to 100.
CHECKED = 90


# --- Starting a job ------------------------------------------------------------------------------


@transaction.atomic
def import_job_start(
    *,
    region: Region,
    kind: str,
    uploaded: File,
    by: User,
    options: Mapping | None = None,
) -> ImportJob:
    """An import job for ``uploaded``: handled now when small, else in the background after the
    commit. A file that cannot be an import (too large, empty) is refused without a job."""
    job, content = import_job_create(
        region=region, kind=kind, uploaded=uploaded, by=by, options=options
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
    *,
    region: Region,
    kind: str,
    uploaded: File,
    by: User,
    options: Mapping | None = None,
) -> tuple[ImportJob, bytes]:
    """A queued job for ``uploaded``, and the file's bytes (checked for kind, options and size)."""
    found = _kind(kind)
    prepared = found.prepare(region=region, user=by, options=options or {})
    _check_size(uploaded.size)
    content = _read(uploaded)
    job = ImportJob.objects.create(
        region=region,
        kind=found.key,
        options=prepared,
        file_name=_name(uploaded.name),
        file_size=len(content),
        created_by=by,
    )
    return job, content


def _kind(key: str) -> Kind:
    found = registry.get(key)
    if found is None:
        raise DomainError(fields={"kind": [_("Choose what the file holds.")]})
    return found


def _check_size(size: int | None) -> None:
    limit = settings.IMPORT_MAX_BYTES
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
        job.outcome = {}
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
        job.outcome = _kind(job.kind).store(job, result.rows, hashlib.sha256(content).hexdigest())
        _finish(job, ImportStatus.DONE, [])


def _check(job: ImportJob, content: bytes, inline: bool) -> CheckResult:
    """The file read and every row checked by the job's kind; the file's problems as errors."""
    try:
        table = read_table(content, max_bytes=settings.IMPORT_MAX_BYTES)
    except ReadError as error:
        return CheckResult(errors=[file_error(error.message)])
    job.rows_total = len(table.rows)

    def progress(percent: int) -> None:
        _progress(job, ImportStatus.CHECKING, percent * CHECKED // 100, inline)

    return _kind(job.kind).check(job, table, None if inline else progress)


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
