"""What the services of the participation plan, the decision route and the project plan share:
the permission check, cleaned texts and the rule that everything a record points to belongs to
the same framework (a session, theme or phase of another framework is refused by name)."""

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
