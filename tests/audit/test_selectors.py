"""Reads of the audit trail."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from onderdak.accounts.models import Role
from onderdak.audit.selectors import (
    TrailFilter,
    counts_since,
    log_entry_list,
    start_of,
    tracked_content_types,
)
from onderdak.region.models import Region
from tests.factories import totp_device


def test_search_form_offers_exactly_the_kinds_of_record_in_the_trail(region, make_member):
    device_type = ContentType.objects.get_for_model(TOTPDevice)
    assert device_type not in tracked_content_types()
    totp_device(make_member(Role.CARE_WORKER))
    offered = list(tracked_content_types())
    assert device_type in offered
    assert {t.pk for t in offered} == set(LogEntry.objects.values_list("content_type", flat=True))
    assert offered == sorted(offered, key=lambda t: (t.app_label, t.model))


#: Local moments around midnight, on the days summer time starts and ends (Europe/Amsterdam).
MOMENTS = [
    datetime.datetime(2026, 3, 28, 23, 59, 59),
    datetime.datetime(2026, 3, 29, 0, 0),
    datetime.datetime(2026, 3, 29, 3, 30),
    datetime.datetime(2026, 3, 29, 23, 59, 59),
    datetime.datetime(2026, 10, 25, 0, 0),
    datetime.datetime(2026, 10, 25, 2, 30, fold=1),
    datetime.datetime(2026, 10, 25, 23, 59, 59),
    datetime.datetime(2026, 10, 26, 0, 0),
]
DAY = datetime.date


@pytest.fixture
def moments(region) -> list[int]:
    """One audit entry per moment; returns their primary keys."""
    content_type = ContentType.objects.get_for_model(Region)
    return [
        LogEntry.objects.create(
            content_type=content_type,
            object_pk=str(region.pk),
            object_repr="moment",
            action=LogEntry.Action.UPDATE,
            timestamp=timezone.make_aware(moment),
        ).pk
        for moment in MOMENTS
    ]


@pytest.mark.parametrize(
    ("date_from", "date_to", "found"),
    [
        (DAY(2026, 3, 29), None, 7),
        (None, DAY(2026, 3, 28), 1),
        (DAY(2026, 3, 29), DAY(2026, 3, 29), 3),
        (DAY(2026, 10, 25), DAY(2026, 10, 25), 3),
        (DAY(2026, 10, 26), DAY(2026, 10, 26), 1),
        (None, None, 8),
    ],
)
def test_date_filters_keep_whole_local_days(moments, date_from, date_to, found):
    """The same entries as Django's ``timestamp__date`` lookups, which convert every row."""
    filters = TrailFilter(date_from=date_from, date_to=date_to)
    ours = set(log_entry_list(filters=filters).filter(pk__in=moments).values_list("pk", flat=True))
    reference = LogEntry.objects.filter(pk__in=moments)
    if date_from:
        reference = reference.filter(timestamp__date__gte=date_from)
    if date_to:
        reference = reference.filter(timestamp__date__lte=date_to)
    assert ours == set(reference.values_list("pk", flat=True))
    assert len(ours) == found


def test_counts_since_start_at_local_midnight(moments):
    assert start_of(DAY(2026, 10, 25)).isoformat() == "2026-10-25T00:00:00+02:00"
    counted = counts_since(since=DAY(2026, 10, 25))
    newer = LogEntry.objects.filter(timestamp__date__gte=DAY(2026, 10, 25))
    assert counted == {"changes": newer.count(), "reads": 0}
    assert counted["changes"] >= 4
