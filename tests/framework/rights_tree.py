"""Rights of the framework's tree pages (the tree, its items, an action with its indicators and
comments, the matrix), for ``tests/test_rights.py``.

Editors change the tree; municipality officers read it and comment on the actions their
municipality owns (the example's local action); governance readers do not see the working copy.
"""

from django.urls import reverse

from onderdak.accounts.models import Role
from tests.framework.rights_frameworks import EDITORS, WORKING_COPY_READERS
from tests.framework.tree_data import (
    api_at,
    at,
    draft_version,
    example_action,
    example_ambition,
    example_comment,
    example_framework,
    example_indicator,
    example_theme,
    put_version,
)
from tests.rights_table import Case


def item_form():
    return {"title": "Nieuw", "description": "<p>x</p>"}


def ambition_form():
    return {**item_form(), "theme": example_theme().pk}


def action_form():
    return {**item_form(), "ambition": example_ambition().pk, "status": "planned"}


FORMS = {"theme": item_form, "ambition": ambition_form, "action": action_form}
ITEMS = {"theme": example_theme, "ambition": example_ambition, "action": example_action}
PARENTS = {"theme": example_framework, "ambition": example_theme, "action": example_ambition}


def _item_rules(kind: str) -> dict:
    form = {"data": FORMS[kind]}
    return {
        f"framework:{kind}_create": [Case(EDITORS), Case(EDITORS, "post", 302, form)],
        f"framework:{kind}_update": [Case(EDITORS), Case(EDITORS, "post", 302, form)],
        f"framework:{kind}_delete": [Case(EDITORS), Case(EDITORS, "post", 302)],
        f"framework:{kind}_move": [
            Case(EDITORS, "post", 302, {"data": lambda: {"richting": "omlaag"}})
        ],
    }


def _item_urls(kind: str) -> dict:
    return {
        f"framework:{kind}_create": at(f"framework:{kind}_create", PARENTS[kind]),
        **{
            f"framework:{kind}_{name}": at(f"framework:{kind}_{name}", ITEMS[kind])
            for name in ("update", "delete", "move")
        },
    }


COMMENTERS = EDITORS | {Role.MUNICIPALITY_OFFICER}

RULES: dict = {
    "framework:tree": [Case(WORKING_COPY_READERS)],
    "framework:matrix": [Case(WORKING_COPY_READERS)],
    "framework:matrix_export": [Case(WORKING_COPY_READERS)],
    "framework:action_detail": [Case(WORKING_COPY_READERS)],
    "framework:comment_create": [
        Case(COMMENTERS),
        Case(COMMENTERS, "post", 302, {"data": lambda: {"kind": "comment", "text": "Graag"}}),
    ],
    "framework:comment_answer": [
        Case(EDITORS),
        Case(EDITORS, "post", 302, {"data": lambda: {"status": "accepted", "answer": "Ja"}}),
    ],
    # The monitor has no figures in the tests, so a code is refused: the form comes back.
    "framework:indicator_set": [
        Case(EDITORS),
        Case(EDITORS, "post", 200, {"data": lambda: {"code": "ethos-people"}}),
    ],
    "framework:indicator_remove": [Case(EDITORS, "post", 302)],
    **_item_rules("theme"),
    **_item_rules("ambition"),
    **_item_rules("action"),
}

URLS: dict = {
    "framework:tree": at("framework:tree"),
    "framework:matrix": at("framework:matrix"),
    "framework:matrix_export": at("framework:matrix_export"),
    "framework:action_detail": at("framework:action_detail", example_action),
    "framework:comment_create": at("framework:comment_create", example_action),
    "framework:comment_answer": at("framework:comment_answer", example_comment),
    "framework:indicator_set": at("framework:indicator_set", example_action),
    "framework:indicator_remove": at("framework:indicator_remove", example_indicator),
    **_item_urls("theme"),
    **_item_urls("ambition"),
    **_item_urls("action"),
}


# --- The API -------------------------------------------------------------------------------------

READERS = WORKING_COPY_READERS | {Role.GOVERNANCE_READER}


def _api(allowed, method="get", ok=200, data=None) -> Case:
    return Case(allowed, method, ok, {"data": data} if data else {}, api=True)


def framework_payload():
    return {"title": "Kader via de API", "first_year": 2026, "last_year": 2031}


def theme_payload():
    return {"framework": example_framework().pk, "title": "Thema via de API"}


def ambition_payload():
    return {"theme": example_theme().pk, "title": "Ambitie via de API"}


def action_payload():
    return {
        "ambition": example_ambition().pk,
        "title": "Actie",
        "level": "regional",
        "owned_by_region": True,
    }


def _api_item_rules(kind: str, payload) -> dict:
    return {
        f"framework-{kind}-list": [
            _api(WORKING_COPY_READERS),
            _api(EDITORS, "post", 201, payload),
        ],
        f"framework-{kind}-detail": [
            _api(WORKING_COPY_READERS),
            _api(EDITORS, "patch", 200, lambda: {"title": "Anders"}),
            _api(EDITORS, "delete", 204),
        ],
    }


RULES |= {
    "framework-list": [_api(READERS), _api(EDITORS, "post", 201, framework_payload)],
    "framework-detail": [_api(READERS), _api(EDITORS, "patch", 200, lambda: {"title": "Anders"})],
    "framework-tree": [_api(WORKING_COPY_READERS)],
    "framework-matrix": [_api(WORKING_COPY_READERS)],
    **_api_item_rules("theme", theme_payload),
    **_api_item_rules("ambition", ambition_payload),
    **_api_item_rules("action", action_payload),
    "framework-version-list": [
        _api(READERS),
        _api(EDITORS, "post", 201, lambda: {"framework": example_framework().pk}),
    ],
    "framework-version-detail": [_api(READERS)],
    "framework-version-consult": [_api(EDITORS, "post")],
    "framework-version-propose": [_api(EDITORS, "post")],
    "framework-version-rework": [_api(EDITORS, "post")],
}

URLS |= {
    "framework-list": lambda: reverse("framework-list"),
    "framework-detail": api_at("framework-detail"),
    "framework-tree": api_at("framework-tree"),
    "framework-matrix": api_at("framework-matrix"),
    "framework-theme-list": lambda: reverse("framework-theme-list"),
    "framework-theme-detail": api_at("framework-theme-detail", example_theme),
    "framework-ambition-list": lambda: reverse("framework-ambition-list"),
    "framework-ambition-detail": api_at("framework-ambition-detail", example_ambition),
    "framework-action-list": lambda: reverse("framework-action-list"),
    "framework-action-detail": api_at("framework-action-detail", example_action),
    "framework-version-list": lambda: reverse("framework-version-list"),
    "framework-version-detail": api_at("framework-version-detail", put_version),
    "framework-version-consult": api_at("framework-version-consult", draft_version),
    "framework-version-propose": api_at("framework-version-propose", draft_version),
    "framework-version-rework": api_at("framework-version-rework", put_version),
}
