"""The framework's part of ``onderdak bench pages``: a framework of the issue's size (500 actions
and 2,000 input items, issue 5: every page under 150 ms p95), one version of it put out for
consultation, and the framework pages to measure.

The tree, the participation and the input are inserted in bulk (fictitious, like the contingent's
cases): the volume is what is measured, not the writing. The version is made by its service, so
that its content is the real frozen copy of 500 actions.

The page list is in one place (``PAGES``): every page of the module (tree, matrix, versions and
the diff, participation and input log, route, project plan, current state, print and Word) and a
few of its API lists.
"""

import datetime
from itertools import cycle

from django.db import transaction

from onderdak.accounts.models import Role, User
from onderdak.framework.models import (
    Action,
    ActionIndicator,
    ActionTarget,
    Ambition,
    Framework,
    FrameworkVersion,
    InputItem,
    ParticipationSession,
    PolicyDomain,
    ResponseKind,
    Stakeholder,
    StakeholderKind,
    Theme,
)
from onderdak.framework.services.versions import version_create, version_transition
from onderdak.region.models import Level, Organisation, Region

TITLE = "Beleidskader (benchmark, fictief)"
THEMES = 8
AMBITIONS_PER_THEME = 4
ACTIONS = 500
INPUT_ITEMS = 2000
STAKEHOLDERS = 25
SESSIONS = 10
INDICATOR_EVERY = 5  # one action in five has an indicator with targets
FIRST_YEAR, LAST_YEAR = 2026, 2031

P, G = Role.POLICY_OFFICER, Role.GOVERNANCE_READER
M = Role.MUNICIPALITY_OFFICER
NO_QUERY: dict[str, str] = {}
#: The framework pages: name, URL name, a role that may see it, the ``Targets`` fields that are
#: the page's path arguments (comma-separated, ``""``: none) and its query string (a value may
#: name a ``Targets`` field in braces)
#: (``onderdak.core.bench.pages`` makes them its ``Page`` entries).
PAGES: tuple[tuple[str, str, str, str, dict[str, str]], ...] = (
    ("frameworks", "framework:framework_list", P, "", NO_QUERY),
    ("framework", "framework:framework_detail", P, "framework", NO_QUERY),
    ("framework tree", "framework:tree", P, "framework", NO_QUERY),
    ("framework matrix", "framework:matrix", P, "framework", NO_QUERY),
    ("framework matrix excel", "framework:matrix_export", P, "framework", NO_QUERY),
    ("framework versions", "framework:version_list", P, "framework", NO_QUERY),
    ("framework version", "framework:version_detail", G, "framework_version", NO_QUERY),
    (
        "framework diff",
        "framework:diff",
        P,
        "framework",
        {"van": "{framework_version}", "naar": "werk"},
    ),
    ("framework participation", "framework:participation", P, "framework", NO_QUERY),
    ("framework input log", "framework:input_list", P, "framework", NO_QUERY),
    (
        "framework input without response",
        "framework:input_list",
        M,
        "framework",
        {"zonder_reactie": "on"},
    ),
    ("framework input excel", "framework:input_export", P, "framework", NO_QUERY),
    ("framework route", "framework:route", P, "framework", NO_QUERY),
    (
        "framework route of a version",
        "framework:route_version",
        G,
        "framework,framework_version",
        NO_QUERY,
    ),
    ("framework project plan", "framework:project_plan", P, "framework", NO_QUERY),
    ("framework current state", "framework:current_state", P, "framework", NO_QUERY),
    ("framework print view", "framework:print", P, "framework", NO_QUERY),
    ("framework word export", "framework:export", P, "framework", NO_QUERY),
    ("framework version print view", "framework:version_print", G, "framework_version", NO_QUERY),
    ("framework version word export", "framework:version_export", G, "framework_version", NO_QUERY),
    ("api frameworks", "framework-list", P, "", NO_QUERY),
    ("api framework tree", "framework-tree", P, "framework", NO_QUERY),
    ("api framework actions", "framework-action-list", P, "", NO_QUERY),
    ("api framework input", "framework-input-list", P, "", NO_QUERY),
)


def framework_targets(region: Region) -> dict:
    """The region's benchmark framework and its newest version (none: zeros)."""
    framework = Framework.objects.filter(region=region, title=TITLE).first()
    if framework is None:
        return {}
    version = framework.versions.order_by("-number").values_list("pk", flat=True).first()
    return {"framework": framework.pk, "framework_version": version or 0}


