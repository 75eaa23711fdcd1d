"""Races on PostgreSQL: two coordinators proposing the same dwelling, two officers answering the
same proposal. Exactly one wins; the other gets a ``Conflict`` (409), never a server error.

SQLite runs one writer at a time, so these run only on PostgreSQL, e.g.
``DATABASE_URL=postgres:///onderdak pytest tests/contingent/test_proposals_concurrency.py``.
"""

import datetime
import threading

import pytest
from django.db import connection, connections

from onderdak.accounts.models import Role
from onderdak.contingent.models import LeaseType, Placement, Proposal
from onderdak.contingent.services import proposals as services
from onderdak.core.errors import Conflict
from tests.contingent.factories import DwellingFactory, NominationFactory, ProposalFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need a concurrent database"
    ),
]


def race(*calls) -> list:
    """Run ``calls`` at the same moment, each in its own thread and connection; the outcome
    of each: its result or the exception it raised."""
    barrier = threading.Barrier(len(calls))
    outcomes: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # the outcome under test, whatever it is
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_proposals_for_one_dwelling_leave_one_winner(make_member, flushable_audit_trail):
    coordinator = make_member(Role.REGIONAL_COORDINATOR)
    dwelling = DwellingFactory()
    first, second = NominationFactory(approved=True), NominationFactory(approved=True)
    outcomes = race(
        *(
            lambda n=n: services.proposal_create(
                nomination=n, dwelling=dwelling, reason="Race", by=coordinator
            )
            for n in (first, second)
        )
    )
    assert sorted(type(o).__name__ for o in outcomes) == ["Conflict", "Proposal"]
    assert Proposal.objects.filter(dwelling=dwelling).count() == 1


def test_two_answers_to_one_proposal_leave_one_winner(make_member, flushable_audit_trail):
    officers = [make_member(Role.CORPORATION_OFFICER) for _ in range(2)]
    proposal = ProposalFactory(awaiting_corporation=True)
    start = proposal.dwelling.available_from
    outcomes = race(
        *(
            lambda by=by: services.proposal_corporation_accept(
                proposal=proposal,
                expected_version=1,
                by=by,
                lease_type=LeaseType.REGULAR,
                lease_start=start,
                guidance_end=start + datetime.timedelta(days=365),
            )
            for by in officers
        )
    )
    assert sorted(type(o).__name__ for o in outcomes) == ["Conflict", "Placement"]
    conflict = next(o for o in outcomes if isinstance(o, Conflict))
    assert conflict.status_code == 409
    assert Placement.objects.filter(proposal=proposal).count() == 1
