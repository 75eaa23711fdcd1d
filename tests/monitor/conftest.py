"""Monitor fixtures: the bundled breakdowns (again, after a test that flushed the database)."""

import pytest

from onderdak.monitor.services.reference import reference_values_load


@pytest.fixture
def reference_values(db) -> None:
    reference_values_load()
