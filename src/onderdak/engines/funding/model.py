"""The funding model's input and result, as frozen dataclasses of Decimals and strings."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .phase_in import PhaseIn
from .validation import prepare

__all__ = ["CapConflict", "FundingInput", "FundingResult", "PhaseIn", "Row", "Total"]


@dataclass(frozen=True)
class FundingInput:
    """Everything :func:`distribute` needs; see the field comments for units and defaults.

    Amounts are Decimals in whole cents (ints are accepted, floats refused); keys map a
    municipality code to its share (adding up to 1); years are consecutive and ascending.
    """

    years: tuple[int, ...]
    municipalities: tuple[tuple[str, str], ...]  # (code, subregion slug)
    budget: Mapping[int, Decimal]  # year -> total to distribute
    historical_key: Mapping[str, Decimal]
    objective_key: Mapping[str, Decimal]
    phase_in: PhaseIn
    cap: Decimal | None = None  # max relative change a year, e.g. Decimal("0.05")
    regional_costs: Mapping[int, Decimal] = field(default_factory=dict)  # year -> cost
    solidarity_key: Mapping[str, Decimal] = field(default_factory=dict)  # shares regional costs
    subregional_costs: Mapping[tuple[str, int], Decimal] = field(default_factory=dict)
    subregional_key: Mapping[str, Decimal] = field(default_factory=dict)  # code -> weight
    planned_costs: Mapping[tuple[str, int], Decimal] = field(default_factory=dict)

    def validate(self) -> None:
        """Raise :class:`FundingError` (with ``field``) for the first input that cannot be used."""
        prepare(self)


@dataclass(frozen=True)
class Row:
    """One municipality in one year."""

    year: int
    code: str
    subregion: str
    key_share: Decimal  # share used: after phase-in, or allocation / budget where the cap bit
    allocation: Decimal
    regional_contribution: Decimal
    subregional_contribution: Decimal
    planned_costs: Decimal
    balance: Decimal  # allocation - contributions - planned costs


@dataclass(frozen=True)
class Total:
    """The sums of a year's rows for the region (``scope="region"``) or one subregion."""

    year: int
    scope: str
    allocation: Decimal
    regional_contribution: Decimal
    subregional_contribution: Decimal
    planned_costs: Decimal
    balance: Decimal


@dataclass(frozen=True)
class CapConflict:
    """A year in which no allocation within the cap adds up to the budget."""

    year: int
    message: str
    codes: tuple[str, ...]  # municipalities whose (uncapped) amount moves beyond the cap


@dataclass(frozen=True)
class FundingResult:
    """Rows ordered by year, then code; totals per year (region first, then subregions)."""

    rows: tuple[Row, ...]
    totals: tuple[Total, ...]
    conflicts: tuple[CapConflict, ...]

    def rows_for(self, year: int) -> tuple[Row, ...]:
        """The rows of one year, ordered by code."""
        return tuple(row for row in self.rows if row.year == year)

    def total(self, year: int, scope: str = "region") -> Total:
        """The total of one year for the region or a subregion (by slug)."""
        for total in self.totals:
            if total.year == year and total.scope == scope:
                return total
        raise KeyError(f"No total for {scope} in {year}.")
