"""A fictitious op- en afbouw plan and the issue's scenarios for the demo (the plan's part; the
facilities and their figures are ``capacity/demo.py``'s).

Nothing here is the region's real plan. The plan runs 2023 to 2032 with its notes saying it is
fictitious; its baseline is the demo facilities' places (the register's, as the plan page's
button fills it), and from there it moves in equal steps to a target: central, regional
facilities phase down, small-scale ones build up in every municipality, shelters shrink a little.
The scenarios are those of issue 7, each named "… (demo, fictief)" and marked ``is_demo``:
contingent 250 against 350 dwellings a year, 30 places of Housing First more in the subregion of
the most populous municipality, and a phase-down twice as fast of the central protected housing
of that municipality (the former centrumgemeente). No run is stored: the user starts them.
Loading twice adds nothing.
"""

from dataclasses import dataclass

from django.db import transaction

from onderdak.accounts.models import User
from onderdak.capacity.models import CapacityPlan, PlanLine, Scenario
from onderdak.capacity.services.plans import (
    PlanEntry,
    capacity_plan_create,
    plan_baseline_fill,
    plan_lines_save,
)
from onderdak.capacity.services.scenarios import scenario_create
from onderdak.region.models import Level, Region
from onderdak.region.selectors import municipality_list

NOTES = "Fictief demoplan: gemaakt om de module uit te proberen, niet het plan van de regio."
#: The target as a share of the baseline, by the type's level and kind of care.
CENTRAL = 0.5  # regional facilities: phase down to half
SHELTER = 0.8  # shelters: a fifth fewer
SMALL_SCALE = 1.6  # small-scale facilities in every municipality: build up
SMALL_SCALE_TYPES = ("beschermd-thuis", "housing-first", "skaeve-huse")
HOUSING_FIRST = "housing-first"
CENTRAL_TYPE = "beschermd-wonen-24-7"
FIRST_CHANGE = 2027


@dataclass(frozen=True)
class DemoPlan:
    plan: CapacityPlan
    lines: int
    scenarios: tuple[Scenario, ...]
    created: bool


@transaction.atomic
def load_demo(*, region: Region, by: User) -> DemoPlan:
    """The demo plan and scenarios of ``region`` (made by ``by``); the plan only when the region
    has none, the scenarios only when it has no demo scenarios."""
    plan = CapacityPlan.objects.filter(region=region).first()
    created = plan is None
    if created:
        plan = capacity_plan_create(region=region, notes=NOTES)
        plan_baseline_fill(plan=plan, by=by)
        plan_lines_save(plan=plan, entries=_path(plan), by=by)
    scenarios = Scenario.objects.filter(region=region, is_demo=True)
    if not scenarios.exists():
        for name, parameters in _scenarios(plan).items():
            scenario_create(region=region, name=name, parameters=parameters, is_demo=True, by=by)
    return DemoPlan(plan, plan.lines.count(), tuple(scenarios.order_by("name")), created)


def _target(code: str, level: str, baseline: int) -> int:
    if code in SMALL_SCALE_TYPES:
        return round(baseline * SMALL_SCALE)
    if level == Level.REGIONAL:
        return round(baseline * CENTRAL)
    return round(baseline * SHELTER)


def _path(plan: CapacityPlan) -> list[PlanEntry]:
    """From each baseline line to its target in equal steps over the plan's later years."""
    years = list(plan.years)
    steps = len(years) - 1
    entries = []
    baseline = plan.lines.filter(year=plan.first_year).select_related(
        "municipality", "facility_type"
    )
    for line in baseline:
        kind = line.facility_type
        target = _target(kind.code, kind.default_level, line.places)
        for step, year in enumerate(years[1:], start=1):
            places = round(line.places + (target - line.places) * step / steps)
            entries.append(PlanEntry(line.municipality, kind, year, places))
    return entries


def _largest(plan: CapacityPlan, code: str):
    """The most populous municipality with baseline places of a type (``None`` without any):
    the former centrumgemeente, for the central types."""
    with_places = PlanLine.objects.filter(
        plan=plan, year=plan.first_year, facility_type__code=code, places__gt=0
    ).values("municipality")
    found = municipality_list(region=plan.region).filter(pk__in=with_places).defer("boundary")
    return max(found, key=lambda m: (m.population or 0, m.name), default=None)


def _scenarios(plan: CapacityPlan) -> dict[str, dict]:
    scenarios: dict[str, dict] = {
        "Contingent 250 per jaar (demo, fictief)": {"contingent_per_year": 250},
        "Contingent 350 per jaar (demo, fictief)": {"contingent_per_year": 350},
    }
    housing_first, central = _largest(plan, HOUSING_FIRST), _largest(plan, CENTRAL_TYPE)
    if housing_first is not None:
        subregion = housing_first.subregion
        scenarios[f"30 plaatsen Housing First extra in {subregion.name} (demo, fictief)"] = {
            "plan_changes": [_add(subregion.slug)]
        }
    if central is not None:
        scenarios[f"Snellere afbouw in {central.name} (demo, fictief)"] = {
            "plan_changes": [
                {
                    "action": "pace",
                    "facility_type": CENTRAL_TYPE,
                    "municipality": central.cbs_code,
                    "factor": 2,
                }
            ]
        }
    return scenarios


def _add(subregion: str) -> dict:
    return {
        "action": "add",
        "facility_type": HOUSING_FIRST,
        "subregion": subregion,
        "places": 30,
        "from_year": FIRST_CHANGE,
    }
