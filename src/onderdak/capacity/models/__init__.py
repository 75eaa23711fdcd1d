"""The capacity module's data: facility types, the facility register with monthly figures, the
op- en afbouw plan, and scenarios with their simulation and optimisation runs."""

from onderdak.capacity.models.facilities import Facility, MonthlyFigure
from onderdak.capacity.models.plans import CapacityPlan, PlanLine
from onderdak.capacity.models.reference import FacilityType, WhenFull
from onderdak.capacity.models.scenarios import (
    OptimisationRun,
    RunStatus,
    Scenario,
    SimulationRun,
)

__all__ = [
    "CapacityPlan",
    "Facility",
    "FacilityType",
    "MonthlyFigure",
    "OptimisationRun",
    "PlanLine",
    "RunStatus",
    "Scenario",
    "SimulationRun",
    "WhenFull",
]
