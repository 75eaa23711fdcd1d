"""Writes of the framework's tree: themes → ambitions → actions, and an action's indicators.

Every item stays in its own framework: a new parent (an ambition moved to another theme, an action
to another ambition) must belong to the same framework, so no item is orphaned or hung under a
tree it does not belong to. An action's level and owner must fit (a municipality for a local task,
a subregion for a subregional one, the region for a regional one) and its dates must lie inside
the framework's period. Texts are cleaned before they are stored; nothing is half-saved.
"""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from onderdak.core.errors import Conflict, DomainError
from onderdak.core.validation import save_validated
from onderdak.framework.models import (
    Action,
    ActionIndicator,
    ActionStatus,
    ActionTarget,
    Ambition,
    Framework,
    PolicyDomain,
    Theme,
)
from onderdak.framework.services.frameworks import check_editor
from onderdak.framework.services.text import clean_html
from onderdak.region.models import Level, Municipality, Organisation, Subregion

TreeItem = Theme | Ambition | Action
ACTION_FIELDS = (
    "ambition",
    "title",
    "description",
    "level",
    "owner_municipality",
    "owner_subregion",
    "owned_by_region",
    "partners",
    "policy_domains",
    "starts_on",
    "ends_on",
    "status",
)


def framework_of(item: TreeItem) -> Framework:
    if isinstance(item, Theme):
        return item.framework
    if isinstance(item, Ambition):
        return item.theme.framework
    return item.ambition.theme.framework


def _siblings(item: TreeItem):
    if isinstance(item, Theme):
        return Theme.objects.filter(framework_id=item.framework_id)
    if isinstance(item, Ambition):
        return Ambition.objects.filter(theme_id=item.theme_id)
    return Action.objects.filter(ambition_id=item.ambition_id)


def _place_last(item: TreeItem) -> None:
    last = _siblings(item).exclude(pk=item.pk).aggregate(n=Max("position"))["n"]
    item.position = 0 if last is None else last + 1


def _texts(item: TreeItem) -> None:
    item.title = (item.title or "").strip()
    item.description = clean_html(item.description)


# --- Themes and ambitions ------------------------------------------------------------------------


@transaction.atomic
def theme_create(*, user, framework: Framework, title: str, description: str = "") -> Theme:
    check_editor(user)
    theme = Theme(framework=framework, title=title, description=description)
    return _save_new(theme)


@transaction.atomic
def theme_update(*, user, theme: Theme, **changes) -> Theme:
    check_editor(user)
    theme = _apply(
        Theme.objects.select_for_update().get(pk=theme.pk), changes, ("title", "description")
    )
    _texts(theme)
    return save_validated(theme)


@transaction.atomic
def ambition_create(*, user, theme: Theme, title: str, description: str = "") -> Ambition:
    check_editor(user)
    return _save_new(Ambition(theme=theme, title=title, description=description))


@transaction.atomic
def ambition_update(*, user, ambition: Ambition, **changes) -> Ambition:
    """Changes the title or text, or hangs the ambition under another theme of its framework."""
    check_editor(user)
    fresh = Ambition.objects.select_for_update().select_related("theme").get(pk=ambition.pk)
    old_theme = fresh.theme
    fresh = _apply(fresh, changes, ("theme", "title", "description"))
    _same_framework(fresh.theme.framework_id, old_theme.framework_id, "theme")
    if fresh.theme_id != old_theme.pk:
        _place_last(fresh)
    _texts(fresh)
    return save_validated(fresh)


# --- Actions -------------------------------------------------------------------------------------


@transaction.atomic
def action_create(
    *,
    user,
    ambition: Ambition,
    title: str,
    description: str = "",
    level: str = "",
    owner_municipality: Municipality | None = None,
    owner_subregion: Subregion | None = None,
    owned_by_region: bool = False,
    partners: Iterable[Organisation] = (),
    policy_domains: Iterable[PolicyDomain] = (),
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    status: str = ActionStatus.PLANNED,
) -> Action:
    check_editor(user)
    action = Action(
        ambition=ambition,
        title=title,
        description=description,
        level=level,
        owner_municipality=owner_municipality,
        owner_subregion=owner_subregion,
        owned_by_region=owned_by_region,
        starts_on=starts_on,
        ends_on=ends_on,
        status=status,
    )
    _check_action(action, list(partners))
    action = _save_new(action)
    action.partners.set(partners)
    action.policy_domains.set(policy_domains)
    return action


@transaction.atomic
def action_update(*, user, action: Action, **changes) -> Action:
    """Changes any of :data:`ACTION_FIELDS`; ``partners`` and ``policy_domains`` are replaced."""
    check_editor(user)
    fresh = Action.objects.select_for_update().select_related("ambition__theme").get(pk=action.pk)
    old_framework = fresh.ambition.theme.framework_id
    old_ambition = fresh.ambition_id
    related = {
        name: changes.pop(name) for name in ("partners", "policy_domains") if name in changes
    }
    fresh = _apply(fresh, changes, ACTION_FIELDS)
    _same_framework(fresh.ambition.theme.framework_id, old_framework, "ambition")
    partners = list(related["partners"]) if "partners" in related else list(fresh.partners.all())
    _check_action(fresh, partners)
    if fresh.ambition_id != old_ambition:
        _place_last(fresh)
    _texts(fresh)
    fresh = save_validated(fresh)
    for name, values in related.items():
        getattr(fresh, name).set(values)
    return fresh


