"""Rights of the framework module's project plan pages and endpoints (``tests/test_rights.py``):
who reads the working copy reads the plan; editors add to it."""

from tests.framework.process_data import example_framework, example_group, organisation
from tests.framework.rights_participation import EDITORS, READERS, detail, on_framework
from tests.rights_table import Case


def phase_form() -> dict:
    return {"name": "Fase (rechtentabel)", "starts_on": "2025-02-01", "ends_on": "2025-03-01"}


def milestone_form() -> dict:
    return {"name": "Mijlpaal (rechtentabel)", "due_on": "2025-03-01"}


def group_form() -> dict:
    return {"name": "Werkgroep (rechtentabel)"}


def member_form() -> dict:
    return {"organisation": organisation().pk, "function": "beleidsadviseur"}


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
    "framework-phase-detail": [Case(READERS, api=True)],
    "framework-milestone-detail": [Case(READERS, api=True)],
    "framework-working-group-detail": [Case(READERS, api=True)],
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
    "framework-phase-detail": detail(
        "framework-phase-detail", lambda: example_framework().phases.first().pk
    ),
    "framework-milestone-detail": detail(
        "framework-milestone-detail", lambda: example_framework().milestones.first().pk
    ),
    "framework-working-group-detail": detail(
        "framework-working-group-detail", lambda: example_group().pk
    ),
    "framework-working-group-add-member": detail(
        "framework-working-group-add-member", lambda: example_group().pk
    ),
}
