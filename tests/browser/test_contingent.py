"""The contingent's whole cycle in real Chromium, each step by the role that takes it.

A care worker nominates a client and uploads the consent, the tie municipality approves, a
corporation offers a dwelling, the coordinator proposes it by hand, the care worker and then the
corporation accept (with the lease), the care worker records the first evaluation and the
corporation transfers the lease. axe-core checks every page on the way. Links are followed by
their address, so the test holds in either language.
"""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from onderdak.accounts.models import Role
from onderdak.contingent.models import (
    Dwelling,
    Nomination,
    NominationStatus,
    Placement,
    PlacementStatus,
    Proposal,
    ProposalStatus,
)
from tests.browser.accessibility import assert_accessible
from tests.browser.steps import log_in_through_ui
from tests.contingent.factories import ContingentYearFactory, care_provider
from tests.factories import member, organisation_for

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def visit(page: Page, url: str) -> None:
    page.goto(url)
    checked(page)


def checked(page: Page) -> None:
    """The page loaded without an error or a refused form, and axe-core finds nothing on it."""
    expect(page.locator("h1")).to_be_visible()
    errors = page.locator(".error-summary")
    assert not errors.count(), errors.first.inner_text()
    assert_accessible(page)


def follow(page: Page, url: str) -> None:
    """Click the link to ``url`` in the main content, as the user would."""
    page.locator(f"main a[href='{url}']").first.click()
    expect(page).to_have_url(url)
    checked(page)


def press(page: Page, form: str = "main form[method=post]") -> None:
    page.locator(f"{form} button[type=submit]").click()


def as_role(browser, site: str, role: str, organisation=None):
    """A new browser context with a member of ``role`` logged in through the UI."""
    user = member(role)
    if organisation is not None:
        user.memberships.update(organisation=organisation)
    context = browser.new_context(base_url=site, locale="nl-NL")
    page = context.new_page()
    log_in_through_ui(page, user)
    checked(page)
    return context, page


def nominate(page: Page, year, tie_municipality) -> Nomination:
    visit(page, reverse("contingent:overview"))
    follow(page, reverse("contingent:nomination_create"))
    page.select_option("#id_jaar", str(year.pk))
    page.select_option("#id_stroom", "outflow")
    page.locator("main form button[type=submit]").click()
    checked(page)
    page.fill("#id_client_name", "Testcliënt Browser (fictief)")
    page.fill("#id_client_date_of_birth", "1991-03-14")
    page.fill("#id_client_number", "BR-0001")
    page.fill("#id_household_adults", "1")
    page.fill("#id_household_children", "0")
    page.select_option("#id_income_band", "within_limit")
    page.fill("#id_rooms_needed", "1")
    page.select_option("#id_tie_municipality", str(tie_municipality.pk))
    page.select_option("#id_current_situation", "ambulant")
    page.select_option("#id_guidance_provider", str(care_provider(0).pk))
    page.select_option("#id_guidance_intensity", "medium")
    page.fill("#id_guidance_months", "12")
    press(page)
    checked(page)
    nomination = Nomination.objects.get(client__client_number="BR-0001")
    expect(page).to_have_url(nomination.get_absolute_url())
    return nomination


