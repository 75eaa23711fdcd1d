"""Rights of the framework module's project plan pages and endpoints (``tests/test_rights.py``):
who reads the working copy reads the plan; editors add to it."""

from django.urls import reverse

from tests.framework.process_data import (
    example_framework,
    example_group,
    example_member,
    example_phase,
    organisation,
    spare_group,
    spare_phase,
)
from tests.framework.rights_participation import (
    EDITORS,
    READERS,
    detail,
    on_framework,
    page_writes,
    writes,
)
from tests.rights_table import Case


def phase_form() -> dict:
    return {"name": "Fase (rechtentabel)", "starts_on": "2025-02-01", "ends_on": "2025-03-01"}


def milestone_form() -> dict:
    return {"name": "Mijlpaal (rechtentabel)", "due_on": "2025-03-01"}


def group_form() -> dict:
    return {"name": "Werkgroep (rechtentabel)"}


def member_form() -> dict:
    return {"organisation": organisation().pk, "function": "beleidsadviseur"}


def reached_form() -> dict:
    return {"reached_on": "2025-03-02"}


def renamed() -> dict:
    return {"name": "Gewijzigd (rechtentabel)"}


def milestone_id() -> int:
    return example_framework().milestones.first().pk


def api(form):
    return lambda: {"framework": example_framework().pk, **form()}


RULES: dict = {
    "framework:project_plan": [Case(READERS)],
    "framework:project_export": [Case(READERS)],
    "framework:phase_create": [Case(EDITORS), Case(EDITORS, "post", 302, {"data": phase_form})],
    "framework:milestone_create": [
        Case(EDITORS),
        Case(EDITORS, "post", 302, {"data": milestone_form}),
    ],
    "framework:group_create": [Case(EDITORS), Case(EDITORS, "post", 302, {"data": group_form})],
    "framework:member_create": [Case(EDITORS), Case(EDITORS, "post", 302, {"data": member_form})],
    "framework:phase_update": page_writes(phase_form),
    "framework:phase_delete": page_writes(None),
    "framework:milestone_update": page_writes(milestone_form),
    "framework:milestone_reached": page_writes(reached_form),
    "framework:milestone_delete": page_writes(None),
    "framework:group_update": page_writes(group_form),
    "framework:group_delete": page_writes(None),
    "framework:member_delete": page_writes(None),
    **{
        f"framework-{name}-list": [
            Case(READERS, api=True),
            Case(EDITORS, "post", 201, {"data": api(form)}, api=True),
        ]
        for name, form in (
            ("phase", phase_form),
            ("milestone", milestone_form),
            ("working-group", group_form),
        )
    },
    "framework-phase-detail": [Case(READERS, api=True), *writes(renamed)],
    "framework-milestone-detail": [Case(READERS, api=True), *writes(reached_form)],
    "framework-working-group-detail": [Case(READERS, api=True), *writes(renamed)],
    "framework-working-group-remove-member": [Case(EDITORS, "delete", 204, api=True)],
    "framework-working-group-add-member": [
        Case(EDITORS, "post", 200, {"data": member_form}, api=True)
    ],
}
URLS: dict = {
    "framework:project_plan": on_framework("framework:project_plan"),
    "framework:project_export": on_framework("framework:project_export"),
    "framework:phase_create": on_framework("framework:phase_create"),
    "framework:milestone_create": on_framework("framework:milestone_create"),
    "framework:group_create": on_framework("framework:group_create"),
    "framework:member_create": on_framework("framework:member_create", lambda: example_group().pk),
    "framework:phase_update": on_framework("framework:phase_update", lambda: example_phase().pk),
    "framework:phase_delete": on_framework("framework:phase_delete", lambda: spare_phase().pk),
    "framework:milestone_update": on_framework("framework:milestone_update", milestone_id),
    "framework:milestone_reached": on_framework("framework:milestone_reached", milestone_id),
    "framework:milestone_delete": on_framework("framework:milestone_delete", milestone_id),
    "framework:group_update": on_framework("framework:group_update", lambda: example_group().pk),
    "framework:group_delete": on_framework("framework:group_delete", lambda: spare_group().pk),
    "framework:member_delete": on_framework(
        "framework:member_delete", lambda: example_group().pk, lambda: example_member().pk
    ),
    "framework-phase-detail": detail("framework-phase-detail", lambda: spare_phase().pk),
    "framework-milestone-detail": detail("framework-milestone-detail", milestone_id),
    "framework-working-group-detail": detail(
        "framework-working-group-detail", lambda: spare_group().pk
    ),
    "framework-working-group-remove-member": lambda: reverse(
        "framework-working-group-remove-member",
        args=[example_group().pk, example_member().pk],
    ),
    "framework-working-group-add-member": detail(
        "framework-working-group-add-member", lambda: example_group().pk
    ),
}
