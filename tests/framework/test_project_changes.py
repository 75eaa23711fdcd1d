"""Changing and deleting the project plan's phases, milestones, groups and members: checked as
on creation, a phase others refer to and a group with members refused; the API through the
services."""

import datetime

import pytest

from onderdak.accounts.models import Role
from onderdak.core.errors import DomainError, Forbidden
from onderdak.framework.models import GroupMember, Milestone, ProjectPhase, WorkingGroup
from onderdak.framework.services import project as services
from tests.framework.process_data import (
    example_framework,
    example_group,
    example_member,
    example_phase,
    spare_group,
    spare_phase,
)

pytestmark = pytest.mark.usefixtures("policy_domains")
MAY, JUNE = datetime.date(2025, 5, 1), datetime.date(2025, 6, 1)


@pytest.fixture
def leader(region, make_member):
    return make_member(Role.POLICY_OFFICER)


def test_a_phase_is_changed_with_its_dates_in_order(leader):
    phase = spare_phase()
    with pytest.raises(DomainError) as refused:
        services.phase_update(phase=phase, user=leader, name="X", starts_on=JUNE, ends_on=MAY)
    assert "ends_on" in refused.value.fields
    services.phase_update(phase=phase, user=leader, name="Schrijven ", starts_on=MAY, ends_on=JUNE)
    phase.refresh_from_db()
    assert (phase.name, phase.starts_on, phase.ends_on) == ("Schrijven", MAY, JUNE)


def test_a_phase_others_refer_to_is_not_deleted(leader):
    phase = example_phase()  # with a participation level and a session
    with pytest.raises(DomainError) as refused:
        services.phase_delete(phase=phase, user=leader)
    assert refused.value.code == "protected"
    spare = spare_phase()
    example_framework().milestones.update(phase=spare)
    with pytest.raises(DomainError) as refused:
        services.phase_delete(phase=spare, user=leader)
    assert "milestones" in str(refused.value.message)
    example_framework().milestones.update(phase=None)
    services.phase_delete(phase=spare, user=leader)
    assert not ProjectPhase.objects.filter(pk=spare.pk).exists()


def test_a_milestone_is_changed_marked_reached_and_deleted(leader):
    milestone = example_framework().milestones.get()
    with pytest.raises(DomainError) as refused:
        services.milestone_update(
            milestone=milestone,
            user=leader,
            name="M",
            due_on=MAY,
            phase=ProjectPhase(pk=0, framework_id=0),
        )
    assert "phase" in refused.value.fields
    services.milestone_update(
        milestone=milestone, user=leader, name="Startnotitie", due_on=MAY, phase=example_phase()
    )
    with pytest.raises(DomainError):
        services.milestone_reach(milestone=milestone, user=leader, reached_on=None)
    services.milestone_reach(milestone=milestone, user=leader, reached_on=JUNE)
    milestone.refresh_from_db()
    assert (milestone.due_on, milestone.reached_on, milestone.phase) == (MAY, JUNE, example_phase())
    services.milestone_delete(milestone=milestone, user=leader)
    assert not Milestone.objects.filter(pk=milestone.pk).exists()


def test_a_group_keeps_one_project_group_and_is_deleted_without_members(leader):
    spare = spare_group()
    with pytest.raises(DomainError) as refused:
        services.group_update(group=spare, user=leader, name="Tweede", is_project_group=True)
    assert "is_project_group" in refused.value.fields
    group = example_group()
    services.group_update(group=group, user=leader, name="Projectgroep MZ", is_project_group=True)
    with pytest.raises(DomainError) as refused:
        services.group_delete(group=group, user=leader)
    assert refused.value.code == "protected"
    services.member_remove(member=example_member(), user=leader)
    services.group_delete(group=group, user=leader)
    assert not WorkingGroup.objects.filter(pk=group.pk).exists()


def test_only_editors_change_the_plan(make_member, region):
    officer = make_member(Role.MUNICIPALITY_OFFICER)
    with pytest.raises(Forbidden):
        services.member_remove(member=example_member(), user=officer)
    assert GroupMember.objects.filter(pk=example_member().pk).exists()


def test_the_api_changes_and_deletes_the_plan(leader, api_login):
    client = api_login(leader)
    phase = spare_phase()
    url = f"/api/v1/framework-phases/{phase.pk}/"
    refused = client.patch(url, {"ends_on": "2025-01-01"}, format="json")
    assert refused.status_code == 400
    assert client.patch(url, {"name": "Afronden"}, format="json").json()["name"] == "Afronden"
    assert client.delete(f"/api/v1/framework-phases/{example_phase().pk}/").status_code == 400
    assert client.delete(url).status_code == 204
    milestone = example_framework().milestones.get()
    answer = client.patch(
        f"/api/v1/framework-milestones/{milestone.pk}/", {"reached_on": "2025-03-02"}, format="json"
    )
    assert answer.json()["reached_on"] == "2025-03-02"
    group = example_group()
    member = example_member()
    assert client.delete(f"/api/v1/framework-working-groups/{group.pk}/").status_code == 400
    answer = client.delete(f"/api/v1/framework-working-groups/{group.pk}/members/{member.pk}/")
    assert answer.status_code == 204
    assert client.delete(f"/api/v1/framework-working-groups/{group.pk}/").status_code == 204
