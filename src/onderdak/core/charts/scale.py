"""Numbers on an axis: round tick values, their labels, and the mapping of values to positions."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django.utils.formats import number_format

Number = Decimal | int | float
Formatter = Callable[[Decimal], str]

TICK_COUNT = 5
RESOLUTION = Decimal("0.000001")


@dataclass(frozen=True)
class Tick:
    value: Decimal
    position: float
    label: str


def as_decimal(value: Number) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def plotted(value: Number) -> Decimal:
    """The value as drawn: magnitudes below ``RESOLUTION`` are drawn as zero, so that axis
    labels stay short (the table still shows the value itself)."""
    decimal = as_decimal(value)
    return Decimal(0) if abs(decimal) < RESOLUTION else decimal


def format_number(value: Decimal, decimals: int | None = None) -> str:
    """In the active language, with grouping: 1.234,5 in Dutch, 1,234.5 in English.

    Without ``decimals``, as many decimals as the value has.
    """
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def nice_step(raw: Decimal) -> Decimal:
    """The smallest of 1, 2, 2.5, 5 or 10 times a power of ten that is at least ``raw`` (> 0)."""
    magnitude = Decimal(1).scaleb(raw.adjusted())
    fraction = raw / magnitude
    nice = next(n for n in (1, 2, Decimal("2.5"), 5, 10) if fraction <= n)
    return (nice * magnitude).normalize()


def nice_ticks(low: Number, high: Number, target: int = TICK_COUNT) -> tuple[Decimal, ...]:
    """Round tick values from at most ``low`` to at least ``high``, always including zero."""
    low, high = min(as_decimal(low), Decimal(0)), max(as_decimal(high), Decimal(0))
    if low == high:
        high = Decimal(1)
    step = nice_step((high - low) / (target - 1))
    first = (low / step).to_integral_value(ROUND_FLOOR)
    last = (high / step).to_integral_value(ROUND_CEILING)
    return tuple((first + i) * step for i in range(int(last - first) + 1))


def tick_decimals(ticks: Sequence[Decimal]) -> int:
    step = (ticks[1] - ticks[0]).normalize()
    return max(0, -step.as_tuple().exponent)


def scale(ticks: Sequence[Decimal], start: float, end: float) -> Callable[[Number], float]:
    """Maps a value between the first and last tick onto ``start``…``end`` (either direction)."""
    low, high = float(ticks[0]), float(ticks[-1])

    def position(value: Number) -> float:
        return round(start + (float(value) - low) / (high - low) * (end - start), 2)

    return position


def axis_ticks(ticks: Sequence[Decimal], position: Callable[[Number], float]) -> tuple[Tick, ...]:
    decimals = tick_decimals(ticks)
    return tuple(Tick(t, position(t), format_number(t, decimals)) for t in ticks)
