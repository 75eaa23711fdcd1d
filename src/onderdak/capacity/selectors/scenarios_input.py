"""The flow engine's input for a scenario, built from the region's data (``engines/flow``).

:func:`region_data` reads what every scenario of the region starts from, in a fixed number of
queries; :func:`flow_input` applies a scenario's parameters to it. The model's choices:

- **Cells** are the municipality x type combinations that have places in the plan (in a year of
  the horizon) or measured inflow. Months before the plan's first year take its first year's
  places, months after its last year its last year's (the target holds).
- **Inflow**: a type's setting in the scenario (newcomers a month per 10,000 inhabitants times
  the municipality's population), else the cell's calibrated inflow, else the type's calibrated
  rate per 10,000 inhabitants of the region times the municipality's population (a new
  facility serves its own inhabitants). Times the inflow multiplier.
- **Length of stay and destinations**: the type's setting, else the cell's calibration, else
  the type's. A type with neither is left out, and the run says so.
- **Tariff**: the type's setting, else the places-weighted tariff of the cell's active
  facilities, else of the type's in the region, else 0 (said in the run's notes).
- **Start**: the occupied places and waiting list of the latest monthly figures (occupied above
  the month's places join the waiting list of a type that has one); a cell without figures
  starts at its expected occupancy, min(places, inflow x mean stay).
- **Contingent**: the year's contingent (the scenario's number, else the region's contingent
  year, the latest one for later years, the first for earlier ones, else 250), of which only the
  outflow stream serves people leaving a facility (the year's outflow target over its total,
  else 200 of 250 as in the 2024 scheme); the prevention stream keeps people out of facilities
  and is not modelled. The outflow dwellings are split over the municipalities by population or
  by the year's spread targets (scaled to the outflow; the rest by population), a twelfth each
  month.
- **Groups**: the region, each subregion, each type: their bands are of the per-run sums.
"""

import datetime
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import F, Max, Sum
from django.utils.translation import gettext as _

from onderdak.capacity.models import Facility, FacilityType, MonthlyFigure
from onderdak.capacity.months import first_of_month, next_month
from onderdak.capacity.selectors.calibration import Estimates, estimates
from onderdak.capacity.selectors.plans import PlanGrid, plan_grid, region_plan
from onderdak.capacity.services.scenarios_parameters import (
    ChangeAction,
    PlanChange,
    ScenarioParameters,
    Split,
    StayKind,
    TypeSetting,
)
from onderdak.contingent.models import ContingentYear, SpreadTarget
from onderdak.core.errors import DomainError
from onderdak.engines import flow
from onderdak.engines.apportion import apportion
from onderdak.region.models import Municipality, Region
from onderdak.region.selectors import municipality_list

DEFAULT_CONTINGENT = 250
#: The outflow stream's share of a contingent without a year to take it from (200 of 250).
DEFAULT_OUTFLOW_SHARE = 0.8
Cell = tuple[str, str]  # (CBS code, type code)


@dataclass(frozen=True)
class RegionData:
    """What every scenario of a region starts from."""

    region: Region
    grid: PlanGrid
    municipalities: tuple[Municipality, ...]  # with ``population``
    types: Mapping[str, FacilityType]
    estimates: Estimates
    stock: Mapping[Cell, tuple[int, int]]  # latest occupied and waiting list
    tariffs: Mapping[Cell, float]
    type_tariffs: Mapping[str, float]
    latest_month: datetime.date | None
    contingent_years: Mapping[int, int]  # year → total dwellings
    outflow_shares: Mapping[int, float]  # year → outflow target / total
    spread_targets: Mapping[int, Mapping[str, int]]

    def population(self, cbs_code: str) -> int:
        return next((m.population or 0 for m in self.municipalities if m.cbs_code == cbs_code), 0)


def region_data(*, region: Region) -> RegionData:
    plan = region_plan(region=region)
    if plan is None:
        raise DomainError(
            _(
                "The region has no build-up and phase-down plan yet: the simulation takes its "
                "places from it."
            ),
            code="no_plan",
        )
    stock, latest = _stock(region)
    tariffs, type_tariffs = facility_tariffs(region=region)
    years, shares, spread = _contingent(region)
    return RegionData(
        region=region,
        grid=plan_grid(plan=plan),
        municipalities=tuple(municipality_list(region=region).defer("boundary").order_by("name")),
        types={t.code: t for t in FacilityType.objects.all()},
        estimates=estimates(region=region),
        stock=stock,
        tariffs=tariffs,
        type_tariffs=type_tariffs,
        latest_month=latest,
        contingent_years=years,
        outflow_shares=shares,
        spread_targets=spread,
    )


