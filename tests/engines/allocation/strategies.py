"""Hypothesis strategies: small, fully random allocation inputs."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from onderdak.engines.allocation import (
    AffordabilityLimit,
    AllocationInput,
    Candidate,
    Dwelling,
    Quota,
)

REFERENCE = date(2026, 1, 1)
MUNICIPALITIES = {"A": "north", "B": "north", "C": "south"}
AFFORDABILITY = (
    AffordabilityLimit("low", 1, Decimal("500"), "test table"),
    AffordabilityLimit("low", 3, Decimal("700"), "test table"),
    AffordabilityLimit("high", 1, Decimal("900"), "test table"),
)
CRITERIA = ("preferred_area", "waiting_time", "guidance_nearby", "household_fit", "urgency")
places = st.sampled_from(sorted(MUNICIPALITIES))


@st.composite
def candidates(draw, i: int) -> Candidate:
    return Candidate(
        id=f"c{i}",
        stream=draw(st.sampled_from(("outflow", "prevention"))),
        income_band=draw(st.sampled_from(("low", "high"))),
        approved_on=REFERENCE - timedelta(days=draw(st.integers(0, 500))),
        tie_municipality=draw(places),
        household_adults=draw(st.integers(1, 2)),
        household_children=draw(st.integers(0, 2)),
        rooms_needed=draw(st.sampled_from((1, 1, 2, 3))),
        needs_ground_floor_or_lift=draw(st.sampled_from((False, False, True))),
        needs_wheelchair_access=draw(st.sampled_from((False, False, False, True))),
        urgent=draw(st.booleans()),
        guidance_subregion=draw(st.sampled_from(("north", "south", ""))),
        preferred_municipalities=tuple(draw(st.lists(places, unique=True, max_size=2))),
        excluded_municipalities=tuple(draw(st.lists(places, unique=True, max_size=1))),
    )


@st.composite
def dwellings(draw, i: int) -> Dwelling:
    return Dwelling(
        id=f"d{i}",
        corporation=draw(st.sampled_from(("k1", "k2"))),
        municipality=draw(places),
        rooms=draw(st.sampled_from((1, 2, 2, 3, 3, 4))),
        rent=Decimal(draw(st.sampled_from((400, 450, 600, 800, 1000)))),
        stream=draw(st.sampled_from(("outflow", "prevention", "either", "either"))),
        floor=draw(st.integers(0, 2)),
        has_lift=draw(st.booleans()),
        wheelchair_accessible=draw(st.booleans()),
    )


def subsets(items: list[str]):
    return st.lists(st.sampled_from(items), unique=True).map(tuple) if items else st.just(())


@st.composite
def quotas(draw, i: int, candidate_ids: list[str], dwelling_ids: list[str]) -> Quota:
    """A quota on random candidates and/or dwellings (both non-empty lists): may cross."""
    members_c = draw(subsets(candidate_ids))
    members_d = draw(subsets(dwelling_ids))
    if not members_c and not members_d:  # a quota names something
        members_d = (dwelling_ids[0],)
    return Quota(f"q{i}", draw(st.integers(0, 3)), members_d, members_c)


@st.composite
def instances(draw, max_candidates: int = 5, max_dwellings: int = 5, **fixed) -> AllocationInput:
    nc = draw(st.integers(1, max_candidates))
    nd = draw(st.integers(1, max_dwellings))
    cands = tuple(draw(candidates(i)) for i in range(nc))
    dwels = tuple(draw(dwellings(i)) for i in range(nd))
    c_ids, d_ids = [c.id for c in cands], [d.id for d in dwels]
    n_quotas = draw(st.integers(0, 3)) if nc and nd else 0
    pairs = [(c, d) for c in c_ids for d in d_ids]
    options = {
        "quotas": tuple(draw(quotas(i, c_ids, d_ids)) for i in range(n_quotas)),
        "declined": tuple(draw(st.lists(st.sampled_from(pairs), unique=True, max_size=3)))
        if pairs
        else (),
        "weights": {c: draw(st.integers(0, 5)) for c in CRITERIA},
        "mode": draw(st.sampled_from(("housed_then_score", "score_only"))),
    }
    options.update(fixed)
    return AllocationInput(
        candidates=cands,
        dwellings=dwels,
        municipalities=MUNICIPALITIES,
        reference_date=REFERENCE,
        affordability=AFFORDABILITY,
        **options,
    )
