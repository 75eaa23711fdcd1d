"""Reads of scenarios and their runs, scoped to a region.

A run's ``input`` and ``result`` are large JSON documents: lists leave them unread
(``defer``); only the pages about one run (or a comparison) read their result.
"""

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from onderdak.capacity.models import RunStatus, Scenario, SimulationRun
from onderdak.core.errors import NotFound
from onderdak.region.models import Region

HEAVY = ("input", "result")
RECENT_RUNS = 10


def _latest(field: str) -> Subquery:
    runs = SimulationRun.objects.filter(scenario=OuterRef("pk")).order_by("-created_at", "-pk")
    return Subquery(runs.values(field)[:1])


def scenario_list(*, region: Region | None) -> QuerySet[Scenario]:
    """The region's scenarios by name, each with its latest run's id, status and time."""
    return (
        Scenario.objects.filter(region=region)
        .annotate(
            latest_run=_latest("pk"),
            latest_status=_latest("status"),
            latest_at=_latest("created_at"),
        )
        .order_by("name")
    )


def scenario_detail(*, region: Region | None, pk: int) -> Scenario:
    """A scenario of the region with its recent runs (without their results)."""
    runs = (
        SimulationRun.objects.defer(*HEAVY)
        .select_related("created_by")
        .order_by("-created_at", "-pk")
    )
    scenario = (
        Scenario.objects.filter(region=region, pk=pk)
        .select_related("region", "created_by")
        .prefetch_related(Prefetch("runs", queryset=runs, to_attr="recent_runs"))
        .first()
    )
    if scenario is None:
        raise NotFound
    return scenario


def run_detail(*, region: Region | None, pk: int) -> SimulationRun:
    """A run of one of the region's scenarios, with its result."""
    run = (
        SimulationRun.objects.filter(scenario__region=region, pk=pk)
        .select_related("scenario", "created_by")
        .first()
    )
    if run is None:
        raise NotFound
    return run


def run_list(*, region: Region | None) -> QuerySet[SimulationRun]:
    """The region's runs, newest first, without their input and result."""
    return (
        SimulationRun.objects.filter(scenario__region=region)
        .select_related("scenario")
        .defer(*HEAVY)
        .order_by("-created_at", "-pk")
    )


def latest_results(*, region: Region | None, scenario_ids: list[int]) -> list[SimulationRun]:
    """Per scenario asked for, its latest finished run with its result, in the order asked."""
    latest = (
        SimulationRun.objects.filter(scenario=OuterRef("scenario"), status=RunStatus.DONE)
        .order_by("-created_at", "-pk")
        .values("pk")[:1]
    )
    runs = (
        SimulationRun.objects.filter(
            scenario__region=region, scenario_id__in=scenario_ids, status=RunStatus.DONE
        )
        .filter(pk=Subquery(latest))
        .select_related("scenario")
        .defer("input")
    )
    by_scenario = {run.scenario_id: run for run in runs}
    return [by_scenario[pk] for pk in scenario_ids if pk in by_scenario]
