"""Every allowed and every forbidden step of the scheme's four transition tables.

The cases are generated: each action of each table, from each state of its model. An allowed step
reaches its target state and bumps the version; a forbidden one is a 409 ``Conflict`` naming the
step and the state, and changes nothing.
"""

import pytest
from django.db import transaction

from onderdak.contingent.models import (
    DwellingStatus,
    NominationStatus,
    PlacementStatus,
    ProposalStatus,
)
from onderdak.contingent.workflows import DWELLING, NOMINATION, PLACEMENT, PROPOSAL
from onderdak.core.errors import Conflict, DomainError
from tests.contingent.factories import (
    DwellingFactory,
    NominationFactory,
    PlacementFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db

TABLES = {
    "nomination": (NOMINATION, NominationStatus, NominationFactory),
    "dwelling": (DWELLING, DwellingStatus, DwellingFactory),
    "proposal": (PROPOSAL, ProposalStatus, ProposalFactory),
    "placement": (PLACEMENT, PlacementStatus, PlacementFactory),
}
CASES = [
    pytest.param(kind, action, status, id=f"{kind}-{action}-from-{status}")
    for kind, (workflow, statuses, _) in TABLES.items()
    for action in workflow.transitions
    for status in statuses.values
]


@pytest.mark.parametrize(("kind", "action", "status"), CASES)
def test_step(kind, action, status):
    workflow, _, factory = TABLES[kind]
    case = factory(status=status)
    transition = workflow[action]
    if status in transition.sources:
        with transaction.atomic():
            moved = workflow.apply(case, action, expected_version=case.version)
        assert (moved.status, moved.version) == (transition.target, case.version + 1)
    else:
        with pytest.raises(Conflict) as refused, transaction.atomic():
            workflow.apply(case, action)
        assert refused.value.status_code == 409
        assert refused.value.code == "invalid_transition"
        case.refresh_from_db()
        assert (case.status, case.version) == (status, 1)


def test_every_state_can_be_left_or_is_final():
    """No state is a dead end by accident: the final states are exactly these."""
    final = {
        "nomination": {"placed", "rejected", "withdrawn", "closed"},
        "dwelling": {"let", "withdrawn"},
        "proposal": {"accepted", "declined_by_provider", "declined_by_corporation", "cancelled"},
        "placement": {"transferred", "ended"},
    }
    for kind, (workflow, statuses, _) in TABLES.items():
        assert {s for s in statuses.values if not workflow.allowed_from(s)} == final[kind], kind


def test_stale_version_is_refused():
    nomination = NominationFactory()
    with pytest.raises(Conflict) as refused, transaction.atomic():
        NOMINATION.apply(nomination, "submit", expected_version=nomination.version + 1)
    assert refused.value.code == "stale"
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.DRAFT


@pytest.mark.django_db(transaction=True)
def test_a_step_needs_a_transaction(flushable_audit_trail, region):
    nomination = NominationFactory()
    with pytest.raises(RuntimeError, match="transaction"):
        NOMINATION.apply(nomination, "submit")


def test_changes_are_validated_before_saving():
    nomination = NominationFactory()
    with pytest.raises(DomainError), transaction.atomic():
        NOMINATION.apply(nomination, "submit", changes={"household_adults": 0})
    nomination.refresh_from_db()
    assert (nomination.status, nomination.household_adults) == (NominationStatus.DRAFT, 1)
