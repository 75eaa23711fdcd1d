"""What the capacity overview shows first, per user (DESIGN.md §3a): the plan's checks, the
latest simulation runs, the facilities whose figures of last month are missing (for planners),
and a care worker's own facilities. A fixed number of queries, whatever the data."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from onderdak.accounts.models import User
from onderdak.capacity.models import CapacityPlan, Facility, MonthlyFigure, SimulationRun
from onderdak.capacity.months import next_month, previous_month
from onderdak.capacity.rules import provider_ids
from onderdak.capacity.selectors.plans import plan_grid, region_plan
from onderdak.capacity.selectors.plans_checks import PlanChecks, plan_checks
from onderdak.region.models import Region

LATEST_RUNS = 5


@dataclass(frozen=True)
class Overview:
    plan: CapacityPlan | None = None
    checks: PlanChecks | None = None
    runs: tuple[SimulationRun, ...] = ()
    last_month: datetime.date | None = None
    missing: tuple[Facility, ...] = ()
    own_facilities: tuple[Facility, ...] = ()


def overview(*, user: User, region: Region | None) -> Overview:
    if region is None:
        return Overview()
    plan = region_plan(region=region) if user.has_perm("capacity.view_capacityplan") else None
    checks = plan_checks(grid=plan_grid(plan=plan)) if plan else None
    planner = user.has_perm("capacity.change_capacityplan")
    last_month = previous_month(timezone.localdate())
    return Overview(
        plan=plan,
        checks=checks,
        runs=tuple(latest_runs(region=region)) if user.has_perm("capacity.view_scenario") else (),
        last_month=last_month,
        missing=tuple(facilities_without_figures(region=region, month=last_month))
        if planner
        else (),
        own_facilities=tuple(own_facilities(user=user, region=region)),
    )


def latest_runs(*, region: Region) -> QuerySet[SimulationRun]:
    return (
        SimulationRun.objects.filter(scenario__region=region)
        .select_related("scenario")
        .defer("input", "result")
        .order_by("-created_at")[:LATEST_RUNS]
    )


def facilities_without_figures(*, region: Region, month: datetime.date) -> QuerySet[Facility]:
    """Active facilities under contract in ``month`` that have no figures for it."""
    end = next_month(month) - datetime.timedelta(days=1)
    figures = MonthlyFigure.objects.filter(facility=OuterRef("pk"), month=month)
    return (
        Facility.objects.filter(region=region, is_active=True, contract_start__lte=end)
        .filter(Q(contract_end__isnull=True) | Q(contract_end__gte=month))
        .exclude(Exists(figures))
        .select_related("provider", "municipality", "facility_type")
        .defer("municipality__boundary", "municipality__boundary_source")
        .order_by("provider__name", "name")
    )


def own_facilities(*, user: User, region: Region) -> QuerySet[Facility]:
    """A care worker's own provider's active facilities (none for other roles)."""
    return (
        Facility.objects.filter(region=region, is_active=True, provider_id__in=provider_ids(user))
        .select_related("municipality", "facility_type")
        .defer("municipality__boundary", "municipality__boundary_source")
        .order_by("name")
    )
