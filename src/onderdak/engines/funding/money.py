"""Exact money: amounts in whole cents, split by the largest-remainder method.

Internally every amount is an ``int`` number of cents and every key a list of ``int`` weights
(Decimals scaled exactly to a common denominator), so no rounding happens anywhere except in
``apportion`` (``engines/apportion.py``), and there it is controlled: the parts always add up
to the total.
"""

from collections.abc import Mapping, Sequence
from decimal import Context, Decimal
from functools import lru_cache
from math import lcm
from typing import TypeVar

from ..apportion import apportion
from .errors import FundingError

K = TypeVar("K")

CENT = Decimal("0.01")
# scaleb() rounds to the context precision; this context is wide enough never to round.
_EXACT = Context(prec=999_999)


def check_decimal(value: object, *, what: str, field: str | None) -> Decimal:
    """``value`` as a finite Decimal; ints are accepted, floats refused (they are inexact)."""
    if type(value) is not Decimal:
        if isinstance(value, bool) or not isinstance(value, Decimal | int):
            kind = type(value).__name__
            raise FundingError(f"{what} must be a Decimal, not {kind}.", field)
        value = Decimal(value)
    if not value.is_finite():
        raise FundingError(f"{what} must be a number, not {value}.", field)
    return value


def to_cents(value: object, *, what: str, field: str | None) -> int:
    """A non-negative amount in whole cents as an ``int`` number of cents."""
    amount = check_decimal(value, what=what, field=field)
    if amount < 0:
        raise FundingError(f"{what} cannot be negative ({amount}).", field)
    numerator, denominator = amount.as_integer_ratio()
    if (numerator * 100) % denominator:
        raise FundingError(f"{what} must be a whole number of cents, not {amount}.", field)
    return numerator * 100 // denominator


@lru_cache(maxsize=4096)
def from_cents(cents: int) -> Decimal:
    """An ``int`` number of cents as a Decimal with exactly two decimals (cached: results repeat
    a lot, such as 0.00, and a Decimal is immutable)."""
    return Decimal(cents).scaleb(-2, _EXACT)


def from_units(units: int, places: int) -> Decimal:
    """``units`` times ``10**-places`` as an exact Decimal."""
    return Decimal(units).scaleb(-places, _EXACT)


def integer_weights(values: Sequence[Decimal]) -> tuple[list[int], int]:
    """Scale Decimals exactly to integers: ``values[i] == weights[i] / denominator``."""
    ratios = [value.as_integer_ratio() for value in values]
    denominator = lcm(*(d for _, d in ratios)) if ratios else 1
    return [n * (denominator // d) for n, d in ratios], denominator


def _weights(weights: Mapping[K, Decimal]) -> list[Decimal]:
    values = [check_decimal(w, what=f"The weight of {k}", field=None) for k, w in weights.items()]
    if any(value < 0 for value in values):
        raise FundingError("Weights cannot be negative.")
    if not any(values):
        raise FundingError("At least one weight must be above zero.")
    return values


def split_cents(total: Decimal, weights: Mapping[K, Decimal]) -> dict[K, Decimal]:
    """Split ``total`` (whole cents, >= 0) over ``weights`` (>= 0, not all zero) to the cent.

    The parts are multiples of 0.01, add up to ``total`` exactly and each differs from its exact
    share by less than 0.01; ties go to the earliest key in the mapping's iteration order.
    """
    cents = to_cents(total, what="The amount to split", field=None)
    scaled, _ = integer_weights(_weights(weights))
    parts = apportion(cents, scaled)
    return {key: from_cents(part) for key, part in zip(weights, parts, strict=True)}
