"""The scheme's tests read its messages in English, the catalogue's message ids.

The Dutch texts are checked as a whole elsewhere: ``tests/core/test_translations.py`` fails on any
untranslated message and the browser tests (``tests/browser/``) walk the pages in Dutch.
"""

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def _in_english(client, api_client):
    for http in (client, api_client):
        http.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield
