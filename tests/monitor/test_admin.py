"""The monitor in the management screens: reference values kept by the administrator, counts,
versions and imports read-only for the administrator and the coordinator."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.monitor.models import ReferenceValue
from tests.monitor.counts_data import example_count, example_job

pytestmark = pytest.mark.usefixtures("reference_values")


def test_the_administrator_adds_and_changes_reference_values_but_never_deletes(make_member, login):
    client = login(make_member(Role.ADMINISTRATOR))
    data = {
        "dimension": "finder",
        "code": "kerk",
        "name": "Kerk",
        "name_en": "",
        "order": 7,
        "is_active": "on",
    }
    assert client.post(reverse("admin:monitor_referencevalue_add"), data).status_code == 302
    value = ReferenceValue.objects.get(code="kerk")
    data["is_active"] = ""
    assert (
        client.post(
            reverse("admin:monitor_referencevalue_change", args=[value.pk]), data
        ).status_code
        == 302
    )
    value.refresh_from_db()
    assert value.is_active is False
    assert (
        client.get(reverse("admin:monitor_referencevalue_delete", args=[value.pk])).status_code
        == 403
    )


def test_the_coordinator_reads_but_does_not_change_reference_values(make_member, login):
    client = login(make_member(Role.REGIONAL_COORDINATOR))
    assert client.get(reverse("admin:monitor_referencevalue_changelist")).status_code == 200
    assert client.get(reverse("admin:monitor_referencevalue_add")).status_code == 403


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR])
@pytest.mark.parametrize("model", ["monitor_count", "monitor_countversion", "imports_importjob"])
def test_counts_versions_and_jobs_are_read_only(make_member, login, role, model):
    job, count = example_job(), example_count()
    objects = {
        "monitor_count": count,
        "monitor_countversion": count.versions.first(),
        "imports_importjob": job,
    }
    client = login(make_member(role))
    assert client.get(reverse(f"admin:{model}_changelist")).status_code == 200
    change = client.get(reverse(f"admin:{model}_change", args=[objects[model].pk]))
    assert change.status_code == 200
    assert 'name="_save"' not in change.text
    assert client.get(reverse(f"admin:{model}_add")).status_code == 403
    assert client.get(reverse(f"admin:{model}_delete", args=[objects[model].pk])).status_code == 403


def test_the_monitor_is_listed_for_both_management_roles(make_member, login):
    example_count()
    for role in (Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR):
        assert "/beheer/monitor/count/" in login(make_member(role)).get(reverse("admin:index")).text