def _stock(region: Region) -> tuple[dict[Cell, tuple[int, int]], datetime.date | None]:
    figures = MonthlyFigure.objects.filter(facility__region=region)
    latest = figures.aggregate(latest=Max("month"))["latest"]
    rows = (
        figures.filter(month=latest)
        .values("facility__municipality__cbs_code", "facility__facility_type__code")
        .annotate(occupied=Sum("occupied"), waiting=Sum("waiting_list"))
    )
    stock = {
        (r["facility__municipality__cbs_code"], r["facility__facility_type__code"]): (
            r["occupied"],
            r["waiting"],
        )
        for r in rows
    }
    return stock, latest


def facility_tariffs(*, region: Region) -> tuple[dict[Cell, float], dict[str, float]]:
    """Places-weighted tariffs of the active facilities, per cell and per type."""
    rows = (
        Facility.objects.filter(region=region, is_active=True, places__gt=0)
        .values("municipality__cbs_code", "facility_type__code")
        .annotate(total=Sum("places"), amount=Sum(F("places") * F("tariff_per_day")))
    )
    cells, types = {}, defaultdict(lambda: [0.0, 0])
    for row in rows:
        cells[(row["municipality__cbs_code"], row["facility_type__code"])] = float(
            row["amount"] / row["total"]
        )
        types[row["facility_type__code"]][0] += float(row["amount"])
        types[row["facility_type__code"]][1] += row["total"]
    return cells, {code: amount / places for code, (amount, places) in types.items()}


def _contingent(
    region: Region,
) -> tuple[dict[int, int], dict[int, float], dict[int, dict[str, int]]]:
    rows = ContingentYear.objects.filter(region=region).values_list(
        "year", "total", "outflow_target"
    )
    years = {year: total for year, total, _outflow in rows}
    shares = {year: outflow / total for year, total, outflow in rows if total}
    spread: dict[int, dict[str, int]] = defaultdict(dict)
    targets = SpreadTarget.objects.filter(contingent_year__region=region).values_list(
        "contingent_year__year", "municipality__cbs_code", "target"
    )
    for year, cbs_code, target in targets:
        spread[year][cbs_code] = target
    return years, shares, dict(spread)


# --- The scenario's input ------------------------------------------------------------------------


@dataclass(frozen=True)
class ScenarioInput:
    """The engine's input, and what the pages need to read its result."""

    engine: flow.FlowInput
    months: tuple[datetime.date, ...]
    labels: Mapping[str, str]  # group name → in words
    cells: Mapping[str, Cell]  # cell key → (CBS code, type code)
    notes: tuple[str, ...] = field(default_factory=tuple)


def following(start: datetime.date, count: int) -> tuple[datetime.date, ...]:
    """``count`` months from ``start`` on."""
    months = [start]
    while len(months) < count:
        months.append(next_month(months[-1]))
    return tuple(months)


def start_month(
    parameters: ScenarioParameters, data: RegionData, today: datetime.date
) -> datetime.date:
    if parameters.start_month is not None:
        return parameters.start_month
    if data.latest_month is not None:
        return next_month(data.latest_month)
    return first_of_month(today)


def flow_input(
    *, parameters: ScenarioParameters, data: RegionData, today: datetime.date
) -> ScenarioInput:
    start = start_month(parameters, data, today)
    months = following(start, parameters.horizon_months)
    places = planned_places(parameters, data)
    notes: list[str] = []
    builder = CellBuilder(parameters, data, months, notes)
    cells = tuple(
        cell
        for key in _cell_keys(places, data, months)
        if (cell := builder.build(key, places[key])) is not None
    )
    if not cells:
        raise DomainError(
            _(
                "There is nothing to simulate: no type has places and an inflow, stay and "
                "destinations from the figures or the scenario."
            ),
            code="nothing_to_simulate",
        )
    areas = sorted({cell.area for cell in cells})
    engine = flow.FlowInput(
        cells=cells,
        months=len(months),
        contingent=contingent_series(parameters, data, months, areas),
        groups=_groups(cells, data),
        runs=parameters.runs,
        seed=parameters.seed,
    )
    return ScenarioInput(
        engine=engine,
        months=months,
        labels=_labels(engine.groups, data),
        cells={cell.key: tuple(cell.key.split("/", 1)) for cell in cells},
        notes=tuple(notes),
    )


# --- Places --------------------------------------------------------------------------------------


def planned_places(parameters: ScenarioParameters, data: RegionData) -> dict[Cell, dict[int, int]]:
    """The plan's places per cell and year, with the scenario's replacements and changes."""
    grid = data.grid
    places: dict[Cell, dict[int, int]] = defaultdict(lambda: dict.fromkeys(grid.years, 0))
    for m in grid.municipalities:
        for t in grid.types:
            values = grid.cell(m, t)
            if any(values):
                places[(m.cbs_code, t.code)] = {
                    y: v or 0 for y, v in zip(grid.years, values, strict=True)
                }
    for key, years in parameters.plan_places.items():
        cbs_code, _slash, code = key.partition("/")
        places[(cbs_code, code)].update(years)
    for change in parameters.plan_changes:
        _apply(change, places, data)
    return places


