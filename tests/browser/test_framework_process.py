"""The participation plan, the input log and the decision route in real Chromium, as the project
leader: add a stakeholder and a session, log input from that session, find it under "without a
response", respond to it and see it answered; then take a version in consultation through two
decision steps (agreed; agreed with changes) and see the route's timeline. axe-core checks every
page on the way; links are followed by their address, so the test holds in either language."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from onderdak.accounts.models import Role
from onderdak.framework.models import InputItem, Outcome, ResponseKind
from onderdak.framework.services.project import phase_create
from onderdak.framework.services.reference import policy_domains_load
from onderdak.framework.services.versions import version_create, version_transition
from tests.browser.accessibility import assert_accessible
from tests.browser.test_contingent import as_role, checked, follow, press, visit
from tests.factories import member
from tests.framework.factories import ActionFactory
from tests.framework.process_data import (
    consulted_version,
    example_framework,
    example_group,
    example_member,
    example_paper,
    example_stakeholder,
    spare_session,
    spare_step,
)

TEXT = "Zorg voor meer woningen voor uitstroom uit de opvang (browsertest)."


def add_stakeholder_and_session(page: Page, framework) -> None:
    visit(page, reverse("framework:participation", args=[framework.pk]))
    follow(page, reverse("framework:stakeholder_create", args=[framework.pk]))
    page.select_option("#id_kind", "lived_experience")
    page.fill("#id_name", "Ervaringsdeskundigen (browsertest)")
    press(page)
    checked(page)
    stakeholder = framework.stakeholders.get()
    expect(page.locator("main table").first).to_contain_text(stakeholder.name)
    follow(page, reverse("framework:session_create", args=[framework.pk]))
    page.fill("#id_title", "Werksessie uitstroom")
    page.fill("#id_held_on", "2025-03-12")
    page.select_option("#id_phase", str(framework.phases.get().pk))
    page.select_option("#id_participants", [str(stakeholder.pk)])
    press(page)
    checked(page)
    assert list(framework.sessions.get().participants.all()) == [stakeholder]


def log_input(page: Page, framework) -> InputItem:
    follow(page, reverse("framework:input_list", args=[framework.pk]))
    follow(page, reverse("framework:input_create", args=[framework.pk]))
    page.select_option("#id_stakeholder", str(framework.stakeholders.get().pk))
    page.select_option("#id_session", str(framework.sessions.get().pk))
    page.fill("#id_received_on", "2025-03-12")
    page.fill("#id_text", TEXT)
    press(page)
    checked(page)
    return framework.input_items.get()


def respond(page: Page, framework, item: InputItem) -> None:
    unanswered = reverse("framework:input_list", args=[framework.pk]) + "?zonder_reactie=on"
    follow(page, unanswered)
    expect(page.locator("main table")).to_contain_text(TEXT)
    follow(page, reverse("framework:input_respond", args=[framework.pk, item.pk]))
    page.select_option("#id_response", ResponseKind.ADOPTED)
    page.fill("#id_response_text", "Opgenomen als actie in het thema wonen.")
    page.select_option("#id_response_action", str(action_of(item)))
    press(page)
    checked(page)
    visit(page, unanswered)
    expect(page.locator("main table")).not_to_contain_text(TEXT)
    item.refresh_from_db()
    assert item.response == ResponseKind.ADOPTED
    visit(page, reverse("framework:input_list", args=[framework.pk]))
    expect(page.locator("main table")).to_contain_text("Opgenomen als actie")


def action_of(item: InputItem) -> int:
    return item.framework.themes.get().ambitions.get().actions.get().pk


def add_step(page: Page, framework, version, body: str, planned: str) -> None:
    follow(page, reverse("framework:step_create", args=[framework.pk, version.pk]))
    page.select_option("#id_body", body)
    page.fill("#id_planned_on", planned)
    press(page)
    checked(page)


def record(page: Page, framework, version, step, outcome: str, held: str) -> None:
    follow(page, reverse("framework:step_outcome", args=[framework.pk, version.pk, step.pk]))
    page.select_option("#id_outcome", outcome)
    page.fill("#id_held_on", held)
    press(page)
    checked(page)
    step.refresh_from_db()
    assert step.outcome == outcome


def take_the_route(page: Page, framework, version) -> None:
    visit(page, reverse("framework:route", args=[framework.pk]))
    follow(page, reverse("framework:route_version", args=[framework.pk, version.pk]))
    add_step(page, framework, version, "project_group", "2025-09-01")
    add_step(page, framework, version, "programme_team", "2025-09-15")
    first, second = version.steps.order_by("position")
    record(page, framework, version, first, Outcome.AGREED, "2025-09-02")
    record(page, framework, version, second, Outcome.AGREED_WITH_CHANGES, "2025-09-18")
    timeline = page.locator(".chart").last
    expect(timeline.locator("svg[role=img]")).to_have_count(1)
    expect(timeline.locator("svg .timeline__marks path")).to_have_count(4)
    expect(timeline.locator("table tbody tr")).to_have_count(2)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_participation_input_and_decision_route(browser, site, region):
    policy_domains_load()
    leader = member(Role.POLICY_OFFICER)
    action = ActionFactory(ambition__theme__title="Wonen")
    framework = action.ambition.theme.framework
    phase_create(
        framework=framework,
        user=leader,
        name="Ophalen",
        starts_on=datetime.date(2025, 2, 1),
        ends_on=datetime.date(2025, 6, 30),
    )
    version = version_transition(
        version=version_create(framework=framework, user=leader), action="consult"
    )
    context, page = as_role(browser, site, Role.POLICY_OFFICER)
    try:
        add_stakeholder_and_session(page, framework)
        item = log_input(page, framework)
        respond(page, framework, item)
        take_the_route(page, framework, version)
    finally:
        context.close()


def refused(page: Page) -> None:
    """The form came back with its error summary, and axe-core finds nothing on the page."""
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)


def change_participation(page: Page, framework) -> None:
    participation = reverse("framework:participation", args=[framework.pk])
    stakeholder, session = example_stakeholder(), spare_session()
    visit(page, participation)
    follow(page, reverse("framework:stakeholder_update", args=[framework.pk, stakeholder.pk]))
    page.fill("#id_name", "Ervaringsdeskundigen MO")
    press(page)
    checked(page)
    follow(page, reverse("framework:stakeholder_delete", args=[framework.pk, stakeholder.pk]))
    press(page)
    refused(page)  # input was logged from them
    assert framework.stakeholders.get(pk=stakeholder.pk).name == "Ervaringsdeskundigen MO"
    visit(page, participation)
    follow(page, reverse("framework:session_delete", args=[framework.pk, session.pk]))
    press(page)
    checked(page)
    assert not framework.sessions.filter(pk=session.pk).exists()


def change_the_plan(page: Page, framework) -> None:
    group, seat = example_group(), example_member()
    milestone = framework.milestones.get()
    visit(page, reverse("framework:project_plan", args=[framework.pk]))
    follow(page, reverse("framework:milestone_reached", args=[framework.pk, milestone.pk]))
    press(page)
    checked(page)
    milestone.refresh_from_db()
    assert milestone.reached_on is not None
    follow(page, reverse("framework:group_delete", args=[framework.pk, group.pk]))
    press(page)
    refused(page)  # it has a member
    visit(page, reverse("framework:project_plan", args=[framework.pk]))
    follow(page, reverse("framework:member_delete", args=[framework.pk, group.pk, seat.pk]))
    press(page)
    checked(page)
    follow(page, reverse("framework:group_delete", args=[framework.pk, group.pk]))
    press(page)
    checked(page)
    assert not framework.working_groups.exists()


def change_the_route(page: Page, framework) -> None:
    version, step, paper = consulted_version(), spare_step(), example_paper()
    visit(page, reverse("framework:route_version", args=[framework.pk, version.pk]))
    follow(page, reverse("framework:step_update", args=[framework.pk, version.pk, step.pk]))
    page.fill("#id_planned_on", "2025-08-01")  # before the step before it
    press(page)
    refused(page)
    page.fill("#id_planned_on", "2025-09-20")
    press(page)
    checked(page)
    follow(page, reverse("framework:paper_delete", args=[framework.pk, version.pk, paper.pk]))
    press(page)
    checked(page)
    follow(page, reverse("framework:step_delete", args=[framework.pk, version.pk, step.pk]))
    press(page)
    checked(page)
    assert list(version.steps.values_list("planned_on", flat=True)) == [datetime.date(2025, 9, 1)]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_changing_and_deleting_what_the_process_records(browser, site, region):
    """The project leader corrects and clears up; deleting asks first, and is refused (on the
    page, with its reason) while something depends on the record."""
    policy_domains_load()
    framework = example_framework()
    context, page = as_role(browser, site, Role.POLICY_OFFICER)
    try:
        change_participation(page, framework)
        change_the_plan(page, framework)
        change_the_route(page, framework)
    finally:
        context.close()
