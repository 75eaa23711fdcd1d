"""The coordinator's allocation pages: rent limits, start, review, change by hand, publish."""

from decimal import Decimal

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.contingent.models import AffordabilityLimit, AllocationRun, Proposal, RunStatus
from onderdak.contingent.services import allocation as services
from tests.conftest import verify_second_factor
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


def test_assign_an_unmatched_nomination_by_hand_and_replay(coordinator, year):
    services.affordability_limits_load(region=year.region, year=year.year)
    nomination = NominationFactory(contingent_year=year, approved=True)
    DwellingFactory(contingent_year=year, rooms=1)
    other = DwellingFactory(contingent_year=year, rooms=2)
    run = services.allocation_run_start(contingent_year=year, by=UserFactory())
    change = reverse("contingent:allocation_change", args=[run.pk])
    response = coordinator.post(
        change, {"nomination": nomination.pk, "dwelling": "", "reason": "Nog niet"}
    )
    assert response.status_code == 302
    detail = coordinator.get(response.url).content.decode()
    assert "Its assignment was taken out by hand." in detail
    form = coordinator.get(change).content.decode()
    assert f'value="{nomination.pk}"' in form  # the unmatched nomination can be chosen
    response = coordinator.post(
        change, {"nomination": nomination.pk, "dwelling": other.pk, "reason": "Toch wel"}
    )
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.result["assignments"][0]["dwelling"] == str(other.pk)
    assert run.result["housed"] == 1
    replay = reverse("contingent:allocation_replay", args=[run.pk])
    assert coordinator.get(replay).status_code == 405
    page = coordinator.post(replay, follow=True).content.decode()
    assert "the engine gives the run&#x27;s original answer again" in page
    run.result["criteria"][0]["version"] += 1
    run.save()
    page = coordinator.post(replay, follow=True).content.decode()
    assert "cannot be replayed" in page


def test_the_api_assigns_takes_out_and_replays(year, make_member, api_client):
    services.affordability_limits_load(region=year.region, year=year.year)
    verify_second_factor(api_client, make_member(Role.REGIONAL_COORDINATOR))
    nomination = NominationFactory(contingent_year=year, approved=True)
    dwelling = DwellingFactory(contingent_year=year, rooms=1)
    run = services.allocation_run_start(contingent_year=year, by=UserFactory())
    url = f"/api/v1/allocation-runs/{run.pk}/"
    out = api_client.post(
        url + "change/",
        {"nomination": nomination.pk, "dwelling": None, "reason": "Wacht"},
        format="json",
    )
    assert out.status_code == 200, out.content
    assert out.json()["result"]["housed"] == 0
    again = api_client.post(
        url + "change/",
        {"nomination": nomination.pk, "dwelling": None, "reason": "Wacht"},
        format="json",
    )
    assert again.status_code == 400
    assert "dwelling" in again.json()["fields"], again.json()
    back = api_client.post(
        url + "change/",
        {"nomination": nomination.pk, "dwelling": dwelling.pk, "reason": "Toch"},
        format="json",
    )
    assert back.json()["result"]["housed"] == 1
    replayed = api_client.post(url + "replay/")
    assert replayed.status_code == 200, replayed.content
    assert replayed.json()["same"] is True
    run.refresh_from_db()
    run.result["rules"][0]["version"] += 1
    run.save()
    refused = api_client.post(url + "replay/")
    assert refused.status_code == 409
    assert refused.json()["code"] == "replay_refused"
