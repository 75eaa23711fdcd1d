"""``POST /api/v1/auth/token/``: password plus, where required, the TOTP code."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from tests.accounts.helpers import token_client
from tests.factories import TEST_PASSWORD, totp_device


def ask_token(api_client, username, password=TEST_PASSWORD, **extra):
    body = {"username": username, "password": password, **extra}
    return api_client.post(reverse("auth-token"), body, format="json")


def test_token_with_password_and_code_gives_access(region, make_member, api_client):
    client = token_client(api_client, make_member(Role.CARE_WORKER))
    assert client.get(reverse("me")).json()["memberships"][0]["role"] == "care_worker"


def test_token_is_refused_without_the_code_for_a_personal_data_role(
    region, make_member, api_client
):
    user = make_member(Role.CARE_WORKER)
    totp_device(user)
    response = ask_token(api_client, user.username)
    assert response.status_code == 401
    assert "otp_token" in response.json()["fields"]


def test_token_is_refused_with_a_wrong_code(region, make_member, api_client):
    user = make_member(Role.CARE_WORKER)
    totp_device(user)
    assert ask_token(api_client, user.username, otp_token="000000").status_code == 401


def test_aggregate_roles_get_a_token_with_password_only(region, make_member, api_client):
    assert ask_token(api_client, make_member(Role.GOVERNANCE_READER).username).status_code == 201


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"username": "x"},
        {"username": "x" * 151, "password": "y"},
        {"username": 5, "password": []},
    ],
)
def test_malformed_token_requests_get_field_errors(api_client, body, db):
    response = api_client.post(reverse("auth-token"), body, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert response.json()["fields"]


def test_wrong_password_is_401_in_the_error_shape(region, make_member, api_client):
    response = ask_token(api_client, make_member(Role.POLICY_OFFICER).username, "wrong-one-123")
    assert response.status_code == 401
    assert set(response.json()) == {"code", "message", "fields"}


def test_revoking_a_token_ends_it(region, make_member, api_client):
    client = token_client(api_client, make_member(Role.POLICY_OFFICER))
    assert client.delete(reverse("auth-token")).status_code == 204
    assert client.get(reverse("me")).status_code == 401


def test_token_user_who_lost_demo_mode_is_refused(region, make_member, api_client, settings):
    settings.DEMO = True
    client = token_client(api_client, make_member(Role.POLICY_OFFICER, is_demo=True))
    settings.DEMO = False
    assert client.get(reverse("me")).status_code == 401


def test_too_many_failures_lock_the_token_endpoint_in_the_error_shape(
    region, make_member, api_client, settings
):
    user = make_member(Role.POLICY_OFFICER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        ask_token(api_client, user.username, "wrong-password-123")
    response = ask_token(api_client, user.username)
    assert response.status_code == 429
    assert response.json()["code"] == "locked_out"


def test_live_tokens_per_user_are_limited(region, make_member, api_client, settings):
    settings.REST_KNOX = {**settings.REST_KNOX, "TOKEN_LIMIT_PER_USER": 2}
    user = make_member(Role.POLICY_OFFICER)
    assert [ask_token(api_client, user.username).status_code for _ in range(3)] == [201, 201, 409]
