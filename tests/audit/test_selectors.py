"""Reads of the audit trail."""

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django_otp.plugins.otp_totp.models import TOTPDevice

from onderdak.accounts.models import Role
from onderdak.audit.selectors import tracked_content_types
from tests.factories import totp_device


def test_search_form_offers_exactly_the_kinds_of_record_in_the_trail(region, make_member):
    device_type = ContentType.objects.get_for_model(TOTPDevice)
    assert device_type not in tracked_content_types()
    totp_device(make_member(Role.CARE_WORKER))
    offered = list(tracked_content_types())
    assert device_type in offered
    assert {t.pk for t in offered} == set(LogEntry.objects.values_list("content_type", flat=True))
    assert offered == sorted(offered, key=lambda t: (t.app_label, t.model))
