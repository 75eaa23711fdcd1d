"""Reads of allocation: the runs of the user's region and what a run's page shows."""

from dataclasses import dataclass

from django.db.models import QuerySet

from onderdak.accounts.selectors import region_for_user
from onderdak.contingent.models import AffordabilityLimit, AllocationRun, Dwelling, Nomination


def run_list(user) -> QuerySet[AllocationRun]:
    return AllocationRun.objects.filter(region=region_for_user(user)).select_related(
        "contingent_year", "subregion", "created_by"
    )


def limits(*, region, year: int) -> list[AffordabilityLimit]:
    rows = list(AffordabilityLimit.objects.filter(region=region, year=year))
    for row in rows:
        size = (
            f"{row.household_from}+"
            if row.household_to is None
            else (
                str(row.household_from)
                if row.household_to == row.household_from
                else f"{row.household_from}-{row.household_to}"
            )
        )
        row.label = f"{row.get_income_band_display()}: {size}"
    return rows


@dataclass
class RunView:
    """A run with its nominations and dwellings by id, for the page."""

    run: AllocationRun
    nominations: dict
    dwellings: dict

    @classmethod
    def of(cls, run: AllocationRun) -> "RunView":
        data = run.input or {"candidates": [], "dwellings": []}
        nominations = Nomination.objects.select_related("client").in_bulk(
            [int(c["id"]) for c in data["candidates"]]
        )
        dwellings = Dwelling.objects.select_related("municipality").in_bulk(
            [int(d["id"]) for d in data["dwellings"]]
        )
        return cls(
            run,
            {str(k): v for k, v in nominations.items()},
            {str(k): v for k, v in dwellings.items()},
        )


def latest_reason(nomination: Nomination) -> dict | None:
    """The latest finished run's answer for ``nomination``: its assignment or why it has none."""
    runs = AllocationRun.objects.filter(
        contingent_year_id=nomination.contingent_year_id, result__isnull=False
    ).order_by("-created_at", "-pk")
    key = str(nomination.pk)
    for run in runs[:20]:
        for assignment in run.result["assignments"]:
            if assignment["candidate"] == key:
                return {"run": run, "assignment": assignment}
        for unmatched in run.result["unmatched"]:
            if unmatched["candidate"] == key:
                return {"run": run, "unmatched": unmatched}
    return None
