"""Proposal pages: what each role sees (the corporation never the client), the answers and the
proposal by hand in the browser, bad input that saves nothing, downloads and query counts."""

import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.contingent.models import (
    DeclineParty,
    DwellingStatus,
    LeaseType,
    NominationStatus,
    Placement,
    Proposal,
    ProposalStatus,
)
from onderdak.core.exports import HEADER_ROW
from tests.contingent.factories import (
    DeclineReasonFactory,
    DwellingFactory,
    NominationFactory,
    ProposalFactory,
    corporation,
)

pytestmark = pytest.mark.django_db
ACCESS = LogEntry.Action.ACCESS
#: What identifies the client; none of it may reach a corporation officer.
CLIENT = {"name": "Testcliënt Geheim (fictief)", "client_number": "K-GEHEIM-1"}


def url(name, *args):
    return reverse(f"contingent:{name}", args=args)


def html(response) -> str:
    return response.content.decode()


@pytest.fixture
def proposal():
    return ProposalFactory(
        nomination__client__name=CLIENT["name"],
        nomination__client__client_number=CLIENT["client_number"],
        nomination__household_children=2,
        reason="Reden die alleen de zorg ziet",
    )


def reads_of(nomination) -> int:
    return LogEntry.objects.get_for_object(nomination).filter(action=ACCESS).count()


# --- Who sees what -------------------------------------------------------------------------------


def test_the_corporation_sees_household_needs_and_guidance_only(make_member, login, proposal):
    browser = login(make_member(Role.CORPORATION_OFFICER))
    page = html(browser.get(url("proposal_detail", proposal.pk)))
    assert "3 persons" in page
    assert proposal.nomination.guidance_provider.name in page
    for secret in (*CLIENT.values(), "17-5-1990", "Reden die alleen de zorg ziet"):
        assert secret not in page
    assert reads_of(proposal.nomination) == 0


def test_the_care_worker_sees_the_client_and_the_read_is_logged(make_member, login, proposal):
    browser = login(make_member(Role.CARE_WORKER))
    page = html(browser.get(url("proposal_detail", proposal.pk)))
    assert CLIENT["name"] in page
    assert CLIENT["client_number"] in page
    assert reads_of(proposal.nomination) == 1
    assert url("proposal_provider_accept", proposal.pk) in page
    assert url("proposal_corporation_accept", proposal.pk) not in page


@pytest.mark.parametrize("role", [Role.CARE_WORKER, Role.CORPORATION_OFFICER])
def test_the_list_shows_the_client_only_to_those_who_may_see_it(make_member, login, role, proposal):
    page = html(login(make_member(role)).get(url("proposal_list")))
    assert str(proposal.dwelling) in page
    assert (str(proposal.nomination) in page) == (role == Role.CARE_WORKER)
    assert CLIENT["name"] not in page


def test_another_corporation_gets_404_and_policy_403(make_member, login, proposal):
    other = ProposalFactory(dwelling__corporation=corporation(1))
    officer = login(make_member(Role.CORPORATION_OFFICER))
    assert officer.get(url("proposal_detail", other.pk)).status_code == 404
    assert str(other.dwelling) not in html(officer.get(url("proposal_list")))
    policy = login(make_member(Role.POLICY_OFFICER))
    assert policy.get(url("proposal_list")).status_code == 403


