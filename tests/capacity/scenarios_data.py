"""Scenarios with what they need to run: a plan, and settings that stand in for figures."""

from onderdak.capacity.services.scenarios import scenario_create
from tests.capacity.plans_data import example_plan, plan_places

#: Settings for the two types the tests plan, so that a run needs no monthly figures.
SETTINGS = {
    "beschermd-wonen-24-7": {
        "inflow_per_10000": 0.3,
        "mean_stay_months": 18,
        "tariff_per_day": 200,
        "destinations": {"contingent": 0.6, "housing": 0.2, "institution": 0.1, "unknown": 0.1},
    },
    "nachtopvang": {
        "inflow_per_10000": 1.0,
        "mean_stay_months": 2,
        "tariff_per_day": 80,
        "destinations": {"contingent": 0.2, "housing": 0.3, "institution": 0.2, "unknown": 0.3},
    },
}
#: The issue's changes to the plan: 30 places of Housing First more in a subregion from 2027,
#: and Leiden's phase-down of 24/7 protected housing twice as fast.
CHANGES = [
    {
        "action": "add",
        "facility_type": "housing-first",
        "subregion": "leidse-regio",
        "places": 30,
        "from_year": 2027,
    },
    {
        "action": "pace",
        "facility_type": "beschermd-wonen-24-7",
        "municipality": "GM0546",
        "factor": 2.0,
    },
]
SMALL = {"runs": 50, "horizon_months": 24, "start_month": "2026-01", "types": SETTINGS}


def planned_region(region):
    """The region's plan with places of 24/7 protected housing in Leiden and night shelter in
    Leiden and Katwijk."""
    from onderdak.region.models import Municipality

    plan = example_plan(region)
    if not plan.lines.filter(facility_type__code="nachtopvang").exists():
        plan_places(plan, {year: 40 - (year - 2023) * 2 for year in plan.years})
        plan_places(plan, dict.fromkeys(plan.years, 12), facility_type_code="nachtopvang")
        katwijk = Municipality.objects.get(cbs_code="GM0537")
        plan_places(
            plan,
            dict.fromkeys(plan.years, 6),
            municipality=katwijk,
            facility_type_code="nachtopvang",
        )
    return plan


def small_scenario(region, name: str = "Klein", **parameters):
    planned_region(region)
    return scenario_create(region=region, name=name, parameters={**SMALL, **parameters})
