from django import template

from onderdak.audit.forms import ACTION_LABELS

register = template.Library()


@register.filter
def action_label(action: int) -> str:
    return ACTION_LABELS.get(action, str(action))


@register.filter
def change_text(entry) -> str:
    """One line per changed field, ``field: before → after`` (∅ for empty), built here rather
    than by a template loop: a page of 50 entries holds hundreds of changed fields. The result is
    plain text, escaped by the template like any other value."""
    return "\n".join(
        f"{field}: {_shown(values[0])} → {_shown(values[1])}"
        for field, values in entry.changes_dict.items()
    )


def _shown(value) -> str:
    return "∅" if value in (None, "", "None") else str(value)
