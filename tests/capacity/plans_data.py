"""Plans, members and monthly figures for the plan and scenario tests."""

import datetime

from onderdak.accounts.models import Role
from onderdak.capacity.models import CapacityPlan, FacilityType
from onderdak.capacity.services.plans import PlanEntry, capacity_plan_create, plan_lines_save
from onderdak.region.models import Municipality, Organisation, OrganisationKind, Region
from tests.capacity.factories import FacilityFactory, MonthlyFigureFactory, facility_type
from tests.factories import MembershipFactory, UserFactory, member


def leiden() -> Municipality:
    return Municipality.objects.get(cbs_code="GM0546")


def municipality_officer_of(municipality: Municipality):
    """A municipality officer whose organisation is ``municipality``'s."""
    organisation = Organisation.objects.get(
        kind=OrganisationKind.MUNICIPALITY, municipality=municipality
    )
    user = UserFactory()
    MembershipFactory(user=user, role=Role.MUNICIPALITY_OFFICER, organisation=organisation)
    return user


def planner():
    return member(Role.POLICY_OFFICER)


def example_plan(region: Region | None = None) -> CapacityPlan:
    """The region's plan 2023 to 2032 (made once)."""
    region = region or Region.objects.order_by("pk").first()
    return CapacityPlan.objects.filter(region=region).first() or capacity_plan_create(region=region)


def plan_places(
    plan: CapacityPlan,
    places: dict[int, int],
    *,
    municipality: Municipality | None = None,
    facility_type_code: str = "beschermd-wonen-24-7",
) -> None:
    """Set one cell's places per year (by a policy officer)."""
    municipality = municipality or leiden()
    kind = facility_type(facility_type_code)
    entries = [PlanEntry(municipality, kind, year, n) for year, n in places.items()]
    plan_lines_save(plan=plan, entries=entries, by=planner())


def monthly_figures(
    facility,
    *,
    last: datetime.date,
    months: int = 12,
    occupied: int = 18,
    waiting: int = 3,
    outflow: int = 2,
) -> None:
    """``months`` months of steady figures up to ``last`` (the first day of a month)."""
    for index in range(months):
        month = _minus(last, index)
        MonthlyFigureFactory(
            facility=facility,
            month=month,
            occupied=occupied,
            waiting_list=waiting,
            inflow=outflow,
            outflow_contingent=outflow,
            outflow_housing=0,
        )


def _minus(month: datetime.date, count: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 - count
    return datetime.date(index // 12, index % 12 + 1, 1)


def facility_with_figures(
    municipality: Municipality | None = None,
    kind: FacilityType | None = None,
    *,
    last: datetime.date = datetime.date(2025, 6, 1),
    **figures,
):
    facility = FacilityFactory(
        municipality=municipality or leiden(), facility_type=kind or facility_type()
    )
    monthly_figures(facility, last=last, **figures)
    return facility
