"""The participation plan's and input log's services: every bad input from issue 5 refused with
a clear message and nothing saved; texts stored without scripts."""

import datetime

import pytest

from onderdak.accounts.models import Role
from onderdak.core.errors import DomainError, Forbidden
from onderdak.framework.models import InputItem, ResponseKind, StakeholderKind
from onderdak.framework.models.reference import TEXT_LENGTH
from onderdak.framework.services import participation as services
from onderdak.framework.services.project import phase_create
from tests.framework.factories import ActionFactory, FrameworkFactory, ThemeFactory
from tests.framework.process_data import (
    example_framework,
    example_item,
    example_phase,
    example_stakeholder,
    organisation,
)

pytestmark = pytest.mark.usefixtures("policy_domains")
DAY = datetime.date(2025, 4, 1)


@pytest.fixture
def leader(region, make_member):
    return make_member(Role.POLICY_OFFICER)


def test_a_stakeholder_is_an_organisation_of_the_registry_or_a_named_group(leader):
    framework = FrameworkFactory()
    made = services.stakeholder_create(
        framework=framework,
        user=leader,
        kind=StakeholderKind.ORGANISATION,
        organisation=organisation(),
    )
    assert str(made) == organisation().name
    with pytest.raises(DomainError) as refused:
        services.stakeholder_create(
            framework=framework, user=leader, kind=StakeholderKind.ORGANISATION
        )
    assert "organisation" in refused.value.fields
    with pytest.raises(DomainError) as refused:
        services.stakeholder_create(
            framework=framework, user=leader, kind=StakeholderKind.RESIDENTS
        )
    assert "name" in refused.value.fields
    assert framework.stakeholders.count() == 1


def test_a_level_outside_the_ladder_is_refused_and_nothing_is_saved(leader):
    stakeholder, phase = example_stakeholder(), example_phase()
    with pytest.raises(DomainError) as refused:
        services.stakeholder_levels_set(
            stakeholder=stakeholder, user=leader, levels={phase: "command"}
        )
    assert "ladder" in refused.value.message
    assert refused.value.fields == {f"phase_{phase.pk}": [services.ladder_error()]}
    assert stakeholder.levels.get(phase=phase).level == "advise"
    services.stakeholder_levels_set(
        stakeholder=stakeholder, user=leader, levels={phase: "codecide"}
    )
    assert stakeholder.levels.get(phase=phase).level == "codecide"
    services.stakeholder_levels_set(stakeholder=stakeholder, user=leader, levels={phase: ""})
    assert not stakeholder.levels.exists()


def test_a_phase_of_another_framework_is_refused(leader):
    other = FrameworkFactory()
    foreign = phase_create(framework=other, user=leader, name="X", starts_on=DAY, ends_on=DAY)
    with pytest.raises(DomainError):
        services.stakeholder_levels_set(
            stakeholder=example_stakeholder(), user=leader, levels={foreign: "inform"}
        )
    with pytest.raises(DomainError) as refused:
        services.session_create(
            framework=example_framework(), user=leader, title="S", held_on=DAY, phase=foreign
        )
    assert "phase" in refused.value.fields


def test_input_needs_a_session_and_items_of_the_same_framework(leader):
    framework = example_framework()
    other_session = services.session_create(
        framework=FrameworkFactory(), user=leader, title="Elders", held_on=DAY
    )
    other_theme = ThemeFactory()
    other_action = ActionFactory()
    before = InputItem.objects.count()
    with pytest.raises(DomainError) as refused:
        services.input_create(
            framework=framework,
            user=leader,
            stakeholder=example_stakeholder(),
            received_on=DAY,
            text="Tekst",
            session=other_session,
            theme=other_theme,
            action=other_action,
        )
    assert set(refused.value.fields) == {"session", "theme", "action"}
    assert InputItem.objects.count() == before


def test_pasted_scripts_are_removed_and_an_empty_text_refused(leader):
    framework = example_framework()
    item = services.input_create(
        framework=framework,
        user=leader,
        stakeholder=example_stakeholder(),
        received_on=DAY,
        text='<p onclick="x()">Meer <script>alert(1)</script>woningen</p><img src=x onerror=y>',
    )
    assert item.text == "<p>Meer woningen</p>"
    with pytest.raises(DomainError) as refused:
        services.input_create(
            framework=framework,
            user=leader,
            stakeholder=example_stakeholder(),
            received_on=DAY,
            text="<script>alert(1)</script>",
        )
    assert "text" in refused.value.fields


def test_an_over_long_text_is_refused(leader):
    with pytest.raises(DomainError) as refused:
        services.input_create(
            framework=example_framework(),
            user=leader,
            stakeholder=example_stakeholder(),
            received_on=DAY,
            text="x" * (TEXT_LENGTH + 1),
        )
    assert "text" in refused.value.fields


def test_a_response_records_who_and_when_and_needs_what_was_done(leader):
    item = example_item()
    with pytest.raises(DomainError) as refused:
        services.input_respond(item=item, user=leader, response=ResponseKind.OPEN, response_text="")
    assert set(refused.value.fields) == {"response", "response_text"}
    with pytest.raises(DomainError):
        services.input_respond(
            item=item,
            user=leader,
            response=ResponseKind.ADOPTED,
            response_text="Opgenomen",
            response_action=ActionFactory(),
        )
    answered = services.input_respond(
        item=item,
        user=leader,
        response=ResponseKind.ADOPTED,
        response_text="<p>Opgenomen<script>x</script></p>",
        response_action=item.action,
    )
    assert (answered.responded_by, answered.response_text) == (leader, "<p>Opgenomen</p>")
    assert answered.responded_at is not None


def test_only_editors_write(make_member, region):
    officer = make_member(Role.MUNICIPALITY_OFFICER)
    with pytest.raises(Forbidden):
        services.stakeholder_create(
            framework=FrameworkFactory(), user=officer, kind=StakeholderKind.RESIDENTS, name="X"
        )
