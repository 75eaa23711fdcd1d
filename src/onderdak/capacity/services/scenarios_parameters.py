"""A scenario's parameters: what they are, and their validation (the scenario service's part).

A scenario stores only what differs from the defaults (``Scenario.parameters``, JSON); every
other parameter comes from the region's data when a run starts: the plan, the calibration of the
monthly figures, the contingent years, the population. :func:`scenario_parameters` turns the
JSON into :class:`ScenarioParameters`, refusing bad input with a message per field
(``horizon_months``, ``plan_changes.0.places``, ``types.housing-first.mean_stay_months``), so a
page and the API say the same. The run builds the engine's input from it
(``selectors/scenarios_input.py``) and the engine checks that input once more.

Parameters (see the scenario page's help):

- ``horizon_months`` (1 to 600, default 120) from ``start_month`` (``YYYY-MM``; default the
  month after the latest monthly figures, or this month); ``runs`` (1 to 10,000, default 1,000)
  and ``seed`` (default 0): the same parameters and data give the same result;
- ``contingent_per_year``: the contingent, dwellings a year (default: the region's contingent
  years, the latest year for later years, else 250), of which the outflow stream's share serves
  people leaving a facility; split over the municipalities ``by population`` or by the year's
  ``spread_targets`` (the rest by population);
- ``plan_changes``: ``add`` places of a type in a municipality or a subregion (split by
  population) from a year on, or change the ``pace`` of a municipality's or subregion's
  build-up or phase-down of a type by a factor (2: twice as fast, to the same end);
- ``plan_places``: places per cell (``GM0546/housing-first``) and year that replace the plan's
  (a proposal of the plan optimisation);
- ``inflow_multiplier`` and ``stay_multiplier`` (0 to 10, default 1); the length of stay
  ``exponential`` or ``lognormal`` with a ``stay_spread`` (spread as a share of the mean);
- ``types``: per type code, what replaces the calibration: ``inflow_per_10000`` (newcomers a
  month per 10,000 inhabitants), ``mean_stay_months``, ``tariff_per_day`` and
  ``destinations`` (shares of contingent, housing, institution, unknown, adding up to 1).
"""

import datetime
import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from django.utils.translation import gettext as _

from onderdak.capacity.models import FacilityType
from onderdak.capacity.models.facilities import MAX_PLACES, MAX_TARIFF
from onderdak.capacity.selectors.plans import region_plan
from onderdak.core.errors import DomainError
from onderdak.region.models import Region

MAX_HORIZON, MAX_RUNS, MAX_SEED = 600, 10_000, 2**32 - 1
MAX_CONTINGENT = 100_000
MAX_FACTOR = 10.0
SHARE_TOLERANCE = 1e-6
DESTINATIONS = ("contingent", "housing", "institution", "unknown")
MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")


class Split:
    POPULATION = "population"
    SPREAD_TARGETS = "spread_targets"


class StayKind:
    EXPONENTIAL = "exponential"
    LOGNORMAL = "lognormal"


class ChangeAction:
    ADD = "add"
    PACE = "pace"


@dataclass(frozen=True)
class PlanChange:
    """A change to the plan: ``add`` places (negative: fewer) from a year on, or change the
    ``pace`` of the build-up or phase-down by a factor; in a municipality or a subregion."""

    action: str
    facility_type: str
    municipality: str = ""  # CBS code
    subregion: str = ""  # slug
    places: int = 0
    from_year: int | None = None
    factor: float = 1.0


NO_CHANGE = PlanChange(action="", facility_type="")


@dataclass(frozen=True)
class TypeSetting:
    """What replaces the calibration for one type (``None``: the calibration's)."""

    inflow_per_10000: float | None = None
    mean_stay_months: float | None = None
    tariff_per_day: float | None = None
    destinations: Mapping[str, float] | None = None


