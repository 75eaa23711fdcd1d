"""A run's result as figures, on a constructed run: the areas in order, the last year's key
figures (stocks and flows averaged, the cost summed from the means), and the quote with its date
and source."""

import datetime

from django.utils import timezone, translation

from onderdak.capacity.models import Scenario, SimulationRun
from onderdak.capacity.selectors import scenarios_results as results

MONTHS = [f"{2026 + m // 12}-{m % 12 + 1:02d}" for m in range(18)]


def band(values: list[float]) -> dict[str, list[float]]:
    return {
        "p10": [v - 1 for v in values],
        "p50": values,
        "p90": [v + 2 for v in values],
        "mean": values,
    }


def constructed_run(is_demo: bool = False) -> SimulationRun:
    """18 months; in its last 12 the waiting list climbs from 7 to 18 (mean 12.5)."""
    ramp = [float(m) for m in range(1, 19)]
    measures = {
        "occupied": band([40.0] * 18),
        "waiting": band(ramp),
        "ready_no_dwelling": band([3.0] * 18),
        "unsheltered": band([0.5] * 18),
        "cost": band([1000.0] * 18),
    }
    scenario = Scenario(name="350 per jaar", is_demo=is_demo)
    return SimulationRun(
        scenario=scenario,
        runs=1000,
        seed=7,
        months=18,
        engine_version="flow-1",
        created_at=timezone.make_aware(datetime.datetime(2026, 12, 5, 10, 0)),
        finished_at=timezone.make_aware(datetime.datetime(2026, 12, 5, 10, 1)),
        input={
            "months": MONTHS,
            "labels": {"region": "Regio", "type:x": "Soort X", "subregion:a": "Subregio A"},
            "notes": [],
        },
        result={"groups": {"type:x": measures, "region": measures, "subregion:a": measures}},
    )


def test_the_areas_are_the_region_then_subregions_then_types():
    assert results.scopes(constructed_run()) == [
        ("region", "Regio"),
        ("subregion:a", "Subregio A"),
        ("type:x", "Soort X"),
    ]


def test_key_figures_are_of_the_last_twelve_months():
    figures = results.key_figures(constructed_run())
    assert figures.waiting_p50 == 12.5
    assert figures.waiting_p90 == 14.5
    assert (figures.ready_p50, figures.unsheltered_p90) == (3.0, 2.5)
    assert figures.cost_last_year == 12_000
    assert figures.cost_total == 18_000


def test_the_quote_says_the_figures_the_date_and_the_source():
    with translation.override("en"):
        quote = results.scenario_quote(constructed_run())
        demo = results.scenario_quote(constructed_run(is_demo=True))
    assert "“350 per jaar”" in quote
    assert "waiting list is 13 people" in quote  # 12.5 rounded half up
    assert "more than 15)" in quote
    assert "5 December 2026" in quote
    assert "1,000 runs, seed 7, engine flow-1" in quote
    assert "Jul 2026 to Jun 2027" in quote
    assert "fictitious" not in quote
    assert demo.endswith("The scenario and its figures are fictitious (demo).")
