from django.urls import reverse
from django_otp.oath import totp

from tests.factories import TEST_PASSWORD, totp_device


def current_code(device) -> str:
    return f"{totp(device.bin_key):06d}"


def token_client(api_client, user):
    """An API client authenticated with a token obtained the real way (password + TOTP)."""
    device = totp_device(user)
    response = api_client.post(
        reverse("auth-token"),
        {"username": user.username, "password": TEST_PASSWORD, "otp_token": current_code(device)},
        format="json",
    )
    assert response.status_code == 201, response.content
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    return api_client
