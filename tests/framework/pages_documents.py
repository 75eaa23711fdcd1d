"""The framework module's documents pages for the page-by-page browser check (the Word downloads
are checked in ``tests/browser/test_framework_documents.py``)."""

from django.urls import reverse

from tests.browser.webpage import WebPage
from tests.framework.documents_data import full_framework
from tests.framework.rights_documents import VERSION_READERS
from tests.framework.rights_documents import WORKING_COPY_READERS as READERS


def the_framework():
    """A framework with something in every part of its document (made once)."""
    from onderdak.framework.models import Framework
    from onderdak.framework.services.reference import policy_domains_load

    policy_domains_load()
    framework = Framework.objects.filter(title="Beleidskader Maatschappelijke Zorg").first()
    return framework or full_framework(is_demo=True)


def with_framework(name: str):
    return lambda user: reverse(name, args=[the_framework().pk])


def version_print(user) -> str:
    """The print view of that framework's version in consultation (made once)."""
    from onderdak.accounts.models import Role
    from onderdak.framework.models import VersionStatus
    from onderdak.framework.services.versions import version_create
    from tests.factories import member

    framework = the_framework()
    version = framework.versions.filter(status=VersionStatus.CONSULTATION).first()
    if version is None:
        version = version_create(framework=framework, user=member(Role.POLICY_OFFICER))
        framework.versions.filter(pk=version.pk).update(status=VersionStatus.CONSULTATION)
    return reverse("framework:version_print", args=[version.pk])


PAGES = [
    WebPage("framework current state", with_framework("framework:current_state"), READERS),
    WebPage("framework print view", with_framework("framework:print"), READERS),
    WebPage("framework version print view", version_print, VERSION_READERS),
]