def _members(change: PlanChange, data: RegionData) -> list[Municipality]:
    if change.municipality:
        return [m for m in data.municipalities if m.cbs_code == change.municipality]
    return [m for m in data.municipalities if m.subregion.slug == change.subregion]


def _apply(change: PlanChange, places, data: RegionData) -> None:
    members = _members(change, data)
    if change.action == ChangeAction.PACE:
        for m in members:
            cell = places[(m.cbs_code, change.facility_type)]
            cell.update(paced(cell, change.factor))
        return
    weights = [max(m.population or 0, 1) for m in members]
    shares = apportion(abs(change.places), weights)
    sign = 1 if change.places >= 0 else -1
    first = change.from_year or data.grid.years[0]
    for m, share in zip(members, shares, strict=True):
        cell = places[(m.cbs_code, change.facility_type)]
        for year in cell:
            if year >= first:
                cell[year] = max(0, cell[year] + sign * share)


def paced(path: Mapping[int, int], factor: float) -> dict[int, int]:
    """The same build-up or phase-down, ``factor`` times as fast from the first year's places,
    never beyond the path's own highest and lowest (so it ends where the plan ends)."""
    years = sorted(path)
    base, low, high = path[years[0]], min(path.values()), max(path.values())
    return {y: round(min(high, max(low, base + factor * (path[y] - base)))) for y in years}


def capacity(path: Mapping[int, int], months) -> tuple[int, ...]:
    years = sorted(path)
    return tuple(path[min(max(month.year, years[0]), years[-1])] for month in months)


# --- Cells ---------------------------------------------------------------------------------------


def _cell_keys(places, data: RegionData, months) -> list[Cell]:
    """Cells with places in a year of the horizon, or with measured inflow; in the order of the
    municipalities' names and the types' order."""
    measured = {cell for cell, estimate in data.estimates.cells.items() if estimate.inflow}
    planned = {key for key, path in places.items() if any(capacity(path, months))}
    keys = planned | measured
    order = {m.cbs_code: i for i, m in enumerate(data.municipalities)}
    types = {code: (t.order, code) for code, t in data.types.items()}
    for key in keys - set(places):
        places[key] = dict.fromkeys(data.grid.years, 0)
    return sorted(
        (key for key in keys if key[0] in order and key[1] in types),
        key=lambda key: (order[key[0]], types[key[1]]),
    )


@dataclass
class CellBuilder:
    """Turns a cell's planned places and the region's estimates into the engine's cell."""

    parameters: ScenarioParameters
    data: RegionData
    months: tuple[datetime.date, ...]
    notes: list[str]

    def build(self, key: Cell, path: Mapping[int, int]) -> flow.Cell | None:
        cbs_code, code = key
        setting = self.parameters.types.get(code, TypeSetting())
        estimate = self.data.estimates.cells.get(key)
        pooled = self.data.estimates.types.get(code)
        inflow = _inflow(setting, estimate, pooled, self.data.population(cbs_code))
        mean = _first(
            setting.mean_stay_months,
            _of(estimate, "mean_stay_months"),
            _of(pooled, "mean_stay_months"),
        )
        shares = _first(
            setting.destinations, _of(estimate, "destinations"), _of(pooled, "destinations")
        )
        if inflow is None or mean is None or shares is None:
            self.notes.append(self._missing(key))
            return None
        return self._cell(key, capacity(path, self.months), inflow, mean, shares, setting)

    def _cell(self, key: Cell, places, inflow: float, mean: float, shares, setting) -> flow.Cell:
        inflow *= self.parameters.inflow_multiplier
        mean *= self.parameters.stay_multiplier
        when_full = flow.WhenFull(self.data.types[key[1]].when_full)
        occupied, waiting = _start_stock(
            self.data.stock.get(key), places[0], inflow, mean, when_full
        )
        return flow.Cell(
            key="/".join(key),
            area=key[0],
            capacity=places,
            inflow=inflow,
            stay=_stay(self.parameters, mean),
            destinations=flow.Destinations(**dict(shares)),
            when_full=when_full,
            tariff_per_day=self._tariff(key, setting),
            occupied=occupied,
            waiting=waiting,
        )

    def _tariff(self, key: Cell, setting: TypeSetting) -> float:
        found = _first(
            setting.tariff_per_day, self.data.tariffs.get(key), self.data.type_tariffs.get(key[1])
        )
        if found is None:
            note = _("%(type)s has no tariff: its cost is counted as 0.") % {
                "type": self.data.types[key[1]].label
            }
            if note not in self.notes:
                self.notes.append(note)
        return float(found or 0.0)

    def _missing(self, key: Cell) -> str:
        name = next(m.name for m in self.data.municipalities if m.cbs_code == key[0])
        return _(
            "%(type)s in %(municipality)s is left out: there are no monthly figures to estimate "
            "its inflow, stay and destinations from, and the scenario sets none."
        ) % {"type": self.data.types[key[1]].label, "municipality": name}