@dataclass(frozen=True)
class ScenarioParameters:
    horizon_months: int = 120
    start_month: datetime.date | None = None
    runs: int = 1000
    seed: int = 0
    contingent_per_year: int | None = None
    contingent_split: str = Split.POPULATION
    inflow_multiplier: float = 1.0
    stay_multiplier: float = 1.0
    stay_distribution: str = StayKind.EXPONENTIAL
    stay_spread: float = 1.0
    plan_changes: tuple[PlanChange, ...] = ()
    plan_places: Mapping[str, Mapping[int, int]] = field(default_factory=dict)
    types: Mapping[str, TypeSetting] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """What differs from the defaults, as stored on the scenario."""
        default = ScenarioParameters()
        data = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value != getattr(default, item.name):
                data[item.name] = _json(value)
        return data


def _json(value):
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m")
    if isinstance(value, tuple):
        return [_without_defaults(item, NO_CHANGE) for item in value]
    if isinstance(value, Mapping):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, TypeSetting):
        return _without_defaults(value, TypeSetting())
    return value


def _without_defaults(item, default) -> dict:
    """The fields of ``item`` that differ from ``default`` (a change keeps its action and type)."""
    return {
        k: v
        for k, v in asdict(item).items()
        if v != getattr(default, k) or k in ("action", "facility_type")
    }


# --- Validation ----------------------------------------------------------------------------------


class Errors:
    """Collects messages per field, so that every mistake is reported at once."""

    def __init__(self) -> None:
        self.fields: dict[str, list[str]] = {}

    def add(self, name: str, message: str) -> None:
        self.fields.setdefault(name, []).append(message)

    def raise_any(self) -> None:
        if self.fields:
            message = _("The scenario's parameters are not valid.")
            raise DomainError(message, fields=self.fields)


def _number(
    raw: Mapping,
    name: str,
    errors: Errors,
    *,
    low: float,
    high: float,
    whole: bool = False,
    above_low: bool = False,
    key: str | None = None,
):
    """``raw[name]`` as a number within its bounds; ``None`` when absent or wrong (then said)."""
    key = key or name
    value = raw.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        errors.add(key, _("Give a number."))
        return None
    if whole and value != int(value):
        errors.add(key, _("Give a whole number."))
        return None
    too_low = value <= low if above_low else value < low
    if too_low or value > high:
        errors.add(key, _range_message(low, high, above_low))
        return None
    return int(value) if whole else float(value)


def _range_message(low: float, high: float, above_low: bool) -> str:
    numbers = {"low": f"{low:g}", "high": f"{high:g}"}
    if above_low:
        return _("Give a number above %(low)s and at most %(high)s.") % numbers
    return _("Give a number from %(low)s to %(high)s.") % numbers


def _choice(raw: Mapping, name: str, choices: tuple[str, ...], errors: Errors, default: str):
    value = raw.get(name, default)
    if value not in choices:
        errors.add(name, _("Choose one of: %(choices)s.") % {"choices": ", ".join(choices)})
        return default
    return value


def parse_month(value: Any) -> datetime.date | None:
    """``2026-03`` as the first day of that month; ``None`` for anything else."""
    match = MONTH.match(value) if isinstance(value, str) else None
    if not match or not 1 <= int(match["month"]) <= 12 or int(match["year"]) < 2000:
        return None
    return datetime.date(int(match["year"]), int(match["month"]), 1)


@dataclass(frozen=True)
class Context:
    """What the parameters are checked against: the region's types, areas and plan years."""

    types: frozenset[str]
    municipalities: frozenset[str]
    subregions: frozenset[str]
    years: tuple[int, ...]

    @classmethod
    def of(cls, region: Region) -> "Context":
        plan = region_plan(region=region)
        return cls(
            types=frozenset(FacilityType.objects.values_list("code", flat=True)),
            municipalities=frozenset(region.municipalities.values_list("cbs_code", flat=True)),
            subregions=frozenset(region.subregions.values_list("slug", flat=True)),
            years=tuple(plan.years) if plan else (),
        )


KNOWN = frozenset(f.name for f in fields(ScenarioParameters))


