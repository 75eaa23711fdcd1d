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

from django.db.models import Prefetch

from onderdak.framework.models import Action, ActionIndicator, Ambition, Framework, Theme


def _owner(action: Action, region_name: str) -> str:
    if action.owner_municipality_id:
        return action.owner_municipality.name
    if action.owner_subregion_id:
        return action.owner_subregion.name
    return region_name if action.owned_by_region else ""


def _action(action: Action, region_name: str) -> dict:
    return {
        "key": f"action-{action.pk}",
        "title": action.title,
        "description": action.description,
        "level": action.level,
        "owner": _owner(action, region_name),
        "partners": [p.name for p in action.partners.all()],
        "policy_domains": [d.code for d in action.policy_domains.all()],
        "starts_on": action.starts_on.isoformat() if action.starts_on else "",
        "ends_on": action.ends_on.isoformat() if action.ends_on else "",
        "status": action.status,
        "indicators": [
            {
                "code": i.indicator_code,
                "targets": {str(t.year): str(t.value) for t in i.targets.all()},
            }
            for i in action.indicators.all()
        ],
    }


def _ambition(ambition: Ambition, region_name: str) -> dict:
    return {
        "key": f"ambition-{ambition.pk}",
        "title": ambition.title,
        "description": ambition.description,
        "actions": [_action(a, region_name) for a in ambition.actions.all()],
    }


def _theme(theme: Theme, region_name: str) -> dict:
    return {
        "key": f"theme-{theme.pk}",
        "title": theme.title,
        "description": theme.description,
        "ambitions": [_ambition(a, region_name) for a in theme.ambitions.all()],
    }


def themes_with_everything(framework: Framework):
    """The framework's themes with ambitions, actions and all they show, in a fixed number of
    queries whatever the size of the tree."""
    actions = (
        Action.objects.select_related("owner_municipality", "owner_subregion")
        .defer("owner_municipality__boundary")  # a map's outline: large, and not shown here
        .prefetch_related(
            "partners",
            "policy_domains",
            Prefetch("indicators", ActionIndicator.objects.prefetch_related("targets")),
        )
    )
    ambitions = Ambition.objects.prefetch_related(Prefetch("actions", actions))
    return framework.themes.prefetch_related(Prefetch("ambitions", ambitions))


def framework_content(framework: Framework) -> dict:
    """The framework's working copy as it stands now."""
    return {
        "title": framework.title,
        "first_year": framework.first_year,
        "last_year": framework.last_year,
        "vision": framework.vision,
        "themes": [_theme(t, framework.region.name) for t in themes_with_everything(framework)],
    }
