"""The framework module's project plan pages for the page-by-page browser check."""

from tests.browser.webpage import WebPage
from tests.framework.pages_participation import on_framework
from tests.framework.process_data import example_group
from tests.framework.rights_participation import EDITORS, READERS

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
]
