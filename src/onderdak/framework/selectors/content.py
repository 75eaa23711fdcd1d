"""The content of a framework as one plain dict: what a version freezes, what two versions are
compared on, and what the Word export writes. Texts are stored cleaned (``services.text``); the
dict carries them as they are stored.

Shape (every list in the tree's order)::

    {"title", "first_year", "last_year", "vision",
     "themes": [{"key", "title", "description",
                 "ambitions": [{"key", "title", "description",
                                "actions": [{"key", "title", "description", "level", "owner",
                                             "partners", "policy_domains", "starts_on", "ends_on",
                                             "status", "indicators": [{"code", "targets"}]}]}]}]}

``key`` is the item's primary key as a string ("theme-3", "ambition-8", "action-21"), so that a
diff recognises an item that was renamed or moved. Dates are ISO strings, target values strings
(JSON keeps no Decimal), ``owner`` the owner's name ("" when there is none).
"""

from collections import defaultdict

from onderdak.framework.models import (
    Action,
    ActionIndicator,
    ActionTarget,
    Ambition,
    Framework,
    PolicyDomain,
)
from onderdak.region.models import Organisation


def _in_default_order(relation: str, model) -> list[str]:
    """The ordering of ``model`` seen through ``relation``: the order ``.all()`` gives."""
    return [
        f"-{relation}__{name[1:]}" if name.startswith("-") else f"{relation}__{name}"
        for name in model._meta.ordering
    ]


def _grouped(rows) -> dict[int, list]:
    """(key, value) rows as lists of values by key, in the rows' order."""
    groups = defaultdict(list)
    for key, value in rows:
        groups[key].append(value)
    return groups


def _indicators(actions) -> dict[int, list[dict]]:
    """Each action's indicators with their targets: two queries."""
    indicators = ActionIndicator.objects.filter(action__in=actions)
    targets = _grouped(
        (indicator, (str(year), str(value)))
        for indicator, year, value in ActionTarget.objects.filter(
            indicator__in=indicators
        ).values_list("indicator_id", "year", "value")
    )
    return _grouped(
        (action, {"code": code, "targets": dict(targets[pk])})
        for pk, action, code in indicators.values_list("pk", "action_id", "indicator_code")
    )


def _actions(framework: Framework) -> dict[int, list[dict]]:
    """The framework's actions by ambition, in the tree's order, with their partners, policy
    domains and indicators: plain values in six queries (instances with prefetched relations
    took ten times longer for 500 actions)."""
    actions = Action.objects.filter(ambition__theme__framework=framework)
    through = Action.partners.through.objects.filter(action__in=actions)
    partners = _grouped(
        through.order_by(*_in_default_order("organisation", Organisation)).values_list(
            "action_id", "organisation__name"
        )
    )
    through = Action.policy_domains.through.objects.filter(action__in=actions)
    domains = _grouped(
        through.order_by(*_in_default_order("policydomain", PolicyDomain)).values_list(
            "action_id", "policydomain__code"
        )
    )
    indicators = _indicators(actions)
    region_name = framework.region.name
    rows = actions.values_list(
        "pk",
        "ambition_id",
        "title",
        "description",
        "level",
        "owner_municipality__name",
        "owner_subregion__name",
        "owned_by_region",
        "starts_on",
        "ends_on",
        "status",
    )
    by_ambition = defaultdict(list)
    for row in rows:
        pk, ambition, title, description, level, municipality, subregion, by_region = row[:8]
        starts_on, ends_on, status = row[8:]
        by_ambition[ambition].append(
            {
                "key": f"action-{pk}",
                "title": title,
                "description": description,
                "level": level,
                "owner": municipality or subregion or (region_name if by_region else ""),
                "partners": partners[pk],
                "policy_domains": domains[pk],
                "starts_on": starts_on.isoformat() if starts_on else "",
                "ends_on": ends_on.isoformat() if ends_on else "",
                "status": status,
                "indicators": indicators[pk],
            }
        )
    return by_ambition


def _themes(framework: Framework) -> list[dict]:
    actions = _actions(framework)
    ambitions = _grouped(
        (
            theme,
            {
                "key": f"ambition-{pk}",
                "title": title,
                "description": description,
                "actions": actions[pk],
            },
        )
        for pk, theme, title, description in Ambition.objects.filter(
            theme__framework=framework
        ).values_list("pk", "theme_id", "title", "description")
    )
    return [
        {
            "key": f"theme-{pk}",
            "title": title,
            "description": description,
            "ambitions": ambitions[pk],
        }
        for pk, title, description in framework.themes.values_list("pk", "title", "description")
    ]


def framework_content(framework: Framework) -> dict:
    """The framework's working copy as it stands now, in a fixed number of queries whatever the
    size of the tree."""
    return {
        "title": framework.title,
        "first_year": framework.first_year,
        "last_year": framework.last_year,
        "vision": framework.vision,
        "themes": _themes(framework),
    }
