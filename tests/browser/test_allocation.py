"""Allocation in real Chromium, by the coordinator: load the rent limits, start a run, review it
beside the greedy baseline, change an assignment by hand, take it out and give the then
unmatched nomination a dwelling by hand, replay the run and publish. axe-core checks every page
on the way; links are followed by their address, so the test holds in either language."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from onderdak.accounts.models import Role
from onderdak.contingent.models import (
    AffordabilityLimit,
    AllocationRun,
    Proposal,
    ProposalOrigin,
    RunStatus,
)
from tests.browser.test_contingent import as_role, checked, follow, press, visit
from tests.contingent.factories import ContingentYearFactory, DwellingFactory, NominationFactory


@pytest.mark.django_db(transaction=True)
def test_start_review_change_and_publish(browser, site, region):
    year = ContingentYearFactory(year=datetime.date.today().year)
    nomination = NominationFactory(contingent_year=year, approved=True)
    NominationFactory(contingent_year=year, approved=True, rooms_needed=6)  # never fits
    DwellingFactory(contingent_year=year, rooms=1, street="Eerste Toewijzingstraat")
    second = DwellingFactory(contingent_year=year, rooms=2, street="Tweede Toewijzingstraat")
    DwellingFactory(contingent_year=year, rent=Decimal("950.00"), street="Dure Toewijzingstraat")
    context, page = as_role(browser, site, Role.REGIONAL_COORDINATOR)
    try:
        # The rent limits of passend toewijzen, from the national table
        visit(page, reverse("contingent:year_detail", args=[year.year]))
        follow(page, reverse("contingent:year_limits", args=[year.year]))
        page.locator("main form button[name=load]").click()
        checked(page)
        assert AffordabilityLimit.objects.filter(year=year.year).count() == 3

        # Start a run
        visit(page, reverse("contingent:overview"))
        follow(page, reverse("contingent:allocation_list"))
        follow(page, reverse("contingent:allocation_start"))
        page.fill("#id_weight_urgency", "7")
        press(page)
        checked(page)
        run = AllocationRun.objects.get()
        expect(page).to_have_url(reverse("contingent:allocation_detail", args=[run.pk]))
        assert run.status == RunStatus.DONE
        assert run.weights["urgency"] == 7
        expect(page.locator("main table").first).to_contain_text(str(run.baseline["housed"]))

        # Change the assignment by hand
        follow(page, reverse("contingent:allocation_change", args=[run.pk]))
        page.select_option("#id_nomination", str(nomination.pk))
        page.select_option("#id_dwelling", str(second.pk))
        page.fill("#id_reason", "Dichter bij de begeleiding (fictief)")
        press(page)
        checked(page)
        run.refresh_from_db()
        assert run.result["assignments"][0]["dwelling"] == str(second.pk)

        # Take the assignment out, then give the unmatched nomination a dwelling by hand
        follow(page, reverse("contingent:allocation_change", args=[run.pk]))
        page.select_option("#id_nomination", str(nomination.pk))
        page.select_option("#id_dwelling", "")
        page.fill("#id_reason", "Eerst nog een gesprek (fictief)")
        press(page)
        checked(page)
        run.refresh_from_db()
        assert run.result["housed"] == 0
        assert str(nomination.pk) in {u["candidate"] for u in run.result["unmatched"]}
        follow(page, reverse("contingent:allocation_change", args=[run.pk]))
        page.select_option("#id_nomination", str(nomination.pk))
        page.select_option("#id_dwelling", str(second.pk))
        page.fill("#id_reason", "Het gesprek is gevoerd (fictief)")
        press(page)
        checked(page)
        run.refresh_from_db()
        assert run.result["housed"] == 1
        assert len(run.changes) == 3

        # Replay: the engine gives the run's original answer again
        replay = reverse("contingent:allocation_replay", args=[run.pk])
        press(page, f"main form[action='{replay}']")
        expect(page).to_have_url(reverse("contingent:allocation_detail", args=[run.pk]))
        checked(page)
        expect(page.locator("body")).to_contain_text(re.compile("Opnieuw doorgerekend|Replayed"))

        # Publish
        follow(page, reverse("contingent:allocation_publish", args=[run.pk]))
        press(page)
        checked(page)
        run.refresh_from_db()
        assert run.status == RunStatus.PUBLISHED
        proposal = Proposal.objects.get()
        assert (proposal.nomination, proposal.dwelling) == (nomination, second)
        assert proposal.origin == ProposalOrigin.ALLOCATION
    finally:
        context.close()
