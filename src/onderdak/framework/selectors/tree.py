"""Reads of the framework's tree and front page: the tree with all an item shows, counts per
level, an action with its indicators and comments."""

from dataclasses import dataclass, field

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


@dataclass
class TreeAction:
    pk: int
    title: str
    level_label: str  # "" without a level
    owner: str  # the owner's name, "" without one


@dataclass
class TreeAmbition:
    pk: int
    title: str
    description: str
    actions: list[TreeAction] = field(default_factory=list)
    # Filled in by the page that shows the tree (views.tree.linked_tree):
    links: object = None  # views.presentation.ItemLinks
    action_items: str = ""  # the actions as HTML list items


@dataclass
class TreeTheme:
    pk: int
    title: str
    description: str
    ambitions: list[TreeAmbition] = field(default_factory=list)
    links: object = None  # views.presentation.ItemLinks, filled in by views.tree.linked_tree


def framework_tree(framework: Framework) -> list[TreeTheme]:
    """The themes with their ambitions and actions (with their owners' names), in the tree's
    order: three queries of plain values, as a tree of 500 actions must render in milliseconds."""
    themes = {
        pk: TreeTheme(pk, title, description)
        for pk, title, description in framework.themes.values_list("pk", "title", "description")
    }
    ambitions = {}
    rows = Ambition.objects.filter(theme__framework=framework).values_list(
        "pk", "theme_id", "title", "description"
    )
    for pk, theme_pk, title, description in rows:
        ambitions[pk] = TreeAmbition(pk, title, description)
        themes[theme_pk].ambitions.append(ambitions[pk])
    levels = {value: str(label) for value, label in Level.choices}
    region_name = framework.region.name
    rows = Action.objects.filter(ambition__theme__framework=framework).values_list(
        "pk",
        "ambition_id",
        "title",
        "level",
        "owner_municipality__name",
        "owner_subregion__name",
        "owned_by_region",
    )
    for pk, ambition_pk, title, level, municipality, subregion, by_region in rows:
        owner = municipality or subregion or (region_name if by_region else "")
        ambitions[ambition_pk].actions.append(TreeAction(pk, title, levels.get(level, ""), owner))
    return list(themes.values())


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
