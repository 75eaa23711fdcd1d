"""Reads of the project plan: phases, milestones and groups, and the Gantt-like view."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from onderdak.core.charts import DataTable
from onderdak.framework import gantt
from onderdak.framework.models import Framework, Milestone, ProjectPhase, WorkingGroup


def phases(framework: Framework) -> QuerySet[ProjectPhase]:
    return framework.phases.all()


def milestones(framework: Framework) -> QuerySet[Milestone]:
    return framework.milestones.select_related("phase")


def groups(framework: Framework) -> QuerySet[WorkingGroup]:
    return framework.working_groups.prefetch_related("members__organisation")


def plan_gantt(*, framework: Framework, phases, milestones) -> gantt.Timeline:
    """The phases as bars, the milestones as marks (due: open triangle; reached: solid square)
    on their own rows, on a month axis."""
    rows = [
        gantt.Row(
            p.name,
            spans=[
                gantt.Span(
                    p.starts_on,
                    p.ends_on,
                    f"{p.name}: {gantt.day_label(p.starts_on)} \u2013 {gantt.day_label(p.ends_on)}",
                )
            ],
        )
        for p in phases
    ]
    cells = [
        (p.name, (_("phase"), gantt.day_label(p.starts_on), gantt.day_label(p.ends_on)))
        for p in phases
    ]
    for m in milestones:
        marks = [gantt.Mark(m.due_on, gantt.DUE, f"{m.name}: {gantt.day_label(m.due_on)}")]
        if m.reached_on:
            marks.append(
                gantt.Mark(
                    m.reached_on, gantt.REACHED, f"{m.name}: {gantt.day_label(m.reached_on)}"
                )
            )
        rows.append(gantt.Row(m.name, marks=marks))
        cells.append(
            (m.name, (_("milestone"), gantt.day_label(m.due_on), gantt.day_label(m.reached_on)))
        )
    table = DataTable(
        _("The phases and milestones of the project plan"),
        (_("Phase or milestone"), _("Kind"), _("Starts or is due on"), _("Ends or was reached on")),
        tuple(cells),
    )
    return gantt.timeline(
        id=f"projectplan-{framework.pk}",
        title=_("Timeline of the project plan"),
        description=_(
            "%(phases)s phases as bars from their start to their end, and %(milestones)s "
            "milestones, each with its due date (an open triangle) and, once reached, the date it "
            "was reached (a solid square), on a month axis."
        )
        % {"phases": len(phases), "milestones": len(milestones)},
        rows=rows,
        table=table,
        bar_label=_("phase"),
    )
