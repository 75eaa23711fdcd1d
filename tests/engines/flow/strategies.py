"""Hypothesis strategies for the flow engine: small random inputs with every feature in play
(waiting lists and unsheltered types, exponential and lognormal stays of every family, places
that grow and shrink, several cells sharing an area's contingent)."""

from hypothesis import strategies as st

from onderdak.engines.flow import Cell, Destinations, FlowInput, Stay, StayKind, WhenFull

AREAS = ("A", "B")


@st.composite
def stays(draw: st.DrawFn) -> Stay:
    mean = draw(st.sampled_from((0.7, 2.0, 3.5, 8.0, 20.0)))
    if draw(st.booleans()):
        return Stay(StayKind.EXPONENTIAL, mean)
    return Stay(StayKind.LOGNORMAL, mean, mean * draw(st.sampled_from((0.2, 0.6, 1.0, 2.5))))


@st.composite
def destinations(draw: st.DrawFn) -> Destinations:
    weights = draw(st.lists(st.integers(0, 10), min_size=4, max_size=4))
    if not any(weights):
        weights[0] = 1
    shares = [w / sum(weights) for w in weights]
    shares[3] = 1 - sum(shares[:3])
    return Destinations(*shares)


@st.composite
def cells(draw: st.DrawFn, key: str, months: int) -> Cell:
    when_full = draw(st.sampled_from(tuple(WhenFull)))
    places = draw(st.lists(st.integers(0, 15), min_size=1, max_size=3))
    capacity = tuple(places[month * len(places) // months] for month in range(months))
    return Cell(
        key=key,
        area=draw(st.sampled_from(AREAS)),
        capacity=capacity,
        inflow=draw(st.sampled_from((0.0, 0.4, 1.5, 4.0))),
        stay=draw(stays()),
        destinations=draw(destinations()),
        when_full=when_full,
        tariff_per_day=draw(st.sampled_from((0.0, 85.5, 240.0))),
        occupied=draw(st.integers(0, 18)),
        waiting=draw(st.integers(0, 6)) if when_full == WhenFull.WAITING_LIST else 0,
    )


@st.composite
def flow_inputs(draw: st.DrawFn, max_months: int = 14, max_runs: int = 5) -> FlowInput:
    months = draw(st.integers(1, max_months))
    count = draw(st.integers(1, 4))
    drawn = tuple(draw(cells(f"cell{i}", months)) for i in range(count))
    monthly = st.lists(
        st.sampled_from((0.0, 0.25, 1.0, 2.5)), min_size=months, max_size=months
    ).map(tuple)
    return FlowInput(
        cells=drawn,
        months=months,
        contingent={area: draw(monthly) for area in AREAS},
        groups={"all": tuple(c.key for c in drawn), "first": (drawn[0].key,)},
        runs=draw(st.integers(1, max_runs)),
        seed=draw(st.integers(0, 2**32)),
    )