def _of(estimate, name: str):
    return None if estimate is None else getattr(estimate, name)


def _first(*values):
    return next((v for v in values if v is not None), None)


def _inflow(setting: TypeSetting, estimate, pooled, population: int) -> float | None:
    if setting.inflow_per_10000 is not None:
        return setting.inflow_per_10000 * population / 10_000
    if _of(estimate, "inflow") is not None:
        return estimate.inflow
    if _of(pooled, "inflow_per_10000") is not None:
        return pooled.inflow_per_10000 * population / 10_000
    return None


def _stay(parameters: ScenarioParameters, mean: float) -> flow.Stay:
    if parameters.stay_distribution == StayKind.LOGNORMAL:
        return flow.Stay(flow.StayKind.LOGNORMAL, mean, mean * parameters.stay_spread)
    return flow.Stay(flow.StayKind.EXPONENTIAL, mean)


def _start_stock(stock, places: int, inflow: float, mean: float, when_full) -> tuple[int, int]:
    if stock is None:
        return min(places, round(inflow * mean)), 0
    occupied, waiting = stock
    if when_full != flow.WhenFull.WAITING_LIST:
        return min(occupied, places), 0
    return min(occupied, places), waiting + max(0, occupied - places)


# --- Contingent and groups -----------------------------------------------------------------------


def contingent_total(
    parameters: ScenarioParameters, data: RegionData, year: int
) -> tuple[int, int | None]:
    """The year's dwellings and the contingent year they come from (``None``: not a year's)."""
    if parameters.contingent_per_year is not None:
        return parameters.contingent_per_year, None
    known = sorted(data.contingent_years)
    if not known:
        return DEFAULT_CONTINGENT, None
    source = max((y for y in known if y <= year), default=known[0])
    return data.contingent_years[source], source


def contingent_split(
    parameters: ScenarioParameters, data: RegionData, year: int
) -> dict[str, float]:
    """Per municipality its dwellings for people leaving a facility in ``year`` (the outflow
    stream of the year's contingent)."""
    total, source = contingent_total(parameters, data, year)
    share = data.outflow_shares.get(source, DEFAULT_OUTFLOW_SHARE)
    total *= share
    population = {m.cbs_code: max(m.population or 0, 1) for m in data.municipalities}
    targets = (
        {code: target * share for code, target in data.spread_targets.get(source, {}).items()}
        if parameters.contingent_split == Split.SPREAD_TARGETS
        else {}
    )
    if not targets:
        return _by_weight(total, population)
    rest = max(0, total - sum(targets.values()))
    others = {code: w for code, w in population.items() if code not in targets}
    return {**_by_weight(rest, others), **_by_weight(min(total, sum(targets.values())), targets)}


def _by_weight(total: float, weights: Mapping[str, float]) -> dict[str, float]:
    whole = sum(weights.values())
    return {code: total * w / whole for code, w in weights.items()} if whole else {}


def contingent_series(parameters, data: RegionData, months, areas) -> dict[str, tuple[float, ...]]:
    """Per area the dwellings available each month: a twelfth of its year's share."""
    by_year = {year: contingent_split(parameters, data, year) for year in {m.year for m in months}}
    return {area: tuple(by_year[m.year].get(area, 0.0) / 12 for m in months) for area in areas}


def _groups(cells, data: RegionData) -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = defaultdict(list)
    subregions = {m.cbs_code: m.subregion.slug for m in data.municipalities}
    for cell in cells:
        code = cell.key.split("/", 1)[1]
        groups["region"].append(cell.key)
        groups[f"subregion:{subregions[cell.area]}"].append(cell.key)
        groups[f"type:{code}"].append(cell.key)
    return {name: tuple(keys) for name, keys in groups.items()}


def _labels(groups, data: RegionData) -> dict[str, str]:
    subregions = {m.subregion.slug: m.subregion.name for m in data.municipalities}
    labels = {}
    for name in groups:
        kind, _colon, code = name.partition(":")
        if kind == "subregion":
            labels[name] = subregions[code]
        elif kind == "type":
            labels[name] = data.types[code].label
        else:
            labels[name] = data.region.name
    return labels