def test_the_corporation_download_has_no_client_columns(make_member, login, proposal):
    response = login(make_member(Role.CORPORATION_OFFICER)).get(url("proposal_export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    headers = [cell.value for cell in sheet[HEADER_ROW]]
    assert "Client number" not in headers
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert [row[0] for row in rows] == [proposal.pk]
    assert CLIENT["client_number"] not in {v for row in rows for v in row}


def test_the_coordinator_download_has_the_client_number(make_member, login, proposal):
    response = login(make_member(Role.REGIONAL_COORDINATOR)).get(
        url("proposal_export") + "?status=awaiting_provider"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert rows[0][-1] == CLIENT["client_number"]


def test_filters_narrow_the_list(make_member, login, proposal):
    browser = login(make_member(Role.REGIONAL_COORDINATOR))
    assert str(proposal) in html(browser.get(url("proposal_list") + "?status=awaiting_provider"))
    assert str(proposal) not in html(browser.get(url("proposal_list") + "?status=accepted"))
    assert str(proposal) not in html(browser.get(url("proposal_list") + "?stroom=prevention"))


@pytest.mark.parametrize("role", [Role.REGIONAL_COORDINATOR, Role.CORPORATION_OFFICER])
def test_the_list_takes_the_same_queries_for_1_or_10_rows(
    make_member, login, role, django_assert_max_num_queries
):
    browser = login(make_member(role))
    ProposalFactory()
    with django_assert_max_num_queries(12) as one:
        browser.get(url("proposal_list"))
    for _ in range(9):
        ProposalFactory()
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = html(browser.get(url("proposal_list")))
    assert page.count('<th scope="row">') == 10


# --- The answers ---------------------------------------------------------------------------------


def test_the_provider_accepts(make_member, login, proposal):
    browser = login(make_member(Role.CARE_WORKER))
    response = browser.post(url("proposal_provider_accept", proposal.pk), {"version": 1})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.AWAITING_CORPORATION


def test_a_stale_page_is_refused_with_a_message(make_member, login, proposal):
    browser = login(make_member(Role.CARE_WORKER))
    Proposal.objects.filter(pk=proposal.pk).update(version=2)
    response = browser.post(url("proposal_provider_accept", proposal.pk), {"version": 1})
    assert response.status_code == 200
    assert "Someone else changed this proposal" in html(response)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.AWAITING_PROVIDER


def test_the_provider_declines_with_a_reason_from_the_list(make_member, login, proposal):
    browser = login(make_member(Role.CARE_WORKER))
    theirs = DeclineReasonFactory(label="Te ver van het netwerk", party=DeclineParty.PROVIDER)
    not_theirs = DeclineReasonFactory(label="Huurachterstand", party=DeclineParty.CORPORATION)
    page = html(browser.get(url("proposal_provider_decline", proposal.pk)))
    assert theirs.label in page
    assert not_theirs.label not in page
    response = browser.post(url("proposal_provider_decline", proposal.pk), {"version": 1})
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.AWAITING_PROVIDER
    browser.post(
        url("proposal_provider_decline", proposal.pk),
        {"version": 1, "reason": theirs.pk, "note": "Cliënt wil dichter bij familie wonen"},
    )
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decline_reason) == (
        ProposalStatus.DECLINED_BY_PROVIDER,
        theirs,
    )
    assert proposal.nomination.status == NominationStatus.APPROVED


def test_the_corporation_accepts_with_the_lease(make_member, login):
    proposal = ProposalFactory(awaiting_corporation=True)
    browser = login(make_member(Role.CORPORATION_OFFICER))
    form = browser.get(url("proposal_corporation_accept", proposal.pk)).context["form"]
    start = form.initial["lease_start"]
    assert form.initial["guidance_end"] == start.replace(year=start.year + 1)
    response = browser.post(
        url("proposal_corporation_accept", proposal.pk),
        {
            "version": 1,
            "lease_type": LeaseType.TRIPARTITE,
            "lease_start": start.isoformat(),
            "guidance_end": (start + datetime.timedelta(days=700)).isoformat(),
        },
    )
    assert response.status_code == 302
    placement = Placement.objects.get(proposal=proposal)
    assert placement.lease_type == LeaseType.TRIPARTITE
    assert placement.dwelling.status == DwellingStatus.LET


def test_the_provider_may_not_answer_for_the_corporation(make_member, login):
    proposal = ProposalFactory(awaiting_corporation=True)
    browser = login(make_member(Role.CARE_WORKER))
    assert browser.get(url("proposal_corporation_accept", proposal.pk)).status_code == 403


def test_the_coordinator_cancels_with_a_reason(make_member, login, proposal):
    browser = login(make_member(Role.REGIONAL_COORDINATOR))
    assert browser.post(url("proposal_cancel", proposal.pk), {"version": 1}).status_code == 200
    browser.post(url("proposal_cancel", proposal.pk), {"version": 1, "reason": "Vergissing"})
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.CANCELLED


# --- A proposal by hand --------------------------------------------------------------------------


def test_a_proposal_by_hand_offers_only_fitting_dwellings(make_member, login):
    nomination = NominationFactory(approved=True, rooms_needed=2)
    fits = DwellingFactory(rooms=3)
    too_small = DwellingFactory(rooms=1)
    browser = login(make_member(Role.REGIONAL_COORDINATOR))
    assert str(nomination) in html(browser.get(url("proposal_create")))
    page = html(browser.get(url("proposal_create") + f"?aanmelding={nomination.pk}"))
    assert str(fits) in page
    assert str(too_small) not in page
    address = url("proposal_create") + f"?aanmelding={nomination.pk}"
    refused = browser.post(address, {"dwelling": fits.pk, "reason": ""})
    assert refused.status_code == 200
    assert not Proposal.objects.exists()
    response = browser.post(address, {"dwelling": fits.pk, "reason": "Spoed, past precies"})
    proposal = Proposal.objects.get()
    assert response["Location"] == url("proposal_detail", proposal.pk)
    assert (
        proposal.nomination,
        proposal.dwelling,
        proposal.made_by.has_role(Role.REGIONAL_COORDINATOR),
    ) == (
        nomination,
        fits,
        True,
    )


def test_only_the_coordinator_proposes_by_hand(make_member, login):
    browser = login(make_member(Role.CORPORATION_OFFICER))
    assert browser.get(url("proposal_create")).status_code == 403
