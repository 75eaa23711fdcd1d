"""A fictitious draft framework 2026 to 2031 for the demo, from the project leader's assignment
(the first seed): the eight themes, actions at the local, subregional and regional level (and one
without a level, one claimed at two levels, for the matrix to flag), participation of partners,
experts by experience and adjacent domains with their rungs on the ladder per phase, two sessions
with input (some answered, some not), the plan of approach (phases February 2025 to February
2026, milestones, the project group and working groups with organisations from the registry) and
one version in consultation on its decision route.

The content is data (``data/demo-framework.json``), marked as demo: ``is_demo`` and "(demo)" in
the title. Loading twice adds nothing: a region that has the demo framework keeps it as it is.
"""

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from onderdak.accounts.models import User
from onderdak.framework.models import (
    Action,
    ActionIndicator,
    ActionTarget,
    Ambition,
    DecisionStep,
    Framework,
    FrameworkVersion,
    GroupMember,
    InputItem,
    Milestone,
    ParticipationSession,
    PolicyDomain,
    ProjectPhase,
    ResponseKind,
    Stakeholder,
    StakeholderLevel,
    Theme,
    WorkingGroup,
)
from onderdak.framework.services.text import clean_html
from onderdak.framework.services.versions import version_create, version_transition
from onderdak.region.models import Level, Region

DEMO_FILE = Path(__file__).resolve().parent / "data" / "demo-framework.json"
#: The transition that takes the new version from draft to the status the demo asks for.
TO_STATUS = {"consultation": "consult", "proposed": "propose"}


@dataclass(frozen=True)
class DemoFramework:
    framework: Framework
    created: bool
    actions: int
    input_items: int
    version: FrameworkVersion | None


def read_demo(path: Path = DEMO_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


class _Loader:
    """Writes one demo framework; looks up the registry's names (organisations, subregions,
    municipalities) in the framework's region."""

    def __init__(self, framework: Framework, by: User) -> None:
        self.framework = framework
        self.by = by
        region = framework.region
        self.organisations = {o.name: o for o in region.organisations.all()}
        self.subregions = {s.name: s for s in region.subregions.all()}
        self.municipalities = {m.cbs_code: m for m in region.municipalities.all()}
        self.domains = {d.code: d for d in PolicyDomain.objects.all()}
        self.themes: dict[str, Theme] = {}
        self.actions: dict[str, Action] = {}
        self.phases: dict[str, ProjectPhase] = {}
        self.stakeholders: dict[str, Stakeholder] = {}

    def tree(self, themes: list[dict]) -> None:
        for position, data in enumerate(themes):
            theme = Theme.objects.create(
                framework=self.framework,
                title=data["title"],
                description=clean_html(data.get("description", "")),
                position=position,
            )
            self.themes[theme.title] = theme
            for index, ambition in enumerate(data["ambitions"]):
                self._ambition(theme, index, ambition)

    def _ambition(self, theme: Theme, position: int, data: dict) -> None:
        ambition = Ambition.objects.create(
            theme=theme,
            title=data["title"],
            description=clean_html(data.get("description", "")),
            position=position,
        )
        for index, action in enumerate(data["actions"]):
            self._action(ambition, index, action)

    def _owner(self, level: str, owner: str) -> dict:
        if level == Level.LOCAL:
            return {"owner_municipality": self.municipalities[owner]}
        if level == Level.SUBREGIONAL:
            return {"owner_subregion": self.subregions[owner]}
        return {"owned_by_region": owner == "region"}

    def _action(self, ambition: Ambition, position: int, data: dict) -> None:
        action = Action.objects.create(
            ambition=ambition,
            title=data["title"],
            description=clean_html(data.get("description", "")),
            position=position,
            level=data["level"],
            starts_on=_date(data["starts_on"]),
            ends_on=_date(data["ends_on"]),
            status=data["status"],
            **self._owner(data["level"], data["owner"]),
        )
        action.partners.set([self.organisations[name] for name in data["partners"]])
        action.policy_domains.set([self.domains[code] for code in data["domains"]])
        for indicator in data.get("indicators", []):
            linked = ActionIndicator.objects.create(action=action, indicator_code=indicator["code"])
            ActionTarget.objects.bulk_create(
                ActionTarget(indicator=linked, year=int(year), value=value)
                for year, value in indicator["targets"].items()
            )
        self.actions[action.title] = action

    def project(self, data: dict) -> None:
        for phase in data["phases"]:
            self.phases[phase["name"]] = ProjectPhase.objects.create(
                framework=self.framework,
                name=phase["name"],
                starts_on=_date(phase["starts_on"]),
                ends_on=_date(phase["ends_on"]),
                description=clean_html(phase["description"]),
            )
        for milestone in data["milestones"]:
            Milestone.objects.create(
                framework=self.framework,
                phase=self.phases[milestone["phase"]],
                name=milestone["name"],
                due_on=_date(milestone["due_on"]),
                reached_on=_date(milestone["reached_on"]),
            )
        for group in data["groups"]:
            self._group(group)

    def _group(self, data: dict) -> None:
        group = WorkingGroup.objects.create(
            framework=self.framework,
            name=data["name"],
            is_project_group=data["is_project_group"],
            purpose=clean_html(data["purpose"]),
        )
        GroupMember.objects.bulk_create(
            GroupMember(
                group=group,
                organisation=self.organisations[member["organisation"]],
                function=member["function"],
            )
            for member in data["members"]
        )

    def participation(self, data: dict) -> None:
        for stakeholder in data["stakeholders"]:
            self._stakeholder(stakeholder)
        for session in data["sessions"]:
            self._session(session)

    def _stakeholder(self, data: dict) -> None:
        stakeholder = Stakeholder.objects.create(
            framework=self.framework,
            kind=data["kind"],
            organisation=self.organisations.get(data.get("organisation", "")),
            name=data.get("name", ""),
            policy_domain=self.domains.get(data.get("domain", "")),
        )
        StakeholderLevel.objects.bulk_create(
            StakeholderLevel(stakeholder=stakeholder, phase=self.phases[phase], level=level)
            for phase, level in data["levels"].items()
        )
        self.stakeholders[data["key"]] = stakeholder

    def _session(self, data: dict) -> None:
        session = ParticipationSession.objects.create(
            framework=self.framework,
            title=data["title"],
            held_on=_date(data["held_on"]),
            phase=self.phases[data["phase"]],
            topics=clean_html(data["topics"]),
        )
        session.participants.set([self.stakeholders[key] for key in data["participants"]])
        for item in data["input"]:
            self._input(session, item)

    def _input(self, session: ParticipationSession, data: dict) -> None:
        answered = data["response"] != ResponseKind.OPEN
        InputItem.objects.create(
            framework=self.framework,
            stakeholder=self.stakeholders[data["from"]],
            session=session,
            received_on=session.held_on,
            theme=self.themes.get(data["theme"]),
            text=clean_html(data["text"]),
            response=data["response"],
            response_text=clean_html(data.get("response_text", "")),
            response_action=self.actions.get(data.get("taken_up_in_action", "")),
            responded_by=self.by if answered else None,
            responded_at=timezone.now() if answered else None,
        )

    def version(self, data: dict) -> FrameworkVersion:
        version = version_create(framework=self.framework, user=self.by, label=data["label"])
        if data["status"] in TO_STATUS:
            version = version_transition(version=version, action=TO_STATUS[data["status"]])
        DecisionStep.objects.bulk_create(
            DecisionStep(
                version=version,
                position=position,
                body=step["body"],
                planned_on=_date(step["planned_on"]),
                held_on=_date(step["held_on"]),
                outcome=step["outcome"],
                note=clean_html(step["note"]),
            )
            for position, step in enumerate(data["steps"], start=1)
        )
        return version


def _result(framework: Framework, created: bool) -> DemoFramework:
    return DemoFramework(
        framework=framework,
        created=created,
        actions=Action.objects.filter(ambition__theme__framework=framework).count(),
        input_items=framework.input_items.count(),
        version=framework.versions.order_by("-number").first(),
    )


@transaction.atomic
def load_demo(*, region: Region, by: User, path: Path = DEMO_FILE) -> DemoFramework:
    """The demo framework of ``region``, written by ``by`` (the demo policy officer); nothing
    is added when the region has it already."""
    data = read_demo(path)
    present = Framework.objects.filter(region=region, is_demo=True, title=data["title"]).first()
    if present is not None:
        return _result(present, created=False)
    framework = Framework.objects.create(
        region=region,
        title=data["title"],
        first_year=data["first_year"],
        last_year=data["last_year"],
        vision=clean_html(data["vision"]),
        is_demo=True,
    )
    loader = _Loader(framework, by)
    loader.tree(data["themes"])
    loader.project(data)
    loader.participation(data)
    loader.version(data["version"])
    return _result(framework, created=True)
