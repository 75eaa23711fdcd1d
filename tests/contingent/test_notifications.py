"""E-mail to the party whose turn it is: who gets it, what it says, and what it never says."""

import pytest

from onderdak.accounts.models import Membership, Role
from onderdak.contingent.services import notifications
from onderdak.region.models import Organisation, OrganisationKind
from tests.contingent.factories import (
    DwellingFactory,
    NominationFactory,
    PlacementFactory,
    ProposalFactory,
    municipality,
)
from tests.factories import member

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(region):
    """One member per acting role, in the organisations the factories use by default."""
    leiden = Organisation.objects.get(
        kind=OrganisationKind.MUNICIPALITY, municipality=municipality()
    )
    officer = member(Role.MUNICIPALITY_OFFICER)
    Membership.objects.filter(user=officer).update(organisation=leiden)
    return {
        "municipality": officer.email,
        "coordinator": member(Role.REGIONAL_COORDINATOR).email,
        "provider": member(Role.CARE_WORKER).email,
        "corporation": member(Role.CORPORATION_OFFICER).email,
        "policy": member(Role.POLICY_OFFICER).email,
    }


def recipients(mailoutbox) -> set[str]:
    return {address for mail in mailoutbox for address in mail.to}


@pytest.mark.parametrize(
    ("action", "parties"),
    [
        ("submit", {"municipality", "coordinator"}),
        ("approve", {"provider"}),
        ("reject", {"provider"}),
        ("request_info", {"provider"}),
        ("withdraw", {"municipality", "coordinator"}),
    ],
)
def test_nomination_steps_go_to_the_party_whose_turn_it_is(people, mailoutbox, action, parties):
    notifications.step_taken(case=NominationFactory(submitted=True), action=action)
    assert recipients(mailoutbox) == {people[p] for p in parties}
    assert all(len(mail.to) == 1 for mail in mailoutbox)


@pytest.mark.parametrize(
    ("action", "parties"),
    [
        ("provider_accept", {"corporation"}),
        ("provider_decline", {"coordinator"}),
        ("corporation_accept", {"provider", "coordinator"}),
        ("corporation_decline", {"provider", "coordinator"}),
        ("cancel", {"provider", "corporation"}),
    ],
)
def test_proposal_steps_go_to_the_party_whose_turn_it_is(people, mailoutbox, action, parties):
    notifications.step_taken(case=ProposalFactory(), action=action)
    assert recipients(mailoutbox) == {people[p] for p in parties}


def test_a_new_proposal_goes_to_the_care_provider(people, mailoutbox):
    notifications.case_created(case=ProposalFactory())
    assert recipients(mailoutbox) == {people["provider"]}


def test_a_new_dwelling_and_placement(people, mailoutbox):
    notifications.case_created(case=DwellingFactory())
    assert recipients(mailoutbox) == {people["coordinator"]}
    mailoutbox.clear()
    notifications.case_created(case=PlacementFactory())
    assert recipients(mailoutbox) == {people["provider"], people["coordinator"]}


def test_a_draft_nomination_mails_no_one(people, mailoutbox):
    notifications.case_created(case=NominationFactory())
    notifications.step_taken(case=NominationFactory(), action="propose")
    assert mailoutbox == []


def test_a_submitted_nomination_created_in_one_go_is_awaiting_review(people, mailoutbox):
    notifications.case_created(case=NominationFactory(submitted=True))
    assert recipients(mailoutbox) == {people["municipality"], people["coordinator"]}


def test_the_mail_names_the_case_by_number_and_links_it_without_personal_data(
    people, mailoutbox, settings
):
    settings.ONDERDAK_BASE_URL = "https://onderdak.example.nl"
    nomination = NominationFactory(submitted=True, decision_reason="Geheime reden")
    notifications.step_taken(case=nomination, action="approve")
    (mail,) = mailoutbox
    assert str(nomination.pk) in mail.subject
    assert f"https://onderdak.example.nl/contingent/aanmeldingen/{nomination.pk}/" in mail.body
    for secret in (
        nomination.client.name,
        nomination.client.client_number,
        "Geheime reden",
        "1990",
    ):
        assert secret not in mail.subject + mail.body


def test_the_mail_is_in_the_installations_language(people, mailoutbox, settings):
    settings.LANGUAGE_CODE = "en"
    notifications.step_taken(case=NominationFactory(submitted=True), action="approve")
    assert "has been approved" in mailoutbox[0].subject


def test_inactive_members_and_members_without_address_get_nothing(people, mailoutbox):
    Membership.objects.filter(role=Role.CARE_WORKER).update(is_active=False)
    member(Role.CARE_WORKER, email="")
    notifications.step_taken(case=NominationFactory(submitted=True), action="approve")
    assert mailoutbox == []
