"""The project plan's services: dates in order, one project group, members from the registry."""

import datetime

import pytest

from onderdak.accounts.models import Role
from onderdak.core.errors import DomainError
from onderdak.framework.services import project as services
from onderdak.region.models import Organisation
from tests.framework.factories import FrameworkFactory
from tests.framework.process_data import example_framework, example_group

pytestmark = pytest.mark.usefixtures("policy_domains")


@pytest.fixture
def leader(region, make_member):
    return make_member(Role.POLICY_OFFICER)


def test_a_phase_cannot_end_before_it_starts(leader):
    framework = FrameworkFactory()
    with pytest.raises(DomainError) as refused:
        services.phase_create(
            framework=framework,
            user=leader,
            name="Omgekeerd",
            starts_on=datetime.date(2025, 5, 1),
            ends_on=datetime.date(2025, 4, 1),
        )
    assert "ends_on" in refused.value.fields
    assert not framework.phases.exists()


def test_a_milestone_of_another_frameworks_phase_is_refused(leader):
    with pytest.raises(DomainError) as refused:
        services.milestone_create(
            framework=FrameworkFactory(),
            user=leader,
            name="M",
            due_on=datetime.date(2025, 5, 1),
            phase=example_framework().phases.first(),
        )
    assert "phase" in refused.value.fields


def test_one_project_group_and_members_of_the_region(leader):
    with pytest.raises(DomainError) as refused:
        services.group_create(
            framework=example_framework(), user=leader, name="Tweede", is_project_group=True
        )
    assert "is_project_group" in refused.value.fields
    elsewhere = Organisation.objects.exclude(region__slug="holland-rijnland").first()
    if elsewhere is not None:
        with pytest.raises(DomainError):
            services.member_add(group=example_group(), user=leader, organisation=elsewhere)
    group = services.group_create(
        framework=example_framework(), user=leader, name="Werkgroep wonen", purpose="<p>Wonen</p>"
    )
    assert group.purpose == "<p>Wonen</p>"
