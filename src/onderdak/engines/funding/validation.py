"""Checking a FundingInput and converting it to exact integers (cents and weights).

Every check raises :class:`FundingError` naming the offending item and the input ``field``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING

from .errors import FundingError
from .keys import validate_key
from .money import check_decimal, integer_weights, to_cents
from .phase_in import PhaseIn

if TYPE_CHECKING:
    from .model import FundingInput

REGION = "region"  # the scope of the region's totals; no subregion may be called so


@dataclass(frozen=True)
class Prepared:
    """A checked input: codes sorted, amounts as ``int`` cents, weights as ``int``."""

    years: tuple[int, ...]
    codes: tuple[str, ...]
    subregion_of: dict[str, str]
    subregions: tuple[str, ...]
    budget: dict[int, int]
    regional_costs: dict[int, int]
    solidarity: tuple[list[str], list[int]] | None
    subregional_costs: dict[tuple[str, int], int]
    subregional_weights: dict[str, tuple[list[str], list[int]]]
    planned_costs: dict[tuple[str, int], int]


def prepare(data: FundingInput) -> Prepared:
    """Check ``data`` and convert its amounts and weights to integers."""
    _mappings(data)
    years = _years(data.years)
    subregion_of = _municipalities(data.municipalities)
    codes = tuple(sorted(subregion_of))
    subregions = tuple(sorted(set(subregion_of.values())))
    _keys_and_phase_in(data, codes)
    regional = _by_year(data.regional_costs, years, "regional_costs", "The regional costs")
    subregional = _by_pair(
        data.subregional_costs, subregions, years, "subregional_costs", "subregion"
    )
    return Prepared(
        years=years,
        codes=codes,
        subregion_of=subregion_of,
        subregions=subregions,
        budget=_budget(data.budget, years),
        regional_costs=regional,
        solidarity=_solidarity(data.solidarity_key, codes, regional),
        subregional_costs=subregional,
        subregional_weights=_subregional_weights(data.subregional_key, subregion_of, subregional),
        planned_costs=_by_pair(data.planned_costs, codes, years, "planned_costs", "municipality"),
    )


_MAPPINGS = (
    "budget",
    "historical_key",
    "objective_key",
    "regional_costs",
    "solidarity_key",
    "subregional_costs",
    "subregional_key",
    "planned_costs",
)


def _mappings(data: FundingInput) -> None:
    for field in _MAPPINGS:
        if not isinstance(getattr(data, field), Mapping):
            label = field.replace("_", " ")
            raise FundingError(f"The {label} must be a mapping (a dict).", field)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _years(years: object) -> tuple[int, ...]:
    if not isinstance(years, tuple | list) or not years:
        raise FundingError("The model needs at least one year.", "years")
    for year in years:
        if not _is_int(year):
            raise FundingError(f"A year must be a whole number, not {year!r}.", "years")
    for before, after in pairwise(years):
        if after != before + 1:
            message = f"The years must be consecutive and ascending: {after} follows {before}."
            raise FundingError(message, "years")
    return tuple(years)


def _municipality(entry: object) -> tuple[str, str]:
    if (
        not isinstance(entry, tuple | list)
        or len(entry) != 2
        or not all(isinstance(part, str) and part for part in entry)
    ):
        message = f"A municipality must be (code, subregion), not {entry!r}."
        raise FundingError(message, "municipalities")
    return entry[0], entry[1]


def _municipalities(entries: object) -> dict[str, str]:
    if not isinstance(entries, tuple | list) or not entries:
        raise FundingError("The model needs at least one municipality.", "municipalities")
    subregion_of: dict[str, str] = {}
    for entry in entries:
        code, subregion = _municipality(entry)
        if subregion == REGION:
            message = f"A subregion cannot be called {REGION!r}: that names the whole region."
            raise FundingError(message, "municipalities")
        if code in subregion_of:
            raise FundingError(f"Municipality {code} is listed twice.", "municipalities")
        subregion_of[code] = subregion
    return subregion_of


def _keys_and_phase_in(data: FundingInput, codes: tuple[str, ...]) -> None:
    validate_key(data.historical_key, codes=codes, name="historical_key")
    validate_key(data.objective_key, codes=codes, name="objective_key")
    if not isinstance(data.phase_in, PhaseIn):
        raise FundingError("The phase-in must be a PhaseIn.", "phase_in")
    data.phase_in.validate()
    if data.cap is not None:
        cap = check_decimal(data.cap, what="The cap", field="cap")
        if cap < 0:
            raise FundingError(f"The cap cannot be negative ({cap}).", "cap")


def _by_year(
    amounts: Mapping[int, Decimal], years: tuple[int, ...], field: str, what: str
) -> dict[int, int]:
    cents = {}
    for year, amount in amounts.items():
        _check_year(year, years, f"{what} for {year!r}", field)
        cents[year] = to_cents(amount, what=f"{what} for {year}", field=field)
    return cents


def _check_year(year: object, years: tuple[int, ...], what: str, field: str) -> None:
    if year not in years:
        message = f"{what}: {year!r} is not one of the model's years ({years[0]}-{years[-1]})."
        raise FundingError(message, field)


def _budget(budget: Mapping[int, Decimal], years: tuple[int, ...]) -> dict[int, int]:
    cents = _by_year(budget, years, "budget", "The budget")
    missing = [str(year) for year in years if year not in cents]
    if missing:
        raise FundingError(f"The budget has no amount for {', '.join(missing)}.", "budget")
    return cents


def _by_pair(
    amounts: Mapping[tuple[str, int], Decimal],
    names: tuple[str, ...],
    years: tuple[int, ...],
    field: str,
    kind: str,
) -> dict[tuple[str, int], int]:
    label = field.replace("_", " ")
    cents = {}
    for pair, amount in amounts.items():
        if not isinstance(pair, tuple) or len(pair) != 2:
            message = f"The {label} must be keyed by ({kind}, year), not {pair!r}."
            raise FundingError(message, field)
        name, year = pair
        if name not in names:
            message = f"The {label} name {name!r}, which is not a {kind} of this model."
            raise FundingError(message, field)
        _check_year(year, years, f"The {label} of {name} for {year!r}", field)
        cents[name, year] = to_cents(amount, what=f"The {label} of {name} for {year}", field=field)
    return cents


def _solidarity(
    key: Mapping[str, Decimal], codes: tuple[str, ...], regional: dict[int, int]
) -> tuple[list[str], list[int]] | None:
    costly = [str(year) for year, cents in regional.items() if cents]
    if not key and not costly:
        return None
    if not key:
        message = f"A solidarity key is needed for the regional costs in {', '.join(costly)}."
        raise FundingError(message, "solidarity_key")
    validate_key(key, codes=codes, name="solidarity_key")
    return list(key), integer_weights(list(key.values()))[0]


def _subregional_weights(
    key: Mapping[str, Decimal],
    subregion_of: dict[str, str],
    costs: dict[tuple[str, int], int],
) -> dict[str, tuple[list[str], list[int]]]:
    for code, weight in key.items():
        if code not in subregion_of:
            message = f"The subregional key names {code}, which is not a municipality here."
            raise FundingError(message, "subregional_key")
        what = f"The subregional weight of {code}"
        if check_decimal(weight, what=what, field="subregional_key") < 0:
            raise FundingError(f"{what} cannot be negative ({weight}).", "subregional_key")
    costly = sorted({subregion for (subregion, _), cents in costs.items() if cents})
    return {slug: _subregion_weights(key, subregion_of, slug) for slug in costly}


def _subregion_weights(
    key: Mapping[str, Decimal], subregion_of: dict[str, str], slug: str
) -> tuple[list[str], list[int]]:
    members = {code for code, subregion in subregion_of.items() if subregion == slug}
    missing = sorted(members - set(key))
    if missing:
        message = f"The subregional key has no weight for {', '.join(missing)} (in {slug})."
        raise FundingError(message, "subregional_key")
    codes = [code for code in key if code in members]
    weights = integer_weights([key[code] for code in codes])[0]
    if not any(weights):
        message = f"The subregional key gives every municipality in {slug} weight 0."
        raise FundingError(message, "subregional_key")
    return codes, weights
