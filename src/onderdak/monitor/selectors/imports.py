"""Reads of the monitor's import jobs: the latest of one count, the indicators a job wrote."""

from django.db.models import Count as Counted
from django.db.models import QuerySet

from onderdak.accounts.models import User
from onderdak.imports.kinds import registry
from onderdak.imports.models import ImportJob
from onderdak.imports.selectors import visible_jobs
from onderdak.monitor.models import ImportKind, Indicator
from onderdak.region.models import Region


def count_jobs(
    *, region: Region | None, user: User, count_id: int, limit: int = 5
) -> list[ImportJob]:
    """The latest jobs of one count, for its page."""
    jobs = visible_jobs(region=region, user=user, kinds=registry.of_module("monitor"))
    jobs = jobs.filter(kind=ImportKind.COUNT, options__count=count_id).defer("errors")
    return list(jobs.order_by("-created_at", "-pk")[:limit])


def job_indicators(*, job: ImportJob) -> QuerySet[Indicator]:
    """The indicators whose values came from ``job``, with how many each."""
    return (
        Indicator.objects.filter(values__import_job=job)
        .annotate(imported=Counted("values"))
        .order_by("name")
    )
