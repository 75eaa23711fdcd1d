"""Allocation in the scheme: rent limits, the engine's input, changes by hand, publishing."""

import datetime
from decimal import Decimal

import pytest

from onderdak.accounts.models import Role
from onderdak.contingent.models import (
    AffordabilityLimit,
    CorporationTarget,
    IncomeBand,
    NominationStatus,
    Proposal,
    ProposalOrigin,
    ProposalStatus,
    RunStatus,
    Stream,
)
from onderdak.contingent.services import allocation as services
from onderdak.core.errors import Conflict, DomainError
from tests.conftest import verify_second_factor
from tests.contingent.factories import (
    ContingentYearFactory,
    DwellingFactory,
    NominationFactory,
    ProposalFactory,
    corporation,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def year():
    year = ContingentYearFactory()
    services.affordability_limits_load(region=year.region, year=year.year)
    return year


@pytest.fixture
def user():
    return UserFactory()


def test_limits_load_from_the_national_table(year):
    limits = list(AffordabilityLimit.objects.filter(year=year.year))
    assert [(x.household_from, x.household_to, x.max_rent) for x in limits] == [
        (1, 1, Decimal("650.43")),
        (2, 2, Decimal("650.43")),
        (3, None, Decimal("697.07")),
    ]
    assert "volkshuisvestingnederland.nl" in limits[0].source
    assert services.affordability_limits_load(region=year.region, year=year.year) == 0


def test_the_band_above_the_limit_has_no_rent_limit(year):
    limits = services.engine_limits(region_id=year.region_id, year=year.year)
    above = [x for x in limits if x.income_band == IncomeBand.ABOVE_LIMIT]
    assert above[0].max_rent == Decimal("2500.00")


def test_a_year_without_limits_cannot_run(user):
    year = ContingentYearFactory(year=2030)
    with pytest.raises(DomainError, match="no rent limits"):
        services.allocation_run_start(contingent_year=year, by=user)


def test_input_quotas_and_declined_pairs(year, user):
    own = NominationFactory(contingent_year=year, approved=True)
    NominationFactory(contingent_year=year, approved=True, stream=Stream.PREVENTION)
    NominationFactory(contingent_year=year, submitted=True)  # not in the pool
    dwelling = DwellingFactory(contingent_year=year)
    declined = DwellingFactory(contingent_year=year)
    ProposalFactory(nomination=own, dwelling=declined, status=ProposalStatus.DECLINED_BY_PROVIDER)
    own.status = NominationStatus.APPROVED
    own.save()
    declined.status = "available"
    declined.save()
    CorporationTarget.objects.create(
        contingent_year=year, corporation=corporation(), stream=Stream.OUTFLOW, computed=5, target=5
    )
    let = DwellingFactory(contingent_year=year, let=True)
    ProposalFactory(
        nomination=NominationFactory(contingent_year=year, placed=True),
        dwelling=let,
        status=ProposalStatus.ACCEPTED,
    )
    run = services.allocation_run_start(contingent_year=year, by=user, stream=Stream.OUTFLOW)
    assert run.status == RunStatus.DONE
    assert [c["id"] for c in run.input["candidates"]] == [str(own.pk)]
    assert {d["id"] for d in run.input["dwellings"]} == {str(dwelling.pk), str(declined.pk)}
    assert run.input["declined"] == [[str(own.pk), str(declined.pk)]]
    (quota,) = run.input["quotas"]
    assert quota["limit"] == 4  # the target less the one let
    assert run.result["assignments"][0]["dwelling"] == str(dwelling.pk)
    assert run.baseline["housed"] == 1
    replayed = services.input_from_json(run.input)
    assert services.to_json(replayed) == run.input  # stored whole: the run can be replayed


def _run(year, user):
    nomination = NominationFactory(contingent_year=year, approved=True)
    first = DwellingFactory(contingent_year=year, rooms=1)
    second = DwellingFactory(contingent_year=year, rooms=3)
    expensive = DwellingFactory(contingent_year=year, rent=Decimal("900.00"))
    run = services.allocation_run_start(contingent_year=year, by=user)
    return run, nomination, first, second, expensive


def test_change_by_hand_is_checked_against_the_hard_rules(year, user):
    run, nomination, first, second, expensive = _run(year, user)
    assert run.result["assignments"][0]["dwelling"] == str(first.pk)
    with pytest.raises(DomainError, match="affordability"):
        services.allocation_run_change(
            run=run, nomination_id=nomination.pk, dwelling_id=expensive.pk, reason="x", by=user
        )
    with pytest.raises(DomainError, match="reason"):
        services.allocation_run_change(
            run=run, nomination_id=nomination.pk, dwelling_id=second.pk, reason=" ", by=user
        )
    run = services.allocation_run_change(
        run=run, nomination_id=nomination.pk, dwelling_id=second.pk, reason="Closer", by=user
    )
    assert run.result["assignments"][0]["dwelling"] == str(second.pk)
    assert str(first.pk) in {u["dwelling"] for u in run.result["unused"]}
    assert run.changes[0]["reason"] == "Closer"


def test_publish_creates_the_proposals_all_or_nothing(year, user):
    run, nomination, *_ = _run(year, user)
    other = NominationFactory(contingent_year=year, approved=True)
    DwellingFactory(contingent_year=year)
    run2 = services.allocation_run_start(contingent_year=year, by=user)
    assert run2.result["housed"] == 2
    proposals = services.allocation_run_publish(run=run2, by=user)
    assert {p.origin for p in proposals} == {ProposalOrigin.ALLOCATION}
    assert {p.nomination_id for p in proposals} == {nomination.pk, other.pk}
    run2.refresh_from_db()
    assert run2.status == RunStatus.PUBLISHED
    before = Proposal.objects.count()
    with pytest.raises(Conflict, match="Nothing was published"):
        services.allocation_run_publish(run=run, by=user)  # the first run is stale now
    assert Proposal.objects.count() == before
    run.refresh_from_db()
    assert run.status == RunStatus.DONE


def test_weights_are_checked(year, user):
    with pytest.raises(DomainError):
        services.allocation_run_start(contingent_year=year, by=user, weights={"nonsense": 1})
    with pytest.raises(DomainError):
        services.allocation_run_start(
            contingent_year=year,
            by=user,
            approved_from=datetime.date(2025, 5, 1),
            approved_to=datetime.date(2025, 4, 1),
        )


def test_the_api_starts_changes_and_publishes(year, make_member, api_client):
    verify_second_factor(api_client, make_member(Role.REGIONAL_COORDINATOR))
    nomination = NominationFactory(contingent_year=year, approved=True)
    DwellingFactory(contingent_year=year, rooms=1)
    other = DwellingFactory(contingent_year=year, rooms=2)
    response = api_client.post(
        "/api/v1/allocation-runs/", {"year": year.year, "weights": {"urgency": 3}}, format="json"
    )
    assert response.status_code == 201, response.content
    run = response.json()
    assert run["status"] == "done"
    assert run["result"]["housed"] == 1
    url = f"/api/v1/allocation-runs/{run['id']}/"
    bad = api_client.post(url + "change/", {"nomination": nomination.pk}, format="json")
    assert bad.status_code == 400
    changed = api_client.post(
        url + "change/",
        {"nomination": nomination.pk, "dwelling": other.pk, "reason": "Werk"},
        format="json",
    )
    assert changed.status_code == 200, changed.content
    published = api_client.post(url + "publish/")
    assert published.json()["status"] == "published"
    assert Proposal.objects.get().dwelling == other
    limits = api_client.get("/api/v1/affordability-limits/", {"year": year.year}).json()
    first = limits["results"][0] if "results" in limits else limits[0]
    patched = api_client.patch(
        f"/api/v1/affordability-limits/{first['id']}/",
        {"max_rent": "660.00", "source": "Circulaire"},
        format="json",
    )
    assert patched.json()["max_rent"] == "660.00"


def test_a_large_run_goes_to_the_background_after_the_commit(
    year, user, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services, "INLINE_PAIRS", 0)
    monkeypatch.setattr(services, "_start_thread", services._background)  # the thread, inline
    monkeypatch.setattr(services, "close_old_connections", lambda: None)
    NominationFactory(contingent_year=year, approved=True)
    DwellingFactory(contingent_year=year)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run = services.allocation_run_start(contingent_year=year, by=user)
    assert (run.status, run.progress, run.result) == (RunStatus.QUEUED, 0, None)
    for callback in callbacks:
        callback()
    run.refresh_from_db()
    assert (run.status, run.progress, run.result["housed"]) == (RunStatus.DONE, 100, 1)


def test_a_run_that_breaks_in_the_background_ends_as_failed(
    year, user, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(data):
        raise RuntimeError("solver crashed")

    monkeypatch.setattr(services, "INLINE_PAIRS", 0)
    monkeypatch.setattr(services, "_start_thread", services._background)
    monkeypatch.setattr(services, "close_old_connections", lambda: None)
    monkeypatch.setattr(services.engine, "allocate", broken)
    NominationFactory(contingent_year=year, approved=True)
    DwellingFactory(contingent_year=year)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.allocation_run_start(contingent_year=year, by=user)
    run.refresh_from_db()
    assert (run.status, run.progress) == (RunStatus.FAILED, 100)
    assert "unexpectedly" in run.error


def test_a_pair_whose_dwelling_left_the_pool_is_not_passed_on(year, user):
    """A dwelling declined by one nomination and let to another since is no longer in the pool;
    the run must not name it (the engine refuses pairs of unknown dwellings)."""
    nomination = NominationFactory(contingent_year=year, approved=True)
    let = DwellingFactory(contingent_year=year, let=True)
    ProposalFactory(
        nomination=nomination, dwelling=let, status=ProposalStatus.DECLINED_BY_CORPORATION
    )
    nomination.status = NominationStatus.APPROVED
    nomination.save()
    DwellingFactory(contingent_year=year)
    run = services.allocation_run_start(contingent_year=year, by=user)
    assert run.status == RunStatus.DONE, run.error
    assert run.input["declined"] == []


def test_an_unmatched_nomination_is_assigned_and_an_assignment_taken_out_by_hand(year, user):
    run, nomination, first, second, _expensive = _run(year, user)
    with pytest.raises(DomainError, match="not part of this run"):
        services.allocation_run_change(
            run=run, nomination_id=nomination.pk + 1000, dwelling_id=None, reason="x", by=user
        )
    run = services.allocation_run_change(
        run=run, nomination_id=nomination.pk, dwelling_id=None, reason="Wacht nog", by=user
    )
    assert (run.result["housed"], run.result["total_score"], run.result["assignments"]) == (
        0,
        0,
        [],
    )
    assert [u["candidate"] for u in run.result["unmatched"]] == [str(nomination.pk)]
    assert run.result["unmatched"][0]["reason"] == "removed_by_hand"
    assert str(first.pk) in {u["dwelling"] for u in run.result["unused"]}
    with pytest.raises(DomainError, match="no assignment to take out"):
        services.allocation_run_change(
            run=run, nomination_id=nomination.pk, dwelling_id=None, reason="x", by=user
        )
    run = services.allocation_run_change(
        run=run, nomination_id=nomination.pk, dwelling_id=second.pk, reason="Toch", by=user
    )
    (assignment,) = run.result["assignments"]
    assert (assignment["candidate"], assignment["dwelling"]) == (str(nomination.pk), str(second.pk))
    assert run.result["unmatched"] == []
    assert run.result["housed"] == 1
    assert run.result["total_score"] == assignment["score"]
    assert sum(p for _c, p in assignment["points"]) == assignment["score"]
    assert str(second.pk) not in {u["dwelling"] for u in run.result["unused"]}
    assert [(c["from"], c["to"], c["reason"]) for c in run.changes] == [
        (str(first.pk), None, "Wacht nog"),
        (None, str(second.pk), "Toch"),
    ]
    assert run.changes[0]["by"] == user.pk


def test_a_change_by_hand_may_not_exceed_a_quota(year, user):
    CorporationTarget.objects.create(
        contingent_year=year, corporation=corporation(), stream=Stream.OUTFLOW, computed=1, target=1
    )
    first = NominationFactory(contingent_year=year, approved=True)
    second = NominationFactory(contingent_year=year, approved=True)
    DwellingFactory(contingent_year=year)
    DwellingFactory(contingent_year=year)
    run = services.allocation_run_start(contingent_year=year, by=user)
    (quota,) = run.input["quotas"]
    assert run.result["housed"] == 1
    assert {first.pk, second.pk} == {int(u["candidate"]) for u in run.result["unmatched"]} | {
        int(run.result["assignments"][0]["candidate"])
    }
    waiting = int(run.result["unmatched"][0]["candidate"])
    free = int(run.result["unused"][0]["dwelling"])
    with pytest.raises(DomainError, match=quota["id"]):
        services.allocation_run_change(
            run=run, nomination_id=waiting, dwelling_id=free, reason="x", by=user
        )
    run.refresh_from_db()
    assert run.changes == []
    assert run.result["housed"] == 1


def test_replay_compares_with_the_original_answer(year, user):
    run, nomination, first, second, _expensive = _run(year, user)
    assert run.result["original"]["pairs"] == [[str(nomination.pk), str(first.pk)]]
    outcome = services.allocation_run_replay(run=run)
    assert outcome.same
    assert (outcome.housed, outcome.total_score) == (1, run.result["total_score"])
    run = services.allocation_run_change(
        run=run, nomination_id=nomination.pk, dwelling_id=second.pk, reason="Werk", by=user
    )
    assert services.allocation_run_replay(run=run).same  # the original, not the changed answer
    stored = dict(run.result)
    del stored["original"]  # a run stored before the original was kept: the changes undone
    run.result = stored
    run.save()
    assert services.allocation_run_replay(run=run).same
    run.result["original"] = {"pairs": [], "housed": 0, "total_score": 0}
    run.save()
    outcome = services.allocation_run_replay(run=run)
    assert not outcome.same
    assert outcome.original_housed == 0
    run.result["criteria"][0]["version"] += 1  # as if the criterion changed since the run
    run.save()
    with pytest.raises(Conflict, match="version"):
        services.allocation_run_replay(run=run)
