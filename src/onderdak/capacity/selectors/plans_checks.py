"""The plan's checks (issue 7): what the plan page and the overview flag.

- **Below demand**: a municipality plans fewer places of a type than its own measured demand
  (occupied places plus waiting list, ``plans_demand``), in a year from the year of the latest
  figures on. One check per municipality and type: the first such year, and the lowest planned.
- **Faster than outflow**: the region's total of a type shrinks in a year by more places than
  the people who leave its facilities in a year, so residents would have nowhere to go. One check
  per type and year.

Types without monthly figures cannot be checked; they are listed as such.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderdak.capacity.models import FacilityType
from onderdak.capacity.selectors.plans import PlanGrid
from onderdak.capacity.selectors.plans_demand import Measured, measured
from onderdak.core.formatting import localized_number
from onderdak.region.models import Municipality


class CheckKind(StrEnum):
    BELOW_DEMAND = "below_demand"
    FASTER_THAN_OUTFLOW = "faster_than_outflow"


MESSAGES = {
    CheckKind.BELOW_DEMAND: gettext_lazy(
        "From %(year)s the plan has %(places)s places, fewer than the measured demand of "
        "%(measured)s (occupied places plus waiting list, average of %(window)s); the lowest is "
        "%(other)s in %(other_year)s."
    ),
    CheckKind.FASTER_THAN_OUTFLOW: gettext_lazy(
        "In %(year)s the region closes %(closed)s places (from %(other)s to %(places)s), more "
        "than the %(measured)s people a year who leave these facilities (measured %(window)s): "
        "residents would have nowhere to go."
    ),
}


def _number(value: Decimal | int) -> str:
    return localized_number(value, 0 if isinstance(value, int) else 1, grouped=True)


@dataclass(frozen=True)
class PlanCheck:
    kind: CheckKind
    facility_type: FacilityType
    year: int
    places: int
    measured: Decimal
    municipality: Municipality | None = None
    #: below demand: the lowest planned places and their year; faster: the year before's places
    other_places: int = 0
    other_year: int = 0

    @property
    def subject(self) -> str:
        if self.municipality is None:
            return self.facility_type.label
        return f"{self.municipality.name}, {self.facility_type.label}"

    def message(self, demand: Measured) -> str:
        window = _("%(first)s to %(last)s") % {
            "first": demand.first_month.strftime("%m/%Y"),
            "last": demand.last_month.strftime("%m/%Y"),
        }
        numbers = {
            "year": self.year,
            "places": _number(self.places),
            "measured": _number(self.measured),
            "other": _number(self.other_places),
            "other_year": self.other_year,
            "window": window,
        }
        return str(MESSAGES[self.kind]) % {
            **numbers,
            "closed": _number(self.other_places - self.places),
        }


@dataclass(frozen=True)
class PlanChecks:
    checks: tuple[PlanCheck, ...]
    demand: Measured
    unchecked_types: tuple[FacilityType, ...]

    def messages(self) -> list[tuple[PlanCheck, str]]:
        return [(check, check.message(self.demand)) for check in self.checks]

    def for_municipality(self, municipality: Municipality) -> list[tuple[PlanCheck, str]]:
        return [(c, m) for c, m in self.messages() if c.municipality == municipality]


def plan_checks(*, grid: PlanGrid) -> PlanChecks:
    """Both checks on the whole plan; three queries for the figures."""
    demand = measured(region=grid.plan.region)
    if not demand.has_figures:
        return PlanChecks((), demand, grid.used_types(grid.municipalities))
    checks = (*below_demand(grid, demand), *faster_than_outflow(grid, demand))
    found = {code for (_m, code) in demand.demand}
    unchecked = tuple(t for t in grid.used_types(grid.municipalities) if t.code not in found)
    return PlanChecks(checks, demand, unchecked)


def below_demand(grid: PlanGrid, demand: Measured) -> list[PlanCheck]:
    years = [y for y in grid.years if y >= demand.last_month.year] or [grid.years[-1]]
    cells = (
        (
            municipality,
            facility_type,
            demand.demand.get((municipality.cbs_code, facility_type.code)),
        )
        for municipality in grid.municipalities
        for facility_type in grid.types
    )
    found = (_below(grid, years, m, t, needed) for m, t, needed in cells if needed)
    return [check for check in found if check is not None]


def _below(grid: PlanGrid, years, municipality, facility_type, needed) -> PlanCheck | None:
    places = dict(zip(grid.years, grid.cell(municipality, facility_type), strict=True))
    short = [(places[y] or 0, y) for y in years if (places[y] or 0) < needed]
    if not short:
        return None
    lowest = min(short)
    return PlanCheck(
        CheckKind.BELOW_DEMAND,
        facility_type,
        year=short[0][1],
        places=short[0][0],
        measured=needed,
        municipality=municipality,
        other_places=lowest[0],
        other_year=lowest[1],
    )


def faster_than_outflow(grid: PlanGrid, demand: Measured) -> list[PlanCheck]:
    checks = []
    for facility_type, totals in grid.totals_by_type(grid.municipalities):
        outflow = demand.yearly_outflow.get(facility_type.code)
        if outflow is None:
            continue
        for year, before, after in zip(grid.years[1:], totals, totals[1:], strict=False):
            if before - after > outflow:
                checks.append(
                    PlanCheck(
                        CheckKind.FASTER_THAN_OUTFLOW,
                        facility_type,
                        year=year,
                        places=after,
                        measured=outflow,
                        other_places=before,
                        other_year=year - 1,
                    )
                )
    return checks
