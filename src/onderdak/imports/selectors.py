"""Reads of import jobs: the jobs a user sees, their own recent imports, one job.

A user sees the jobs of their region of the kinds whose ``view_permission`` they hold, narrowed
by each kind (``Kind.visible``: a care worker sees only their own imports, say). Every list and
page starts from :func:`visible_jobs`, so a job the user may not open never shows anywhere.
"""

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.http import Http404

from onderdak.accounts.models import User
from onderdak.imports.kinds import Kind, registry
from onderdak.imports.models import ImportJob
from onderdak.region.models import Region

#: How many errors a job's page shows; the download has every stored error.
ERRORS_SHOWN = 300
NOTHING = Q(pk__in=[])


def job_queryset(*, region: Region | None) -> QuerySet[ImportJob]:
    """The region's jobs, without the file's bytes (kept only while a job runs)."""
    return ImportJob.objects.filter(region=region).select_related("created_by").defer("content")


def visible_jobs(
    *, region: Region | None, user: User, kinds: Iterable[Kind] | None = None
) -> QuerySet[ImportJob]:
    """The jobs of ``kinds`` (default: every kind) that ``user`` may open, with what each kind's
    pages show of them."""
    kinds = list(registry if kinds is None else kinds)
    condition = NOTHING
    for kind in kinds:
        if user.has_perm(kind.view_permission):
            condition |= Q(kind=kind.key) & kind.visible(user)
    jobs = job_queryset(region=region).filter(condition)
    for kind in kinds:
        jobs = kind.annotate(jobs)
    return jobs


def recent_jobs(
    *, region: Region | None, user: User, kinds: Iterable[Kind] | None = None
) -> QuerySet[ImportJob]:
    """The user's own imports, newest first."""
    return (
        visible_jobs(region=region, user=user, kinds=kinds).filter(created_by=user).defer("errors")
    )


def job_or_404(
    *, region: Region | None, user: User, pk: int, kinds: Iterable[Kind] | None = None
) -> ImportJob:
    job = visible_jobs(region=region, user=user, kinds=kinds).filter(pk=pk).first()
    if job is None:
        raise Http404
    return job
