"""Login, logout, throttling, and demo accounts only in demo mode."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from tests.factories import TEST_PASSWORD


def post_login(client, username, password=TEST_PASSWORD):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_login_page_is_public_and_logs_in(region, make_member, client):
    user = make_member(Role.POLICY_OFFICER)
    assert client.get(reverse("accounts:login")).status_code == 200
    response = post_login(client, user.username)
    assert response.status_code == 302
    assert client.get(reverse("core:home")).status_code == 200


def test_wrong_password_shows_an_error_and_no_session(region, make_member, client):
    user = make_member(Role.POLICY_OFFICER)
    response = post_login(client, user.username, "wrong-password-123")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_logout_is_post_only_and_ends_the_session_on_the_server(region, make_member, login):
    client = login(make_member(Role.POLICY_OFFICER))
    assert client.get(reverse("accounts:logout")).status_code == 405
    session_key = client.session.session_key
    client.post(reverse("accounts:logout"))
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=session_key).exists()
    assert client.get(reverse("core:home")).status_code == 302


def test_too_many_failures_lock_the_account_out(region, make_member, client, settings):
    user = make_member(Role.POLICY_OFFICER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, user.username, "wrong-password-123")
    response = post_login(client, user.username)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(("demo", "may_log_in"), [(False, False), (True, True)])
def test_demo_accounts_only_log_in_in_demo_mode(
    region, make_member, client, settings, demo, may_log_in
):
    settings.DEMO = demo
    user = make_member(Role.POLICY_OFFICER, is_demo=True)
    post_login(client, user.username)
    assert ("_auth_user_id" in client.session) is may_log_in


def test_session_expires_after_thirty_idle_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST


def test_passwords_need_twelve_characters_and_not_a_common_one(region):
    from onderdak.accounts.services import user_create
    from onderdak.core.errors import DomainError

    for password in ("short-pw", "password1234"):
        with pytest.raises(DomainError) as error:
            user_create(username=f"u-{password}", password=password)
        assert "password" in error.value.fields
