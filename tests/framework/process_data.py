"""Records the participation, route and project tests, the rights table and the browser's page
check request pages for, made on first use (a test that flushed the database gets them again).

``example_framework`` has a theme with an action, two phases, a stakeholder, a session, an input
item, a working group, and two versions: a draft (governance readers do not see it) and one in
consultation with a step that has a paper.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from onderdak.accounts.models import Role
from onderdak.framework.models import (
    DecisionPaper,
    DecisionStep,
    Framework,
    FrameworkVersion,
    InputItem,
    ProjectPhase,
    Stakeholder,
    StakeholderKind,
    VersionStatus,
    WorkingGroup,
)
from onderdak.framework.services import participation, project, route
from onderdak.framework.services.versions import version_create, version_transition
from onderdak.region.models import Organisation
from tests.factories import member
from tests.framework.factories import ActionFactory, FrameworkFactory

TITLE = "Voorbeeldkader proces (fictief)"
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name: str = "stuk.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def leader():
    return member(Role.POLICY_OFFICER)


def example_framework() -> Framework:
    found = Framework.objects.filter(title=TITLE).first()
    return found or _make()


def _make() -> Framework:
    framework = FrameworkFactory(title=TITLE)
    action = ActionFactory(ambition__theme__framework=framework, title="Eén loket (fictief)")
    user = leader()
    first = project.phase_create(
        framework=framework,
        user=user,
        name="Verkennen",
        starts_on=datetime.date(2025, 2, 1),
        ends_on=datetime.date(2025, 5, 31),
    )
    project.phase_create(
        framework=framework,
        user=user,
        name="Schrijven",
        starts_on=datetime.date(2025, 6, 1),
        ends_on=datetime.date(2026, 1, 31),
    )
    project.milestone_create(
        framework=framework, user=user, name="Startnotitie", due_on=datetime.date(2025, 3, 1)
    )
    group = project.group_create(
        framework=framework, user=user, name="Projectgroep", is_project_group=True
    )
    project.member_add(group=group, user=user, organisation=organisation(), function="beleid")
    stakeholder = participation.stakeholder_create(
        framework=framework,
        user=user,
        kind=StakeholderKind.LIVED_EXPERIENCE,
        name="Ervaringsdeskundigen",
    )
    participation.stakeholder_levels_set(
        stakeholder=stakeholder, user=user, levels={first: "advise"}
    )
    session = participation.session_create(
        framework=framework,
        user=user,
        title="Werksessie wonen",
        held_on=datetime.date(2025, 3, 10),
        phase=first,
        participants=[stakeholder],
    )
    participation.input_create(
        framework=framework,
        user=user,
        stakeholder=stakeholder,
        session=session,
        received_on=datetime.date(2025, 3, 10),
        action=action,
        text="<p>Meer woningen voor uitstroom.</p>",
    )
    version_create(framework=framework, user=user, label="Concept")
    consulted = version_transition(
        version=version_create(framework=framework, user=user, label="Consultatie"),
        action="consult",
    )
    step = route.step_create(
        version=consulted,
        user=user,
        body="project_group",
        planned_on=datetime.date(2025, 9, 1),
    )
    route.paper_upload(step=step, user=user, title="Voorstel", uploaded_file=pdf())
    return framework


def organisation() -> Organisation:
    return Organisation.objects.filter(region__slug="holland-rijnland").order_by("pk").first()


def draft_version() -> FrameworkVersion:
    return example_framework().versions.get(status=VersionStatus.DRAFT)


def consulted_version() -> FrameworkVersion:
    return example_framework().versions.get(status=VersionStatus.CONSULTATION)


def example_step() -> DecisionStep:
    return consulted_version().steps.order_by("position").first()


def example_paper() -> DecisionPaper:
    return example_step().papers.get()


def example_stakeholder() -> Stakeholder:
    return example_framework().stakeholders.get()


def example_item() -> InputItem:
    return example_framework().input_items.order_by("pk").first()


def example_group() -> WorkingGroup:
    return example_framework().working_groups.exclude(name=SPARE).get()


def example_phase() -> ProjectPhase:
    return example_framework().phases.order_by("starts_on").first()


# --- Records that can be deleted (nothing depends on them), made once on first use ------------


def spare_stakeholder() -> Stakeholder:
    framework = example_framework()
    return framework.stakeholders.filter(name=SPARE).first() or participation.stakeholder_create(
        framework=framework, user=leader(), kind=StakeholderKind.RESIDENTS, name=SPARE
    )


def spare_session():
    framework = example_framework()
    return framework.sessions.filter(title=SPARE).first() or participation.session_create(
        framework=framework, user=leader(), title=SPARE, held_on=datetime.date(2025, 4, 1)
    )


def spare_step() -> DecisionStep:
    """A step after the example step, without papers."""
    version = consulted_version()
    planned_on = datetime.date(2025, 9, 15)
    return version.steps.filter(planned_on=planned_on).first() or route.step_create(
        version=version, user=leader(), body="programme_team", planned_on=planned_on
    )


def spare_phase() -> ProjectPhase:
    """The example's second phase: nothing refers to it."""
    return example_framework().phases.order_by("starts_on").last()


def spare_group() -> WorkingGroup:
    framework = example_framework()
    return framework.working_groups.filter(name=SPARE).first() or project.group_create(
        framework=framework, user=leader(), name=SPARE
    )


def example_session():
    """The example session, the one input was logged in."""
    return example_framework().sessions.get(input_items__isnull=False)


def example_member():
    return example_group().members.get()


SPARE = "Reserve (fictief)"
