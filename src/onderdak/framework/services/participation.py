"""Writes of the participation plan and the input log: stakeholders and their level on the
participation ladder per phase, sessions, contributions and the response to each.

Every free text is cleaned (``services.text.clean_html``) before it is stored; everything a
record points to must be of the same framework; a stakeholder that is an organisation comes from
the framework's region's registry. Nothing is half-saved: each service runs in one transaction.
"""

import datetime
from collections.abc import Iterable, Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from onderdak.core.validation import save_validated
from onderdak.framework.models import (
    Action,
    Framework,
    InputItem,
    Ladder,
    ParticipationSession,
    PolicyDomain,
    ProjectPhase,
    ResponseKind,
    Stakeholder,
    StakeholderKind,
    StakeholderLevel,
    Theme,
)
from onderdak.framework.services.process import (
    cleaned,
    foreign_fields,
    locked,
    refuse,
    refuse_delete,
    require,
)
from onderdak.region.models import Organisation

CHANGE = "framework.change_participation"


def ladder_error() -> str:
    """The message for a level that is not a rung of the ladder (form, API and service)."""
    return _(
        "Choose a level of the participation ladder: inform, consult, advise, co-produce or "
        "co-decide."
    )


# --- Stakeholders --------------------------------------------------------------------------------


@transaction.atomic
def stakeholder_create(
    *,
    framework: Framework,
    user,
    kind: str,
    name: str = "",
    organisation: Organisation | None = None,
    policy_domain: PolicyDomain | None = None,
    notes: str = "",
) -> Stakeholder:
    """An organisation of the region's registry, or a group named by ``name``."""
    require(user, CHANGE)
    stakeholder = Stakeholder(
        framework=framework,
        kind=kind,
        name=(name or "").strip(),
        organisation=organisation,
        policy_domain=policy_domain,
        notes=cleaned(notes),
    )
    refuse(_stakeholder_errors(stakeholder))
    return save_validated(stakeholder)


@transaction.atomic
def stakeholder_update(
    *,
    stakeholder: Stakeholder,
    user,
    kind: str,
    name: str = "",
    organisation: Organisation | None = None,
    policy_domain: PolicyDomain | None = None,
    notes: str = "",
) -> Stakeholder:
    """The stakeholder's kind, name, organisation, domain and notes, checked as on creation."""
    require(user, CHANGE)
    stakeholder = locked(stakeholder)
    stakeholder.kind = kind
    stakeholder.name = (name or "").strip()
    stakeholder.organisation = organisation
    stakeholder.policy_domain = policy_domain
    stakeholder.notes = cleaned(notes)
    refuse(_stakeholder_errors(stakeholder))
    return save_validated(stakeholder)


@transaction.atomic
def stakeholder_delete(*, stakeholder: Stakeholder, user) -> None:
    """A stakeholder without input; their levels and their place in sessions go with them."""
    require(user, CHANGE)
    stakeholder = locked(stakeholder)
    refuse_delete(
        stakeholder,
        {
            _("input was logged from this stakeholder. Delete or move that input first."): (
                stakeholder.input_items.exists()
            )
        },
    )
    stakeholder.delete()


def _stakeholder_errors(stakeholder: Stakeholder) -> dict[str, list[str]]:
    organisation = stakeholder.organisation
    if stakeholder.kind == StakeholderKind.ORGANISATION:
        if organisation is None:
            return {"organisation": [_("Choose the organisation from the registry.")]}
        if organisation.region_id != stakeholder.framework.region_id:
            return {"organisation": [_("Choose an organisation of the framework's region.")]}
    elif not stakeholder.name:
        return {"name": [_("Name the group, e.g. “Experts by experience”.")]}
    return {}


@transaction.atomic
def stakeholder_levels_set(
    *, stakeholder: Stakeholder, user, levels: Mapping[ProjectPhase, str]
) -> list[StakeholderLevel]:
    """The stakeholder's rung of the ladder per phase; an empty level removes it."""
    require(user, CHANGE)
    framework = stakeholder.framework
    errors = {
        f"phase_{phase.pk}": [ladder_error()]
        for phase, level in levels.items()
        if level and level not in Ladder.values
    }
    for phase in levels:
        for problem in foreign_fields(framework, phase=phase).get("phase", []):
            errors.setdefault(f"phase_{phase.pk}", []).append(problem)
    refuse(errors, ladder_error() if errors else None)
    kept = []
    for phase, level in levels.items():
        if not level:
            stakeholder.levels.filter(phase=phase).delete()
            continue
        found = stakeholder.levels.filter(phase=phase).first()
        found = found or StakeholderLevel(stakeholder=stakeholder, phase=phase)
        found.level = level
        kept.append(save_validated(found))
    return kept


# --- Sessions ------------------------------------------------------------------------------------


