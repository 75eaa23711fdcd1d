"""Facility types in the management screens: the coordinator and the administrator add and change
them, nobody deletes one, and other roles do not reach them."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.capacity.models import FacilityType

pytestmark = pytest.mark.usefixtures("facility_types")


def new_type(**changes) -> dict:
    return {
        "code": "inloop",
        "name": "Inloophuis",
        "name_en": "Drop-in centre",
        "description": "",
        "default_level": "local",
        "when_full": "unsheltered",
        "order": 9,
        "is_active": "on",
        **changes,
    }


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR])
def test_add_and_change_a_type_but_never_delete_one(make_member, login, role):
    client = login(make_member(role))
    assert client.post(reverse("admin:capacity_facilitytype_add"), new_type()).status_code == 302
    added = FacilityType.objects.get(code="inloop")
    change = reverse("admin:capacity_facilitytype_change", args=[added.pk])
    assert client.post(change, new_type(is_active="")).status_code == 302
    added.refresh_from_db()
    assert added.is_active is False
    delete = reverse("admin:capacity_facilitytype_delete", args=[added.pk])
    assert client.get(delete).status_code == 403


def test_a_code_is_used_once(make_member, login):
    client = login(make_member(Role.ADMINISTRATOR))
    response = client.post(reverse("admin:capacity_facilitytype_add"), new_type(code="time-out"))
    assert response.status_code == 200
    assert FacilityType.objects.filter(code="time-out").count() == 1


def test_other_roles_do_not_reach_the_types(make_member, login):
    client = login(make_member(Role.POLICY_OFFICER))
    assert client.get(reverse("admin:capacity_facilitytype_changelist")).status_code == 302
