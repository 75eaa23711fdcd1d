"""Calibration: the flow model's parameters estimated from the monthly figures of facilities.

Per facility, and per cell (the facilities of one municipality and type, summed month by month
over the months all of them reported), from consecutive months ``t - 1, t``:

- **inflow** (newcomers per month, the engine's ``Cell.inflow``): those admitted plus the growth
  of the waiting list, ``inflow_t + waiting_t - waiting_(t-1)``, summed and divided by the number
  of month pairs: the maximum-likelihood estimate of a Poisson rate, with the exact (Garwood,
  chi-square) 90 % interval. Newcomers turned away by a full facility are in no figure, so for a
  facility that was often full the inflow is too low; a note says so.
- **mean length of stay**: the people present at the start of each month (``occupied_(t-1)``)
  are the exposure, those leaving in the month the events; the stay is exposure / events, the
  engine's own month count (in its model each person present leaves in a month with chance
  1 / mean stay). The interval inverts the exact Poisson interval of the number leaving, given
  the exposure (a little wider than a binomial one would be for short stays). The time a ready
  person waits for a dwelling counts as stay here: the figures do not tell the two apart. The
  figures do not tell the spread of stays either: a lognormal spread must come from elsewhere.
- **destination shares**: the outflow by destination over all months, each share with its exact
  (Clopper-Pearson) 90 % interval.
- **the fitted model against history**: from the first month's occupied places and waiting
  list, the expected path with the estimated inflow and stay and the places reported each month
  (the engine's step with expected values), beside the figures, with the mean absolute error of
  occupancy (also relative to the mean occupancy) and of the waiting list.

Too little data (fewer than :data:`MIN_MONTHS` months, or nobody leaving) gives an estimate with
``problems`` instead of figures, never an exception; malformed figures raise :class:`FlowError`.
"""

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from numbers import Integral

from scipy.stats import beta, chi2

from .errors import FlowError
from .model import Destinations, Stay, StayKind, WhenFull

MIN_MONTHS = 6
LEVEL = 0.90
#: A facility full in at least this share of its months gets a note on its inflow.
OFTEN_FULL = 0.25
DESTINATIONS = ("contingent", "housing", "institution", "unknown")
COUNTS = ("places", "occupied", "waiting", "inflow", *(f"outflow_{d}" for d in DESTINATIONS))


@dataclass(frozen=True)
class MonthFigures:
    """One month of a facility: stocks at the month's end, flows over the month."""

    month: date  # the first day of the month
    places: int
    occupied: int
    waiting: int
    inflow: int  # admitted in the month
    outflow_contingent: int
    outflow_housing: int
    outflow_institution: int
    outflow_unknown: int

    @property
    def outflow(self) -> int:
        return sum(getattr(self, f"outflow_{d}") for d in DESTINATIONS)


Pairs = list[tuple[MonthFigures, MonthFigures]]  # consecutive months


@dataclass(frozen=True)
class FacilityHistory:
    key: str  # the facility
    cell: str  # the cell it is pooled into, e.g. "GM0546/beschermd-wonen-24-7"
    months: tuple[MonthFigures, ...]
    when_full: WhenFull = WhenFull.WAITING_LIST


@dataclass(frozen=True)
class Interval:
    estimate: float
    low: float
    high: float


@dataclass(frozen=True)
class Note:
    """Why something could not be estimated (a problem), or what to bear in mind (a note).
    ``code`` is stable, for translation: ``too_few_months``, ``no_outflow``, ``no_exposure``,
    ``no_common_months``, ``often_full``, ``shrinking_waiting_list``."""

    code: str
    message: str


@dataclass(frozen=True)
class FittedPath:
    """The expected path of the fitted model beside the figures, month by month."""

    months: tuple[date, ...]
    occupied: tuple[int, ...]
    fitted_occupied: tuple[float, ...]
    waiting: tuple[int, ...]
    fitted_waiting: tuple[float, ...]
    occupied_error: float  # mean absolute error, people
    relative_error: float  # the same, as a share of the mean occupancy
    waiting_error: float  # mean absolute error of the waiting list, people


