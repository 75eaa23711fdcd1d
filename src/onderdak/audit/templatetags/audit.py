from django import template

from onderdak.audit.forms import ACTION_LABELS

register = template.Library()


@register.filter
def action_label(action: int) -> str:
    return ACTION_LABELS.get(action, str(action))


@register.filter
def change_rows(entry) -> list[tuple[str, object, object]]:
    """``(field, before, after)`` per changed field: unpacked once here rather than by two
    template lookups per value, which made the trail's page slow."""
    return [(field, *values[:2]) for field, values in entry.changes_dict.items()]