@transaction.atomic
def session_create(
    *,
    framework: Framework,
    user,
    title: str,
    held_on: datetime.date,
    phase: ProjectPhase | None = None,
    participants: Iterable[Stakeholder] = (),
    topics: str = "",
) -> ParticipationSession:
    """A session held to gather input, with the stakeholders who took part."""
    require(user, CHANGE)
    participants = list(participants)
    refuse(_session_errors(framework, phase, participants))
    session = save_validated(
        ParticipationSession(
            framework=framework,
            title=(title or "").strip(),
            held_on=held_on,
            phase=phase,
            topics=cleaned(topics),
        )
    )
    session.participants.set(participants)
    return session


@transaction.atomic
def session_update(
    *,
    session: ParticipationSession,
    user,
    title: str,
    held_on: datetime.date,
    phase: ProjectPhase | None = None,
    participants: Iterable[Stakeholder] = (),
    topics: str = "",
) -> ParticipationSession:
    """The session's title, date, phase, topics and who took part (replaced as a whole)."""
    require(user, CHANGE)
    session = locked(session)
    participants = list(participants)
    refuse(_session_errors(session.framework, phase, participants))
    session.title = (title or "").strip()
    session.held_on = held_on
    session.phase = phase
    session.topics = cleaned(topics)
    session = save_validated(session)
    session.participants.set(participants)
    return session


def _session_errors(framework: Framework, phase, participants) -> dict[str, list[str]]:
    errors = foreign_fields(framework, phase=phase)
    if any(p.framework_id != framework.pk for p in participants):
        errors["participants"] = [_("Choose stakeholders of this framework.")]
    return errors


@transaction.atomic
def session_delete(*, session: ParticipationSession, user) -> None:
    """A session no input was logged in (that input would lose where it came from)."""
    require(user, CHANGE)
    session = locked(session)
    refuse_delete(
        session,
        {
            _("input was logged in this session. Move that input to another session first."): (
                session.input_items.exists()
            )
        },
    )
    session.delete()


# --- The input log -------------------------------------------------------------------------------


@transaction.atomic
def input_create(
    *,
    framework: Framework,
    user,
    stakeholder: Stakeholder,
    received_on: datetime.date,
    text: str,
    session: ParticipationSession | None = None,
    theme: Theme | None = None,
    action: Action | None = None,
) -> InputItem:
    """A contribution from ``stakeholder`` (in ``session``, if it came in one), about a theme
    or an action of the framework; its text is stored cleaned, and must keep some words."""
    require(user, CHANGE)
    text = cleaned(text)
    refuse(_input_errors(framework, text, stakeholder, session, theme, action))
    return save_validated(
        InputItem(
            framework=framework,
            stakeholder=stakeholder,
            session=session,
            received_on=received_on,
            theme=theme,
            action=action,
            text=text,
        )
    )


@transaction.atomic
def input_update(
    *,
    item: InputItem,
    user,
    stakeholder: Stakeholder,
    received_on: datetime.date,
    text: str,
    session: ParticipationSession | None = None,
    theme: Theme | None = None,
    action: Action | None = None,
) -> InputItem:
    """The contribution as logged, corrected; its response stays (``input_respond`` changes
    that)."""
    require(user, CHANGE)
    item = locked(item)
    text = cleaned(text)
    refuse(_input_errors(item.framework, text, stakeholder, session, theme, action))
    item.stakeholder = stakeholder
    item.session = session
    item.received_on = received_on
    item.theme = theme
    item.action = action
    item.text = text
    return save_validated(item)


def _input_errors(framework, text, stakeholder, session, theme, action) -> dict[str, list[str]]:
    errors = foreign_fields(
        framework, stakeholder=stakeholder, session=session, theme=theme, action=action
    )
    if not text:
        errors["text"] = [_("Enter the contribution.")]
    return errors


@transaction.atomic
def input_respond(
    *,
    item: InputItem,
    user,
    response: str,
    response_text: str,
    response_theme: Theme | None = None,
    response_action: Action | None = None,
) -> InputItem:
    """What was done with a contribution and where in the framework; who answered and when are
    recorded here. A response given before is replaced."""
    require(user, CHANGE)
    item = InputItem.objects.select_for_update().select_related("framework").get(pk=item.pk)
    response_text = cleaned(response_text)
    errors = foreign_fields(
        item.framework, response_theme=response_theme, response_action=response_action
    )
    if response not in ResponseKind.values or response == ResponseKind.OPEN:
        errors["response"] = [_("Choose what was done with the contribution.")]
    if not response_text:
        errors["response_text"] = [_("Say what was done with the contribution.")]
    refuse(errors)
    item.response = response
    item.response_text = response_text
    item.response_theme = response_theme
    item.response_action = response_action
    item.responded_by = user
    item.responded_at = timezone.now()
    return save_validated(item)
