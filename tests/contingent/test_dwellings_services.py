"""Dwelling services: offering for one's own corporation, changing while available, and
withdrawing (which cancels an open proposal and returns its nomination to the pool)."""

import datetime
from decimal import Decimal

import pytest

from onderdak.accounts.models import Role
from onderdak.contingent.models import (
    Dwelling,
    DwellingStatus,
    DwellingType,
    NominationStatus,
    ProposalStatus,
)
from onderdak.contingent.services import dwellings as services
from onderdak.core.errors import Conflict, DomainError, Forbidden
from tests.contingent.factories import (
    ContingentYearFactory,
    DwellingFactory,
    ProposalFactory,
    corporation,
    municipality,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_member):
    return make_member(Role.CORPORATION_OFFICER)


def data(**changes):
    return {
        "street": "Breestraat",
        "house_number": "12a",
        "postcode": "2311ab",
        "place": "Leiden",
        "municipality": municipality(),
        "dwelling_type": DwellingType.STUDIO,
        "rooms": 1,
        "floor": 2,
        "has_lift": True,
        "wheelchair_accessible": False,
        "rent": Decimal("612.50"),
        "available_from": datetime.date(2025, 3, 1),
        "stream": "either",
        **changes,
    }


def create(by, **changes):
    return services.dwelling_create(
        corporation=corporation(),
        contingent_year=ContingentYearFactory(),
        data=data(**changes),
        by=by,
    )


def test_an_officer_offers_a_dwelling_with_a_normalised_postcode(officer):
    dwelling = create(officer)
    assert (dwelling.postcode, dwelling.status, dwelling.created_by) == (
        "2311 AB",
        DwellingStatus.AVAILABLE,
        officer,
    )


def test_only_for_ones_own_corporation(officer):
    with pytest.raises(Forbidden):
        services.dwelling_create(
            corporation=corporation(1),
            contingent_year=ContingentYearFactory(),
            data=data(),
            by=officer,
        )
    assert not Dwelling.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rent": Decimal("25.00")}, "rent"),
        ({"rent": Decimal("9000.00")}, "rent"),
        ({"rooms": 0}, "rooms"),
        ({"postcode": "123"}, "postcode"),
    ],
)
def test_absurd_input_is_refused_and_nothing_saved(officer, changes, field):
    with pytest.raises(DomainError) as refused:
        create(officer, **changes)
    assert field in refused.value.fields
    assert not Dwelling.objects.exists()


def test_unknown_fields_are_refused(officer):
    with pytest.raises(DomainError):
        create(officer, status=DwellingStatus.LET)


def test_a_change_only_while_available_and_with_the_version_read(officer):
    dwelling = DwellingFactory()
    changed = services.dwelling_update(dwelling=dwelling, expected_version=1, by=officer, rooms=3)
    assert (changed.rooms, changed.version) == (3, 2)
    with pytest.raises(Conflict) as stale:
        services.dwelling_update(dwelling=dwelling, expected_version=1, by=officer, rooms=4)
    assert stale.value.code == "stale"
    proposed = DwellingFactory(proposed=True)
    with pytest.raises(Conflict):
        services.dwelling_update(dwelling=proposed, expected_version=1, by=officer, rooms=4)


def test_withdrawing_needs_a_reason(officer):
    dwelling = DwellingFactory()
    with pytest.raises(DomainError):
        services.dwelling_withdraw(dwelling=dwelling, reason=" ", expected_version=1, by=officer)
    withdrawn = services.dwelling_withdraw(
        dwelling=dwelling, reason="Sloop gepland", expected_version=1, by=officer
    )
    assert (withdrawn.status, withdrawn.withdrawal_reason) == (
        DwellingStatus.WITHDRAWN,
        "Sloop gepland",
    )


def test_withdrawing_a_proposed_dwelling_cancels_the_proposal(officer):
    proposal = ProposalFactory()
    approved_at = proposal.nomination.approved_at
    services.dwelling_withdraw(
        dwelling=proposal.dwelling, reason="Waterschade", expected_version=1, by=officer
    )
    proposal.refresh_from_db()
    nomination = proposal.nomination
    nomination.refresh_from_db()
    assert proposal.status == ProposalStatus.CANCELLED
    assert "Waterschade" in proposal.decline_note
    assert (nomination.status, nomination.approved_at) == (NominationStatus.APPROVED, approved_at)


def test_a_let_dwelling_cannot_be_withdrawn(officer):
    dwelling = DwellingFactory(let=True)
    with pytest.raises(Conflict):
        services.dwelling_withdraw(dwelling=dwelling, reason="x", expected_version=1, by=officer)
