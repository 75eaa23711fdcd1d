"""The framework module's decision route pages for the page-by-page browser check (the version
in consultation, whose route governance readers see too)."""

from django.urls import reverse

from tests.browser.webpage import WebPage
from tests.framework.process_data import (
    consulted_version,
    example_framework,
    example_paper,
    example_step,
)
from tests.framework.rights_participation import EDITORS
from tests.framework.rights_route import ROUTE_READERS


def on_version(name: str, *extra):
    return lambda user: reverse(
        name, args=[example_framework().pk, consulted_version().pk, *(e() for e in extra)]
    )


PAGES = [
    WebPage(
        "framework:route",
        lambda user: reverse("framework:route", args=[example_framework().pk]),
        allowed=ROUTE_READERS,
    ),
    WebPage(
        "framework:route_version", on_version("framework:route_version"), allowed=ROUTE_READERS
    ),
    WebPage(
        "framework:step_create",
        on_version("framework:step_create"),
        allowed=EDITORS,
        invalid_input={"#id_planned_on": "2024-01-01"},
    ),
    WebPage(
        "framework:step_outcome",
        on_version("framework:step_outcome", lambda: example_step().pk),
        allowed=EDITORS,
        invalid_input={"#id_held_on": ""},
    ),
    WebPage(
        "framework:paper_upload",
        on_version("framework:paper_upload", lambda: example_step().pk),
        allowed=EDITORS,
        invalid_input={"#id_title": "Zonder bestand"},
    ),
    WebPage(
        "framework:step_update",
        on_version("framework:step_update", lambda: example_step().pk),
        allowed=EDITORS,
        invalid_input={"#id_planned_on": ""},
    ),
    WebPage(
        "framework:step_delete",
        on_version("framework:step_delete", lambda: example_step().pk),
        allowed=EDITORS,
        invalid_input={},  # refused: the step has a paper
    ),
    WebPage(
        "framework:paper_delete",
        on_version("framework:paper_delete", lambda: example_paper().pk),
        allowed=EDITORS,
    ),
]
