"""Capacity fixtures: the bundled facility types (again, after a test that flushed the database)."""

import pytest

from onderdak.capacity.services.reference import facility_types_load


@pytest.fixture
def facility_types(db) -> None:
    facility_types_load()
