"""Framework fixtures: the bundled policy domains (again, after a test that flushed the
database)."""

import pytest

from onderdak.framework.services.reference import policy_domains_load


@pytest.fixture
def policy_domains(db) -> None:
    policy_domains_load()
