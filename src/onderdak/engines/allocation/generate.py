"""Reproducible synthetic instances for tests and benchmarks: the same seed, the same input.

Municipalities are grouped into areas; a candidate excludes every municipality outside its own
area, which sets how many dwellings are feasible per candidate (about dwellings / areas, before
the other rules). Quotas come in three shapes:

- ``"none"``;
- ``"laminar"``: a limit per corporation (on dwellings) and per stream (on candidates), which is a
  flow network;
- ``"crossing"``: a limit per corporation and stream (naming dwellings and candidates) and per
  municipality, which cross and need the MILP.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from .model import AffordabilityLimit, AllocationInput, Candidate, Dwelling, Mode, Quota

QuotaShape = Literal["none", "laminar", "crossing"]
REFERENCE_DATE = date(2026, 1, 1)
WEIGHTS = {
    "preferred_area": 3,
    "waiting_time": 2,
    "guidance_nearby": 1,
    "household_fit": 2,
    "urgency": 4,
}
SOURCE = "Synthetic instance; rent limits after the 2025 aftoppingsgrenzen"
AFFORDABILITY = (
    AffordabilityLimit("within_limit", 1, Decimal("477.20"), SOURCE),
    AffordabilityLimit("within_limit", 3, Decimal("682.96"), SOURCE),
    AffordabilityLimit("above_limit", 1, Decimal("900.07"), SOURCE),
)


@dataclass(frozen=True)
class Shape:
    candidates: int
    dwellings: int
    municipalities: int = 13
    areas: int = 1
    subregions: int = 3
    corporations: int = 6
    quotas: QuotaShape = "none"
    quota_share: float = 0.6  # a quota's limit as a share of its members
    declined: int = 0


def instance(
    shape: Shape, seed: int, mode: Mode = "housed_then_score", **options
) -> AllocationInput:
    """An :class:`AllocationInput` of ``shape``; ``options`` go to the input (solver, ...)."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible test data, not secrets
    codes = [f"M{i:04d}" for i in range(shape.municipalities)]
    municipalities = {code: f"S{i % shape.subregions:02d}" for i, code in enumerate(codes)}
    area_of = {code: i % shape.areas for i, code in enumerate(codes)}
    candidates = tuple(_candidate(rng, i, codes, area_of, shape) for i in range(shape.candidates))
    dwellings = tuple(_dwelling(rng, i, codes, shape) for i in range(shape.dwellings))
    return AllocationInput(
        candidates=candidates,
        dwellings=dwellings,
        municipalities=municipalities,
        reference_date=REFERENCE_DATE,
        affordability=AFFORDABILITY,
        quotas=_quotas(rng, shape, candidates, dwellings),
        declined=_declined(rng, shape, candidates, dwellings),
        weights=WEIGHTS,
        mode=mode,
        **options,
    )


def _candidate(rng: random.Random, i: int, codes, area_of, shape: Shape) -> Candidate:
    tie = rng.choice(codes)
    area = [code for code in codes if area_of[code] == area_of[tie]]
    outside = tuple(code for code in codes if area_of[code] != area_of[tie])
    excluded = outside + tuple(c for c in rng.sample(area, min(len(area), 2)) if c != tie)
    return Candidate(
        id=f"C{i:05d}",
        stream=rng.choice(("outflow", "prevention")),
        income_band=rng.choices(("within_limit", "above_limit"), (4, 1))[0],
        approved_on=REFERENCE_DATE - timedelta(days=rng.randrange(700)),
        tie_municipality=tie,
        household_adults=rng.choices((1, 2), (4, 1))[0],
        household_children=rng.choices((0, 1, 2, 3), (6, 2, 1, 1))[0],
        rooms_needed=rng.choices((1, 2, 3), (5, 3, 2))[0],
        needs_ground_floor_or_lift=rng.random() < 0.15,
        needs_wheelchair_access=rng.random() < 0.03,
        urgent=rng.random() < 0.1,
        guidance_subregion=f"S{rng.randrange(shape.subregions):02d}",
        preferred_municipalities=tuple(sorted(set(rng.sample(area, min(len(area), 2))))),
        excluded_municipalities=tuple(sorted(set(excluded) - {tie})),
    )


def _dwelling(rng: random.Random, i: int, codes, shape: Shape) -> Dwelling:
    return Dwelling(
        id=f"D{i:05d}",
        corporation=f"K{rng.randrange(shape.corporations):02d}",
        municipality=rng.choice(codes),
        rooms=rng.choices((1, 2, 3, 4), (2, 4, 3, 1))[0],
        rent=Decimal(rng.randrange(35000, 85000)) / 100,
        stream=rng.choices(("outflow", "prevention", "either"), (2, 2, 1))[0],
        floor=rng.choices((0, 1, 2, 3), (3, 2, 2, 1))[0],
        has_lift=rng.random() < 0.4,
        wheelchair_accessible=rng.random() < 0.1,
    )


def _quotas(rng, shape: Shape, candidates, dwellings) -> tuple[Quota, ...]:
    if shape.quotas == "none":
        return ()
    corporations = _groups(dwellings, lambda d: d.corporation)
    streams = _groups(candidates, lambda c: c.stream)
    if shape.quotas == "laminar":
        return tuple(
            [_limit(f"corporation {k}", shape, dwellings=v) for k, v in corporations.items()]
            + [_limit(f"stream {k}", shape, candidates=v) for k, v in streams.items()]
        )
    per_stream = [
        _limit(f"corporation {k} {s}", shape, dwellings=v, candidates=streams[s], size=len(v))
        for k, v in corporations.items()
        for s in sorted(streams)
    ]
    places = _groups(dwellings, lambda d: d.municipality)
    spread = [_limit(f"municipality {k}", shape, dwellings=v) for k, v in places.items()]
    return tuple(per_stream + spread)


def _groups(items, key) -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item.id)
    return {k: tuple(v) for k, v in sorted(groups.items())}


def _limit(name, shape: Shape, dwellings=(), candidates=(), size=None) -> Quota:
    members = size if size is not None else len(dwellings or candidates)
    return Quota(name, max(1, round(members * shape.quota_share)), dwellings, candidates)


def _declined(rng, shape: Shape, candidates, dwellings) -> tuple[tuple[str, str], ...]:
    pairs = {(rng.choice(candidates).id, rng.choice(dwellings).id) for _ in range(shape.declined)}
    return tuple(sorted(pairs))
