"""The framework module's participation and input pages for the page-by-page browser check."""

from django.urls import reverse

from tests.browser.webpage import WebPage
from tests.framework.process_data import (
    example_framework,
    example_item,
    example_session,
    example_stakeholder,
)
from tests.framework.rights_participation import EDITORS, READERS


def on_framework(name: str, *extra):
    return lambda user: reverse(name, args=[example_framework().pk, *(e() for e in extra)])


PAGES = [
    WebPage("framework:participation", on_framework("framework:participation"), allowed=READERS),
    WebPage(
        "framework:stakeholder_create",
        on_framework("framework:stakeholder_create"),
        allowed=EDITORS,
        invalid_input={"#id_name": ""},
    ),
    WebPage(
        "framework:stakeholder_levels",
        on_framework("framework:stakeholder_levels", lambda: example_stakeholder().pk),
        allowed=EDITORS,
    ),
    WebPage(
        "framework:session_create",
        on_framework("framework:session_create"),
        allowed=EDITORS,
        invalid_input={"#id_title": "", "#id_held_on": "2025-04-01"},
    ),
    WebPage("framework:input_list", on_framework("framework:input_list"), allowed=READERS),
    WebPage(
        "framework:input_list?unanswered",
        lambda user: (
            reverse("framework:input_list", args=[example_framework().pk]) + "?zonder_reactie=on"
        ),
        allowed=READERS,
    ),
    WebPage(
        "framework:input_create",
        on_framework("framework:input_create"),
        allowed=EDITORS,
        invalid_input={"#id_text": "<script>alert(1)</script>", "#id_received_on": "2025-04-01"},
    ),
    WebPage(
        "framework:input_respond",
        on_framework("framework:input_respond", lambda: example_item().pk),
        allowed=EDITORS,
        invalid_input={"#id_response_text": ""},
    ),
    WebPage(
        "framework:stakeholder_update",
        on_framework("framework:stakeholder_update", lambda: example_stakeholder().pk),
        allowed=EDITORS,
        invalid_input={"#id_name": ""},
    ),
    WebPage(
        "framework:stakeholder_delete",
        on_framework("framework:stakeholder_delete", lambda: example_stakeholder().pk),
        allowed=EDITORS,
        invalid_input={},  # refused: input was logged from the stakeholder
    ),
    WebPage(
        "framework:session_update",
        on_framework("framework:session_update", lambda: example_session().pk),
        allowed=EDITORS,
        invalid_input={"#id_title": ""},
    ),
    WebPage(
        "framework:session_delete",
        on_framework("framework:session_delete", lambda: example_session().pk),
        allowed=EDITORS,
        invalid_input={},  # refused: input was logged in the session
    ),
    WebPage(
        "framework:input_update",
        on_framework("framework:input_update", lambda: example_item().pk),
        allowed=EDITORS,
        invalid_input={"#id_text": ""},
    ),
]
