"""The framework module's project plan pages for the page-by-page browser check."""

from tests.browser.webpage import WebPage
from tests.framework.pages_participation import on_framework
from tests.framework.process_data import (
    example_framework,
    example_group,
    example_member,
    example_phase,
)
from tests.framework.rights_participation import EDITORS, READERS


def milestone_id() -> int:
    return example_framework().milestones.get().pk


def member_id() -> int:
    return example_member().pk


PAGES = [
    WebPage("framework:project_plan", on_framework("framework:project_plan"), allowed=READERS),
    WebPage(
        "framework:phase_create",
        on_framework("framework:phase_create"),
        allowed=EDITORS,
        invalid_input={
            "#id_name": "Omgekeerd",
            "#id_starts_on": "2025-05-01",
            "#id_ends_on": "2025-04-01",
        },
    ),
    WebPage(
        "framework:milestone_create",
        on_framework("framework:milestone_create"),
        allowed=EDITORS,
        invalid_input={"#id_name": ""},
    ),
    WebPage(
        "framework:group_create",
        on_framework("framework:group_create"),
        allowed=EDITORS,
        invalid_input={"#id_name": ""},
    ),
    WebPage(
        "framework:member_create",
        on_framework("framework:member_create", lambda: example_group().pk),
        allowed=EDITORS,
        invalid_input={"#id_function": "x" * 201},
    ),
    WebPage(
        "framework:phase_update",
        on_framework("framework:phase_update", lambda: example_phase().pk),
        allowed=EDITORS,
        invalid_input={"#id_starts_on": "2025-05-01", "#id_ends_on": "2025-04-01"},
    ),
    WebPage(
        "framework:phase_delete",
        on_framework("framework:phase_delete", lambda: example_phase().pk),
        allowed=EDITORS,
        invalid_input={},  # refused: a level and a session refer to the phase
    ),
    WebPage(
        "framework:milestone_update",
        on_framework("framework:milestone_update", milestone_id),
        allowed=EDITORS,
        invalid_input={"#id_name": ""},
    ),
    WebPage(
        "framework:milestone_reached",
        on_framework("framework:milestone_reached", milestone_id),
        allowed=EDITORS,
        invalid_input={"#id_reached_on": ""},
    ),
    WebPage(
        "framework:milestone_delete",
        on_framework("framework:milestone_delete", milestone_id),
        allowed=EDITORS,
    ),
    WebPage(
        "framework:group_update",
        on_framework("framework:group_update", lambda: example_group().pk),
        allowed=EDITORS,
        invalid_input={"#id_name": ""},
    ),
    WebPage(
        "framework:group_delete",
        on_framework("framework:group_delete", lambda: example_group().pk),
        allowed=EDITORS,
        invalid_input={},  # refused: the group has members
    ),
    WebPage(
        "framework:member_delete",
        on_framework("framework:member_delete", lambda: example_group().pk, member_id),
        allowed=EDITORS,
    ),
]
