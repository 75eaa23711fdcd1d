"""Reads of the framework's tree and front page: the tree with all an item shows, counts per
level, an action with its indicators and comments."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404

from onderdak.framework.models import (
    Action,
    ActionComment,
    ActionIndicator,
    Ambition,
    Framework,
    FrameworkVersion,
)
from onderdak.region.models import Level


def framework_tree(framework: Framework):
    """The themes with their ambitions and actions (with their owners): three queries."""
    actions = Action.objects.select_related("owner_municipality", "owner_subregion").defer(
        "owner_municipality__boundary"
    )
    ambitions = Ambition.objects.prefetch_related(Prefetch("actions", actions))
    return framework.themes.prefetch_related(Prefetch("ambitions", ambitions))


@dataclass(frozen=True)
class TreeCounts:
    themes: int
    ambitions: int
    actions: int
    per_level: list[tuple[str, int]]  # (level label, count); "" label: no level


def tree_counts(framework: Framework) -> TreeCounts:
    """How many themes, ambitions and actions (per level) the working copy has: three queries."""
    actions = Action.objects.filter(ambition__theme__framework=framework).aggregate(
        total=Count("pk"),
        **{level: Count("pk", filter=Q(level=level)) for level in Level.values},
    )
    per_level = [(label, actions[value]) for value, label in Level.choices]
    return TreeCounts(
        themes=framework.themes.count(),
        ambitions=framework.themes.aggregate(n=Count("ambitions"))["n"],
        actions=actions["total"],
        per_level=per_level,
    )


def framework_versions(versions) -> list[FrameworkVersion]:
    """Versions for a list, newest first, without their (large) content."""
    return list(versions.select_related("created_by").defer("content").order_by("-number"))


def action_detail(actions, pk: int) -> Action:
    """One action with everything its page shows (a 404 when it is not among ``actions``)."""
    comments = ActionComment.objects.select_related("author").order_by("-created_at")
    return get_object_or_404(
        actions.select_related(
            "ambition__theme__framework__region", "owner_municipality", "owner_subregion"
        ).prefetch_related(
            "partners",
            "policy_domains",
            Prefetch("indicators", ActionIndicator.objects.prefetch_related("targets")),
            Prefetch("comments", comments),
        ),
        pk=pk,
    )
