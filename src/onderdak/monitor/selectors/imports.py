"""Reads of import jobs: the user's recent imports, a job of the region, its values."""

from django.db.models import Count as Counted
from django.db.models import QuerySet
from django.http import Http404

from onderdak.accounts.models import User
from onderdak.monitor.models import ImportJob, Indicator
from onderdak.region.models import Region

#: How many errors a job's page shows; the download has every stored error.
ERRORS_SHOWN = 300


def job_queryset(*, region: Region | None) -> QuerySet[ImportJob]:
    """The region's jobs, without the file's bytes (kept only while a job runs)."""
    return (
        ImportJob.objects.filter(region=region)
        .select_related("count", "version", "created_by")
        .defer("content")
    )


def recent_jobs(*, region: Region | None, user: User) -> QuerySet[ImportJob]:
    return job_queryset(region=region).filter(created_by=user).defer("errors")


def count_jobs(*, region: Region | None, count_id: int, limit: int = 5) -> list[ImportJob]:
    """The latest jobs of one count, for its page."""
    jobs = job_queryset(region=region).filter(count_id=count_id).defer("errors")
    return list(jobs.order_by("-created_at", "-pk")[:limit])


def job_or_404(*, region: Region | None, pk: int) -> ImportJob:
    job = job_queryset(region=region).filter(pk=pk).first()
    if job is None:
        raise Http404
    return job


def job_indicators(*, job: ImportJob) -> QuerySet[Indicator]:
    """The indicators whose values came from ``job``, with how many each."""
    return (
        Indicator.objects.filter(values__import_job=job)
        .annotate(imported=Counted("values"))
        .order_by("name")
    )
