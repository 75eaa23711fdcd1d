"""Runs of the plan optimisation (``engines/capacity_plan``): the path of places per municipality
x type that leaves the fewest people waiting or unsheltered within a budget per year and limits
on how fast places may be added or closed, beside the entered plan.

The problem is built from the region's data (the plan, its tariffs, the calibration):

- **years**: the plan's years after the baseline year, whose places are each cell's ``start``;
  ``entered``: the plan's places in those years;
- **cells**: every municipality x type with places in the plan;
- **demand** per cell and year: the people who need a place at the same time, by Little's law
  the calibrated inflow times the mean stay (λW: the cell's own estimate, else the type's rate
  per 10,000 inhabitants times the municipality's population), else the measured demand
  (occupied places plus waiting list); times ``(1 + growth)`` for every year after the first.
  A cell with neither is left out, and the run says so;
- **cost** per place per year: the type's cost entered on the form, else the tariff of the
  cell's facilities (or of the type's in the region) times 365;
- **limits**: per type the places that may be added and closed in a year; unless switched off,
  per type the region closes no more places in a year than people leave its facilities in a
  year (measured: the plan's check "faster than outflow"); the weight of a person left without
  shelter against one on a waiting list.

Small problems are solved in the request, larger ones in the background (as simulation runs).
"""

import dataclasses
import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from onderdak.accounts.models import User
from onderdak.capacity.models import CapacityPlan, OptimisationRun, RunStatus, Scenario, WhenFull
from onderdak.capacity.selectors.plans_demand import measured
from onderdak.capacity.selectors.scenarios_input import RegionData, planned_places, region_data
from onderdak.capacity.services.runs import execute, start_in_background
from onderdak.capacity.services.scenarios import scenario_create
from onderdak.capacity.services.scenarios_parameters import ScenarioParameters
from onderdak.core.errors import DomainError
from onderdak.engines import capacity_plan as engine

#: Cells x years solved in the request; more in the background. A region's plan (some 45 cells
#: over 9 years) goes to the background: in whole places HiGHS may use its whole time limit.
INLINE_SIZE = 100
DAYS = 365
#: What HiGHS may take for the whole places (MILP); the best plan found by then is proposed, with
#: its gap to the bound. The demo's plan reaches a gap of about 0.1 % in 10 to 20 seconds.
TIME_LIMIT_SECONDS = 10.0
MAX_GROWTH = 1.0  # +100 % a year
MAX_WEIGHT = 100.0


@dataclass(frozen=True)
class TypeLimits:
    """What the planner sets for a type; ``None``: the default (tariff x 365, no limit)."""

    cost_per_place: Decimal | None = None
    max_increase: int | None = None
    max_decrease: int | None = None


@dataclass(frozen=True)
class OptimisationSettings:
    budget: Mapping[int, Decimal | None]  # per year; None: no limit that year
    types: Mapping[str, TypeLimits] = field(default_factory=dict)
    demand_growth: float = 0.0  # a share a year
    unsheltered_weight: float = 1.0
    integer: bool = True
    #: Close no more places of a type in a year, region-wide, than people leave it (measured).
    within_outflow: bool = True


# --- The problem ---------------------------------------------------------------------------------


def _check(settings: OptimisationSettings, years: tuple[int, ...]) -> None:
    fields: dict[str, list[str]] = {}
    if not -0.5 <= settings.demand_growth <= MAX_GROWTH:
        fields["demand_growth"] = [_("Give a growth from -50 to 100 % a year.")]
    if not 1 <= settings.unsheltered_weight <= MAX_WEIGHT:
        fields["unsheltered_weight"] = [_("Give a weight from 1 to 100.")]
    for year in years:
        amount = settings.budget.get(year)
        if amount is not None and amount < 0:
            fields[f"budget.{year}"] = [_("A budget cannot be negative.")]
    for code, limits in settings.types.items():
        for name in ("cost_per_place", "max_increase", "max_decrease"):
            value = getattr(limits, name)
            if value is not None and value < 0:
                fields[f"types.{code}.{name}"] = [_("Give a number of 0 or more.")]
    if fields:
        raise DomainError(_("The optimisation's settings are not valid."), fields=fields)


def _demand(key, data: RegionData, fallback: Mapping) -> float | None:
    """λW for a cell (see the module's docstring), else its measured demand."""
    cbs_code, code = key
    own, pooled = data.estimates.cells.get(key), data.estimates.types.get(code)
    inflow = own.inflow if own and own.inflow is not None else None
    if inflow is None and pooled and pooled.inflow_per_10000 is not None:
        inflow = pooled.inflow_per_10000 * data.population(cbs_code) / 10_000
    stay = next(
        (e.mean_stay_months for e in (own, pooled) if e and e.mean_stay_months is not None), None
    )
    if inflow is not None and stay is not None:
        return inflow * stay
    found = fallback.get(key)
    return None if found is None else float(found)


def _cost(key, settings: OptimisationSettings, data: RegionData) -> float | None:
    entered = settings.types.get(key[1], TypeLimits()).cost_per_place
    if entered is not None:
        return float(entered)
    tariff = data.tariffs.get(key, data.type_tariffs.get(key[1]))
    return None if tariff is None else tariff * DAYS


@dataclass(frozen=True)
class Built:
    problem: engine.PlanProblem
    labels: Mapping[str, str]
    notes: tuple[str, ...]


def build_problem(*, plan: CapacityPlan, settings: OptimisationSettings) -> Built:
    data = region_data(region=plan.region)
    years = tuple(plan.years)[1:]
    _check(settings, years)
    found = measured(region=plan.region)
    cells, notes = _cells(data, years, settings, found.demand)
    limits = _outflow_limits(cells, found.yearly_outflow, data) if settings.within_outflow else ()
    problem = engine.PlanProblem(
        years=years,
        cells=cells,
        budget=tuple(_amount(settings.budget.get(year)) for year in years),
        integer=settings.integer,
        time_limit_seconds=TIME_LIMIT_SECONDS,
        total_limits=limits,
    )
    return Built(problem, {cell.key: cell.label for cell in cells}, notes)


def _cells(data: RegionData, years, settings, fallback) -> tuple[tuple, tuple[str, ...]]:
    places = planned_places(ScenarioParameters(), data)
    notes: list[str] = []
    keys = sorted(places, key=lambda key: _order(key, data))
    found = (_plan_cell(key, places[key], years, settings, data, fallback, notes) for key in keys)
    cells = tuple(cell for cell in found if cell is not None)
    if not cells:
        raise DomainError(
            _("There is nothing to optimise: no municipality and type has places and demand."),
            code="nothing_to_optimise",
        )
    return cells, tuple(notes)


def _outflow_limits(cells, outflow: Mapping[str, Decimal], data: RegionData) -> tuple:
    """Per type with measured outflow: the region closes no more of its places in a year than
    people leave its facilities in a year (the plan's check "faster than outflow")."""
    by_type: dict[str, list[str]] = defaultdict(list)
    for cell in cells:
        by_type[cell.facility_type].append(cell.key)
    return tuple(
        engine.TotalLimit(
            name=_("%(type)s in the region") % {"type": data.types[code].label},
            cells=tuple(keys),
            max_decrease=int(outflow[code]),
        )
        for code, keys in by_type.items()
        if code in outflow
    )


def entered_costs(*, plan: CapacityPlan) -> dict[int, Decimal]:
    """The entered plan's cost per year at the default costs: the budget the form starts from
    (empty when there is nothing to optimise)."""
    try:
        problem = build_problem(plan=plan, settings=OptimisationSettings(budget={})).problem
    except DomainError:
        return {}
    return {
        year: Decimal(round(sum(c.entered[i] * c.cost_per_place[i] for c in problem.cells)))
        for i, year in enumerate(problem.years)
    }


def _amount(value: Decimal | None) -> float:
    return math.inf if value is None else float(value)


def _order(key, data: RegionData):
    names = {m.cbs_code: m.name for m in data.municipalities}
    kind = data.types[key[1]]
    return (names.get(key[0], key[0]), kind.order, kind.code)


def _plan_cell(key, path, years, settings, data: RegionData, fallback, notes):
    if not any(path.values()):
        return None
    municipality = next(m for m in data.municipalities if m.cbs_code == key[0])
    kind = data.types[key[1]]
    label = f"{municipality.name}, {kind.label}"
    demand, cost = _demand(key, data, fallback), _cost(key, settings, data)
    if demand is None or cost is None:
        what = _("demand") if demand is None else _("cost per place")
        notes.append(_("%(cell)s is left out: no %(what)s.") % {"cell": label, "what": what})
        return None
    limits = settings.types.get(kind.code, TypeLimits())
    growth = 1 + settings.demand_growth
    return engine.PlanCell(
        key="/".join(key),
        area=key[0],
        group=municipality.subregion.slug,
        facility_type=kind.code,
        demand=tuple(demand * growth ** (i + 1) for i in range(len(years))),
        cost_per_place=(cost,) * len(years),
        start=path[min(path)],
        entered=tuple(path.get(year, 0) for year in years),
        max_increase=limits.max_increase,
        max_decrease=limits.max_decrease,
        shortage_weight=settings.unsheltered_weight
        if kind.when_full == WhenFull.UNSHELTERED
        else 1.0,
        label=label,
    )


# --- Runs ----------------------------------------------------------------------------------------


def _json(value):
    """Infinity (no limit) as ``None``, as JSON holds it."""
    if isinstance(value, float) and math.isinf(value):
        return None
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    return value


def input_json(built: Built, settings: OptimisationSettings) -> dict:
    return {
        "problem": _json(dataclasses.asdict(built.problem)),
        "labels": dict(built.labels),
        "notes": list(built.notes),
        "settings": {
            "demand_growth": settings.demand_growth,
            "unsheltered_weight": settings.unsheltered_weight,
            "integer": settings.integer,
            "within_outflow": settings.within_outflow,
        },
    }


def problem_from_json(stored: Mapping) -> engine.PlanProblem:
    data = stored["problem"]
    cells = tuple(
        engine.PlanCell(
            **{
                **cell,
                "demand": tuple(cell["demand"]),
                "cost_per_place": tuple(cell["cost_per_place"]),
                "entered": tuple(cell["entered"]),
            }
        )
        for cell in data["cells"]
    )
    return engine.PlanProblem(
        years=tuple(data["years"]),
        cells=cells,
        budget=tuple(math.inf if b is None else b for b in data["budget"]),
        integer=data["integer"],
        time_limit_seconds=data["time_limit_seconds"],
        total_limits=tuple(
            engine.TotalLimit(**{**limit, "cells": tuple(limit["cells"])})
            for limit in data["total_limits"]
        ),
    )


def result_json(solution: engine.PlanSolution) -> dict:
    return _json(dataclasses.asdict(solution))


@transaction.atomic
def optimisation_run_start(
    *, plan: CapacityPlan, settings: OptimisationSettings, by: User
) -> OptimisationRun:
    built = build_problem(plan=plan, settings=settings)
    run = OptimisationRun.objects.create(
        plan=plan,
        input=input_json(built, settings),
        engine_version=engine.ENGINE_VERSION,
        created_by=by,
    )
    if len(built.problem.cells) * len(built.problem.years) <= INLINE_SIZE:
        _solve(run, built.problem)
    else:
        transaction.on_commit(lambda: start_in_background(_background, OptimisationRun, run.pk))
    return run


def _solve(run: OptimisationRun, problem: engine.PlanProblem) -> None:
    execute(run, lambda: result_json(engine.optimise(problem)), engine.PlanError)


def _background(run_id: int) -> None:
    run = OptimisationRun.objects.get(pk=run_id)
    _solve(run, problem_from_json(run.input))


@transaction.atomic
def optimisation_scenario_create(*, run: OptimisationRun, by: User) -> Scenario:
    """A scenario whose places are the proposal's, so the flow simulation shows what it does;
    asked twice, the same scenario."""
    places = (run.result or {}).get("places") or {}
    if run.status != RunStatus.DONE or not places:
        raise DomainError(_("This run has no proposal to simulate."), code="no_proposal")
    name = _("Proposal of optimisation %(number)s") % {"number": run.pk}
    existing = Scenario.objects.filter(region=run.plan.region, name=name).first()
    if existing is not None:
        return existing
    years = run.result["years"]
    plan_places = {
        key: {str(year): round(value) for year, value in zip(years, path, strict=True)}
        for key, path in places.items()
    }
    return scenario_create(
        region=run.plan.region,
        name=name,
        description=_("The places the plan optimisation of %(date)s proposes.")
        % {"date": formats.date_format(timezone.localtime(run.created_at), "j F Y H:i")},
        parameters={"plan_places": plan_places},
        by=by,
    )
