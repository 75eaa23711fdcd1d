"""Changing and deleting decision steps and papers: only while the step has no outcome, the
dates kept in the route's order, a step with papers refused; the API through the services."""

import datetime

import pytest

from onderdak.accounts.models import Role
from onderdak.core.errors import Conflict, DomainError, Forbidden
from onderdak.framework.models import DecisionPaper, DecisionStep
from onderdak.framework.services import route as services
from tests.framework.process_data import pdf
from tests.framework.test_route_services import OCTOBER, SEPTEMBER, add, new_version

pytestmark = pytest.mark.usefixtures("policy_domains")
NOVEMBER = datetime.date(2025, 11, 1)


@pytest.fixture
def leader(region, make_member):
    return make_member(Role.POLICY_OFFICER)


def change(step, leader, **fields):
    data = {"body": step.body, "planned_on": step.planned_on, **fields}
    return services.step_update(step=step, user=leader, **data)


def test_a_changed_step_keeps_the_routes_order(leader):
    version = new_version(leader)
    first = add(version, leader, planned_on=SEPTEMBER)
    second = add(version, leader, body="programme_team", planned_on=OCTOBER)
    with pytest.raises(DomainError) as refused:
        change(first, leader, planned_on=NOVEMBER)
    assert "programme team" in refused.value.fields["planned_on"][0].lower()
    with pytest.raises(DomainError) as refused:
        change(second, leader, planned_on=datetime.date(2025, 8, 1))
    assert "planned_on" in refused.value.fields
    with pytest.raises(DomainError) as refused:
        change(second, leader, body="council")
    assert "municipality" in refused.value.fields
    change(second, leader, planned_on=NOVEMBER, note="<p onclick='x'>Later</p>")
    second.refresh_from_db()
    assert (second.planned_on, second.note, second.position) == (NOVEMBER, "<p>Later</p>", 2)


def test_a_step_with_an_outcome_is_neither_changed_nor_deleted(leader):
    version = new_version(leader, "consult")
    step = add(version, leader)
    services.step_record_outcome(step=step, user=leader, outcome="agreed", held_on=SEPTEMBER)
    with pytest.raises(Conflict):
        change(step, leader, note="Anders")
    with pytest.raises(Conflict):
        services.step_delete(step=step, user=leader)
    assert DecisionStep.objects.filter(pk=step.pk).exists()


def test_a_step_with_papers_is_deleted_after_its_papers(leader, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    version = new_version(leader)
    step = add(version, leader)
    paper = services.paper_upload(step=step, user=leader, title="Voorstel", uploaded_file=pdf())
    with pytest.raises(DomainError) as refused:
        services.step_delete(step=step, user=leader)
    assert refused.value.code == "protected"
    services.paper_delete(paper=paper, user=leader)
    assert not DecisionPaper.objects.filter(pk=paper.pk).exists()
    services.step_delete(step=step, user=leader)
    assert not version.steps.exists()


def test_the_paper_of_a_decided_step_stays(leader, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    version = new_version(leader, "consult")
    step = add(version, leader)
    paper = services.paper_upload(step=step, user=leader, title="Voorstel", uploaded_file=pdf())
    services.step_record_outcome(step=step, user=leader, outcome="agreed", held_on=SEPTEMBER)
    with pytest.raises(Conflict):
        services.paper_delete(paper=paper, user=leader)


def test_only_editors_change_the_route(leader, make_member):
    step = add(new_version(leader), leader)
    with pytest.raises(Forbidden):
        services.step_delete(step=step, user=make_member(Role.MUNICIPALITY_OFFICER))


def test_the_api_changes_and_deletes_steps(leader, api_login):
    client = api_login(leader)
    version = new_version(leader)
    first = add(version, leader, planned_on=SEPTEMBER)
    second = add(version, leader, body="programme_team", planned_on=OCTOBER)
    url = f"/api/v1/framework-decision-steps/{first.pk}/"
    refused = client.patch(url, {"planned_on": "2025-11-01"}, format="json")
    assert refused.status_code == 400
    assert "planned_on" in refused.json()["fields"]
    answer = client.patch(url, {"note": "Voorbespreking"}, format="json")
    assert answer.status_code == 200, answer.content
    assert (answer.json()["note"], answer.json()["body"]) == ("Voorbespreking", "project_group")
    assert client.delete(f"/api/v1/framework-decision-steps/{second.pk}/").status_code == 204
    assert list(version.steps.all()) == [first]
