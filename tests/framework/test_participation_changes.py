"""Changing and deleting stakeholders, sessions and input (services, and the API through them):
checked as on creation, refused while input depends on the record, only by editors."""

import datetime

import pytest
from auditlog.models import LogEntry

from onderdak.accounts.models import Role
from onderdak.core.errors import DomainError, Forbidden
from onderdak.framework.models import Stakeholder, StakeholderKind
from onderdak.framework.services import participation as services
from tests.framework.factories import FrameworkFactory, ThemeFactory
from tests.framework.process_data import (
    example_framework,
    example_item,
    example_session,
    example_stakeholder,
    spare_session,
    spare_stakeholder,
)

pytestmark = pytest.mark.usefixtures("policy_domains")


@pytest.fixture
def leader(region, make_member):
    return make_member(Role.POLICY_OFFICER)


def test_a_stakeholder_is_changed_as_checked_on_creation(leader):
    stakeholder = spare_stakeholder()
    with pytest.raises(DomainError) as refused:
        services.stakeholder_update(
            stakeholder=stakeholder, user=leader, kind=StakeholderKind.ORGANISATION
        )
    assert "organisation" in refused.value.fields
    stakeholder.refresh_from_db()
    assert stakeholder.kind == StakeholderKind.RESIDENTS
    services.stakeholder_update(
        stakeholder=stakeholder,
        user=leader,
        kind=StakeholderKind.CLIENT_COUNCIL,
        name=" Cliëntenraad ",
        notes="<script>x</script><p>Raad</p>",
    )
    stakeholder.refresh_from_db()
    assert (stakeholder.name, stakeholder.notes) == ("Cliëntenraad", "<p>Raad</p>")


def test_a_stakeholder_with_input_is_not_deleted(leader):
    stakeholder = example_stakeholder()
    with pytest.raises(DomainError) as refused:
        services.stakeholder_delete(stakeholder=stakeholder, user=leader)
    assert refused.value.code == "protected"
    assert "input" in str(refused.value.message)
    assert Stakeholder.objects.filter(pk=stakeholder.pk).exists()


def test_a_stakeholder_without_input_is_deleted_with_its_levels_and_audited(leader):
    stakeholder = spare_stakeholder()
    phase = example_framework().phases.first()
    services.stakeholder_levels_set(stakeholder=stakeholder, user=leader, levels={phase: "inform"})
    services.stakeholder_delete(stakeholder=stakeholder, user=leader)
    assert not Stakeholder.objects.filter(pk=stakeholder.pk).exists()
    assert not phase.participation_levels.filter(stakeholder=stakeholder.pk).exists()
    assert LogEntry.objects.filter(
        object_pk=str(stakeholder.pk), action=LogEntry.Action.DELETE
    ).exists()


def test_only_editors_change_or_delete(make_member, region):
    officer = make_member(Role.MUNICIPALITY_OFFICER)
    with pytest.raises(Forbidden):
        services.stakeholder_delete(stakeholder=spare_stakeholder(), user=officer)
    with pytest.raises(Forbidden):
        services.session_delete(session=spare_session(), user=officer)


def test_a_session_is_changed_and_its_participants_replaced(leader):
    session = example_session()
    other = FrameworkFactory().phases.create(
        name="Elders", starts_on=datetime.date(2025, 1, 1), ends_on=datetime.date(2025, 2, 1)
    )
    with pytest.raises(DomainError) as refused:
        services.session_update(
            session=session, user=leader, title="X", held_on=session.held_on, phase=other
        )
    assert "phase" in refused.value.fields
    services.session_update(
        session=session,
        user=leader,
        title="Werksessie zorg",
        held_on=datetime.date(2025, 3, 11),
        participants=[spare_stakeholder()],
    )
    session.refresh_from_db()
    assert session.title == "Werksessie zorg"
    assert list(session.participants.all()) == [spare_stakeholder()]


def test_a_session_with_input_is_not_deleted_one_without_is(leader):
    with pytest.raises(DomainError) as refused:
        services.session_delete(session=example_session(), user=leader)
    assert refused.value.code == "protected"
    spare = spare_session()
    services.session_delete(session=spare, user=leader)
    assert not example_framework().sessions.filter(pk=spare.pk).exists()


def test_input_is_corrected_cleaned_and_keeps_its_response(leader):
    item = example_item()
    services.input_respond(item=item, user=leader, response="noted", response_text="Gezien")
    with pytest.raises(DomainError) as refused:
        services.input_update(
            item=item,
            user=leader,
            stakeholder=item.stakeholder,
            received_on=item.received_on,
            text="<script>alert(1)</script>",
        )
    assert "text" in refused.value.fields
    with pytest.raises(DomainError) as refused:
        services.input_update(
            item=item,
            user=leader,
            stakeholder=item.stakeholder,
            received_on=item.received_on,
            text="Over een ander kader",
            theme=ThemeFactory(),
        )
    assert "theme" in refused.value.fields
    services.input_update(
        item=item,
        user=leader,
        stakeholder=spare_stakeholder(),
        received_on=datetime.date(2025, 3, 12),
        text="<p onclick='x'>Meer woningen</p>",
    )
    item.refresh_from_db()
    assert (item.stakeholder, item.session, item.text) == (
        spare_stakeholder(),
        None,
        "<p>Meer woningen</p>",
    )
    assert (item.response, item.response_text) == ("noted", "Gezien")


def test_the_api_changes_and_deletes_through_the_services(api_login, leader):
    client = api_login(leader)
    stakeholder = example_stakeholder()
    url = f"/api/v1/framework-stakeholders/{stakeholder.pk}/"
    answer = client.patch(url, {"notes": "<b>Actief</b>"}, format="json")
    assert answer.status_code == 200, answer.content
    assert answer.json()["notes"] == "<b>Actief</b>"
    assert answer.json()["name"] == stakeholder.name
    refused = client.delete(url)
    assert refused.status_code == 400
    assert refused.json()["code"] == "protected"
    session = spare_session()
    answer = client.patch(
        f"/api/v1/framework-sessions/{session.pk}/",
        {"participants": [stakeholder.pk]},
        format="json",
    )
    assert answer.json()["participants"] == [stakeholder.pk]
    assert client.delete(f"/api/v1/framework-sessions/{session.pk}/").status_code == 204
    item = example_item()
    answer = client.patch(f"/api/v1/framework-input/{item.pk}/", {"text": ""}, format="json")
    assert answer.status_code == 400
    assert client.delete(f"/api/v1/framework-input/{item.pk}/").status_code == 405
