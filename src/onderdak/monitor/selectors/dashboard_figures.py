"""One published figure of the monitor, and the arithmetic of the built-in indicators.

A :class:`Figure` is either a value or the reason it is hidden, never both: a hidden figure does
not carry its value, so no page, download or API answer can show it by mistake. Figures computed
from counts (a rate, a share, a change) are hidden when a count they come from is hidden ("<5"
when that count is small, "x" when it was hidden with one), because the population and the other
counts are public and would give the count back.
"""

from collections.abc import Hashable
from dataclasses import dataclass
from decimal import Decimal

from onderdak.core.formatting import localized_number, rounded
from onderdak.engines.suppression import Hidden

PER = 10_000  # inhabitants, for rates
RATE_DECIMALS = 1
PERCENT_DECIMALS = 1


@dataclass(frozen=True)
class Figure:
    """A value (``None``: no data, e.g. no earlier count) or, when ``hidden``, no value at all.

    ``key`` is the count cell the figure is (cells of a count's cube), ``sources`` the cells a
    computed figure comes from: the privacy test follows every published figure back by them.
    """

    value: int | Decimal | None
    hidden: str = ""
    decimals: int = 0
    key: Hashable | None = None
    sources: tuple = ()

    @property
    def shown(self) -> int | Decimal | None:
        return None if self.hidden else self.value

    @property
    def display(self) -> str:
        """As a page shows it: "<5" for a small count, "x" for a figure hidden with one."""
        if self.hidden:
            return "<5" if self.hidden == Hidden.SMALL else "x"
        if self.value is None:
            return ""
        return localized_number(self.value, self.decimals, grouped=True)

    @property
    def cells(self) -> tuple:
        """The count cells behind this figure: itself, or what it was computed from."""
        return (self.key,) if self.key is not None else self.sources


def count_figure(key: Hashable, value: int, hidden: str = "") -> Figure:
    """A count from a cube: its value only when it is not hidden."""
    return Figure(None if hidden else value, hidden, 0, key)


def hidden_reason(*figures: Figure) -> str:
    """Why a figure computed from ``figures`` is hidden: small wins over derived; "" if shown."""
    reasons = {figure.hidden for figure in figures if figure.hidden}
    if not reasons:
        return ""
    return Hidden.SMALL if Hidden.SMALL in reasons else Hidden.DERIVED


def _computed(value, decimals: int, *inputs: Figure) -> Figure:
    sources = tuple(cell for figure in inputs for cell in figure.cells)
    reason = hidden_reason(*inputs)
    if reason:
        return Figure(None, reason, decimals, sources=sources)
    shown = None if value is None else rounded(value, decimals)
    return Figure(shown, "", decimals, sources=sources)


def per_10000(people: Figure, population: int | None) -> Figure:
    """People per 10,000 inhabitants; no value without a population figure."""
    value = None
    if people.value is not None and population:
        value = Decimal(people.value) * PER / population
    return _computed(value, RATE_DECIMALS, people)


def share(part: Figure, whole: Figure) -> Figure:
    """``part`` as a percentage of ``whole``; no value when the whole is 0."""
    value = None
    if part.value is not None and whole.value:
        value = Decimal(part.value) * 100 / whole.value
    return _computed(value, PERCENT_DECIMALS, part, whole)


def change(current: Figure, previous: Figure) -> Figure:
    """``current`` minus ``previous`` (whole numbers or rates, kept at their decimals)."""
    value = None
    if current.value is not None and previous.value is not None:
        value = current.value - previous.value
    return _computed(value, max(current.decimals, previous.decimals), current, previous)


def change_percent(current: Figure, previous: Figure) -> Figure:
    """The change as a percentage of ``previous``; no value when ``previous`` is 0."""
    value = None
    if current.value is not None and previous.value:
        value = Decimal(current.value - previous.value) * 100 / previous.value
    return _computed(value, PERCENT_DECIMALS, current, previous)


def no_data(decimals: int = 0) -> Figure:
    return Figure(None, "", decimals)