def upload_consent(page: Page, nomination: Nomination) -> None:
    follow(page, reverse("contingent:document_upload", args=[nomination.pk]))
    page.select_option("#id_kind", "consent")
    page.set_input_files(
        "#id_file", {"name": "toestemming.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    press(page)
    expect(page).to_have_url(f"{nomination.get_absolute_url()}#documenten")
    checked(page)


def take_step(page: Page, url: str, fields: dict | None = None, back: str | None = None) -> None:
    """Follow the step's button on the case's page, fill the step's form and confirm."""
    follow(page, url)
    for selector, value in (fields or {}).items():
        if page.locator(selector).evaluate("e => e.tagName") == "SELECT":
            page.select_option(selector, value)
        else:
            page.fill(selector, value)
    press(page)
    if back:
        expect(page).to_have_url(back)
    checked(page)


def offer_dwelling(page: Page, year, municipality) -> Dwelling:
    visit(page, reverse("contingent:dwelling_list"))
    follow(page, reverse("contingent:dwelling_create"))
    if page.locator("#id_contingent_year").count():
        page.select_option("#id_contingent_year", str(year.pk))
    page.fill("#id_street", "Browserstraat")
    page.fill("#id_house_number", "7")
    page.fill("#id_postcode", "2311 AB")
    page.fill("#id_place", municipality.name)
    page.select_option("#id_municipality", str(municipality.pk))
    page.select_option("#id_dwelling_type", "apartment")
    page.fill("#id_rooms", "2")
    page.fill("#id_floor", "0")
    page.fill("#id_rent", "612.50")
    page.fill("#id_available_from", datetime.date.today().isoformat())
    page.select_option("#id_stream", "either")
    press(page)
    checked(page)
    return Dwelling.objects.get(street="Browserstraat")


def propose(page: Page, nomination: Nomination, dwelling: Dwelling) -> Proposal:
    visit(page, reverse("contingent:proposal_list"))
    follow(page, reverse("contingent:proposal_create"))
    page.locator(f"main a[href='?aanmelding={nomination.pk}']").click()
    checked(page)
    page.select_option("#id_dwelling", str(dwelling.pk))
    page.fill("#id_reason", "Past goed bij de zorgvraag; handmatig voorstel in de browsertest.")
    press(page)
    checked(page)
    return Proposal.objects.get(nomination=nomination, dwelling=dwelling)


@pytest.mark.django_db(transaction=True)
def test_the_whole_cycle(browser, site, region):
    year = ContingentYearFactory(year=datetime.date.today().year)
    tie = organisation_for(Role.MUNICIPALITY_OFFICER, region).municipality
    contexts = []

    def login(role):
        context, page = as_role(browser, site, role)
        contexts.append(context)
        return page

    try:
        care, municipality, corporation, coordinator = (
            login(role)
            for role in (
                Role.CARE_WORKER,
                Role.MUNICIPALITY_OFFICER,
                Role.CORPORATION_OFFICER,
                Role.REGIONAL_COORDINATOR,
            )
        )
        nomination = nominate(care, year, tie)
        assert nomination.provider == care_provider(0)
        upload_consent(care, nomination)
        take_step(care, reverse("contingent:nomination_submit", args=[nomination.pk]))

        visit(municipality, reverse("contingent:nomination_list"))
        follow(municipality, nomination.get_absolute_url())
        take_step(municipality, reverse("contingent:nomination_approve", args=[nomination.pk]))
        nomination.refresh_from_db()
        assert nomination.status == NominationStatus.APPROVED
        assert nomination.approved_at

        dwelling = offer_dwelling(corporation, year, tie)
        proposal = propose(coordinator, nomination, dwelling)

        visit(care, reverse("contingent:proposal_list"))
        follow(care, proposal.get_absolute_url())
        take_step(care, reverse("contingent:proposal_provider_accept", args=[proposal.pk]))
        proposal.refresh_from_db()
        assert proposal.status == ProposalStatus.AWAITING_CORPORATION

        visit(corporation, proposal.get_absolute_url())
        assert "Testcliënt" not in corporation.content()  # only household, needs, guidance
        lease_start = datetime.date.today()
        take_step(
            corporation,
            reverse("contingent:proposal_corporation_accept", args=[proposal.pk]),
            {
                "#id_lease_type": "transfer",
                "#id_lease_start": lease_start.isoformat(),
                "#id_guidance_end": (lease_start + datetime.timedelta(days=365)).isoformat(),
            },
        )
        placement = Placement.objects.get(proposal=proposal)

        visit(care, placement.get_absolute_url())
        take_step(
            care,
            reverse("contingent:evaluation_record", args=[placement.pk, 3]),
            {
                "#id_held_on": lease_start.isoformat(),
                "#id_living": "good",
                "#id_rent_payment": "good",
                "#id_tenancy": "good",
                "#id_guidance": "attention",
                "#id_goals": "good",
            },
        )
        visit(corporation, placement.get_absolute_url())
        take_step(
            corporation,
            reverse("contingent:placement_transfer", args=[placement.pk]),
            {"#id_transfer_date": lease_start.isoformat()},
        )
        placement.refresh_from_db()
        assert placement.status == PlacementStatus.TRANSFERRED
        visit(coordinator, reverse("contingent:report", args=[year.year]))
    finally:
        for context in contexts:
            context.close()
