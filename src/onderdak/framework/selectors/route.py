"""Reads of the decision route: the versions a user may see with their steps and papers, and the
timeline of a version's route, planned against actual, against the assignment's period."""

import datetime

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from onderdak.core.charts import DataTable
from onderdak.framework import gantt
from onderdak.framework.models import (
    DecisionStep,
    Framework,
    FrameworkVersion,
    Outcome,
    VersionStatus,
)

#: The assignment's period (seed 000, the project leader's assignment: the framework is made from
#: 1 February 2025 and decided by 1 February 2026). Used when the project plan has no phases.
ASSIGNMENT_PERIOD = (datetime.date(2025, 2, 1), datetime.date(2026, 2, 1))


def visible_versions(*, user, framework: Framework) -> QuerySet[FrameworkVersion]:
    """Every version for those who read the working copy; the others (governance readers) see
    the versions put to them, those that left the draft stage."""
    versions = framework.versions.all()
    if not user.has_perm("framework.view_workingcopy"):
        versions = versions.exclude(status=VersionStatus.DRAFT)
    return versions


def steps_with_papers() -> QuerySet[DecisionStep]:
    return DecisionStep.objects.select_related("municipality").prefetch_related("papers")


def versions_with_steps(*, user, framework: Framework) -> QuerySet[FrameworkVersion]:
    return visible_versions(user=user, framework=framework).prefetch_related(
        Prefetch("steps", steps_with_papers())
    )


def route_period(framework: Framework) -> gantt.Period:
    """The project plan's span (first phase's start to last phase's end) when it has phases,
    else the assignment's period."""
    phases = list(framework.phases.order_by("starts_on").values_list("starts_on", "ends_on"))
    if phases:
        start, end = phases[0][0], max(end for _, end in phases)
        return gantt.Period(start, end, _("The project plan's period"))
    return gantt.Period(*ASSIGNMENT_PERIOD, _("The assignment's period"))


def route_timeline(*, version: FrameworkVersion, steps, period: gantt.Period) -> gantt.Timeline:
    """Each step's planned and held date on one row, the period shaded behind them."""
    rows, cells = [], []
    for step in steps:
        label = f"{step.position}. {step}"
        marks = [
            gantt.Mark(
                step.planned_on, gantt.PLANNED, f"{label}: {gantt.day_label(step.planned_on)}"
            )
        ]
        if step.held_on:
            marks.append(
                gantt.Mark(step.held_on, gantt.HELD, f"{label}: {gantt.day_label(step.held_on)}")
            )
        rows.append(gantt.Row(label, marks=marks))
        late = (step.held_on - step.planned_on).days if step.held_on else None
        outcome = step.get_outcome_display() if step.outcome != Outcome.PENDING else gantt.NOTHING
        cells.append(
            (
                label,
                (
                    gantt.day_label(step.planned_on),
                    gantt.day_label(step.held_on),
                    _late(late),
                    outcome,
                ),
            )
        )
    table = DataTable(
        _("The steps of the route: planned and held"),
        (_("Step"), _("Planned on"), _("Held on"), _("Days later than planned"), _("Outcome")),
        tuple(cells),
    )
    description = _(
        "%(count)s steps of the route of version %(number)s, each with its planned date (an open "
        "circle) and the date it was held (a solid diamond), against %(period)s from %(start)s "
        "to %(end)s (shaded)."
    ) % {
        "count": len(rows),
        "number": version.number,
        "period": period.label.lower(),
        "start": gantt.day_label(period.start),
        "end": gantt.day_label(period.end),
    }
    return gantt.timeline(
        id=f"route-{version.pk}",
        title=_("Timeline of the route of version %(number)s") % {"number": version.number},
        description=description,
        rows=rows,
        table=table,
        period=period,
    )


def _late(days: int | None) -> str:
    return gantt.NOTHING if days is None else str(days)
