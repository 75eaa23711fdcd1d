"""A checked input as numpy arrays, so rules and criteria run on whole blocks of pairs.

Candidates and dwellings are sorted by id: index ``i`` is the ``i``-th id in sorted order, which
makes every run independent of the order in which the input lists them.
"""

from dataclasses import dataclass, replace

import numpy as np

from .model import EITHER, AllocationInput

NO_SUBREGION = -1


@dataclass(frozen=True)
class Tables:
    candidate_ids: tuple[str, ...]
    dwelling_ids: tuple[str, ...]
    # candidates
    stream: np.ndarray  # code: index in the sorted stream names
    rooms_needed: np.ndarray
    needs_lift: np.ndarray
    needs_wheelchair: np.ndarray
    urgent: np.ndarray
    waited_days: np.ndarray
    rent_limit: np.ndarray  # cents; -1 where no affordability row applies
    guidance_subregion: np.ndarray
    preferred: np.ndarray  # candidate x municipality, bool
    preferred_subregion: np.ndarray  # candidate x subregion, bool (preferences and ties)
    excluded: np.ndarray  # candidate x municipality, bool
    declined: tuple[np.ndarray, np.ndarray]  # (candidate, dwelling) indices
    # dwellings
    dwelling_stream: np.ndarray  # code, or EITHER_CODE
    municipality: np.ndarray
    subregion: np.ndarray
    rooms: np.ndarray
    accessible_floor: np.ndarray  # ground floor or a lift
    wheelchair: np.ndarray
    rent: np.ndarray  # cents

    @property
    def n_candidates(self) -> int:
        return len(self.candidate_ids)

    @property
    def n_dwellings(self) -> int:
        return len(self.dwelling_ids)


EITHER_CODE = -1


def encode(data: AllocationInput) -> Tables:
    """The arrays of a validated ``data``."""
    candidates = sorted(data.candidates, key=lambda c: c.id)
    dwellings = sorted(data.dwellings, key=lambda d: d.id)
    municipalities = {code: i for i, code in enumerate(sorted(data.municipalities))}
    subregions = {name: i for i, name in enumerate(sorted(set(data.municipalities.values())))}
    streams = {name: i for i, name in enumerate(sorted({c.stream for c in candidates}))}
    cand_index = {c.id: i for i, c in enumerate(candidates)}
    dwel_index = {d.id: i for i, d in enumerate(dwellings)}

    def column(items, attribute, dtype=np.int64):
        return np.fromiter((getattr(item, attribute) for item in items), dtype, len(items))

    preferred = np.zeros((len(candidates), len(municipalities)), bool)
    excluded = np.zeros_like(preferred)
    liked_subregions = np.zeros((len(candidates), len(subregions)), bool)
    for i, c in enumerate(candidates):
        preferred[i, [municipalities[m] for m in c.preferred_municipalities]] = True
        excluded[i, [municipalities[m] for m in c.excluded_municipalities]] = True
        liked = (*c.preferred_municipalities, c.tie_municipality)
        liked_subregions[i, [subregions[data.municipalities[m]] for m in liked]] = True
    declined = sorted((cand_index[c], dwel_index[d]) for c, d in set(data.declined))
    return Tables(
        candidate_ids=tuple(c.id for c in candidates),
        dwelling_ids=tuple(d.id for d in dwellings),
        stream=np.array([streams[c.stream] for c in candidates], np.int64),
        rooms_needed=column(candidates, "rooms_needed"),
        needs_lift=column(candidates, "needs_ground_floor_or_lift", bool),
        needs_wheelchair=column(candidates, "needs_wheelchair_access", bool),
        urgent=column(candidates, "urgent", bool),
        waited_days=np.array(
            [(data.reference_date - c.approved_on).days for c in candidates], np.int64
        ),
        rent_limit=_rent_limits(data, candidates),
        guidance_subregion=np.array(
            [subregions.get(c.guidance_subregion, NO_SUBREGION) for c in candidates], np.int64
        ),
        preferred=preferred,
        preferred_subregion=liked_subregions,
        excluded=excluded,
        declined=(
            np.array([c for c, _ in declined], np.int64),
            np.array([d for _, d in declined], np.int64),
        ),
        dwelling_stream=np.array(
            [EITHER_CODE if d.stream == EITHER else streams.get(d.stream, -2) for d in dwellings],
            np.int64,
        ),
        municipality=np.array([municipalities[d.municipality] for d in dwellings], np.int64),
        subregion=np.array(
            [subregions[data.municipalities[d.municipality]] for d in dwellings], np.int64
        ),
        rooms=column(dwellings, "rooms"),
        accessible_floor=np.array([d.floor == 0 or d.has_lift for d in dwellings], bool),
        wheelchair=column(dwellings, "wheelchair_accessible", bool),
        rent=np.array([int(d.rent * 100) for d in dwellings], np.int64),
    )


def _rent_limits(data: AllocationInput, candidates: list) -> np.ndarray:
    """Per candidate the limit in cents for its band and size (the largest row for larger
    households); -1 when its band has no row, which the validation only allows when the
    affordability rule is not used."""
    table: dict[str, dict[int, int]] = {}
    for row in data.affordability:
        table.setdefault(row.income_band, {})[row.household_size] = int(row.max_rent * 100)

    def limit(candidate) -> int:
        rows = table.get(candidate.income_band)
        if not rows:
            return -1
        fitting = [size for size in rows if size <= candidate.household_size]
        return rows[max(fitting)] if fitting else rows[min(rows)]

    return np.array([limit(c) for c in candidates], np.int64)


def only_dwellings(tables: Tables, keep: np.ndarray) -> Tables:
    """The same tables for the dwellings ``keep`` only (renumbered 0.. in that order), so a rule
    can be asked about a few dwellings without checking all of them."""
    new_index = np.full(tables.n_dwellings, -1, np.int64)
    new_index[keep] = np.arange(len(keep))
    candidates, dwellings = tables.declined
    kept = new_index[dwellings] >= 0
    return replace(
        tables,
        dwelling_ids=tuple(tables.dwelling_ids[i] for i in keep.tolist()),
        declined=(candidates[kept], new_index[dwellings[kept]]),
        dwelling_stream=tables.dwelling_stream[keep],
        municipality=tables.municipality[keep],
        subregion=tables.subregion[keep],
        rooms=tables.rooms[keep],
        accessible_floor=tables.accessible_floor[keep],
        wheelchair=tables.wheelchair[keep],
        rent=tables.rent[keep],
    )
