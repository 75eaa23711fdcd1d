"""The management screens: open to the administrator and the coordinator, to nobody else."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role

ADMIN_ROLES = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR}


@pytest.mark.parametrize("role", Role.values)
def test_admin_index_only_for_management_roles(region, make_member, login, role):
    response = login(make_member(role)).get(reverse("admin:index"))
    assert response.status_code == (200 if role in ADMIN_ROLES else 302)


@pytest.mark.parametrize(
    ("role", "url_name", "status"),
    [
        (Role.ADMINISTRATOR, "admin:accounts_user_changelist", 200),
        (Role.REGIONAL_COORDINATOR, "admin:accounts_user_changelist", 403),
        (Role.REGIONAL_COORDINATOR, "admin:region_organisation_changelist", 200),
        (Role.ADMINISTRATOR, "admin:otp_totp_totpdevice_changelist", 200),
        (Role.REGIONAL_COORDINATOR, "admin:otp_totp_totpdevice_changelist", 403),
    ],
)
def test_admin_models_follow_the_rules(region, make_member, login, role, url_name, status):
    assert login(make_member(role)).get(reverse(url_name)).status_code == status


def test_nobody_can_delete_organisations_or_users_in_the_admin(region, make_member, login):
    client = login(make_member(Role.ADMINISTRATOR))
    victim = make_member(Role.CARE_WORKER)
    assert client.get(reverse("admin:accounts_user_delete", args=[victim.pk])).status_code == 403
    organisation = victim.memberships.get().organisation
    url = reverse("admin:region_organisation_delete", args=[organisation.pk])
    assert client.get(url).status_code == 403


def test_the_administrator_sees_login_attempts(region, make_member, login):
    client = login(make_member(Role.ADMINISTRATOR))
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 200


def test_admin_refuses_a_municipality_of_another_region(region, make_member, login):
    from onderdak.region.models import Municipality, Organisation, Region, Subregion

    other = Region.objects.create(name="Elders", slug="elders")
    subregion = Subregion.objects.create(region=other, name="Zuid", slug="zuid", colour="#000000")
    far = Municipality.objects.create(
        region=other, subregion=subregion, cbs_code="GM0999", name="Ver"
    )
    organisation = Organisation.objects.get(name="Stek")
    data = {"region": region.pk, "name": "Stek", "kind": "housing_corporation"}
    response = login(make_member(Role.ADMINISTRATOR)).post(
        reverse("admin:region_organisation_change", args=[organisation.pk]),
        data | {"municipality": far.pk, "is_active": "on"},
    )
    assert response.status_code == 200
    organisation.refresh_from_db()
    assert organisation.municipality is None
