"""Bad input: every FlowError names the item, the input field and the cell at fault."""

from dataclasses import replace

import pytest

from onderdak.engines.flow import (
    Destinations,
    FlowError,
    FlowInput,
    Stay,
    StayKind,
    WhenFull,
    simulate,
    simulate_loop,
)

from .cases import cell, flow_input

CELL = cell()


def changed_cell(**changes) -> FlowInput:
    return flow_input(replace(CELL, **changes))


@pytest.mark.parametrize(
    ("data", "field", "fragment"),
    [
        (flow_input(months=0), "months", "horizon must lie between 1 and 600, not 0"),
        (flow_input(months=601), "months", "not 601"),
        (replace(flow_input(), months=12.0), "months", "whole number, not 12.0"),
        (flow_input(runs=0), "runs", "number of runs must lie between 1 and 100,000"),
        (flow_input(runs=100_001), "runs", "not 100,001"),
        (flow_input(runs=True), "runs", "whole number, not True"),
        (flow_input(seed=-1), "seed", "seed must lie between 0"),
        (flow_input(steps_per_month=0), "steps_per_month", "Steps per month must lie between"),
        (flow_input(steps_per_month=32), "steps_per_month", "not 32"),
        (replace(flow_input(), cells=()), "cells", "at least one cell"),
        (replace(flow_input(), cells=[CELL]), "cells", "as a tuple"),
        (replace(flow_input(), cells=("A",)), "cells", "must be a Cell"),
        (flow_input(CELL, CELL), "cells", "'A/bw' is given 2 times"),
        (changed_cell(key=""), "cells", "has no key"),
        (changed_cell(area=""), "area", "has no area"),
        (
            changed_cell(capacity=(12,) * 23),
            "capacity",
            "capacity of cell 'A/bw' has 23 months; the horizon has 24",
        ),
        (changed_cell(capacity=12), "capacity", "tuple with one value per month"),
        (
            changed_cell(capacity=(12,) * 23 + (-1,)),
            "capacity",
            "places of cell 'A/bw' in month 24 must lie",
        ),
        (changed_cell(capacity=(12,) * 23 + (1.5,)), "capacity", "whole number, not 1.5"),
        (changed_cell(capacity=(12,) * 23 + (10_001,)), "capacity", "10,000"),
        (changed_cell(inflow=-0.1), "inflow", "inflow of cell 'A/bw' must lie between 0"),
        (changed_cell(inflow=float("nan")), "inflow", "finite number, not nan"),
        (changed_cell(inflow=float("inf")), "inflow", "finite number, not inf"),
        (changed_cell(stay=Stay(StayKind.EXPONENTIAL, 0.0)), "stay", "more than 0 months"),
        (
            changed_cell(stay=Stay(StayKind.EXPONENTIAL, -2.0)),
            "stay",
            "mean stay of cell 'A/bw' must lie",
        ),
        (
            changed_cell(stay=Stay(StayKind.LOGNORMAL, 6.0)),
            "stay",
            "lognormal stay of cell 'A/bw' has no spread",
        ),
        (
            changed_cell(stay=Stay("gamma", 6.0)),
            "stay",
            "kind of stay of cell 'A/bw' is unknown: 'gamma'",
        ),
        (changed_cell(stay=6.0), "stay", "must be a Stay"),
        (changed_cell(stay=Stay(StayKind.EXPONENTIAL, 0.05)), "stay", "shorter than two days"),
        (
            changed_cell(destinations=Destinations(0.5, 0.3, 0.2, 0.1)),
            "destinations",
            "shares of cell 'A/bw' add up to 1.1, not 1",
        ),
        (
            changed_cell(destinations=Destinations(-0.1, 0.6, 0.4, 0.1)),
            "destinations",
            "share for contingent of cell 'A/bw' must lie between 0 and 1",
        ),
        (changed_cell(destinations=(1, 0, 0, 0)), "destinations", "must be Destinations"),
        (
            changed_cell(when_full="sometimes"),
            "when_full",
            "when full of cell 'A/bw' is unknown: 'sometimes'",
        ),
        (
            changed_cell(when_full=WhenFull.UNSHELTERED),
            "waiting",
            "no waiting list; its waiting list must be 0, not 2",
        ),
        (
            changed_cell(tariff_per_day=float("nan")),
            "tariff_per_day",
            "tariff of cell 'A/bw' must be a finite",
        ),
        (
            changed_cell(occupied=-1),
            "occupied",
            "occupied places of cell 'A/bw' must lie between 0",
        ),
        (changed_cell(waiting=-3), "waiting", "waiting list of cell 'A/bw' must lie between 0"),
        (replace(flow_input(), contingent={}), "contingent", "No contingent for area 'A'"),
        (replace(flow_input(), contingent=[1.0]), "contingent", "map each area"),
        (
            replace(flow_input(), contingent={"A": (1.0,) * 12}),
            "contingent",
            "contingent of area 'A' has 12 months; the horizon has 24",
        ),
        (
            replace(flow_input(), contingent={"A": (1.0,) * 23 + (-2.0,)}),
            "contingent",
            "in month 24 must lie between 0",
        ),
        (
            replace(flow_input(), contingent={"A": (float("nan"),) * 24}),
            "contingent",
            "in month 1 must be a finite number, not nan",
        ),
        (replace(flow_input(), groups={"x": ("B/bw",)}), "groups", "names unknown cell 'B/bw'"),
        (replace(flow_input(), groups={"x": ()}), "groups", "must name at least one cell"),
        (replace(flow_input(), groups={"": ("A/bw",)}), "groups", "has no name"),
        (replace(flow_input(), groups={"x": ("A/bw", "A/bw")}), "groups", "'A/bw' twice"),
        (replace(flow_input(), groups=["A/bw"]), "groups", "map each name"),
        (flow_input(runs=100_000, months=600), "runs", "is too much"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(data, field, fragment):
    for simulation in (simulate, simulate_loop):
        with pytest.raises(FlowError, match=fragment) as caught:
            simulation(data)
        assert caught.value.field == field


def test_the_error_names_the_cell_at_fault():
    data = flow_input(cell("A/ok"), cell("A/bad", inflow=-1.0))
    with pytest.raises(FlowError) as caught:
        simulate(data)
    assert caught.value.cell == "A/bad"
    assert "of cell 'A/bad'" in caught.value.message


def test_a_contingent_for_an_area_without_cells_is_ignored():
    data = flow_input()
    extra = replace(data, contingent={**data.contingent, "Z": (1.0,) * 24})
    assert simulate(extra).cells == simulate(data).cells


def test_an_exponential_stay_ignores_its_spread():
    spread = flow_input(replace(CELL, stay=Stay(StayKind.EXPONENTIAL, 6.0, 99.0)))
    assert simulate(spread) == simulate(flow_input())


def test_a_stay_shorter_than_the_chosen_step_is_refused():
    data = flow_input(replace(CELL, stay=Stay(StayKind.EXPONENTIAL, 0.5)), steps_per_month=1)
    with pytest.raises(FlowError, match="shorter than a step") as caught:
        simulate(data)
    assert caught.value.field == "steps_per_month"


def test_too_many_people_for_the_runs_is_refused():
    busy = cell(months=600, inflow=9_000.0, capacity=(10,) * 600)
    with pytest.raises(
        FlowError, match=r"About 5,423,258 people may pass .* \(at most 196\)"
    ) as caught:
        simulate(flow_input(busy, months=600, runs=1_000))
    assert caught.value.field == "runs"


def test_too_many_steps_for_the_runs_is_refused():
    short = cell(months=600, stay=Stay(StayKind.EXPONENTIAL, 0.1))  # 20 steps a month
    data = flow_input(short, months=600, runs=5_000)
    with pytest.raises(FlowError, match=r"steps \(20 a month, for the shortest stays\)") as caught:
        simulate(data)
    assert caught.value.field == "runs"
