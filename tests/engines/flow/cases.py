"""Small inputs for the flow engine's tests."""

from dataclasses import replace

from onderdak.engines.flow import Cell, Destinations, FlowInput, Stay, StayKind, WhenFull

EVEN = Destinations(contingent=0.4, housing=0.3, institution=0.2, unknown=0.1)


def cell(key: str = "A/bw", area: str = "A", months: int = 24, **changes) -> Cell:
    base = Cell(
        key=key,
        area=area,
        capacity=(12,) * months,
        inflow=1.5,
        stay=Stay(StayKind.EXPONENTIAL, 6.0),
        destinations=EVEN,
        when_full=WhenFull.WAITING_LIST,
        tariff_per_day=120.0,
        occupied=8,
        waiting=2,
    )
    return replace(base, **changes)


def flow_input(*cells: Cell, months: int = 24, dwellings: float = 0.5, **changes) -> FlowInput:
    cells = cells or (cell(months=months),)
    areas = {c.area for c in cells}
    base = FlowInput(
        cells=cells,
        months=months,
        contingent=dict.fromkeys(sorted(areas), (dwellings,) * months),
        groups={"all": tuple(c.key for c in cells)},
        runs=200,
        seed=7,
    )
    return replace(base, **changes)
