"""Writes of the project plan (the plan of approach): phases, milestones, the project group and
working groups with their members — organisations of the region's registry and the function
they take a seat in, never a person's name."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from onderdak.core.validation import save_validated
from onderdak.framework.models import (
    Framework,
    GroupMember,
    Milestone,
    ProjectPhase,
    WorkingGroup,
)
from onderdak.framework.services.process import (
    cleaned,
    foreign_fields,
    locked,
    refuse,
    refuse_delete,
    require,
)
from onderdak.region.models import Organisation

CHANGE = "framework.change_project"


@transaction.atomic
def phase_create(
    *,
    framework: Framework,
    user,
    name: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    description: str = "",
) -> ProjectPhase:
    require(user, CHANGE)
    refuse(_phase_errors(starts_on, ends_on))
    return save_validated(
        ProjectPhase(
            framework=framework,
            name=(name or "").strip(),
            starts_on=starts_on,
            ends_on=ends_on,
            description=cleaned(description),
        )
    )


def _phase_errors(starts_on, ends_on) -> dict[str, list[str]]:
    if starts_on and ends_on and ends_on < starts_on:
        return {"ends_on": [_("A phase cannot end before it starts.")]}
    return {}


@transaction.atomic
def phase_update(
    *,
    phase: ProjectPhase,
    user,
    name: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    description: str = "",
) -> ProjectPhase:
    require(user, CHANGE)
    phase = locked(phase)
    refuse(_phase_errors(starts_on, ends_on))
    phase.name = (name or "").strip()
    phase.starts_on = starts_on
    phase.ends_on = ends_on
    phase.description = cleaned(description)
    return save_validated(phase)


@transaction.atomic
def phase_delete(*, phase: ProjectPhase, user) -> None:
    """A phase nothing refers to: the participation levels, sessions and milestones in it would
    lose their place in the process."""
    require(user, CHANGE)
    phase = locked(phase)
    refuse_delete(
        phase,
        {
            _("stakeholders have a participation level in this phase."): (
                phase.participation_levels.exists()
            ),
            _("sessions were held in this phase."): phase.sessions.exists(),
            _("milestones belong to this phase."): phase.milestones.exists(),
        },
    )
    phase.delete()


@transaction.atomic
def milestone_create(
    *,
    framework: Framework,
    user,
    name: str,
    due_on: datetime.date,
    reached_on: datetime.date | None = None,
    phase: ProjectPhase | None = None,
) -> Milestone:
    require(user, CHANGE)
    refuse(foreign_fields(framework, phase=phase))
    return save_validated(
        Milestone(
            framework=framework,
            name=(name or "").strip(),
            due_on=due_on,
            reached_on=reached_on,
            phase=phase,
        )
    )


@transaction.atomic
def milestone_update(
    *,
    milestone: Milestone,
    user,
    name: str,
    due_on: datetime.date,
    reached_on: datetime.date | None = None,
    phase: ProjectPhase | None = None,
) -> Milestone:
    require(user, CHANGE)
    milestone = locked(milestone)
    refuse(foreign_fields(milestone.framework, phase=phase))
    milestone.name = (name or "").strip()
    milestone.due_on = due_on
    milestone.reached_on = reached_on
    milestone.phase = phase
    return save_validated(milestone)


@transaction.atomic
def milestone_reach(*, milestone: Milestone, user, reached_on: datetime.date) -> Milestone:
    """Marks the milestone reached on ``reached_on``."""
    require(user, CHANGE)
    milestone = locked(milestone)
    if reached_on is None:
        refuse({"reached_on": [_("Enter the date the milestone was reached.")]})
    milestone.reached_on = reached_on
    return save_validated(milestone)


@transaction.atomic
def milestone_delete(*, milestone: Milestone, user) -> None:
    require(user, CHANGE)
    locked(milestone).delete()


@transaction.atomic
def group_create(
    *,
    framework: Framework,
    user,
    name: str,
    is_project_group: bool = False,
    purpose: str = "",
) -> WorkingGroup:
    """A working group, or the project group (a framework has one)."""
    require(user, CHANGE)
    refuse(_group_errors(framework, is_project_group))
    return save_validated(
        WorkingGroup(
            framework=framework,
            name=(name or "").strip(),
            is_project_group=is_project_group,
            purpose=cleaned(purpose),
        )
    )


def _group_errors(framework, is_project_group: bool, group=None) -> dict[str, list[str]]:
    """A framework has one project group (``group`` itself aside, when it is changed)."""
    others = framework.working_groups.filter(is_project_group=True)
    if group is not None:
        others = others.exclude(pk=group.pk)
    if is_project_group and others.exists():
        return {"is_project_group": [_("This framework has a project group already.")]}
    return {}


@transaction.atomic
def group_update(
    *,
    group: WorkingGroup,
    user,
    name: str,
    is_project_group: bool = False,
    purpose: str = "",
) -> WorkingGroup:
    require(user, CHANGE)
    group = locked(group)
    refuse(_group_errors(group.framework, is_project_group, group))
    group.name = (name or "").strip()
    group.is_project_group = is_project_group
    group.purpose = cleaned(purpose)
    return save_validated(group)


@transaction.atomic
def group_delete(*, group: WorkingGroup, user) -> None:
    """A group without members (remove them first: each seat is a record of its own)."""
    require(user, CHANGE)
    group = locked(group)
    refuse_delete(group, {_("the group has members. Remove them first."): group.members.exists()})
    group.delete()


@transaction.atomic
def member_remove(*, member: GroupMember, user) -> None:
    """An organisation's seat in a group, given up."""
    require(user, CHANGE)
    locked(member).delete()


@transaction.atomic
def member_add(
    *, group: WorkingGroup, user, organisation: Organisation, function: str = ""
) -> GroupMember:
    """An organisation's seat in the group, with the function it is taken in."""
    require(user, CHANGE)
    if organisation.region_id != group.framework.region_id:
        refuse({"organisation": [_("Choose an organisation of the framework's region.")]})
    return save_validated(
        GroupMember(group=group, organisation=organisation, function=(function or "").strip())
    )
