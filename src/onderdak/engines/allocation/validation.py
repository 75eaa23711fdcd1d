"""Checking an :class:`AllocationInput`; every check raises :class:`AllocationError` naming the
offending item and the input ``field``."""

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from .errors import AllocationError
from .model import EITHER, STREAMS, AllocationInput, Candidate, Dwelling

MODES = ("housed_then_score", "score_only")
SOLVERS = ("auto", "lsa", "flow", "milp", "greedy")


def validate(data: AllocationInput, rule_ids: Iterable[str], criterion_ids: Iterable[str]) -> None:
    """Raise for the first input that cannot be used; ``*_ids`` are the registered plugins."""
    _options(data, set(rule_ids), set(criterion_ids))
    _unique("candidates", "candidate", (c.id for c in data.candidates))
    _unique("dwellings", "dwelling", (d.id for d in data.dwellings))
    for candidate in data.candidates:
        _candidate(candidate, data)
    for dwelling in data.dwellings:
        _dwelling(dwelling, data)
    _affordability(data)
    _quotas(data)
    _declined(data)


def _options(data: AllocationInput, rules: set[str], criteria: set[str]) -> None:
    if data.mode not in MODES:
        raise AllocationError(f"Unknown mode {data.mode!r}; use one of {MODES}.", "mode")
    if data.solver not in SOLVERS:
        raise AllocationError(f"Unknown solver {data.solver!r}; use one of {SOLVERS}.", "solver")
    if not data.time_limit > 0:
        raise AllocationError("The time limit must be more than 0 seconds.", "time_limit")
    for rule in data.rules or ():
        if rule not in rules:
            raise AllocationError(f"Unknown hard rule {rule!r}.", "rules")
    for criterion, weight in data.weights.items():
        if criterion not in criteria:
            raise AllocationError(f"Unknown criterion {criterion!r} in the weights.", "weights")
        if not isinstance(weight, int) or weight < 0:
            raise AllocationError(
                f"The weight of {criterion!r} must be a whole number of 0 or more.", "weights"
            )


def _unique(field: str, noun: str, ids: Iterable[str]) -> None:
    for item, count in Counter(ids).items():
        if not item:
            raise AllocationError(f"A {noun} has an empty id.", field)
        if count > 1:
            raise AllocationError(f"The {noun} {item!r} is given {count} times.", field)


def _candidate(candidate: Candidate, data: AllocationInput) -> None:
    name = f"Candidate {candidate.id!r}"
    if candidate.stream not in STREAMS:
        raise AllocationError(f"{name} has unknown stream {candidate.stream!r}.", "candidates")
    for attribute in ("household_children", "rooms_needed"):
        _not_negative(name, attribute, getattr(candidate, attribute), "candidates")
    if candidate.household_adults < 1:
        raise AllocationError(f"{name} has no adult in the household.", "candidates")
    municipalities = (
        candidate.tie_municipality,
        *candidate.preferred_municipalities,
        *candidate.excluded_municipalities,
    )
    _known_municipalities(name, municipalities, data, "candidates")
    if candidate.approved_on > data.reference_date:
        raise AllocationError(f"{name} is approved after the reference date.", "candidates")


def _dwelling(dwelling: Dwelling, data: AllocationInput) -> None:
    name = f"Dwelling {dwelling.id!r}"
    if dwelling.stream not in (*STREAMS, EITHER):
        raise AllocationError(f"{name} has unknown stream {dwelling.stream!r}.", "dwellings")
    for attribute in ("rooms", "floor"):
        _not_negative(name, attribute, getattr(dwelling, attribute), "dwellings")
    if not isinstance(dwelling.rent, Decimal | int) or dwelling.rent < 0:
        raise AllocationError(f"{name} needs a rent of 0 or more as a Decimal.", "dwellings")
    _known_municipalities(name, (dwelling.municipality,), data, "dwellings")


def _not_negative(name: str, attribute: str, value: int, field: str) -> None:
    if not isinstance(value, int) or value < 0:
        raise AllocationError(f"{name} has {attribute} {value!r}; it must be 0 or more.", field)


def _known_municipalities(
    name: str, codes: Iterable[str], data: AllocationInput, field: str
) -> None:
    for code in codes:
        if code not in data.municipalities:
            raise AllocationError(f"{name} names unknown municipality {code!r}.", field)


def _affordability(data: AllocationInput) -> None:
    keys = Counter((row.income_band, row.household_size) for row in data.affordability)
    for (band, size), count in keys.items():
        if count > 1:
            raise AllocationError(
                f"The affordability limit for {band!r}, household size {size}, is given "
                f"{count} times.",
                "affordability",
            )
    for row in data.affordability:
        if row.household_size < 1 or row.max_rent < 0 or not row.source.strip():
            raise AllocationError(
                f"The affordability limit for {row.income_band!r}, household size "
                f"{row.household_size}, needs a size of 1 or more, a rent of 0 or more and a "
                "source.",
                "affordability",
            )
    if data.rules is None or "affordability" in data.rules:
        bands = {band for band, _size in keys}
        for candidate in data.candidates:
            if candidate.income_band not in bands:
                raise AllocationError(
                    f"Candidate {candidate.id!r} has income band {candidate.income_band!r}, "
                    "which has no affordability limit.",
                    "affordability",
                )


def _quotas(data: AllocationInput) -> None:
    _unique("quotas", "quota", (q.id for q in data.quotas))
    candidates = {c.id for c in data.candidates}
    dwellings = {d.id for d in data.dwellings}
    for quota in data.quotas:
        name = f"Quota {quota.id!r}"
        _not_negative(name, "limit", quota.limit, "quotas")
        if not quota.dwellings and not quota.candidates:
            raise AllocationError(f"{name} names no dwelling and no candidate.", "quotas")
        _members(name, quota.dwellings, dwellings, "dwelling")
        _members(name, quota.candidates, candidates, "candidate")


def _members(name: str, members: tuple[str, ...], known: set[str], noun: str) -> None:
    for member, count in Counter(members).items():
        if member not in known:
            raise AllocationError(f"{name} names unknown {noun} {member!r}.", "quotas")
        if count > 1:
            raise AllocationError(f"{name} names {noun} {member!r} twice.", "quotas")


def _declined(data: AllocationInput) -> None:
    candidates = {c.id for c in data.candidates}
    dwellings = {d.id for d in data.dwellings}
    for candidate, dwelling in data.declined:
        if candidate not in candidates or dwelling not in dwellings:
            raise AllocationError(
                f"The declined pair ({candidate!r}, {dwelling!r}) names an unknown candidate "
                "or dwelling.",
                "declined",
            )
