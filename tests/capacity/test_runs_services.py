"""Simulation runs: inline and in the background, the stored input and result, the same input
giving the same result, and every way a run can fail ending as failed."""

import dataclasses
import datetime
import json
import time

import pytest

from onderdak.capacity.models import RunStatus, SimulationRun
from onderdak.capacity.services import runs as services
from onderdak.capacity.services.reference import facility_types_load
from onderdak.core.errors import DomainError
from onderdak.engines import flow
from tests.capacity.plans_data import planner
from tests.capacity.scenarios_data import small_scenario

pytestmark = pytest.mark.usefixtures("facility_types")
TODAY = datetime.date(2026, 12, 5)


def start(scenario, **kwargs):
    return services.simulation_run_start(scenario=scenario, by=planner(), today=TODAY, **kwargs)


def test_a_small_run_is_simulated_at_once_and_stores_its_input_and_result(region):
    run = start(small_scenario(region))
    run.refresh_from_db()
    assert (run.status, run.progress, run.runs, run.months, run.seed) == (
        RunStatus.DONE,
        100,
        50,
        24,
        0,
    )
    assert run.engine_version == flow.ENGINE_VERSION
    assert run.input["months"][:2] == ["2026-01", "2026-02"]
    assert run.input["labels"]["type:nachtopvang"]
    assert set(run.result["groups"]) == {
        "region",
        "subregion:leidse-regio",
        "subregion:duin-en-bollenstreek",
        "type:nachtopvang",
        "type:beschermd-wonen-24-7",
    }
    band = run.result["groups"]["region"]["occupied"]
    assert len(band["p50"]) == 24
    assert all(
        lo <= mid <= hi for lo, mid, hi in zip(band["p10"], band["p50"], band["p90"], strict=True)
    )
    assert set(flow.MEASURES) <= set(run.result["groups"]["region"])
    assert max(run.result["checks"].values()) == 0


def test_the_stored_input_reads_back_as_the_engines_input(region):
    run = start(small_scenario(region))
    run.refresh_from_db()
    data = services.engine_input(run.input)
    assert isinstance(data.cells[0].stay.kind, flow.StayKind)
    assert json.loads(json.dumps(dataclasses.asdict(data))) == run.input["engine"]


def test_the_same_input_gives_the_same_stored_result(region):
    scenario = small_scenario(region)
    first, second = start(scenario), start(scenario)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.input == second.input
    assert first.result == second.result
    assert services.simulation_run_replay(run=first)


def test_another_seed_gives_another_result(region):
    one = start(small_scenario(region, "Een"))
    other = start(small_scenario(region, "Ander", seed=1))
    assert one.result != other.result


def test_a_large_run_goes_to_the_background_after_the_commit(
    in_the_test_thread, region, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services, "INLINE_WORK", 10)
    started = []
    monkeypatch.setattr(services, "start_in_background", lambda *args: started.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        run = start(small_scenario(region))
    assert run.status == RunStatus.QUEUED
    [(target, model, run_id)] = started
    services.guarded(target, model, run_id)
    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    assert run.result["groups"]["region"]["occupied"]["p50"]


def test_a_run_that_breaks_in_the_background_ends_as_failed(
    in_the_test_thread, region, monkeypatch
):
    monkeypatch.setattr(services, "INLINE_WORK", 10)
    run = start(small_scenario(region))

    def broken(data, progress=None):
        raise RuntimeError("kapot")

    monkeypatch.setattr(flow, "simulate", broken)
    services.guarded(services._background, SimulationRun, run.pk)
    run.refresh_from_db()
    assert (run.status, run.progress) == (RunStatus.FAILED, 100)
    assert run.error
    assert run.finished_at is not None


def test_an_input_the_engine_refuses_ends_the_run_as_failed_with_its_reason(region, monkeypatch):
    def refuse(data, progress=None):
        raise flow.FlowError("The horizon is too long.", "months")

    monkeypatch.setattr(flow, "simulate", refuse)
    run = start(small_scenario(region))
    assert run.status == RunStatus.FAILED
    assert "The horizon is too long." in run.error


def test_a_run_too_large_for_the_engine_is_refused_before_it_starts(region, monkeypatch):
    monkeypatch.setattr(services, "MAX_CELL_MONTH_RUNS", 3 * 24 * 49)
    scenario = small_scenario(region)  # 3 cells x 24 months x 50 runs
    with pytest.raises(DomainError) as caught:
        start(scenario)
    assert "runs" in caught.value.fields
    assert not SimulationRun.objects.exists()


def test_only_a_finished_run_is_replayed(region, monkeypatch):
    monkeypatch.setattr(services, "INLINE_WORK", 10)
    run = start(small_scenario(region))
    with pytest.raises(DomainError):
        services.simulation_run_replay(run=run)


def test_a_real_background_thread_runs_to_its_end(flushable_audit_trail, region, monkeypatch):
    """End to end, in a real thread: the request commits, the thread simulates and stores."""
    facility_types_load()
    monkeypatch.setattr(services, "INLINE_WORK", 10)
    run = start(small_scenario(region))
    deadline = time.monotonic() + 60
    while not run.is_finished and time.monotonic() < deadline:
        time.sleep(0.1)
        run.refresh_from_db()
    assert run.status == RunStatus.DONE
    assert run.result["groups"]["region"]["waiting"]["p50"]


def test_a_run_stores_its_progress_in_tenths(monkeypatch):
    stored = []
    monkeypatch.setattr(
        services, "set_progress", lambda run, status, percent: stored.append(percent)
    )
    report = services.progress_reporter(SimulationRun())
    for month in range(1, 121):
        report(month / 120)
    assert stored == [18, 27, 35, 44, 52, 61, 69, 78, 86, 95]
