"""The framework's tree pages (the tree, its items' forms, an action, the matrix) for the
page-by-page browser check."""

from tests.browser.webpage import WebPage
from tests.framework.rights_frameworks import EDITORS, WORKING_COPY_READERS
from tests.framework.rights_tree import COMMENTERS, ITEMS, PARENTS
from tests.framework.tree_data import at, example_action, example_comment

#: Each kind's create form, submitted invalidly.
INVALID = {
    "theme": {"#id_title": ""},
    "ambition": {"#id_title": ""},
    "action": {"#id_title": "Te laat", "#id_starts_on": "2040-01-01"},
}


def _item_pages(kind: str) -> list[WebPage]:
    return [
        WebPage(
            f"framework:{kind}_create",
            at(f"framework:{kind}_create", PARENTS[kind]),
            allowed=EDITORS,
            invalid_input=INVALID[kind],
        ),
        WebPage(
            f"framework:{kind}_update",
            at(f"framework:{kind}_update", ITEMS[kind]),
            allowed=EDITORS,
            invalid_input={"#id_title": ""},
        ),
        WebPage(
            f"framework:{kind}_delete", at(f"framework:{kind}_delete", ITEMS[kind]), allowed=EDITORS
        ),
    ]


PAGES = [
    WebPage("framework:tree", at("framework:tree"), allowed=WORKING_COPY_READERS),
    WebPage("framework:matrix", at("framework:matrix"), allowed=WORKING_COPY_READERS),
    WebPage(
        "framework:action_detail",
        at("framework:action_detail", example_action),
        allowed=WORKING_COPY_READERS,
    ),
    WebPage(
        "framework:comment_create",
        at("framework:comment_create", example_action),
        allowed=COMMENTERS,
        invalid_input={"#id_text": ""},
    ),
    WebPage(
        "framework:comment_answer",
        at("framework:comment_answer", example_comment),
        allowed=EDITORS,
    ),
    WebPage(
        "framework:indicator_set",
        at("framework:indicator_set", example_action),
        allowed=EDITORS,
        invalid_input={},  # no indicator chosen
    ),
    *_item_pages("theme"),
    *_item_pages("ambition"),
    *_item_pages("action"),
]
