"""The decision route's services: steps in order, a college or council with its municipality,
outcomes with their date and their effect on the version, papers checked by type and size."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from onderdak.accounts.models import Role
from onderdak.core.errors import Conflict, DomainError
from onderdak.framework.models import DecisionPaper, Outcome, VersionStatus
from onderdak.framework.services import route as services
from onderdak.framework.services.versions import version_create, version_transition
from onderdak.region.models import Municipality
from tests.framework.factories import AmbitionFactory
from tests.framework.process_data import pdf

pytestmark = pytest.mark.usefixtures("policy_domains")
SEPTEMBER, OCTOBER = datetime.date(2025, 9, 1), datetime.date(2025, 10, 1)


@pytest.fixture
def leader(region, make_member):
    return make_member(Role.POLICY_OFFICER)


def new_version(leader, *actions: str):
    version = version_create(framework=AmbitionFactory().theme.framework, user=leader)
    for action in actions:
        version = version_transition(version=version, action=action)
    return version


def add(version, leader, body="project_group", planned_on=SEPTEMBER, **extra):
    return services.step_create(
        version=version, user=leader, body=body, planned_on=planned_on, **extra
    )


def test_a_step_dated_before_its_predecessor_is_refused(leader):
    version = new_version(leader)
    first = add(version, leader, planned_on=OCTOBER)
    with pytest.raises(DomainError) as refused:
        add(version, leader, body="programme_team", planned_on=SEPTEMBER)
    assert "project group" in refused.value.fields["planned_on"][0]
    assert version.steps.count() == 1
    second = add(version, leader, body="programme_team", planned_on=OCTOBER)
    assert (first.position, second.position) == (1, 2)


def test_a_college_needs_its_municipality_and_only_it_takes_one(leader):
    version = new_version(leader)
    with pytest.raises(DomainError) as refused:
        add(version, leader, body="college")
    assert "municipality" in refused.value.fields
    leiden = Municipality.objects.get(cbs_code="GM0546")
    with pytest.raises(DomainError):
        add(version, leader, body="directors", municipality=leiden)
    assert str(add(version, leader, body="college", municipality=leiden)).endswith("Leiden")


def test_an_outcome_needs_the_held_date_and_a_version_before_the_bodies(leader):
    draft = new_version(leader)
    step = add(draft, leader)
    with pytest.raises(Conflict):
        services.step_record_outcome(
            step=step, user=leader, outcome=Outcome.AGREED, held_on=SEPTEMBER
        )
    version_transition(version=draft, action="consult")
    with pytest.raises(DomainError) as refused:
        services.step_record_outcome(step=step, user=leader, outcome=Outcome.AGREED)
    assert "held_on" in refused.value.fields
    step.refresh_from_db()
    assert step.outcome == Outcome.PENDING


def test_a_held_date_before_the_previous_steps_is_refused(leader):
    version = new_version(leader, "consult")
    add(version, leader, held_on=OCTOBER)
    second = add(version, leader, body="directors", planned_on=OCTOBER)
    with pytest.raises(DomainError) as refused:
        services.step_record_outcome(
            step=second, user=leader, outcome=Outcome.AGREED, held_on=SEPTEMBER
        )
    assert "held_on" in refused.value.fields


def test_sent_back_takes_the_version_back_to_draft(leader):
    version = new_version(leader, "consult")
    step = add(version, leader)
    services.step_record_outcome(
        step=step, user=leader, outcome=Outcome.SENT_BACK, held_on=SEPTEMBER
    )
    version.refresh_from_db()
    assert version.status == VersionStatus.DRAFT


def test_the_last_agreement_adopts_a_proposed_version(leader):
    version = new_version(leader, "propose")
    first, second = add(version, leader), add(version, leader, body="committee")
    services.step_record_outcome(step=first, user=leader, outcome=Outcome.AGREED, held_on=SEPTEMBER)
    version.refresh_from_db()
    assert version.status == VersionStatus.PROPOSED
    services.step_record_outcome(
        step=second, user=leader, outcome=Outcome.AGREED_WITH_CHANGES, held_on=OCTOBER
    )
    version.refresh_from_db()
    assert version.status == VersionStatus.ADOPTED
    with pytest.raises(Conflict):
        add(version, leader, body="council")


def test_a_paper_is_checked_by_its_content_and_size(leader, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    step = add(new_version(leader), leader)
    paper = services.paper_upload(step=step, user=leader, title="Voorstel", uploaded_file=pdf())
    assert paper.content_type == "application/pdf"
    fake = SimpleUploadedFile("stuk.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(DomainError) as refused:
        services.paper_upload(step=step, user=leader, title="Nep", uploaded_file=fake)
    assert "file" in refused.value.fields
    renamed = SimpleUploadedFile("stuk.docx", pdf().read())
    with pytest.raises(DomainError):
        services.paper_upload(step=step, user=leader, title="Hernoemd", uploaded_file=renamed)
    big = pdf()
    big.size = services.MAX_PAPER_SIZE + 1
    with pytest.raises(DomainError) as refused:
        services.paper_upload(step=step, user=leader, title="Groot", uploaded_file=big)
    assert "MB" in refused.value.fields["file"][0]
    assert DecisionPaper.objects.filter(step=step).count() == 1


def test_a_step_agreed_after_it_sent_the_version_back_completes_the_route(leader):
    version = new_version(leader, "propose")
    step = add(version, leader)
    services.step_record_outcome(
        step=step, user=leader, outcome=Outcome.SENT_BACK, held_on=SEPTEMBER
    )
    version = version_transition(version=version, action="propose")
    services.step_record_outcome(step=step, user=leader, outcome=Outcome.AGREED, held_on=OCTOBER)
    version.refresh_from_db()
    assert version.status == VersionStatus.ADOPTED
