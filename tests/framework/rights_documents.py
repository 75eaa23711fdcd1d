"""Rights of the framework module's documents pages and endpoints, for ``tests/test_rights.py``.

Editors (policy officer, coordinator) and municipality officers read the working copy: its current
state, print view and Word export. A governance reader prints and exports only the versions put
to them: the example version is in consultation (``test_export_word.py`` and
``test_export_print.py`` check that a draft is refused).
"""

from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.framework.models import FrameworkVersion, VersionStatus
from onderdak.framework.services.versions import version_create
from tests.factories import member
from tests.framework.factories import FrameworkFactory
from tests.rights_table import Case

EDITORS = frozenset({Role.POLICY_OFFICER, Role.REGIONAL_COORDINATOR})
WORKING_COPY_READERS = EDITORS | {Role.MUNICIPALITY_OFFICER}
VERSION_READERS = WORKING_COPY_READERS | {Role.GOVERNANCE_READER}


def example_framework():
    return FrameworkFactory(title="Beleidskader (rechten)")


def example_version() -> FrameworkVersion:
    """A version of the example framework, put out for consultation."""
    version = version_create(framework=example_framework(), user=member(Role.POLICY_OFFICER))
    FrameworkVersion.objects.filter(pk=version.pk).update(status=VersionStatus.CONSULTATION)
    return version


def of_framework(name: str):
    return lambda: reverse(name, args=[example_framework().pk])


RULES = {
    "framework:current_state": [Case(WORKING_COPY_READERS)],
    "framework:print": [Case(WORKING_COPY_READERS)],
    "framework:export": [Case(WORKING_COPY_READERS)],
    "framework:version_print": [Case(VERSION_READERS)],
    "framework:version_export": [Case(VERSION_READERS)],
}
URLS = {
    "framework:current_state": of_framework("framework:current_state"),
    "framework:print": of_framework("framework:print"),
    "framework:export": of_framework("framework:export"),
    "framework:version_print": lambda: reverse(
        "framework:version_print", args=[example_version().pk]
    ),
    "framework:version_export": lambda: reverse(
        "framework:version_export", args=[example_version().pk]
    ),
}