def scenario_parameters(raw: Mapping[str, Any], *, region: Region) -> ScenarioParameters:
    """The parameters of ``raw`` (stored JSON or API input), checked; every error at once."""
    errors = Errors()
    if not isinstance(raw, Mapping):
        errors.add("parameters", _("Give the parameters as an object."))
        errors.raise_any()
    for name in sorted(set(raw) - KNOWN):
        errors.add(name, _("Unknown parameter."))
    context = Context.of(region)
    parameters = ScenarioParameters(
        **_numbers(raw, errors),
        start_month=_start_month(raw, errors),
        contingent_split=_choice(
            raw,
            "contingent_split",
            (Split.POPULATION, Split.SPREAD_TARGETS),
            errors,
            Split.POPULATION,
        ),
        stay_distribution=_choice(
            raw,
            "stay_distribution",
            (StayKind.EXPONENTIAL, StayKind.LOGNORMAL),
            errors,
            StayKind.EXPONENTIAL,
        ),
        plan_changes=_plan_changes(raw.get("plan_changes", []), context, errors),
        plan_places=_plan_places(raw.get("plan_places", {}), context, errors),
        types=_type_settings(raw.get("types", {}), context, errors),
    )
    errors.raise_any()
    return parameters


def _numbers(raw: Mapping, errors: Errors) -> dict[str, Any]:
    found = {
        "horizon_months": _number(
            raw, "horizon_months", errors, low=1, high=MAX_HORIZON, whole=True
        ),
        "runs": _number(raw, "runs", errors, low=1, high=MAX_RUNS, whole=True),
        "seed": _number(raw, "seed", errors, low=0, high=MAX_SEED, whole=True),
        "contingent_per_year": _number(
            raw, "contingent_per_year", errors, low=0, high=MAX_CONTINGENT, whole=True
        ),
        **{
            name: _number(raw, name, errors, low=0, high=MAX_FACTOR, above_low=True)
            for name in ("inflow_multiplier", "stay_multiplier", "stay_spread")
        },
    }
    defaults = ScenarioParameters()
    return {
        name: value
        if value is not None or name == "contingent_per_year"
        else getattr(defaults, name)
        for name, value in found.items()
    }


def _start_month(raw: Mapping, errors: Errors) -> datetime.date | None:
    if raw.get("start_month") in (None, ""):
        return None
    month = parse_month(raw["start_month"])
    if month is None:
        errors.add("start_month", _("Give a month as YYYY-MM, e.g. 2026-01."))
    return month


def _area_errors(item: Mapping, key: str, context: Context, errors: Errors) -> None:
    municipality, subregion = item.get("municipality") or "", item.get("subregion") or ""
    if bool(municipality) == bool(subregion):
        errors.add(f"{key}.municipality", _("Choose a municipality or a subregion."))
    elif municipality and municipality not in context.municipalities:
        errors.add(f"{key}.municipality", _("This municipality is not part of the region."))
    elif subregion and subregion not in context.subregions:
        errors.add(f"{key}.subregion", _("This subregion is not part of the region."))


def _plan_changes(raw: Any, context: Context, errors: Errors) -> tuple[PlanChange, ...]:
    if not isinstance(raw, list):
        errors.add("plan_changes", _("Give the changes to the plan as a list."))
        return ()
    return tuple(
        change
        for index, item in enumerate(raw)
        if (change := _plan_change(item, f"plan_changes.{index}", context, errors)) is not None
    )


def _plan_change(item: Any, key: str, context: Context, errors: Errors) -> PlanChange | None:
    if not isinstance(item, Mapping):
        errors.add(key, _("Give each change as an object."))
        return None
    action = item.get("action")
    if action not in (ChangeAction.ADD, ChangeAction.PACE):
        errors.add(f"{key}.action", _("Choose to add places or to change the pace."))
    if item.get("facility_type") not in context.types:
        errors.add(f"{key}.facility_type", _("Choose a known facility type."))
    _area_errors(item, key, context, errors)
    details = _change_details(item, action, key, context, errors)
    return PlanChange(
        action=action or "",
        facility_type=item.get("facility_type") or "",
        municipality=item.get("municipality") or "",
        subregion=item.get("subregion") or "",
        **details,
    )


