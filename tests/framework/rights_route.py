"""Rights of the framework module's decision route pages and endpoints (``tests/test_rights.py``):
editors and municipality officers read every version's route, governance readers those of the
versions put to them (the example version is in consultation; a draft's route is "not found" for
them: ``test_route_views.py``); editors write."""

from django.urls import reverse

from onderdak.accounts.models import Role
from tests.framework.process_data import (
    consulted_version,
    example_framework,
    example_paper,
    example_step,
    pdf,
    spare_step,
)
from tests.framework.rights_participation import EDITORS, READERS, detail, page_writes, writes
from tests.rights_table import Case

ROUTE_READERS = READERS | {Role.GOVERNANCE_READER}


def on_version(name: str, *extra):
    return lambda: reverse(
        name, args=[example_framework().pk, consulted_version().pk, *(e() for e in extra)]
    )


def step_form() -> dict:
    return {"body": "programme_team", "planned_on": "2025-10-01"}


def outcome_form() -> dict:
    return {"outcome": "agreed", "held_on": "2025-09-02"}


def paper_form() -> dict:
    return {"title": "Stuk (rechtentabel)", "file": pdf()}


def api_step() -> dict:
    return {"version": consulted_version().pk, **step_form()}


RULES: dict = {
    "framework:route": [Case(ROUTE_READERS)],
    "framework:route_version": [Case(ROUTE_READERS)],
    "framework:step_create": [Case(EDITORS), Case(EDITORS, "post", 302, {"data": step_form})],
    "framework:step_outcome": [Case(EDITORS), Case(EDITORS, "post", 302, {"data": outcome_form})],
    "framework:paper_upload": [Case(EDITORS), Case(EDITORS, "post", 302, {"data": paper_form})],
    "framework:paper_download": [Case(ROUTE_READERS)],
    "framework:step_update": page_writes(step_form),
    "framework:step_delete": page_writes(None),
    "framework:paper_delete": page_writes(None),
    "framework-decision-step-list": [
        Case(ROUTE_READERS, api=True),
        Case(EDITORS, "post", 201, {"data": api_step}, api=True),
    ],
    "framework-decision-step-detail": [
        Case(ROUTE_READERS, api=True),
        *writes(lambda: {"note": "Gewijzigd (rechtentabel)"}),
    ],
    "framework-decision-step-record-outcome": [
        Case(EDITORS, "post", 200, {"data": outcome_form}, api=True)
    ],
}
URLS: dict = {
    "framework:route": lambda: reverse("framework:route", args=[example_framework().pk]),
    "framework:route_version": on_version("framework:route_version"),
    "framework:step_create": on_version("framework:step_create"),
    "framework:step_outcome": on_version("framework:step_outcome", lambda: example_step().pk),
    "framework:paper_upload": on_version("framework:paper_upload", lambda: example_step().pk),
    "framework:paper_download": on_version("framework:paper_download", lambda: example_paper().pk),
    "framework:step_update": on_version("framework:step_update", lambda: example_step().pk),
    "framework:step_delete": on_version("framework:step_delete", lambda: spare_step().pk),
    "framework:paper_delete": on_version("framework:paper_delete", lambda: example_paper().pk),
    "framework-decision-step-detail": detail(
        "framework-decision-step-detail", lambda: spare_step().pk
    ),
    "framework-decision-step-record-outcome": detail(
        "framework-decision-step-record-outcome", lambda: example_step().pk
    ),
}
