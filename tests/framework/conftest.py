"""Framework fixtures: the bundled policy domains (again, after a test that flushed the
database)."""

import pytest

from onderdak.framework.services.reference import policy_domains_load
from tests.capacity.in_english import english  # noqa: F401


@pytest.fixture
def policy_domains(db) -> None:
    policy_domains_load()


@pytest.fixture
def facility_types(db) -> None:
    """The bundled facility types (for the current state's capacity facts)."""
    from onderdak.capacity.services.reference import facility_types_load

    facility_types_load()


@pytest.fixture
def reference_values(db) -> None:
    """The monitor's breakdowns (for the current state's ETHOS facts)."""
    from onderdak.monitor.services.reference import reference_values_load

    reference_values_load()


@pytest.fixture(autouse=True)
def _in_english(request) -> None:
    """The framework's unit, view and API tests read messages in English, the catalogue's
    message ids; the Dutch texts are checked by ``tests/core/test_translations.py`` and the
    browser tests."""
    request.getfixturevalue("english")
