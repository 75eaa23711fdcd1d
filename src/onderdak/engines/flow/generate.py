"""Reproducible synthetic inputs for tests and benchmarks: the same seed, the same input.

:func:`region` makes a region of ``municipalities`` municipalities (sizes drawn around 45,000
inhabitants) with six facility types, places per 10,000 inhabitants that grow or shrink a few
per cent a year, inflow near capacity, and a yearly contingent of 200 dwellings split by size.
:func:`histories` makes monthly figures of facilities that work as the model says (drawn
independently of the engine), for calibration.
"""

from dataclasses import dataclass
from datetime import date

import numpy as np

from .calibration import FacilityHistory, MonthFigures
from .model import Cell, Destinations, FlowInput, Stay, StayKind, WhenFull

EXPONENTIAL, LOGNORMAL = StayKind.EXPONENTIAL, StayKind.LOGNORMAL
YEARLY_CONTINGENT = 200


@dataclass(frozen=True)
class Kind:
    code: str
    when_full: WhenFull
    stay: Stay
    places: float  # per 10,000 inhabitants
    load: float  # inflow x mean stay / places
    contingent: float  # share leaving for a contingent dwelling
    tariff: float  # euro per place per day
    trend: float  # change of places a year


WAITS, TURNED_AWAY = WhenFull.WAITING_LIST, WhenFull.UNSHELTERED
KINDS = (
    Kind("night-shelter", TURNED_AWAY, Stay(EXPONENTIAL, 2.0), 1.0, 0.95, 0.15, 65, -0.02),
    Kind("shelter-24h", TURNED_AWAY, Stay(LOGNORMAL, 4.0, 4.0), 1.2, 0.95, 0.3, 120, 0.0),
    Kind("crisis", TURNED_AWAY, Stay(EXPONENTIAL, 2.5), 0.4, 0.9, 0.2, 150, 0.0),
    Kind("protected-24-7", WAITS, Stay(LOGNORMAL, 30.0, 24.0), 3.0, 1.05, 0.5, 210, -0.04),
    Kind("protected-home", WAITS, Stay(EXPONENTIAL, 18.0), 4.0, 1.0, 0.4, 95, 0.05),
    Kind("housing-first", WAITS, Stay(LOGNORMAL, 24.0, 30.0), 0.8, 1.1, 0.6, 70, 0.08),
)


def region(
    municipalities: int = 13, months: int = 120, runs: int = 1000, seed: int = 0
) -> FlowInput:
    """A fictitious region: one cell per municipality and kind; groups per subregion (three, or
    one per municipality when there are fewer), per kind and for the region."""
    rng = np.random.default_rng(seed)
    inhabitants = np.round(rng.lognormal(np.log(45_000), 0.6, municipalities), -2)
    codes = [f"M{i + 1:02d}" for i in range(municipalities)]
    cells = tuple(
        _cell(code, kind, size, months)
        for code, size in zip(codes, inhabitants, strict=True)
        for kind in KINDS
    )
    share = inhabitants / inhabitants.sum()
    contingent = {
        code: (YEARLY_CONTINGENT * s / 12,) * months for code, s in zip(codes, share, strict=True)
    }
    return FlowInput(cells, months, contingent, _groups(codes), runs=runs, seed=seed)


def _cell(code: str, kind: Kind, inhabitants: float, months: int) -> Cell:
    base = kind.places * inhabitants / 10_000
    capacity = tuple(round(base * (1 + kind.trend) ** (m / 12)) for m in range(months))
    rest = 1 - kind.contingent
    return Cell(
        key=f"{code}/{kind.code}",
        area=code,
        capacity=capacity,
        inflow=kind.load * base / kind.stay.mean_months,
        stay=kind.stay,
        destinations=Destinations(kind.contingent, 0.5 * rest, 0.3 * rest, 0.2 * rest),
        when_full=kind.when_full,
        tariff_per_day=kind.tariff,
        occupied=round(0.9 * capacity[0]),
        waiting=round(0.1 * capacity[0]) if kind.when_full == WhenFull.WAITING_LIST else 0,
    )


def _groups(codes: list[str]) -> dict[str, tuple[str, ...]]:
    thirds = np.array_split(np.array(codes), min(3, len(codes)))
    groups = {
        f"subregion-{i + 1}": tuple(f"{c}/{k.code}" for c in part for k in KINDS)
        for i, part in enumerate(thirds)
    }
    groups |= {kind.code: tuple(f"{c}/{kind.code}" for c in codes) for kind in KINDS}
    groups["region"] = tuple(f"{c}/{k.code}" for c in codes for k in KINDS)
    return groups


def histories(facilities: int = 100, months: int = 36, seed: int = 0) -> list[FacilityHistory]:
    """Monthly figures of ``facilities`` facilities of every kind, pooled into cells of 13
    municipalities; places of 5 to 60, stays and shares as the kinds'."""
    rng = np.random.default_rng(seed)
    result = []
    for number in range(facilities):
        kind = KINDS[number % len(KINDS)]
        places = int(rng.integers(5, 61))
        rate = kind.load * places / kind.stay.mean_months
        shares = (kind.contingent, *(np.array([0.5, 0.3, 0.2]) * (1 - kind.contingent)))
        figures = facility_months(
            rng, months, rate, kind.stay.mean_months, places, shares, kind.when_full
        )
        cell = f"M{number % 13 + 1:02d}/{kind.code}"
        result.append(FacilityHistory(f"F{number:03d}", cell, figures, kind.when_full))
    return result


def facility_months(
    rng: np.random.Generator,
    months: int,
    rate: float,
    stay: float,
    places: int,
    shares: tuple[float, ...],
    when_full: WhenFull = WhenFull.WAITING_LIST,
) -> tuple[MonthFigures, ...]:
    """A facility as the model has it, from January 2022: each person present leaves in a month
    with chance 1 / ``stay``, to a destination by ``shares``; newcomers (Poisson) take free
    places, and wait or are turned away."""
    present, waiting = min(round(rate * stay), places), 0
    figures = []
    for index in range(months):
        leaving = int(rng.binomial(present, min(1.0, 1 / stay)))
        by_destination = (int(n) for n in rng.multinomial(leaving, shares))
        present -= leaving
        wanting = waiting + int(rng.poisson(rate))
        admitted = min(max(places - present, 0), wanting)
        present = present + admitted
        waiting = wanting - admitted if when_full == WhenFull.WAITING_LIST else 0
        month = date(2022 + index // 12, index % 12 + 1, 1)
        figures.append(MonthFigures(month, places, present, waiting, admitted, *by_destination))
    return tuple(figures)
