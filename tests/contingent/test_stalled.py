"""Stalled steps: what waited longer than the year's policy, per reader and per organisation."""

import datetime

import pytest
from django.utils import timezone

from onderdak.accounts.models import Role
from onderdak.contingent.models import Evaluation, ProposalStatus
from onderdak.contingent.selectors import stalled
from onderdak.region.models import Organisation, OrganisationKind
from tests.contingent.factories import (
    NominationFactory,
    PlacementFactory,
    ProposalFactory,
    care_provider,
    corporation,
    municipality,
)

pytestmark = pytest.mark.django_db


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def test_a_review_stalls_after_the_years_review_days(region):
    late = NominationFactory(submitted=True, status_changed_at=days_ago(11))
    NominationFactory(submitted=True, status_changed_at=days_ago(9))
    NominationFactory(approved=True, status_changed_at=days_ago(30))
    qs = stalled.stalled_reviews(late.__class__.objects.all())
    assert list(qs) == [late]


def test_the_years_own_day_count_applies(region):
    nomination = NominationFactory(submitted=True, status_changed_at=days_ago(5))
    year = nomination.contingent_year
    year.review_days = 3
    year.save()
    assert stalled.stalled_reviews(type(nomination).objects.all()).get() == nomination


def test_open_proposals_stall_after_the_answer_days(region):
    provider = ProposalFactory(status_changed_at=days_ago(11))
    corporate = ProposalFactory(awaiting_corporation=True, status_changed_at=days_ago(11))
    ProposalFactory(status_changed_at=days_ago(2))
    qs = type(provider).objects.all()
    answers = stalled.stalled_answers(qs, status=ProposalStatus.AWAITING_PROVIDER)
    assert list(answers) == [provider]
    assert set(stalled.stalled_answers(qs)) == {provider, corporate}


def test_an_accepted_proposal_stalls_until_its_lease_starts(region):
    waiting = ProposalFactory(status=ProposalStatus.ACCEPTED, status_changed_at=days_ago(31))
    started = PlacementFactory(proposal__status_changed_at=days_ago(40)).proposal
    future = PlacementFactory(
        proposal__status_changed_at=days_ago(40),
        lease_start=datetime.date.today() + datetime.timedelta(days=7),
    ).proposal
    qs = stalled.stalled_lease_starts(type(waiting).objects.all())
    assert set(qs) == {waiting, future}
    assert started not in qs


def test_an_evaluation_past_its_due_date_is_overdue_until_held(region):
    placement = PlacementFactory()
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    overdue = Evaluation.objects.create(placement=placement, month=3, due_on=yesterday)
    Evaluation.objects.create(placement=placement, month=6, due_on=yesterday, held_on=yesterday)
    Evaluation.objects.create(placement=placement, month=12, due_on=datetime.date.today())
    qs = stalled.overdue_evaluations(type(placement).objects.all())
    assert list(qs) == [overdue]


def test_a_reader_sees_only_the_stalled_steps_of_cases_they_may_see(make_member):
    own = ProposalFactory(status_changed_at=days_ago(20))
    ProposalFactory(nomination__provider=care_provider(1), status_changed_at=days_ago(20))
    steps = stalled.stalled_for_user(make_member(Role.CARE_WORKER))
    assert list(steps.provider_answers) == [own]
    assert stalled.stalled_for_user(make_member(Role.POLICY_OFFICER)).total == 0


def test_each_organisation_gets_the_steps_that_wait_for_it(region):
    review = NominationFactory(submitted=True, status_changed_at=days_ago(20))
    answer = ProposalFactory(status_changed_at=days_ago(20))
    corporate = ProposalFactory(awaiting_corporation=True, status_changed_at=days_ago(20))
    leiden = Organisation.objects.get(
        kind=OrganisationKind.MUNICIPALITY, municipality=municipality()
    )
    by_municipality = stalled.stalled_for_organisation(leiden, Role.MUNICIPALITY_OFFICER)
    assert by_municipality.counts() == {**dict.fromkeys(stalled.KINDS, 0), "reviews": 1}
    assert list(by_municipality.reviews) == [review]
    provider = stalled.stalled_for_organisation(care_provider(), Role.CARE_WORKER)
    assert list(provider.provider_answers) == [answer]
    assert provider.counts()["corporation_answers"] == 0
    owner = stalled.stalled_for_organisation(corporation(), Role.CORPORATION_OFFICER)
    assert list(owner.corporation_answers) == [corporate]
    other = stalled.stalled_for_organisation(corporation(1), Role.CORPORATION_OFFICER)
    assert other.total == 0
    coordinator = stalled.stalled_for_organisation(leiden, Role.REGIONAL_COORDINATOR)
    assert coordinator.total == 3
