"""The vectorised engine against the plain loop, and the behaviour of the model."""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings

from onderdak.engines.flow import (
    DAYS_PER_MONTH,
    Destinations,
    Stay,
    StayKind,
    WhenFull,
    simulate,
    simulate_loop,
    simulate_paths,
)

from .cases import cell, flow_input
from .strategies import flow_inputs

EVERYONE_TO_A_DWELLING = Destinations(contingent=1.0, housing=0.0, institution=0.0, unknown=0.0)


@settings(max_examples=60, deadline=None)
@given(flow_inputs())
def test_the_engine_and_the_loop_agree_exactly(data):
    """Same random numbers, same tables, counted in arrays or person by person."""
    result = simulate(data)
    assert result == simulate_loop(data)
    assert result.checks == {"conservation_places": 0.0, "conservation_demand": 0.0}


def test_they_agree_with_steps_shorter_than_a_month():
    short = cell("A/short", months=6, stay=Stay(StayKind.LOGNORMAL, 0.6, 0.5), occupied=10)
    data = flow_input(short, cell("A/long", months=6), months=6, runs=4)
    result = simulate(data)
    assert result.steps_per_month == 4
    assert result == simulate_loop(data)


def test_the_seed_decides_the_numbers():
    data = flow_input()
    assert simulate(replace(data, seed=8)) != simulate(data)


def test_a_cell_keeps_its_numbers_when_another_area_gets_a_cell():
    """Streams per cell: scenarios compare on common random numbers."""
    alone = simulate(flow_input(cell("A/bw")))
    together = simulate(flow_input(cell("A/bw"), cell("B/bw", area="B", inflow=3.0)))
    assert together.cells["A/bw"] == alone.cells["A/bw"]


def test_nobody_is_put_out_when_places_shrink():
    shrinking = cell(capacity=(12,) * 6 + (3,) * 18, occupied=12, inflow=4.0)
    _, paths = simulate_paths(flow_input(shrinking))
    occupied_before = np.concatenate([np.full((1, 1, 200), 12), paths.occupied[:-1]])
    assert (paths.occupied >= np.minimum(occupied_before, 3) - paths.outflow).all()
    over = occupied_before - paths.outflow >= 3
    assert (paths.inflow[6:][over[6:]] == 0).all()
    assert (paths.occupied[6:] <= np.maximum(3, occupied_before[6:])).all()
    assert paths.occupied[-1].max() <= 3


def test_newcomers_of_an_unsheltered_type_are_turned_away_when_it_is_full():
    shelter = cell(when_full=WhenFull.UNSHELTERED, waiting=0, inflow=6.0, capacity=(5,) * 24)
    _, paths = simulate_paths(flow_input(shelter))
    assert (paths.waiting == 0).all()
    assert paths.unsheltered.sum() > 0
    assert (paths.unsheltered[paths.occupied < 5] == 0).all()


def test_without_dwellings_the_ready_wait_and_nobody_is_housed():
    data = flow_input(cell(destinations=EVERYONE_TO_A_DWELLING), dwellings=0.0)
    _, paths = simulate_paths(data)
    assert (paths.housed == 0).all()
    assert (np.diff(paths.ready, axis=0) >= 0).all()
    assert (paths.outflow == 0).all()


def test_with_plenty_of_dwellings_nobody_waits_for_one():
    data = flow_input(cell(destinations=EVERYONE_TO_A_DWELLING), dwellings=50.0)
    _, paths = simulate_paths(data)
    assert (paths.ready == 0).all()
    assert (paths.housed == paths.outflow).all()


def test_dwellings_go_to_the_ready_people_as_far_as_whole_dwellings_allow():
    """A quarter of a dwelling a month: one dwelling every four months, kept until used."""
    data = flow_input(
        cell(destinations=EVERYONE_TO_A_DWELLING, occupied=12, inflow=3.0), dwellings=0.25
    )
    _, paths = simulate_paths(data)
    assert (paths.housed.sum(axis=0) == 6).all()  # 24 months, everyone soon ready


def test_cost_is_occupied_place_days_and_capacity_cost_the_places():
    result = simulate(flow_input())
    bands = result.cells["A/bw"]
    day = 120.0 * DAYS_PER_MONTH
    assert bands["cost"].p50 == pytest.approx(tuple(v * day for v in bands["occupied"].p50))
    assert bands["cost"].mean == pytest.approx(tuple(v * day for v in bands["occupied"].mean))
    assert set(bands["capacity_cost"].p10) == {12 * day}
    assert bands["capacity_cost"].p90 == bands["capacity_cost"].mean


def test_with_steps_shorter_than_a_month_cost_counts_every_step():
    short = cell(months=3, stay=Stay(StayKind.EXPONENTIAL, 0.5), occupied=12, inflow=20.0)
    plan, paths = simulate_paths(flow_input(short, months=3, runs=50))
    assert plan.steps_per_month == 4
    result = simulate(flow_input(short, months=3, runs=50))
    assert result.cells["A/bw"]["cost"].mean == pytest.approx(
        tuple(paths.place_steps.mean(axis=2)[:, 0] * 120.0 * DAYS_PER_MONTH / 4)
    )


def test_a_group_of_one_cell_has_that_cells_bands():
    data = flow_input(cell("A/bw"), cell("A/mo", inflow=3.0))
    result = simulate(replace(data, groups={"one": ("A/mo",)}))
    group, alone = result.groups["one"], result.cells["A/mo"]
    assert {m: b for m, b in group.items() if m != "cost"} == {
        m: b for m, b in alone.items() if m != "cost"
    }
    assert group["cost"].p50 == pytest.approx(alone["cost"].p50)


def test_group_bands_are_bands_of_the_per_run_sums():
    data = flow_input(cell("A/bw"), cell("A/mo", inflow=3.0))
    result = simulate(data)
    _, paths = simulate_paths(data)
    sums = paths.waiting.sum(axis=1)
    assert result.groups["all"]["waiting"].p90 == tuple(np.quantile(sums, 0.9, axis=1))


def test_every_stay_fit_is_reported():
    data = flow_input(cell("A/bw"), cell("A/hf", stay=Stay(StayKind.LOGNORMAL, 24.0, 30.0)))
    stays = simulate(data).stays
    assert stays["A/bw"].family == "geometric"
    assert stays["A/hf"].family == "hyper_geometric"
    assert stays["A/hf"].mean_months == pytest.approx(24.0)
    assert stays["A/hf"].spread_months == pytest.approx(30.0)
