"""Hypothesis strategies: tables with all their margins, counts skewed towards small numbers."""

import itertools

from hypothesis import strategies as st

from onderdak.engines.suppression.generate import Dimension, cube, flat

from .tables import linked

COUNTS = st.one_of(st.integers(0, 4), st.integers(0, 4), st.integers(0, 30))  # 2 in 3 from 0-4


@st.composite
def dimensions(draw: st.DrawFn, name: str, max_leaves: int = 4) -> Dimension:
    """A breakdown of 1 to ``max_leaves`` positions, with 3 or more sometimes in two
    subtotals under the total (municipalities -> subregions -> region)."""
    leaves = tuple(f"{name}{i}" for i in range(draw(st.integers(1, max_leaves))))
    if len(leaves) >= 3 and draw(st.booleans()):
        cut = draw(st.integers(1, len(leaves) - 1))
        subtotals = ((f"{name}-a", leaves[:cut]), (f"{name}-b", leaves[cut:]))
        return Dimension((*subtotals, (f"{name}-all", (f"{name}-a", f"{name}-b"))))
    return flat(f"{name}-all", leaves)


@st.composite
def counts_for(draw: st.DrawFn, dimensions: tuple[Dimension, ...]) -> dict[tuple, int]:
    leaves = list(itertools.product(*(d.leaves for d in dimensions)))
    drawn = draw(st.lists(COUNTS, min_size=len(leaves), max_size=len(leaves)))
    return dict(zip(leaves, drawn, strict=True))


@st.composite
def tables(draw: st.DrawFn, ways: int) -> tuple[dict, list]:
    """A ``ways``-way table with every margin."""
    shape = tuple(draw(dimensions("xyz"[axis], 4 if ways == 2 else 3)) for axis in range(ways))
    return cube(shape, draw(counts_for(shape)))


@st.composite
def linked_tables(draw: st.DrawFn) -> tuple[dict, list]:
    """Two two-way tables sharing their totals per place (categories and genders per
    municipality)."""
    shape = (draw(dimensions("m")), draw(dimensions("c", 3)), draw(dimensions("g", 3)))
    return linked(*shape, draw(counts_for(shape)))


any_table = st.one_of(tables(2), tables(3), linked_tables())