def _change_details(item: Mapping, action, key: str, context: Context, errors: Errors) -> dict:
    if action == ChangeAction.PACE:
        factor = _number(
            item, "factor", errors, low=0, high=MAX_FACTOR, above_low=True, key=f"{key}.factor"
        )
        if factor is None and "factor" not in item:
            errors.add(f"{key}.factor", _("Give the factor: 2 is twice as fast."))
        return {"factor": factor or 1.0}
    places = _number(
        item, "places", errors, low=-MAX_PLACES, high=MAX_PLACES, whole=True, key=f"{key}.places"
    )
    if not places and "places" not in item:
        errors.add(f"{key}.places", _("Give the number of places to add (negative: fewer)."))
    return {"places": places or 0, "from_year": _from_year(item, key, context, errors)}


def _from_year(item: Mapping, key: str, context: Context, errors: Errors) -> int | None:
    year = item.get("from_year")
    if year is None:
        return None
    if not context.years:
        errors.add(f"{key}.from_year", _("The region has no plan yet."))
    elif not isinstance(year, int) or isinstance(year, bool) or year not in context.years:
        errors.add(
            f"{key}.from_year",
            _("The plan runs from %(first)s to %(last)s.")
            % {"first": context.years[0], "last": context.years[-1]},
        )
        return None
    return year


def _plan_places(raw: Any, context: Context, errors: Errors) -> dict[str, dict[int, int]]:
    if not isinstance(raw, Mapping):
        errors.add("plan_places", _("Give the places per cell and year as an object."))
        return {}
    result = {}
    for cell, years in raw.items():
        municipality, _slash, kind = str(cell).partition("/")
        key = f"plan_places.{cell}"
        if municipality not in context.municipalities or kind not in context.types:
            errors.add(
                key, _("Name a cell as municipality code/type code, e.g. GM0546/housing-first.")
            )
        elif isinstance(years, Mapping):
            result[str(cell)] = _cell_places(years, key, context, errors)
        else:
            errors.add(key, _("Give the places per year as an object."))
    return result


def _cell_places(years: Mapping, key: str, context: Context, errors: Errors) -> dict[int, int]:
    places = {}
    for year, value in years.items():
        number = int(year) if str(year).isdigit() else None
        if number not in context.years:
            errors.add(key, _("%(year)s is not a year of the plan.") % {"year": year})
            continue
        count = _number({"p": value}, "p", errors, low=0, high=MAX_PLACES, whole=True, key=key)
        if count is not None:
            places[number] = count
    return places


def _type_settings(raw: Any, context: Context, errors: Errors) -> dict[str, TypeSetting]:
    if not isinstance(raw, Mapping):
        errors.add("types", _("Give the settings per type as an object."))
        return {}
    settings = {}
    for code, item in raw.items():
        key = f"types.{code}"
        if code not in context.types:
            errors.add(key, _("Unknown facility type."))
        elif not isinstance(item, Mapping):
            errors.add(key, _("Give the type's settings as an object."))
        else:
            settings[code] = _type_setting(item, key, errors)
    return settings


def _type_setting(item: Mapping, key: str, errors: Errors) -> TypeSetting:
    def number(name: str, high: float, above_low: bool) -> float | None:
        return _number(
            item, name, errors, low=0, high=high, above_low=above_low, key=f"{key}.{name}"
        )

    return TypeSetting(
        inflow_per_10000=number("inflow_per_10000", 1000, False),
        mean_stay_months=number("mean_stay_months", MAX_HORIZON, True),
        tariff_per_day=number("tariff_per_day", MAX_TARIFF, False),
        destinations=_destinations(item.get("destinations"), f"{key}.destinations", errors),
    )


def _destinations(raw: Any, key: str, errors: Errors) -> dict[str, float] | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or set(raw) != set(DESTINATIONS):
        errors.add(
            key, _("Give a share for each of: %(names)s.") % {"names": ", ".join(DESTINATIONS)}
        )
        return None
    shares = {
        name: _number(raw, name, errors, low=0, high=1, key=f"{key}.{name}")
        for name in DESTINATIONS
    }
    if None in shares.values():
        return None
    if abs(sum(shares.values()) - 1) > SHARE_TOLERANCE:
        errors.add(
            key, _("The shares add up to %(sum)s, not to 1.") % {"sum": f"{sum(shares.values()):g}"}
        )
        return None
    return shares
