"""What the framework's document holds, the same for the print view and the Word export: the
title page, the vision, the themes with their ambitions and their actions grouped by level, the
indicators with their targets per year, the participation account and, as an annex, the current
state.

It is built from a content dict (``selectors.content``): the working copy's, or a version's
frozen ``content``, so that a version's document shows the version as it was put to its bodies.
The participation account and the current state are read as they stand on the day of export.
"""

import datetime
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from onderdak.framework.models import (
    ActionStatus,
    Framework,
    FrameworkVersion,
    PolicyDomain,
)
from onderdak.framework.selectors.content import framework_content
from onderdak.framework.selectors.current_state import Section, current_state
from onderdak.framework.selectors.input_account import ThemeAccount, input_account
from onderdak.region.models import Level

#: Between the two ends of a period or a timeline.
EN_DASH = "\u2013"
#: The order of the level groups; actions without a level come last.
LEVELS = (Level.LOCAL, Level.SUBREGIONAL, Level.REGIONAL, "")


@dataclass(frozen=True)
class ActionRow:
    title: str
    ambition: str
    owner: str
    partners: str
    domains: str
    timeline: str
    status: str

    @property
    def cells(self) -> list[str]:
        """The row's cells in the order of the actions table's columns."""
        return [
            self.title,
            self.ambition,
            self.owner,
            self.partners,
            self.domains,
            self.timeline,
            self.status,
        ]


@dataclass(frozen=True)
class LevelGroup:
    level: str  # a ``Level`` value, "" for actions without a level
    title: str
    actions: list[ActionRow]


@dataclass(frozen=True)
class AmbitionPart:
    title: str
    description: str  # cleaned HTML


@dataclass(frozen=True)
class ThemePart:
    title: str
    description: str  # cleaned HTML
    ambitions: list[AmbitionPart]
    levels: list[LevelGroup]  # only the levels with actions


@dataclass(frozen=True)
class IndicatorRow:
    action: str
    code: str
    targets: list[str]  # per year of the period, "" where no target is set

    @property
    def cells(self) -> list[str]:
        return [self.action, self.code, *self.targets]


@dataclass
class Document:
    title: str
    first_year: int
    last_year: int
    edition: str  # "working copy" or "version 3 (label)"
    status: str
    is_demo: bool
    made_on: datetime.date
    vision: str  # cleaned HTML
    themes: list[ThemePart] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    account: list[ThemeAccount] = field(default_factory=list)
    current_state: list[Section] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))

    @property
    def period(self) -> str:
        return f"{self.first_year}{EN_DASH}{self.last_year}"

    @property
    def input_count(self) -> int:
        return sum(len(group.entries) for group in self.account)

    @property
    def open_input_count(self) -> int:
        return sum(group.open_count for group in self.account)

    @property
    def input_summary(self) -> str:
        """How many contributions there are and how many still wait for a response."""
        total = ngettext("%(total)s contribution", "%(total)s contributions", self.input_count) % {
            "total": self.input_count
        }
        return ngettext(
            "%(total)s, of which %(open)s without a response yet.",
            "%(total)s, of which %(open)s without a response yet.",
            self.open_input_count,
        ) % {"total": total, "open": self.open_input_count}


def level_title(level: str) -> str:
    titles = {
        Level.LOCAL: _("Local actions"),
        Level.SUBREGIONAL: _("Subregional actions"),
        Level.REGIONAL: _("Regional actions"),
    }
    return titles.get(level, _("Actions without a level"))


def _timeline(action: dict) -> str:
    start, end = action["starts_on"], action["ends_on"]
    if not (start or end):
        return ""
    shown = [_short_date(day) for day in (start, end)]
    return f" {EN_DASH} ".join(shown)


@lru_cache(maxsize=1024)
def _short_date(day: str) -> str:
    """An ISO date as 31-12-2026 (an action's dates repeat: worked out once each)."""
    return datetime.date.fromisoformat(day).strftime("%d-%m-%Y") if day else "…"


@dataclass(frozen=True)
class _Names:
    """The names shown for the codes in the content, looked up once per document."""

    domains: dict[str, str]  # policy domain code → name
    statuses: dict[str, str]  # action status → label
    no_owner: str

    @classmethod
    def new(cls) -> "_Names":
        return cls(
            domains={domain.code: str(domain) for domain in PolicyDomain.objects.all()},
            statuses={value: str(label) for value, label in ActionStatus.choices},
            no_owner=_("no owner"),
        )


def _action_row(action: dict, ambition: str, names: _Names) -> ActionRow:
    domains = names.domains
    return ActionRow(
        title=action["title"],
        ambition=ambition,
        owner=action["owner"] or names.no_owner,
        partners=", ".join(action["partners"]),
        domains=", ".join(domains.get(code, code) for code in action["policy_domains"]),
        timeline=_timeline(action),
        status=names.statuses.get(action["status"], action["status"]),
    )


def _levels(theme: dict, names: _Names) -> list[LevelGroup]:
    rows: dict[str, list[ActionRow]] = {level: [] for level in LEVELS}
    for ambition in theme["ambitions"]:
        for action in ambition["actions"]:
            level = action["level"] if action["level"] in rows else ""
            rows[level].append(_action_row(action, ambition["title"], names))
    return [LevelGroup(level, level_title(level), rows[level]) for level in LEVELS if rows[level]]


def _theme(theme: dict, names: _Names) -> ThemePart:
    ambitions = [AmbitionPart(a["title"], a["description"]) for a in theme["ambitions"]]
    return ThemePart(theme["title"], theme["description"], ambitions, _levels(theme, names))


def _indicators(content: dict) -> list[IndicatorRow]:
    years = [str(year) for year in range(content["first_year"], content["last_year"] + 1)]
    return [
        IndicatorRow(
            action["title"], indicator["code"], [indicator["targets"].get(y, "") for y in years]
        )
        for theme in content["themes"]
        for ambition in theme["ambitions"]
        for action in ambition["actions"]
        for indicator in action["indicators"]
    ]


def _document(content: dict, framework: Framework, user, **meta) -> Document:
    names = _Names.new()
    return Document(
        title=content["title"],
        first_year=content["first_year"],
        last_year=content["last_year"],
        is_demo=framework.is_demo,
        made_on=timezone.localdate(),
        vision=content["vision"],
        themes=[_theme(theme, names) for theme in content["themes"]],
        indicators=_indicators(content),
        account=input_account(framework=framework),
        current_state=current_state(region=framework.region, user=user),
        **meta,
    )


def working_copy_document(*, framework: Framework, user) -> Document:
    """The document of the working copy as it stands now."""
    return _document(
        framework_content(framework),
        framework,
        user,
        edition=_("working copy"),
        status=_("draft, not yet a version"),
    )


def version_document(*, version: FrameworkVersion, user) -> Document:
    """The document of a version, from its frozen content."""
    edition = _("version %(number)s") % {"number": version.number}
    if version.label:
        edition = f"{edition} ({version.label})"
    return _document(
        version.content,
        version.framework,
        user,
        edition=edition,
        status=version.get_status_display(),
    )
