"""The framework module's documents pages for the page-by-page browser check (the Word downloads
are checked in ``tests/browser/test_framework_documents.py``)."""

from django.urls import reverse

from tests.browser.webpage import WebPage
from tests.framework.documents_data import full_framework
from tests.framework.rights_documents import WORKING_COPY_READERS as READERS


def with_framework(name: str):
    """The page of a framework with something in every part of its document (made once)."""

    def path(user):
        from onderdak.framework.models import Framework
        from onderdak.framework.services.reference import policy_domains_load

        policy_domains_load()
        framework = Framework.objects.filter(title="Beleidskader Maatschappelijke Zorg").first()
        return reverse(name, args=[(framework or full_framework(is_demo=True)).pk])

    return path


PAGES = [
    WebPage("framework current state", with_framework("framework:current_state"), READERS),
    WebPage("framework print view", with_framework("framework:print"), READERS),
]
