"""Count services (details, making a version current) and the region's walls: a count, version,
row or import of another region is never shown or changed."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from onderdak.accounts.models import Membership, Role
from onderdak.core.errors import Conflict, DomainError
from onderdak.monitor.models import Count
from onderdak.monitor.services import counts as services
from onderdak.region.models import Organisation, OrganisationKind, Region
from tests.factories import UserFactory
from tests.monitor.counts_data import example_count, example_job
from tests.monitor.factories import CountFactory, version_with

pytestmark = pytest.mark.usefixtures("reference_values")
ROWS = [("GM0546", "1", "18-26", "man", "gemeente", 3)]


def test_create_checks_the_details_and_the_unique_title_per_date(region):
    details = {
        "title": "Telling",
        "count_date": datetime.date(2026, 4, 9),
        "area": "x",
        "method": "y",
        "source": "z",
    }
    count = services.count_create(region=region, created_by=None, **details)
    assert count.pk
    assert not count.is_demo
    with pytest.raises(DomainError):
        services.count_create(region=region, created_by=None, **details)
    with pytest.raises(DomainError) as raised:
        services.count_create(region=region, created_by=None, **{**details, "title": ""})
    assert "title" in raised.value.fields


def test_update_changes_details_only(region):
    count = CountFactory(region=region)
    services.count_update(count=count, title="Nieuw", notes="n")
    count.refresh_from_db()
    assert (count.title, count.notes) == ("Nieuw", "n")
    for field in ("is_demo", "current_version", "region"):
        with pytest.raises(DomainError) as raised:
            services.count_update(count=count, **{field: None})
        assert field in raised.value.fields


def test_making_a_version_current_is_in_the_audit_trail(region):
    count = CountFactory(region=region)
    first = version_with(count, ROWS)
    version_with(count, ROWS)
    services.count_version_make_current(version=first)
    count.refresh_from_db()
    assert count.current_version == first
    entry = LogEntry.objects.get_for_object(count).latest("timestamp")
    assert "current_version" in entry.changes_dict
    with pytest.raises(Conflict):
        services.count_version_make_current(version=first)


@pytest.fixture
def other_region_member(region):
    """A policy officer of another region (with one municipality)."""
    other = Region.objects.create(name="Andere regio", slug="andere-regio")
    organisation = Organisation.objects.create(
        region=other, kind=OrganisationKind.REGIONAL_BODY, name="Ander programmateam"
    )
    user = UserFactory()
    Membership.objects.create(user=user, organisation=organisation, role=Role.POLICY_OFFICER)
    return user


def test_another_regions_counts_and_imports_are_not_found(login, api_login, other_region_member):
    job = example_job()
    count = example_count()
    client = login(other_region_member)
    assert "Voorbeeldtelling" not in client.get(reverse("monitor:count_list")).text
    for name, args in (
        ("monitor:count_detail", [count.pk]),
        ("monitor:count_update", [count.pk]),
        ("monitor:import_detail", [job.pk]),
        ("monitor:import_report", [job.pk]),
    ):
        assert client.get(reverse(name, args=args)).status_code == 404
    api = api_login(other_region_member)
    assert api.get(reverse("count-list")).json()["count"] == 0
    assert api.get(reverse("count-version-list")).json()["count"] == 0
    assert api.get(reverse("import-detail", args=[job.pk])).status_code == 404
    assert Count.objects.filter(pk=count.pk).exists()
