"""Capacity fixtures: the bundled facility types (again, after a test that flushed the database),
and background runs run in the test's own thread."""

import pytest

from onderdak.capacity.services.reference import facility_types_load


@pytest.fixture
def facility_types(db) -> None:
    facility_types_load()


@pytest.fixture
def in_the_test_thread(monkeypatch):
    """A background run's thread body runs in the test's thread, on the test's connection: it
    must not close that connection when it ends, as a real thread does with its own."""
    from onderdak.capacity.services import runs

    monkeypatch.setattr(runs, "close_old_connections", lambda: None)
