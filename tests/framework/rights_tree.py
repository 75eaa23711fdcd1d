"""Rights of the framework's tree pages (the tree, its items, an action with its indicators and
comments, the matrix), for ``tests/test_rights.py``.

Editors change the tree; municipality officers read it and comment on the actions their
municipality owns (the example's local action); governance readers do not see the working copy.
"""

from onderdak.accounts.models import Role
from tests.framework.rights_frameworks import EDITORS, WORKING_COPY_READERS
from tests.framework.tree_data import (
    at,
    example_action,
    example_ambition,
    example_comment,
    example_framework,
    example_indicator,
    example_theme,
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
