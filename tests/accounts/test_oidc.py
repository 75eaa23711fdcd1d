"""Single sign-on only for people the administrator already gave an account."""

from onderdak.accounts.backends import OnderdakOIDCBackend
from onderdak.accounts.models import Role


def backend(settings):
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.example.nl/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.example.nl/userinfo"
    settings.OIDC_RP_CLIENT_ID = "onderdak"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://idp.example.nl/jwks"
    return OnderdakOIDCBackend()


def test_known_active_users_are_matched_by_email(region, make_member, settings):
    user = make_member(Role.CARE_WORKER, email="Zorg@Example.org")
    found = backend(settings).filter_users_by_claims({"email": "zorg@example.org"})
    assert list(found) == [user]


def test_unknown_demo_or_inactive_people_get_no_account(region, make_member, settings):
    make_member(Role.CARE_WORKER, email="demo@example.org", is_demo=True)
    make_member(Role.CARE_WORKER, email="weg@example.org", is_active=False)
    oidc = backend(settings)
    for email in ("nieuw@example.org", "demo@example.org", "weg@example.org", ""):
        assert not oidc.filter_users_by_claims({"email": email}).exists()
    assert settings.OIDC_CREATE_USER is False
