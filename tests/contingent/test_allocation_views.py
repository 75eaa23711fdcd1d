"""The coordinator's allocation pages: rent limits, start, review, change by hand, publish."""

from decimal import Decimal

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.contingent.models import AffordabilityLimit, AllocationRun, Proposal, RunStatus
from onderdak.contingent.services import allocation as services
from tests.contingent.factories import ContingentYearFactory, DwellingFactory, NominationFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_member, login):
    return login(make_member(Role.REGIONAL_COORDINATOR))


@pytest.fixture
def year():
    return ContingentYearFactory()


def test_limits_are_loaded_and_changed_on_their_page(coordinator, year):
    url = reverse("contingent:year_limits", args=[year.year])
    assert b"Load the national table" in coordinator.get(url).content
    coordinator.post(url, {"load": "1"})
    limits = list(AffordabilityLimit.objects.filter(year=year.year))
    assert len(limits) == 3
    data = {f"rent_{x.pk}": "700.00" for x in limits} | {"source": "Circulaire 2025"}
    response = coordinator.post(url, data)
    assert response.status_code == 302
    assert {x.max_rent for x in AffordabilityLimit.objects.all()} == {Decimal("700.00")}
    assert set(AffordabilityLimit.objects.values_list("source", flat=True)) == {"Circulaire 2025"}


def test_start_review_change_and_publish(coordinator, year):
    services.affordability_limits_load(region=year.region, year=year.year)
    nomination = NominationFactory(contingent_year=year, approved=True)
    unmatched = NominationFactory(contingent_year=year, approved=True, rooms_needed=5)
    DwellingFactory(contingent_year=year, rooms=1)
    other = DwellingFactory(contingent_year=year, rooms=2)
    start = {"stream": "", "mode": "housed_then_score"} | {
        f"weight_{name}": weight for name, weight in services.DEFAULT_WEIGHTS.items()
    }
    response = coordinator.post(reverse("contingent:allocation_start"), start)
    run = AllocationRun.objects.get()
    assert response.url == reverse("contingent:allocation_detail", args=[run.pk])
    page = coordinator.get(response.url).content.decode()
    assert "Against the greedy baseline" in page
    assert "No dwelling passes the hard rules" in page
    why = coordinator.get(unmatched.get_absolute_url()).content.decode()
    assert "Why not matched?" in why
    assert "too few rooms" in why
    change = reverse("contingent:allocation_change", args=[run.pk])
    assert coordinator.get(change).status_code == 200
    response = coordinator.post(
        change, {"nomination": nomination.pk, "dwelling": other.pk, "reason": "Dichter bij werk"}
    )
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.result["assignments"][0]["dwelling"] == str(other.pk)
    publish = reverse("contingent:allocation_publish", args=[run.pk])
    assert coordinator.post(publish, {"version": 1}).status_code == 302
    run.refresh_from_db()
    assert run.status == RunStatus.PUBLISHED
    assert Proposal.objects.get().dwelling == other
    assert (
        "Allocation run" in coordinator.get(reverse("contingent:allocation_list")).content.decode()
    )


def test_a_running_run_polls_its_progress(coordinator, year):
    services.affordability_limits_load(region=year.region, year=year.year)
    run = services.allocation_run_start(contingent_year=year, by=UserFactory())
    AllocationRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, progress=40)
    url = reverse("contingent:allocation_detail", args=[run.pk])
    page = coordinator.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert "<script" not in page.split("<main")[-1]
    fragment = coordinator.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="run-progress"')
