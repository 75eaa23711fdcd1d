"""Shared fixtures: the real region, members per role, and clients logged in with two factors."""

import pytest
from django.db import connection
from django_otp import DEVICE_ID_SESSION_KEY
from rest_framework.test import APIClient

from onderdak.accounts.models import Role
from onderdak.audit import triggers
from onderdak.region.models import Region
from onderdak.region.services import DATA_DIR, region_load
from tests.factories import member, totp_device

REGION_DIR = DATA_DIR / "holland-rijnland"
ALL_ROLES = list(Role.values)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the region once into the test database; tests roll back to this state."""
    with django_db_blocker.unblock():
        region_load(directory=REGION_DIR)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 with a million rounds is right for production and needless in tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def region(db) -> Region:
    """The bundled region (13 municipalities, 44 organisations). A test that flushed the
    database (live server) loads it again."""
    return (
        Region.objects.filter(slug="holland-rijnland").first()
        or region_load(directory=REGION_DIR).region
    )


@pytest.fixture
def make_member(region):
    """``make_member(role)`` → a user with that role in an organisation of the right kind."""
    return member


def verify_second_factor(client, user) -> None:
    """Log ``user`` in on a test client with a verified TOTP device, as after the 2FA page."""
    device = totp_device(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def _logging_in(client):
    def _login(user):
        verify_second_factor(client, user)
        return client

    return _login


@pytest.fixture
def login(client):
    """``login(user)`` → the Django test client, logged in with two factors."""
    return _logging_in(client)


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def api_login(api_client):
    """``api_login(user)`` → an API client with a verified session."""
    return _logging_in(api_client)


@pytest.fixture
def flushable_audit_trail(transactional_db):
    """For tests that flush the database (live server): SQLite's flush deletes audit rows row by
    row, which the append-only trigger refuses; drop it just before the flush and restore it at
    the start of the next such test. PostgreSQL flushes with TRUNCATE, which the trigger allows."""
    if connection.vendor == "sqlite":
        triggers.create(connection)
    yield
    if connection.vendor == "sqlite":
        triggers.drop(connection)
