"""The calibration of the flow model on the monthly figures (``engines/flow/calibration.py``),
as the calibration page shows it and as scenarios take their defaults from it."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from onderdak.region.models import Region

Cell = tuple[str, str]  # (CBS code, type code)


@dataclass(frozen=True)
class CellEstimate:
    """What the figures of one municipality x type's facilities say (``None``: too few)."""

    inflow: float | None  # newcomers a month
    mean_stay_months: float | None
    destinations: Mapping[str, float] | None


@dataclass(frozen=True)
class TypeEstimate:
    """A type's figures pooled over the region."""

    inflow_per_10000: float | None  # newcomers a month per 10,000 inhabitants of the region
    mean_stay_months: float | None
    destinations: Mapping[str, float] | None


@dataclass(frozen=True)
class Estimates:
    cells: Mapping[Cell, CellEstimate] = field(default_factory=dict)
    types: Mapping[str, TypeEstimate] = field(default_factory=dict)


def estimates(*, region: Region) -> Estimates:
    """The region's estimates. The flow engine's calibration (part F) is not merged yet: until
    it is, there are none, and a scenario takes inflow, stay and destinations from its settings
    per type."""
    return Estimates()
