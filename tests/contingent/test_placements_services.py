"""Placement services: extending, the lease transfer, the end, and recording evaluations."""

import datetime

import pytest

from onderdak.accounts.models import Role
from onderdak.contingent.models import Evaluation, PlacementStatus
from onderdak.contingent.services import placements as services
from onderdak.core.errors import Conflict, DomainError
from tests.contingent.factories import PlacementFactory

pytestmark = pytest.mark.django_db
START = datetime.date(2025, 2, 1)
GOOD = dict.fromkeys(("living", "rent_payment", "tenancy", "guidance", "goals"), "good")


@pytest.fixture
def worker(make_member):
    return make_member(Role.CARE_WORKER)


@pytest.fixture
def placement():
    placement = PlacementFactory(lease_start=START)
    Evaluation.objects.create(placement=placement, month=3, due_on=datetime.date(2025, 5, 1))
    return placement


def test_extend_to_a_later_date_with_a_reason(worker, placement):
    with pytest.raises(DomainError) as earlier:
        services.placement_extend(
            placement=placement,
            guidance_end=placement.guidance_end,
            reason="Meer tijd nodig",
            expected_version=1,
            by=worker,
        )
    assert "guidance_end" in earlier.value.fields
    later = placement.guidance_end + datetime.timedelta(days=180)
    extended = services.placement_extend(
        placement=placement, guidance_end=later, reason="Meer tijd", expected_version=1, by=worker
    )
    assert (extended.status, extended.guidance_end) == (PlacementStatus.EXTENDED, later)


def test_transfer_not_before_the_lease_start(worker, placement):
    with pytest.raises(DomainError) as refused:
        services.placement_transfer(
            placement=placement,
            transfer_date=START - datetime.timedelta(days=1),
            expected_version=1,
            by=worker,
        )
    assert "transfer_date" in refused.value.fields
    moved = services.placement_transfer(
        placement=placement, transfer_date=START.replace(year=2026), expected_version=1, by=worker
    )
    assert (moved.status, moved.transfer_date) == (
        PlacementStatus.TRANSFERRED,
        START.replace(year=2026),
    )
    with pytest.raises(Conflict):
        services.placement_transfer(
            placement=placement, transfer_date=START, expected_version=2, by=worker
        )


def test_end_needs_a_reason_and_a_date_that_has_been(worker, placement):
    arguments = {"placement": placement, "note": "", "expected_version": 1, "by": worker}
    with pytest.raises(DomainError):
        services.placement_end(ended_on=START, end_reason="", **arguments)
    with pytest.raises(DomainError):
        services.placement_end(
            ended_on=datetime.date.today() + datetime.timedelta(days=2),
            end_reason="moved",
            **arguments,
        )
    ended = services.placement_end(ended_on=START, end_reason="moved", **arguments)
    assert (ended.status, ended.end_reason) == (PlacementStatus.ENDED, "moved")


def test_an_evaluation_rates_every_part(worker, placement):
    evaluation = placement.evaluations.get()
    arguments = {
        "evaluation": evaluation,
        "held_on": datetime.date(2025, 5, 2),
        "note": "",
        "by": worker,
    }
    with pytest.raises(DomainError) as refused:
        services.evaluation_record(**arguments, **{**GOOD, "goals": ""})
    assert list(refused.value.fields) == ["goals"]
    recorded = services.evaluation_record(**arguments, **GOOD)
    assert (recorded.living, recorded.recorded_by) == ("good", worker)


def test_an_evaluation_is_not_held_before_the_lease_or_in_the_future(worker, placement):
    evaluation = placement.evaluations.get()
    for held_on in (
        START - datetime.timedelta(days=1),
        datetime.date.today() + datetime.timedelta(days=1),
    ):
        with pytest.raises(DomainError) as refused:
            services.evaluation_record(
                evaluation=evaluation, held_on=held_on, note="", by=worker, **GOOD
            )
        assert "held_on" in refused.value.fields
