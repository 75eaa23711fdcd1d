"""Rights of the framework module's participation and input pages and endpoints
(``tests/test_rights.py``): who reads the working copy (editors, municipality officers) reads
them; editors (policy officers, the regional coordinator) write (``framework/rules.py``)."""

from django.urls import reverse

from onderdak.accounts.models import Role
from tests.framework.process_data import (
    example_framework,
    example_item,
    example_phase,
    example_session,
    example_stakeholder,
    spare_session,
    spare_stakeholder,
)
from tests.rights_table import Case

EDITORS = frozenset({Role.POLICY_OFFICER, Role.REGIONAL_COORDINATOR})
READERS = EDITORS | {Role.MUNICIPALITY_OFFICER}


def on_framework(name: str, *extra):
    return lambda: reverse(name, args=[example_framework().pk, *(e() for e in extra)])


def stakeholder_id() -> int:
    return example_stakeholder().pk


def item_id() -> int:
    return example_item().pk


def stakeholder_form() -> dict:
    return {"kind": "residents", "name": "Bewoners (rechtentabel)"}


def levels_form() -> dict:
    return {f"phase_{example_phase().pk}": "consult"}


def session_form() -> dict:
    return {"title": "Sessie (rechtentabel)", "held_on": "2025-04-01"}


def input_form() -> dict:
    return {"stakeholder": stakeholder_id(), "received_on": "2025-04-01", "text": "Inbreng"}


def respond_form() -> dict:
    return {"response": "noted", "response_text": "Gezien"}


def api_stakeholder() -> dict:
    return {"framework": example_framework().pk, **stakeholder_form()}


def api_levels() -> dict:
    return {"levels": [{"phase": example_phase().pk, "level": "inform"}]}


def api_session() -> dict:
    return {"framework": example_framework().pk, "participants": [], **session_form()}


def api_input() -> dict:
    return {"framework": example_framework().pk, **input_form()}


def changed_notes() -> dict:
    return {"notes": "Gewijzigd (rechtentabel)"}


def changed_title() -> dict:
    return {"title": "Gewijzigd (rechtentabel)"}


def changed_text() -> dict:
    return {"text": "Gewijzigd (rechtentabel)"}


def writes(data, delete: bool = True) -> list:
    """An API record's change (PATCH with ``data``) and, if it can be, its deletion."""
    cases = [Case(EDITORS, "patch", 200, {"data": data}, api=True)]
    return [*cases, Case(EDITORS, "delete", 204, api=True)] if delete else cases


def page_writes(form) -> list:
    """A page asking to change (with ``form``) or delete (``form`` is ``None``) a record."""
    return [Case(EDITORS), Case(EDITORS, "post", 302, {"data": form or dict})]


def detail(name: str, pk):
    return lambda: reverse(name, args=[pk()])


RULES: dict = {
    "framework:participation": [Case(READERS)],
    "framework:stakeholder_create": [
        Case(EDITORS),
        Case(EDITORS, "post", 302, {"data": stakeholder_form}),
    ],
    "framework:stakeholder_levels": [
        Case(EDITORS),
        Case(EDITORS, "post", 302, {"data": levels_form}),
    ],
    "framework:session_create": [Case(EDITORS), Case(EDITORS, "post", 302, {"data": session_form})],
    "framework:stakeholder_update": page_writes(stakeholder_form),
    "framework:stakeholder_delete": page_writes(None),
    "framework:session_update": page_writes(session_form),
    "framework:session_delete": page_writes(None),
    "framework:input_update": page_writes(input_form),
    "framework:input_list": [Case(READERS)],
    "framework:input_export": [Case(READERS)],
    "framework:input_create": [Case(EDITORS), Case(EDITORS, "post", 302, {"data": input_form})],
    "framework:input_respond": [Case(EDITORS), Case(EDITORS, "post", 302, {"data": respond_form})],
    "framework-stakeholder-list": [
        Case(READERS, api=True),
        Case(EDITORS, "post", 201, {"data": api_stakeholder}, api=True),
    ],
    "framework-stakeholder-detail": [Case(READERS, api=True), *writes(changed_notes)],
    "framework-stakeholder-levels": [Case(EDITORS, "put", 200, {"data": api_levels}, api=True)],
    "framework-session-list": [
        Case(READERS, api=True),
        Case(EDITORS, "post", 201, {"data": api_session}, api=True),
    ],
    "framework-session-detail": [Case(READERS, api=True), *writes(changed_title)],
    "framework-input-list": [
        Case(READERS, api=True),
        Case(EDITORS, "post", 201, {"data": api_input}, api=True),
    ],
    "framework-input-detail": [Case(READERS, api=True), *writes(changed_text, delete=False)],
    "framework-input-respond": [Case(EDITORS, "post", 200, {"data": respond_form}, api=True)],
}
URLS: dict = {
    "framework:participation": on_framework("framework:participation"),
    "framework:stakeholder_create": on_framework("framework:stakeholder_create"),
    "framework:stakeholder_levels": on_framework("framework:stakeholder_levels", stakeholder_id),
    "framework:session_create": on_framework("framework:session_create"),
    "framework:input_list": on_framework("framework:input_list"),
    "framework:input_export": on_framework("framework:input_export"),
    "framework:input_create": on_framework("framework:input_create"),
    "framework:input_respond": on_framework("framework:input_respond", item_id),
    "framework:stakeholder_update": on_framework("framework:stakeholder_update", stakeholder_id),
    "framework:stakeholder_delete": on_framework(
        "framework:stakeholder_delete", lambda: spare_stakeholder().pk
    ),
    "framework:session_update": on_framework(
        "framework:session_update", lambda: example_session().pk
    ),
    "framework:session_delete": on_framework(
        "framework:session_delete", lambda: spare_session().pk
    ),
    "framework:input_update": on_framework("framework:input_update", item_id),
    "framework-stakeholder-detail": detail(
        "framework-stakeholder-detail", lambda: spare_stakeholder().pk
    ),
    "framework-stakeholder-levels": detail("framework-stakeholder-levels", stakeholder_id),
    "framework-session-detail": detail("framework-session-detail", lambda: spare_session().pk),
    "framework-input-detail": detail("framework-input-detail", item_id),
    "framework-input-respond": detail("framework-input-respond", item_id),
}