@dataclass(frozen=True)
class Estimate:
    """The estimates for a facility or a cell; ``None`` where ``problems`` say why not."""

    key: str
    facilities: tuple[str, ...]
    months: int  # months of figures used
    inflow: Interval | None  # newcomers per month
    stay: Interval | None  # mean length of stay, months
    shares: Mapping[str, Interval] | None  # destination -> share of those leaving
    full_share: float  # share of the months with every place taken
    fit: FittedPath | None
    problems: tuple[Note, ...] = ()
    notes: tuple[Note, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.problems

    def stay_model(self) -> Stay | None:
        """The estimated stay for the engine (exponential: the figures give no spread)."""
        return None if self.stay is None else Stay(StayKind.EXPONENTIAL, self.stay.estimate)

    def destinations(self) -> Destinations | None:
        """The estimated shares for the engine (the last one takes the rounding)."""
        if self.shares is None:
            return None
        shares = [self.shares[d].estimate for d in DESTINATIONS]
        return Destinations(*shares[:3], 1 - math.fsum(shares[:3]))


@dataclass(frozen=True)
class Calibration:
    facilities: Mapping[str, Estimate]
    cells: Mapping[str, Estimate]
    level: float = LEVEL


def calibrate(history: Sequence[FacilityHistory]) -> Calibration:
    """Estimates per facility and per cell; raises :class:`FlowError` on malformed figures."""
    for facility in history:
        _check(facility)
    facilities = {f.key: estimate(f.key, (f.key,), _sorted(f.months), f.when_full) for f in history}
    members: dict[str, list[FacilityHistory]] = defaultdict(list)
    for facility in history:
        members[facility.cell].append(facility)
    cells = {cell: _cell_estimate(cell, group) for cell, group in members.items()}
    return Calibration(facilities=facilities, cells=cells)


def _check(facility: FacilityHistory) -> None:
    if not isinstance(facility, FacilityHistory) or not facility.key or not facility.cell:
        raise FlowError(
            f"Give each facility as a FacilityHistory with a key and a cell, not {facility!r}.",
            "history",
        )
    seen = set()
    for figures in facility.months:
        name = f"The figures of facility {facility.key!r} for {figures.month}"
        if not isinstance(figures.month, date) or figures.month.day != 1:
            raise FlowError(f"{name}: a month is given by its first day.", "history")
        if figures.month in seen:
            raise FlowError(f"{name} are given twice.", "history")
        seen.add(figures.month)
        for count in COUNTS:
            value = getattr(figures, count)
            if not isinstance(value, Integral) or isinstance(value, bool) or value < 0:
                raise FlowError(
                    f"{name}: {count} must be a whole number of 0 or more, not {value!r}.",
                    "history",
                )


def _sorted(months: Sequence[MonthFigures]) -> tuple[MonthFigures, ...]:
    return tuple(sorted(months, key=lambda figures: figures.month))


def _cell_estimate(cell: str, group: list[FacilityHistory]) -> Estimate:
    """The facilities summed month by month, over the months every one of them reported."""
    keys = tuple(f.key for f in group)
    common = set.intersection(*({m.month for m in f.months} for f in group))
    if len(common) < MIN_MONTHS:
        problem = Note(
            "no_common_months",
            f"The facilities of cell {cell!r} reported together in {len(common)} months; at "
            f"least {MIN_MONTHS} are needed.",
        )
        return _nothing(cell, keys, len(common), (problem,))
    by_month = [{m.month: m for m in f.months} for f in group]
    summed = tuple(_sum(month, [each[month] for each in by_month]) for month in sorted(common))
    return estimate(cell, keys, summed, group[0].when_full)


def _sum(month: date, figures: list[MonthFigures]) -> MonthFigures:
    return MonthFigures(month, *(sum(getattr(f, count) for f in figures) for count in COUNTS))


def estimate(
    key: str, facilities: tuple[str, ...], months: tuple[MonthFigures, ...], when_full: WhenFull
) -> Estimate:
    """The estimates from months in calendar order (gaps allowed: only consecutive months pair)."""
    pairs = [(a, b) for a, b in pairwise(months) if _next_month(a.month) == b.month]
    if len(pairs) < MIN_MONTHS - 1:
        problem = Note(
            "too_few_months",
            f"{key!r} has figures for {len(months)} months, {len(pairs)} of them following the "
            f"month before; at least {MIN_MONTHS} months in a row are needed.",
        )
        return _nothing(key, facilities, len(months), (problem,))
    inflow, notes = _inflow(key, pairs)
    stay, problems = _stay(key, pairs)
    shares = _shares(months)
    if shares is None:
        problems += (Note("no_outflow", f"Nobody left {key!r} in these months."),)
    full = sum(m.occupied >= m.places for m in months) / len(months)
    if full >= OFTEN_FULL and when_full == WhenFull.UNSHELTERED:
        notes += (
            Note(
                "often_full",
                f"{key!r} was full in {full:.0%} of the months; newcomers turned away are in no "
                f"figure, so the inflow is underestimated.",
            ),
        )
    fit = None if stay is None else _fit(months, inflow.estimate, stay.estimate, when_full)
    return Estimate(key, facilities, len(months), inflow, stay, shares, full, fit, problems, notes)


def _nothing(
    key: str, facilities: tuple[str, ...], months: int, problems: tuple[Note, ...]
) -> Estimate:
    return Estimate(key, facilities, months, None, None, None, 0.0, None, problems)


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _inflow(key: str, pairs: Pairs) -> tuple[Interval, tuple[Note, ...]]:
    """Newcomers: admitted plus the growth of the waiting list, per month pair."""
    newcomers = sum(b.inflow + b.waiting - a.waiting for a, b in pairs)
    notes = ()
    if newcomers < sum(b.inflow for _, b in pairs):
        notes = (
            Note(
                "shrinking_waiting_list",
                f"The waiting list of {key!r} shrank by more than the admissions explain; "
                f"people who left it otherwise are not newcomers.",
            ),
        )
    count = max(newcomers, 0)
    return _poisson_rate(count, len(pairs)), notes


def _stay(key: str, pairs: Pairs) -> tuple[Interval | None, tuple[Note, ...]]:
    exposure = sum(a.occupied for a, _ in pairs)
    leaving = sum(b.outflow for _, b in pairs)
    if exposure == 0:
        return None, (Note("no_exposure", f"Nobody was present in {key!r} in these months."),)
    if leaving == 0:
        return None, ()  # reported with the shares: nobody left
    rate = _poisson_rate(leaving, exposure)
    return Interval(1 / rate.estimate, 1 / rate.high, 1 / rate.low if rate.low else math.inf), ()


def _poisson_rate(events: int, exposure: float) -> Interval:
    """The rate of a Poisson count with its exact (Garwood) interval."""
    tail = (1 - LEVEL) / 2
    low = chi2.ppf(tail, 2 * events) / 2 if events else 0.0
    high = chi2.ppf(1 - tail, 2 * events + 2) / 2
    return Interval(events / exposure, low / exposure, high / exposure)


def _shares(months: Sequence[MonthFigures]) -> dict[str, Interval] | None:
    counts = {d: sum(getattr(m, f"outflow_{d}") for m in months) for d in DESTINATIONS}
    total = sum(counts.values())
    if total == 0:
        return None
    return {d: _proportion(count, total) for d, count in counts.items()}


def _proportion(count: int, total: int) -> Interval:
    """A share with its exact (Clopper-Pearson) interval."""
    tail = (1 - LEVEL) / 2
    low = beta.ppf(tail, count, total - count + 1) if count else 0.0
    high = beta.ppf(1 - tail, count + 1, total - count) if count < total else 1.0
    return Interval(count / total, float(low), float(high))


def _fit(
    months: Sequence[MonthFigures], inflow: float, stay: float, when_full: WhenFull
) -> FittedPath:
    """The expected path from the first month's stocks, month by month with the places reported
    (a month without figures keeps the places of the month before)."""
    leave = min(1.0, 1 / stay)
    by_month = {m.month: m for m in months}
    occupied, waiting = float(months[0].occupied), float(months[0].waiting)
    places, fitted = months[0].places, {months[0].month: (occupied, waiting)}
    month = months[0].month
    while month < months[-1].month:
        month = _next_month(month)
        places = by_month[month].places if month in by_month else places
        staying = occupied * (1 - leave)
        admitted = min(max(places - staying, 0.0), waiting + inflow)
        waiting = waiting + inflow - admitted if when_full == WhenFull.WAITING_LIST else 0.0
        occupied = staying + admitted
        fitted[month] = (occupied, waiting)
    return _path(months, fitted)


def _path(months: Sequence[MonthFigures], fitted: dict[date, tuple[float, float]]) -> FittedPath:
    observed_occupied = tuple(m.occupied for m in months)
    observed_waiting = tuple(m.waiting for m in months)
    fitted_occupied = tuple(fitted[m.month][0] for m in months)
    fitted_waiting = tuple(fitted[m.month][1] for m in months)
    occupied_error = _mean_absolute(observed_occupied, fitted_occupied)
    mean = sum(observed_occupied) / len(months)
    return FittedPath(
        months=tuple(m.month for m in months),
        occupied=observed_occupied,
        fitted_occupied=fitted_occupied,
        waiting=observed_waiting,
        fitted_waiting=fitted_waiting,
        occupied_error=occupied_error,
        relative_error=occupied_error / mean if mean else 0.0,
        waiting_error=_mean_absolute(observed_waiting, fitted_waiting),
    )


def _mean_absolute(observed: Sequence[float], fitted: Sequence[float]) -> float:
    """Over every month but the first (where the path starts from the figures)."""
    pairs = list(zip(observed, fitted, strict=True))[1:]
    return sum(abs(a - b) for a, b in pairs) / len(pairs)
