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
from onderdak.framework.services.process import cleaned, foreign_fields, refuse, require
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
    if starts_on and ends_on and ends_on < starts_on:
        refuse({"ends_on": [_("A phase cannot end before it starts.")]})
    return save_validated(
        ProjectPhase(
            framework=framework,
            name=(name or "").strip(),
            starts_on=starts_on,
            ends_on=ends_on,
            description=cleaned(description),
        )
    )


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
    if is_project_group and framework.working_groups.filter(is_project_group=True).exists():
        refuse({"is_project_group": [_("This framework has a project group already.")]})
    return save_validated(
        WorkingGroup(
            framework=framework,
            name=(name or "").strip(),
            is_project_group=is_project_group,
            purpose=cleaned(purpose),
        )
    )


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
