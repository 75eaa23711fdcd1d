"""Reads of the participation plan and the input log, each in a fixed number of queries however
many stakeholders, sessions and contributions there are."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from onderdak.framework.models import (
    Framework,
    InputItem,
    Ladder,
    ParticipationSession,
    ResponseKind,
    Stakeholder,
)


def stakeholders(framework: Framework) -> QuerySet[Stakeholder]:
    return framework.stakeholders.select_related("organisation", "policy_domain").prefetch_related(
        "levels"
    )


@dataclass(frozen=True)
class GridRow:
    """A stakeholder and their rung of the ladder per phase (``None``: no level set)."""

    stakeholder: Stakeholder
    levels: tuple[str | None, ...]


def participation_grid(framework: Framework) -> tuple[list, list[GridRow]]:
    """The phases and, per stakeholder, the ladder's label for each phase, in the phases' order."""
    phases = list(framework.phases.all())
    labels = dict(Ladder.choices)
    rows = []
    for stakeholder in stakeholders(framework):
        chosen = {level.phase_id: level.level for level in stakeholder.levels.all()}
        rows.append(
            GridRow(
                stakeholder,
                tuple(labels.get(chosen.get(p.pk)) for p in phases),
            )
        )
    return phases, rows


def sessions(framework: Framework) -> QuerySet[ParticipationSession]:
    return framework.sessions.select_related("phase").prefetch_related("participants__organisation")


@dataclass(frozen=True)
class InputFilters:
    unanswered: bool = False
    stakeholder: int | None = None
    session: int | None = None
    theme: int | None = None
    response: str = ""


def about_theme(items: QuerySet[InputItem], theme: int) -> QuerySet[InputItem]:
    """The contributions about the theme or about an action under it."""
    return items.filter(Q(theme=theme) | Q(action__ambition__theme=theme))


def input_log(*, framework: Framework, filters: InputFilters = InputFilters()) -> QuerySet:
    """The framework's contributions as filtered, newest first, with all a row shows. A theme
    matches the contributions about it and about the actions under it."""
    items = InputItem.objects.filter(framework=framework).select_related(
        "stakeholder__organisation",
        "session",
        "theme",
        "action",
        "response_theme",
        "response_action",
    )
    if filters.unanswered:
        items = items.filter(response=ResponseKind.OPEN)
    if filters.response:
        items = items.filter(response=filters.response)
    if filters.stakeholder:
        items = items.filter(stakeholder=filters.stakeholder)
    if filters.session:
        items = items.filter(session=filters.session)
    if filters.theme:
        items = about_theme(items, filters.theme)
    return items.order_by("-received_on", "-pk")
