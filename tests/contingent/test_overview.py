"""What each role sees first: the contingent overview and the figures on the home page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from onderdak.accounts.models import Role
from onderdak.contingent.models import Evaluation
from tests.contingent.factories import (
    ContingentYearFactory,
    DwellingFactory,
    NominationFactory,
    PlacementFactory,
    ProposalFactory,
    care_provider,
)

pytestmark = pytest.mark.django_db
OVERVIEW = reverse("contingent:overview")


@pytest.fixture
def year(region):
    return ContingentYearFactory(year=timezone.localdate().year)


def figures(response) -> dict[str, int]:
    overview = response.context["overview"]
    return {f.label: f.value for s in overview.sections for f in s.figures}


def test_care_worker_sees_proposals_awaiting_and_evaluations_due(make_member, login, year):
    ProposalFactory(nomination__contingent_year=year)
    ProposalFactory(nomination__contingent_year=year, nomination__provider=care_provider(1))
    placement = PlacementFactory(proposal__nomination__contingent_year=year)
    Evaluation.objects.create(
        placement=placement, month=3, due_on=datetime.date.today() + datetime.timedelta(days=5)
    )
    response = login(make_member(Role.CARE_WORKER)).get(OVERVIEW)
    assert response.status_code == 200
    shown = figures(response)
    assert shown["Proposals awaiting your answer"] == 1
    assert shown["Placements with an evaluation due"] == 1
    assert shown["Proposed for a dwelling"] == 1  # own nominations by status


def test_corporation_officer_sees_proposals_dwellings_and_own_target(make_member, login, year):
    ProposalFactory(awaiting_corporation=True, nomination__contingent_year=year)
    DwellingFactory(contingent_year=year)
    response = login(make_member(Role.CORPORATION_OFFICER)).get(OVERVIEW)
    shown = figures(response)
    assert shown["Proposals awaiting your answer"] == 1
    assert shown["Available"] == 1
    keys = [s.key for s in response.context["overview"].sections]
    assert "corporation-target" in keys


def test_municipality_officer_sees_reviews_waiting(make_member, login, year):
    NominationFactory(submitted=True, contingent_year=year)
    response = login(make_member(Role.MUNICIPALITY_OFFICER)).get(OVERVIEW)
    # the first municipality organisation's officer: the nomination is tied to Leiden
    assert response.status_code == 200
    assert "Nominations awaiting your review" in figures(response)


def test_coordinator_sees_realisation_pool_and_stalled_steps(make_member, login, year):
    NominationFactory(approved=True, contingent_year=year)
    NominationFactory(
        submitted=True,
        contingent_year=year,
        status_changed_at=timezone.now() - datetime.timedelta(days=30),
    )
    response = login(make_member(Role.REGIONAL_COORDINATOR)).get(OVERVIEW)
    shown = figures(response)
    assert shown["Outflow"] == 1
    assert shown["Reviews overdue"] == 1
    keys = [s.key for s in response.context["overview"].sections]
    assert keys[:2] == ["realisation", "realisation-corporations"]


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.GOVERNANCE_READER])
def test_policy_and_governance_see_only_the_report_link(make_member, login, year, role):
    NominationFactory(approved=True, contingent_year=year)
    response = login(make_member(role)).get(OVERVIEW)
    assert response.status_code == 200
    assert response.context["overview"].sections == []
    assert reverse("contingent:report", args=[year.year]) in response.content.decode()


def test_overview_needs_a_contingent_role(make_member, login, client, year):
    assert client.get(OVERVIEW).status_code == 302
    assert login(make_member(Role.ADMINISTRATOR)).get(OVERVIEW).status_code == 403


def test_home_page_shows_the_first_figures(make_member, login, year):
    ProposalFactory(nomination__contingent_year=year)
    response = login(make_member(Role.CARE_WORKER)).get(reverse("core:home"))
    labels = [f.label for f in response.context["contingent_figures"]]
    assert "Proposals awaiting your answer" in labels
    assert 2 <= len(labels) <= 4
    assert reverse("contingent:overview") in response.content.decode()


def test_home_page_of_an_administrator_has_no_contingent_figures(make_member, login, year):
    response = login(make_member(Role.ADMINISTRATOR)).get(reverse("core:home"))
    assert "contingent_figures" not in response.context


@pytest.mark.parametrize(
    "role", [Role.CARE_WORKER, Role.CORPORATION_OFFICER, Role.REGIONAL_COORDINATOR]
)
def test_overview_query_count_does_not_grow_with_the_data(
    make_member, login, year, role, django_assert_max_num_queries
):
    client = login(make_member(role))
    PlacementFactory(proposal__nomination__contingent_year=year)
    with django_assert_max_num_queries(60) as one:
        client.get(OVERVIEW)
    for _ in range(9):
        PlacementFactory(proposal__nomination__contingent_year=year)
        ProposalFactory(nomination__contingent_year=year)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(OVERVIEW).status_code == 200