@transaction.atomic
def populate_framework(
    *, region: Region, by: User, actions: int = ACTIONS, input_items: int = INPUT_ITEMS
) -> FrameworkVersion:
    """A framework with ``actions`` actions and ``input_items`` contributions, and its first
    version in consultation (made by ``by``, a policy officer)."""
    framework = Framework.objects.create(
        region=region,
        title=TITLE,
        first_year=FIRST_YEAR,
        last_year=LAST_YEAR,
        vision="<p>Fictieve visie voor de benchmark.</p><ul><li>Preventie</li></ul>",
        is_demo=True,
    )
    themes = _tree(framework, actions)
    _input(framework, themes, input_items)
    version = version_create(framework=framework, user=by, label="benchmark")
    return version_transition(version=version, action="consult")


def _tree(framework: Framework, count: int) -> list[Theme]:
    themes = Theme.objects.bulk_create(
        Theme(framework=framework, title=f"Thema {i + 1}", position=i) for i in range(THEMES)
    )
    ambitions = Ambition.objects.bulk_create(
        Ambition(theme=theme, title=f"Ambitie {t + 1}.{a + 1}", position=a)
        for t, theme in enumerate(themes)
        for a in range(AMBITIONS_PER_THEME)
    )
    created = Action.objects.bulk_create(_actions(framework.region, ambitions, count))
    _links(framework.region, created)
    return themes


def _actions(region: Region, ambitions: list[Ambition], count: int):
    municipalities = cycle(region.municipalities.order_by("pk"))
    subregions = cycle(region.subregions.order_by("pk"))
    places = cycle(ambitions)
    for i in range(count):
        level = Level.values[i % 3]
        yield Action(
            ambition=next(places),
            title=f"Actie {i + 1}",
            description="<p>Fictieve actie voor de benchmark.</p>",
            position=i,
            level=level,
            owner_municipality=next(municipalities) if level == Level.LOCAL else None,
            owner_subregion=next(subregions) if level == Level.SUBREGIONAL else None,
            owned_by_region=level == Level.REGIONAL,
            starts_on=datetime.date(FIRST_YEAR, 1, 1),
            ends_on=datetime.date(LAST_YEAR, 12, 31),
        )


def _links(region: Region, actions: list[Action]) -> None:
    """Two partners and a policy domain per action; an indicator with targets every fifth."""
    partners = cycle(Organisation.objects.filter(region=region).order_by("pk"))
    domains = cycle(PolicyDomain.objects.order_by("pk"))
    Action.partners.through.objects.bulk_create(
        Action.partners.through(action=action, organisation=next(partners))
        for action in actions
        for _ in range(2)
    )
    if PolicyDomain.objects.exists():
        Action.policy_domains.through.objects.bulk_create(
            Action.policy_domains.through(action=action, policydomain=next(domains))
            for action in actions
        )
    indicators = ActionIndicator.objects.bulk_create(
        ActionIndicator(action=action, indicator_code="ethos-per-10000")
        for action in actions[::INDICATOR_EVERY]
    )
    ActionTarget.objects.bulk_create(
        ActionTarget(indicator=indicator, year=year, value=10 - (year - FIRST_YEAR))
        for indicator in indicators
        for year in (FIRST_YEAR, FIRST_YEAR + 2, LAST_YEAR)
    )


def _input(framework: Framework, themes: list[Theme], count: int) -> None:
    stakeholders = Stakeholder.objects.bulk_create(
        Stakeholder(framework=framework, kind=StakeholderKind.OTHER, name=f"Partner {i + 1}")
        for i in range(STAKEHOLDERS)
    )
    sessions = ParticipationSession.objects.bulk_create(
        ParticipationSession(
            framework=framework,
            title=f"Sessie {i + 1}",
            held_on=datetime.date(2025, 4, 1) + datetime.timedelta(days=7 * i),
        )
        for i in range(SESSIONS)
    )
    who, where, when, about = cycle(stakeholders), cycle(sessions), cycle(themes), cycle([0, 1])
    InputItem.objects.bulk_create(
        InputItem(
            framework=framework,
            stakeholder=next(who),
            session=(session := next(where)),
            received_on=session.held_on,
            theme=next(when) if next(about) else None,
            text=f"<p>Fictieve inbreng {i + 1}.</p>",
            response=ResponseKind.ADOPTED if i % 2 else ResponseKind.OPEN,
            response_text="Verwerkt." if i % 2 else "",
        )
        for i in range(count)
    )