def _check_action(action: Action, partners: list[Organisation]) -> None:
    framework = action.ambition.theme.framework
    errors = {
        "owner": _owner_error(action, framework),
        "starts_on": _date_error(action.starts_on, framework),
        "ends_on": _date_error(action.ends_on, framework) or _order_error(action),
        "partners": _partners_error(partners, framework),
    }
    found = {name: [message] for name, message in errors.items() if message}
    if found:
        raise DomainError(_("The input is not valid."), fields=found)


def owner_kind(action: Action) -> str:
    """Which kind of owner the action has: "municipality", "subregion", "region", "" or "several"
    (the level each kind goes with is :data:`LEVEL_OF_OWNER`)."""
    kinds = [
        kind
        for kind, present in (
            ("municipality", action.owner_municipality_id),
            ("subregion", action.owner_subregion_id),
            ("region", action.owned_by_region),
        )
        if present
    ]
    if len(kinds) > 1:
        return "several"
    return kinds[0] if kinds else ""


LEVEL_OF_OWNER = {
    "municipality": Level.LOCAL,
    "subregion": Level.SUBREGIONAL,
    "region": Level.REGIONAL,
}


def _owner_error(action: Action, framework: Framework) -> str | None:
    kind = owner_kind(action)
    if kind == "several":
        return _("Choose one owner: a municipality, a subregion or the region.")
    if kind and not action.level:
        return _("Choose the level that goes with this owner.")
    if kind and LEVEL_OF_OWNER[kind] != action.level:
        return _(
            "The owner does not fit the level: a local action belongs to a municipality, a "
            "subregional one to a subregion and a regional one to the region."
        )
    owner = action.owner_municipality or action.owner_subregion
    if owner is not None and owner.region_id != framework.region_id:
        return _("Choose an owner in the framework's region.")
    return None


def _date_error(day: datetime.date | None, framework: Framework) -> str | None:
    if day and not framework.first_year <= day.year <= framework.last_year:
        return _("Choose a date inside the framework's period, %(first)s to %(last)s.") % {
            "first": framework.first_year,
            "last": framework.last_year,
        }
    return None


def _order_error(action: Action) -> str | None:
    if action.starts_on and action.ends_on and action.ends_on < action.starts_on:
        return _("An action cannot end before it starts.")
    return None


def _partners_error(partners: list[Organisation], framework: Framework) -> str | None:
    if any(p.region_id != framework.region_id for p in partners):
        return _("Choose partners from the organisations of the framework's region.")
    return None


# --- Shared: new, changed, deleted, moved --------------------------------------------------------


def _save_new(item: TreeItem) -> TreeItem:
    _texts(item)
    _place_last(item)
    return save_validated(item)


def _apply(item: TreeItem, changes: dict, allowed: tuple[str, ...]) -> TreeItem:
    unknown = sorted(set(changes) - set(allowed))
    if unknown:
        raise DomainError(fields={name: [_("This field cannot be changed.")] for name in unknown})
    for name, value in changes.items():
        setattr(item, name, value)
    return item


def _same_framework(new: int, old: int, field: str) -> None:
    """Refuses a parent from another framework (the tree would lose the item)."""
    if new != old:
        raise DomainError(
            _("An item can only move within its own framework."),
            fields={field: [_("Choose one from the same framework.")]},
        )


@transaction.atomic
def item_delete(*, user, item: TreeItem) -> None:
    """Deletes a theme, ambition or action with everything under it (kept in the versions and in
    the audit trail)."""
    check_editor(user)
    type(item).objects.filter(pk=item.pk).delete()


@transaction.atomic
def item_move(*, user, item: TreeItem, up: bool) -> TreeItem:
    """Swaps the item with the sibling before (``up``) or after it; the first cannot go up and the
    last not down."""
    check_editor(user)
    siblings = list(_siblings(item).select_for_update().order_by("position", "pk"))
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings):
        raise Conflict(
            _("This item is first already.") if up else _("This item is last already."),
            code="cannot_move",
        )
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        sibling.position = position
    type(item).objects.bulk_update(siblings, ["position"])
    return siblings[other]


# --- Indicators ----------------------------------------------------------------------------------


@transaction.atomic
def indicator_set(
    *, user, action: Action, code: str, targets: dict[int, Decimal | None], known_codes: set[str]
) -> ActionIndicator:
    """Links the monitor indicator ``code`` to the action (or keeps the link) with these target
    values per year (a year without a value has no target). ``known_codes``: the monitor
    catalogue's codes for the region."""
    check_editor(user)
    framework = action.ambition.theme.framework
    errors = _indicator_errors(code, targets, framework, known_codes)
    if errors:
        raise DomainError(_("The input is not valid."), fields=errors)
    indicator, _created = ActionIndicator.objects.get_or_create(action=action, indicator_code=code)
    indicator.targets.all().delete()
    ActionTarget.objects.bulk_create(
        ActionTarget(indicator=indicator, year=year, value=value)
        for year, value in sorted(targets.items())
        if value is not None
    )
    return indicator


def _indicator_errors(code, targets, framework: Framework, known_codes) -> dict:
    errors = {}
    if code not in known_codes:
        errors["code"] = [_("Choose an indicator from the monitor.")]
    outside = [y for y in targets if not framework.first_year <= y <= framework.last_year]
    if outside:
        errors["targets"] = [
            _("Give target values only for the years of the period, %(first)s to %(last)s.")
            % {"first": framework.first_year, "last": framework.last_year}
        ]
    return errors


@transaction.atomic
def indicator_remove(*, user, indicator: ActionIndicator) -> None:
    check_editor(user)
    indicator.delete()
