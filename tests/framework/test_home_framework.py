"""The home page's framework section: its status, next decision step and open input for the
editors, the versions put to them for a governance reader; a fixed query count."""

import datetime

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.framework.models import DecisionBody, DecisionStep, Outcome, VersionStatus
from onderdak.framework.services.versions import version_create
from tests.factories import member
from tests.framework.documents_data import full_framework, input_item

HOME = reverse("core:home")


def with_route(framework):
    """A version in consultation whose first step agreed and whose second is pending."""
    version = version_create(framework=framework, user=member(Role.POLICY_OFFICER))
    version.status = VersionStatus.CONSULTATION
    version.save()
    for position, body, outcome in (
        (1, DecisionBody.PROJECT_GROUP, Outcome.AGREED),
        (2, DecisionBody.PROGRAMME_TEAM, Outcome.PENDING),
        (3, DecisionBody.DIRECTORS, Outcome.PENDING),
    ):
        DecisionStep.objects.create(
            version=version,
            position=position,
            body=body,
            outcome=outcome,
            planned_on=datetime.date(2025, 6, position),
        )
    return version


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.REGIONAL_COORDINATOR])
def test_an_editor_sees_status_next_step_and_open_input(region, make_member, login, role):
    framework = full_framework()
    version = with_route(framework)
    response = login(make_member(role)).get(HOME)
    status = response.context["framework_status"]
    assert status.framework == framework
    assert status.version == version
    assert status.next_step.body == DecisionBody.PROGRAMME_TEAM
    assert status.open_input == 2
    page = response.content.decode()
    assert reverse("framework:current_state", args=[framework.pk]) in page
    assert reverse("framework:export", args=[framework.pk]) in page
    assert "framework_versions" not in response.context


def test_an_editor_without_a_framework_is_told_so(region, make_member, login):
    response = login(make_member(Role.POLICY_OFFICER)).get(HOME)
    assert response.context["framework_status"] is None
    assert 'id="beleidskader-titel"' in response.content.decode()


def test_a_governance_reader_sees_only_the_versions_put_to_them(region, make_member, login):
    framework = full_framework()
    put = with_route(framework)
    draft = version_create(framework=framework, user=member(Role.POLICY_OFFICER))
    response = login(make_member(Role.GOVERNANCE_READER)).get(HOME)
    assert response.context["framework_versions"] == [put]
    page = response.content.decode()
    assert reverse("framework:version_export", args=[put.pk]) in page
    assert reverse("framework:version_print", args=[put.pk]) in page
    assert reverse("framework:version_export", args=[draft.pk]) not in page
    assert "framework_status" not in response.context


@pytest.mark.parametrize("role", [Role.CARE_WORKER, Role.MUNICIPALITY_OFFICER])
def test_other_roles_see_no_framework_section(region, make_member, login, role):
    full_framework()
    response = login(make_member(role)).get(HOME)
    assert not response.context.get("show_framework")


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.GOVERNANCE_READER])
def test_the_home_query_count_does_not_grow(
    region, make_member, login, django_assert_max_num_queries, role
):
    framework = full_framework()
    with_route(framework)
    client = login(make_member(role))
    client.get(HOME)
    with django_assert_max_num_queries(40) as small:
        client.get(HOME)
    queries = len(small.captured_queries)
    for _ in range(5):
        input_item(framework)
        with_route(framework)
    client.get(HOME)
    with django_assert_max_num_queries(queries):
        client.get(HOME)
