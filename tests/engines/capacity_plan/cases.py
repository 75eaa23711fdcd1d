"""Small hand-made problems: a cell with defaults that a test overrides."""

from onderdak.engines.capacity_plan import PlanCell, PlanProblem

YEARS = (2026, 2027, 2028)
NO_LIMIT = (1e9,) * len(YEARS)


def cell(key: str = "GM0001/housing-first", **fields) -> PlanCell:
    """Demand 10, 12, 15; €100 a place a year; 8 places before; entered 9, 10, 11."""
    values = {
        "area": key.split("/")[0],
        "group": "",
        "facility_type": key.split("/")[-1],
        "demand": (10.0, 12.0, 15.0),
        "cost_per_place": (100.0, 100.0, 100.0),
        "start": 8,
        "entered": (9, 10, 11),
    }
    return PlanCell(key=key, **{**values, **fields})


def problem(*cells: PlanCell, budget=NO_LIMIT, **fields) -> PlanProblem:
    return PlanProblem(YEARS, cells or (cell(),), tuple(budget), **fields)
