"""The register's view and API tests read messages in English, the catalogue's message ids (the
Dutch texts are checked by ``tests/core/test_translations.py`` and the browser tests).

Use with ``from tests.capacity.in_english import english  # noqa: F401`` and
``pytest.mark.usefixtures("english")``.
"""

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture
def english(client, api_client):
    for http in (client, api_client):
        http.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield
