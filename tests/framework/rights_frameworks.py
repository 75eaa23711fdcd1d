"""Rights of the framework pages (list, front page, versions, comparison), for
``tests/test_rights.py``.

Editors (policy officers, the coordinator) make and change frameworks and versions; municipality
officers read; governance readers read the frameworks and the versions put to them.
"""

from django.urls import reverse

from onderdak.accounts.models import Role
from tests.framework.tree_data import at, put_version
from tests.rights_table import Case

EDITORS = frozenset({Role.POLICY_OFFICER, Role.REGIONAL_COORDINATOR})
WORKING_COPY_READERS = EDITORS | {Role.MUNICIPALITY_OFFICER}
READERS = WORKING_COPY_READERS | {Role.GOVERNANCE_READER}


def framework_form():
    return {"title": "Nieuw kader", "first_year": 2026, "last_year": 2031, "vision": "<p>x</p>"}


RULES: dict = {
    "framework:framework_list": [Case(READERS)],
    "framework:framework_create": [
        Case(EDITORS),
        Case(EDITORS, "post", 302, {"data": framework_form}),
    ],
    "framework:framework_detail": [Case(READERS)],
    "framework:framework_update": [
        Case(EDITORS),
        Case(EDITORS, "post", 302, {"data": framework_form}),
    ],
    "framework:version_list": [Case(READERS)],
    "framework:version_create": [Case(EDITORS, "post", 302, {"data": lambda: {"label": "x"}})],
    "framework:diff": [Case(READERS)],
    "framework:version_detail": [Case(READERS)],
    "framework:version_transition": [
        Case(EDITORS, "post", 302, {"data": lambda: {"stap": "propose"}})
    ],
}

URLS: dict = {
    "framework:framework_list": lambda: reverse("framework:framework_list"),
    "framework:framework_create": lambda: reverse("framework:framework_create"),
    **{
        f"framework:{name}": at(f"framework:{name}")
        for name in (
            "framework_detail",
            "framework_update",
            "version_list",
            "version_create",
            "diff",
        )
    },
    "framework:version_detail": at("framework:version_detail", put_version),
    "framework:version_transition": at("framework:version_transition", put_version),
}
