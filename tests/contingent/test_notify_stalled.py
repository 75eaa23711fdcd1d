"""``onderdak notify-stalled``: one digest per organisation, to its members in the acting role."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from onderdak.accounts.models import Role
from onderdak.contingent.services import notifications
from tests.contingent.factories import ProposalFactory, care_provider
from tests.factories import member

pytestmark = pytest.mark.django_db


def stalled_proposal(**kwargs):
    return ProposalFactory(status_changed_at=timezone.now() - datetime.timedelta(days=20), **kwargs)


def run(*args) -> str:
    out = io.StringIO()
    call_command("notify-stalled", *args, stdout=out)
    return out.getvalue()


def test_the_digest_goes_to_the_organisation_whose_turn_it_is(region, mailoutbox):
    proposal = stalled_proposal()
    worker = member(Role.CARE_WORKER)
    member(Role.CARE_WORKER, email="")  # no address: skipped
    coordinator = member(Role.REGIONAL_COORDINATOR)
    member(Role.CORPORATION_OFFICER)  # nothing waits for the corporation
    member(Role.POLICY_OFFICER)  # not an acting role
    output = run()
    assert {tuple(mail.to) for mail in mailoutbox} == {(worker.email,), (coordinator.email,)}
    mail = next(m for m in mailoutbox if m.to == [worker.email])
    assert f"/contingent/voorstellen/{proposal.pk}/" in mail.body
    assert proposal.nomination.client.name not in mail.body
    assert care_provider().name in output
    assert worker.email not in output


def test_another_provider_gets_no_digest_of_this_ones_steps(region, mailoutbox):
    stalled_proposal(nomination__provider=care_provider(1))
    member(Role.CARE_WORKER)
    run()
    assert mailoutbox == []


def test_dry_run_sends_nothing(region, mailoutbox):
    stalled_proposal()
    member(Role.CARE_WORKER)
    output = run("--dry-run")
    assert mailoutbox == []
    assert "would mail 1 member(s)" in output


def test_nothing_stalled_nothing_sent(region, mailoutbox):
    member(Role.CARE_WORKER)
    assert "No stalled steps." in run()
    assert mailoutbox == []


def test_a_long_digest_lists_the_first_cases_and_counts_the_rest(
    region, mailoutbox, monkeypatch, settings
):
    settings.LANGUAGE_CODE = "en"
    monkeypatch.setattr(notifications, "DIGEST_LIST_LIMIT", 1)
    stalled_proposal()
    stalled_proposal()
    member(Role.CARE_WORKER)
    run()
    body = mailoutbox[0].body
    assert body.count("/contingent/voorstellen/") == 1
    assert "and 1 more" in body
