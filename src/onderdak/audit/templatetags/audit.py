from django import template

from onderdak.audit.forms import ACTION_LABELS

register = template.Library()


@register.filter
def action_label(action: int) -> str:
    return ACTION_LABELS.get(action, str(action))
