"""Two factors for every role that can see personal data; only demo mode can switch it off."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from onderdak.accounts.models import PERSONAL_DATA_ROLES, Role
from tests.accounts.helpers import current_code
from tests.factories import TEST_PASSWORD, totp_device

ROLES = [pytest.param(role, id=role) for role in Role.values]


def password_only(client, user):
    client.post(reverse("accounts:login"), {"username": user.username, "password": TEST_PASSWORD})
    return client


@pytest.mark.parametrize("role", ROLES)
def test_pages_need_the_second_factor_exactly_for_personal_data_roles(
    region, make_member, client, role
):
    user = make_member(role)
    totp_device(user)
    response = password_only(client, user).get(reverse("region:overview"))
    if role in PERSONAL_DATA_ROLES:
        assert response.status_code == 302
        assert response.url == reverse("accounts:second_factor")
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_api_session_needs_the_second_factor_too(region, make_member, client, role):
    user = make_member(role)
    response = password_only(client, user).get(reverse("me"))
    assert response.status_code == (401 if role in PERSONAL_DATA_ROLES else 200)
    if response.status_code == 401:
        assert response.json()["code"] == "authentication_failed"


def test_a_correct_code_verifies_the_session(region, make_member, client):
    user = make_member(Role.CARE_WORKER)
    device = totp_device(user)
    password_only(client, user)
    response = client.post(reverse("accounts:second_factor"), {"token": current_code(device)})
    assert response.status_code == 302
    assert client.get(reverse("region:overview")).status_code == 200


def test_a_wrong_code_is_refused(region, make_member, client):
    user = make_member(Role.CARE_WORKER)
    totp_device(user)
    password_only(client, user)
    response = client.post(reverse("accounts:second_factor"), {"token": "000000"})
    assert response.status_code == 200
    assert "token" in response.context["form"].errors
    assert client.get(reverse("region:overview")).status_code == 302


def test_without_a_device_the_user_sets_one_up_first(region, make_member, client):
    user = make_member(Role.ADMINISTRATOR)
    password_only(client, user)
    assert client.get(reverse("accounts:second_factor")).url == reverse(
        "accounts:second_factor_setup"
    )
    page = client.get(reverse("accounts:second_factor_setup"))
    assert b"<svg" in page.content
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert (
        client.post(reverse("accounts:second_factor_setup"), {"token": "000000"}).status_code == 200
    )
    response = client.post(reverse("accounts:second_factor_setup"), {"token": current_code(device)})
    assert response.url == reverse("core:home")
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("accounts:user_list")).status_code == 200


def test_setup_is_not_offered_again_once_a_device_is_linked(region, make_member, login):
    client = login(make_member(Role.CARE_WORKER))
    response = client.get(reverse("accounts:second_factor_setup"))
    assert response.url == reverse("accounts:second_factor")


def test_demo_mode_can_switch_the_second_factor_off(region, make_member, client, settings):
    settings.DEMO, settings.REQUIRE_2FA = True, False
    user = make_member(Role.CARE_WORKER)
    assert password_only(client, user).get(reverse("region:overview")).status_code == 200


def test_outside_demo_mode_the_second_factor_cannot_be_switched_off(monkeypatch):
    import importlib

    import onderdak.settings as onderdak_settings

    monkeypatch.setenv("ONDERDAK_DEMO", "false")
    monkeypatch.setenv("ONDERDAK_REQUIRE_2FA", "false")
    try:
        assert importlib.reload(onderdak_settings).REQUIRE_2FA is True
    finally:
        monkeypatch.undo()
        importlib.reload(onderdak_settings)
