"""The pages that change and delete records of the participation plan, the input log, the
decision route and the project plan: a form filled with the record, a refused change shown on
the form, a deletion confirmed on its own page and refused there while something depends on
the record."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.framework.models import Stakeholder
from tests.capacity.in_english import english  # noqa: F401
from tests.framework.process_data import (
    consulted_version,
    example_framework,
    example_item,
    example_phase,
    example_stakeholder,
    example_step,
    spare_stakeholder,
    spare_step,
)

pytestmark = pytest.mark.usefixtures("policy_domains", "english")


@pytest.fixture
def leader_client(region, make_member, login):
    return login(make_member(Role.POLICY_OFFICER))


def url(name: str, *args) -> str:
    return reverse(name, args=[example_framework().pk, *args])


def test_deleting_asks_first_and_refuses_a_stakeholder_with_input(leader_client):
    stakeholder = example_stakeholder()
    address = url("framework:stakeholder_delete", stakeholder.pk)
    page = leader_client.get(address)
    assert page.status_code == 200
    assert Stakeholder.objects.filter(pk=stakeholder.pk).exists()
    refused = leader_client.post(address)
    assert refused.status_code == 200
    assert "input was logged" in str(refused.context["form"].non_field_errors())
    assert Stakeholder.objects.filter(pk=stakeholder.pk).exists()
    spare = spare_stakeholder()
    done = leader_client.post(url("framework:stakeholder_delete", spare.pk))
    assert done.status_code == 302
    assert done.url == url("framework:participation")
    assert not Stakeholder.objects.filter(pk=spare.pk).exists()


def test_the_change_form_shows_the_record_and_refuses_bad_input(leader_client):
    item = example_item()
    address = url("framework:input_update", item.pk)
    form = leader_client.get(address).context["form"]
    assert form["text"].value() == item.text
    refused = leader_client.post(
        address, {"stakeholder": item.stakeholder_id, "received_on": "2025-03-10", "text": ""}
    )
    assert refused.status_code == 200
    assert "text" in refused.context["form"].errors
    item.refresh_from_db()
    assert item.text


def test_a_phase_changed_with_its_dates_reversed_is_refused(leader_client):
    phase = example_phase()
    refused = leader_client.post(
        url("framework:phase_update", phase.pk),
        {"name": phase.name, "starts_on": "2025-05-01", "ends_on": "2025-04-01"},
    )
    assert "cannot end before it starts" in str(refused.context["form"].errors)
    phase.refresh_from_db()
    assert phase.ends_on.isoformat() == "2025-05-31"


def test_a_step_changed_out_of_order_is_refused_and_an_empty_step_deleted(leader_client):
    version = consulted_version()
    step = spare_step()
    refused = leader_client.post(
        url("framework:step_update", version.pk, step.pk),
        {"body": "programme_team", "planned_on": "2025-08-01"},
    )
    assert "planned_on" in refused.context["form"].errors
    page = leader_client.get(url("framework:route_version", version.pk))
    assert url("framework:step_delete", version.pk, step.pk) in page.content.decode()
    leader_client.post(url("framework:step_delete", version.pk, step.pk))
    assert list(version.steps.all()) == [example_step()]


def test_a_milestone_is_marked_reached(leader_client):
    milestone = example_framework().milestones.get()
    address = url("framework:milestone_reached", milestone.pk)
    assert leader_client.get(address).context["form"]["reached_on"].value()
    assert leader_client.post(address, {"reached_on": ""}).context["form"].errors
    leader_client.post(address, {"reached_on": "2025-03-02"})
    milestone.refresh_from_db()
    assert milestone.reached_on.isoformat() == "2025-03-02"


def test_the_plan_links_to_the_changes_for_editors_only(leader_client, make_member, login):
    address = url("framework:project_plan")
    assert (
        url("framework:phase_update", example_phase().pk)
        in leader_client.get(address).content.decode()
    )
    officer = login(make_member(Role.MUNICIPALITY_OFFICER))
    assert "wijzigen" not in officer.get(address).content.decode()
