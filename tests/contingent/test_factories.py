"""The factories make valid records in every state (a broken factory would mislead every test)."""

import pytest

from onderdak.contingent.models import DwellingStatus, NominationStatus
from tests.contingent.factories import (
    DwellingFactory,
    NominationFactory,
    PlacementFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("trait", ["submitted", "info_requested", "approved", "proposed", "placed"])
def test_nomination_traits_are_valid(trait):
    nomination = NominationFactory(**{trait: True})
    nomination.full_clean()
    assert nomination.status == NominationStatus(trait)


def test_dwelling_is_valid():
    DwellingFactory().full_clean()


def test_placement_ties_the_case_together():
    placement = PlacementFactory()
    placement.full_clean()
    assert placement.nomination.status == NominationStatus.PLACED
    assert placement.dwelling.status == DwellingStatus.LET
    assert ProposalFactory().nomination.status == NominationStatus.PROPOSED
