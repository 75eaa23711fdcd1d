"""Reads of plan optimisation runs, scoped to the region's plan; lists leave the large input
and result unread."""

from decimal import Decimal

from django.db.models import QuerySet

from onderdak.capacity.models import CapacityPlan, OptimisationRun
from onderdak.capacity.selectors.scenarios_input import facility_tariffs
from onderdak.core.errors import NotFound
from onderdak.region.models import Region

DAYS = 365


def optimisation_runs(*, region: Region | None) -> QuerySet[OptimisationRun]:
    return (
        OptimisationRun.objects.filter(plan__region=region)
        .select_related("created_by")
        .defer("input", "result")
        .order_by("-created_at", "-pk")
    )


def optimisation_run(*, region: Region | None, pk: int) -> OptimisationRun:
    run = (
        OptimisationRun.objects.filter(plan__region=region, pk=pk)
        .select_related("plan__region", "created_by")
        .first()
    )
    if run is None:
        raise NotFound
    return run


def default_costs(*, plan: CapacityPlan) -> dict[str, Decimal]:
    """Per type the cost per place per year a cell of it takes by default when the cell has no
    facility of its own: the region's places-weighted tariff x 365."""
    _cells, types = facility_tariffs(region=plan.region)
    return {code: Decimal(str(round(tariff * DAYS, 2))) for code, tariff in types.items()}
