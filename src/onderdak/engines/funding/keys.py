"""Distribution keys: code -> share, shares >= 0 adding up to exactly 1.

Keys are entered as percentages with four decimals, so a key is accepted when its shares add up
to 1 within :data:`TOLERANCE`. Keys this module makes (mixes, keys from indicators) have
:data:`SHARE_PLACES` decimals and add up to exactly 1: the rounding residue goes by largest
remainder, as with money.
"""

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from math import lcm

from ..apportion import apportion
from .errors import FundingError
from .money import check_decimal, from_units, integer_weights

SHARE_PLACES = 10
TOLERANCE = Decimal("0.000001")
_SHARE_UNITS = 10**SHARE_PLACES


def percent(share: Decimal | Fraction) -> str:
    """A share as a percentage for messages: ``Decimal("0.995")`` -> ``"99.5 %"``."""
    text = f"{from_units(round(Fraction(share) * 1_000_000), 4):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text} %"


def _label(name: str) -> str:
    return name.replace("_", " ")


def _check_codes(
    key: Mapping[str, Decimal], codes: list[str], name: str, kind: str = "municipality"
) -> None:
    missing = [str(code) for code in codes if code not in key]
    if missing:
        raise FundingError(f"The {_label(name)} has no share for {', '.join(missing)}.", name)
    known = set(codes)
    unknown = [str(code) for code in key if code not in known]
    if unknown:
        message = f"The {_label(name)} names {', '.join(unknown)}, which is not a {kind} here."
        raise FundingError(message, name)


def _check_shares(key: Mapping[str, Decimal], name: str) -> list[Decimal]:
    shares = []
    for code, share in key.items():
        value = check_decimal(share, what=f"The {_label(name)} share of {code}", field=name)
        if value < 0:
            message = f"The {_label(name)} gives {code} a negative share ({percent(value)})."
            raise FundingError(message, name)
        shares.append(value)
    return shares


def validate_key(key: Mapping[str, Decimal], *, codes: Iterable[str], name: str) -> None:
    """Refuse a key that is not a share for every municipality adding up to 100 %.

    ``name`` is the input's field name (``"historical_key"``); it is the error's ``field`` and,
    with spaces for underscores, names the key in the message.
    """
    _validate(key, list(codes), name, "municipality")


def _validate(key: Mapping[str, Decimal], codes: list[str], name: str, kind: str) -> None:
    if not isinstance(key, Mapping):
        raise FundingError(f"The {_label(name)} must be a mapping (a dict).", name)
    _check_codes(key, codes, name, kind)
    weights, denominator = integer_weights(_check_shares(key, name))
    total = Fraction(sum(weights), denominator)
    if abs(total - 1) > TOLERANCE:
        verb = "add" if name.endswith("s") else "adds"
        message = f"The {_label(name)} {verb} up to {percent(total)}, not 100 %."
        raise FundingError(message, name)


def shares_from_weights(codes: Sequence[str], weights: Sequence[int]) -> dict[str, Decimal]:
    """Shares proportional to ``weights`` with SHARE_PLACES decimals, adding up to exactly 1."""
    units = apportion(_SHARE_UNITS, weights)
    return {code: from_units(unit, SHARE_PLACES) for code, unit in zip(codes, units, strict=True)}


def _fraction_weights(values: Sequence[Fraction]) -> list[int]:
    denominator = lcm(*(value.denominator for value in values))
    return [value.numerator * (denominator // value.denominator) for value in values]


def normalised(key: Mapping[str, Decimal], *, name: str = "key") -> dict[str, Decimal]:
    """The key itself when its shares add up to exactly 1, else rescaled to do so."""
    weights, denominator = integer_weights(_check_shares(key, name))
    if sum(weights) == denominator:
        return dict(key)
    if not any(weights):
        raise FundingError(f"The {_label(name)} has no share above zero.", name)
    return shares_from_weights(list(key), weights)


def _check_weight(weight_a: Decimal) -> Decimal:
    value = check_decimal(weight_a, what="The mixing weight", field=None)
    if not 0 <= value <= 1:
        raise FundingError(f"The mixing weight must lie between 0 and 1, not {value}.")
    return value


def mix_keys(
    a: Mapping[str, Decimal], b: Mapping[str, Decimal], weight_a: Decimal
) -> dict[str, Decimal]:
    """``weight_a * a + (1 - weight_a) * b``, in ``a``'s order, adding up to exactly 1.

    With weight 1 (or 0) the result is ``a`` (or ``b``) itself, unrounded, so a phase-in ends on
    exactly the objective key. Otherwise shares have SHARE_PLACES decimals.
    """
    weight = _check_weight(weight_a)
    if set(a) != set(b):
        raise FundingError("Both keys must name the same municipalities.")
    codes = list(a)
    if weight in (0, 1):
        return normalised(a if weight == 1 else {code: b[code] for code in codes})
    a_weights, _ = integer_weights(_check_shares(a, "key"))
    b_weights, _ = integer_weights(_check_shares({code: b[code] for code in codes}, "key"))
    p, q = weight.as_integer_ratio()
    a_sum, b_sum = sum(a_weights), sum(b_weights)
    mixed = [p * x * b_sum + (q - p) * y * a_sum for x, y in zip(a_weights, b_weights, strict=True)]
    return shares_from_weights(codes, mixed)


def _indicator_shares(name: str, values: Mapping[str, Decimal], codes: list[str]) -> list[Fraction]:
    if set(values) != set(codes):
        raise FundingError(f"Indicator {name} must give a value for the same municipalities.")
    label = f"indicator {name}"
    weights, _ = integer_weights(_check_shares({c: values[c] for c in codes}, label))
    total = sum(weights)
    if not total:
        raise FundingError(f"Indicator {name} is zero for every municipality.", "indicators")
    return [Fraction(weight, total) for weight in weights]


def key_from_indicators(
    values: Mapping[str, Mapping[str, Decimal]], weights: Mapping[str, Decimal]
) -> dict[str, Decimal]:
    """A key from indicators (population, use, ...): each indicator normalised, then weighted.

    ``values`` maps indicator -> {code: value >= 0}; ``weights`` maps indicator -> weight, adding
    up to 1. The result follows the first indicator's order and adds up to exactly 1.
    """
    if not values:
        raise FundingError("At least one indicator is needed.", "indicators")
    _validate(weights, list(values), "indicator_weights", "indicator")
    codes = list(next(iter(values.values())))
    mixed = [Fraction(0)] * len(codes)
    for name, by_code in values.items():
        weight = Fraction(weights[name])
        if weight:
            shares = _indicator_shares(name, by_code, codes)
            mixed = [m + weight * s for m, s in zip(mixed, shares, strict=True)]
    return shares_from_weights(codes, _fraction_weights(mixed))
