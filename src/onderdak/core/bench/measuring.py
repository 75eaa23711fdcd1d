"""Requesting pages as a logged-in member, timing each request and counting its queries."""

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from onderdak.accounts.models import User
from onderdak.core.startup import freeze_startup_objects

PLAIN_STATIC_STORAGE = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


@contextmanager
def bench_settings() -> Iterator[None]:
    """Settings under which pages can be requested from the command line.

    The test client calls itself ``testserver``: the configured hosts accept it. Static file URLs
    come from the plain storage, so the benchmark runs without ``collectstatic`` first (a
    manifest lookup is a dictionary lookup; the timings hardly differ).
    """
    storages = {**settings.STORAGES, "staticfiles": PLAIN_STATIC_STORAGE}
    with override_settings(
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"], STORAGES=storages
    ):
        yield


@contextmanager
def started_server() -> Iterator[None]:
    """The process as the WSGI entry point leaves it before serving: everything loaded so far
    (here also the benchmark's own data) kept out of the garbage collector's passes."""
    freeze_startup_objects()
    try:
        yield
    finally:
        gc.unfreeze()


def verified_client(user: User | None) -> Client:
    """A client logged in as ``user`` with the second factor verified, as after the 2FA page.

    The device is created directly, as a confirmed authenticator app would be. ``None`` gives an
    anonymous client.
    """
    client = Client()
    if user is None:
        return client
    device = TOTPDevice.objects.create(user=user, name="benchmark", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@dataclass
class Measurement:
    timings_ms: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)

    @property
    def status(self) -> int:
        """200, or the first other status seen."""
        return next((s for s in self.statuses if s != 200), 200)


def measure(client: Client, path: str, repeat: int) -> Measurement:
    """Request ``path`` once to warm up, then ``repeat`` times, timing and counting each request.

    The warm-up request fills what a running server has filled after its first request (content
    types, compiled templates, translations), so the figures are those of a server in use.
    ``secure=True`` keeps ``SECURE_SSL_REDIRECT`` from answering with a redirect.
    """
    client.get(path, secure=True)
    measurement = Measurement()
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(path, secure=True)
            elapsed = time.perf_counter() - started
        measurement.timings_ms.append(elapsed * 1000)
        measurement.queries.append(len(captured))
        measurement.statuses.append(response.status_code)
    return measurement
