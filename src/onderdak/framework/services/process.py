"""What the services of the participation plan, the decision route and the project plan share:
the permission check, cleaned texts and the rule that everything a record points to belongs to
the same framework (a session, theme or phase of another framework is refused by name)."""

from django.db import models
from django.utils.translation import gettext as _

from onderdak.core.errors import DomainError, Forbidden
from onderdak.framework.services.text import clean_html


def require(user, permission: str, obj=None) -> None:
    """The caller's right checked again in the service (a page or the API checked it first)."""
    if not user.has_perm(permission, obj):
        raise Forbidden()


def cleaned(text: str | None) -> str:
    """A free text as stored: only the safe subset of HTML (``services.text``)."""
    return clean_html(text or "")


def foreign_fields(framework, **items) -> dict[str, list[str]]:
    """The fields whose record (a session, a theme, an action, a phase…) is of another
    framework; ``None`` is fine."""
    return {
        name: [_("Choose one of this framework's own items.")]
        for name, item in items.items()
        if item is not None and framework_of(item) != framework.pk
    }


def framework_of(item) -> int:
    """The id of the framework an item belongs to (an action through its ambition and theme)."""
    if hasattr(item, "framework_id"):
        return item.framework_id
    if hasattr(item, "theme"):
        return item.theme.framework_id
    return item.ambition.theme.framework_id


def refuse(fields: dict[str, list[str]], message: str | None = None) -> None:
    """Raise one ``DomainError`` with every field's problem, if there is any."""
    found = {name: problems for name, problems in fields.items() if problems}
    if found:
        raise DomainError(message or _("The input is not valid."), fields=found)


def locked(instance: models.Model) -> models.Model:
    """The record as it stands now, locked until the change commits (a form or the API may hold
    a stale copy)."""
    return type(instance).objects.select_for_update().get(pk=instance.pk)


def refuse_delete(instance: models.Model, dependents: dict[str, bool]) -> None:
    """Refuse to delete ``instance`` while records depend on it: ``dependents`` maps the reason
    (a sentence saying what depends on it) to whether it holds. Names the first that holds."""
    for reason, holds in dependents.items():
        if holds:
            message = _("“%(name)s” cannot be deleted: %(reason)s")
            raise DomainError(message % {"name": instance, "reason": reason}, code="protected")
