"""Reads of the audit trail."""

import datetime
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone


@dataclass(frozen=True)
class TrailFilter:
    actor: str = ""
    content_type: int | None = None
    object_id: str = ""
    action: int | None = None
    changes_only: bool = False
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def log_entry_list(*, filters: TrailFilter) -> QuerySet[LogEntry]:
    """Entries newest first, filtered; actor and object type are joined, never fetched per row."""
    qs = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
    if filters.actor:
        qs = qs.filter(actor__username__iexact=filters.actor)
    if filters.content_type:
        qs = qs.filter(content_type_id=filters.content_type)
    if filters.object_id:
        qs = qs.filter(object_pk=filters.object_id)
    if filters.action is not None:
        qs = qs.filter(action=filters.action)
    if filters.changes_only:
        qs = qs.exclude(action=LogEntry.Action.ACCESS)
    if filters.date_from:
        qs = qs.filter(timestamp__gte=start_of(filters.date_from))
    if filters.date_to:
        qs = qs.filter(timestamp__lt=start_of(filters.date_to + datetime.timedelta(days=1)))
    return qs


def start_of(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of ``day`` in the current time zone.

    Filter on ``timestamp >= start_of(day)`` rather than ``timestamp__date``: the latter converts
    every entry's timestamp to a local date (on SQLite in Python), so it reads the whole trail
    instead of the index. With 300,000 entries: 1.5 ms instead of 3 s (SQLite) or 107 ms
    (PostgreSQL).
    """
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def counts_since(*, since: datetime.date) -> dict[str, int]:
    """Changes and personal-data reads from the start of ``since`` (local date), in one query."""
    return LogEntry.objects.filter(timestamp__gte=start_of(since)).aggregate(
        changes=Count("pk", filter=~Q(action=LogEntry.Action.ACCESS)),
        reads=Count("pk", filter=Q(action=LogEntry.Action.ACCESS)),
    )


def tracked_content_types() -> QuerySet[ContentType]:
    """The kinds of record that appear in the trail, for the search form.

    One index probe per kind of record (``EXISTS``), not a ``DISTINCT`` over the whole trail, whose
    cost grows with it: with 300,000 entries 1.5 ms instead of 22 ms (SQLite) or 81 ms (PostgreSQL).
    """
    used = LogEntry.objects.filter(content_type=OuterRef("pk"))
    return ContentType.objects.filter(Exists(used)).order_by("app_label", "model")
