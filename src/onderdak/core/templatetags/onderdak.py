"""Template helpers shared by every app."""

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def thousands(value) -> str:
    """A whole number with the locale's thousands separator (1.234 in Dutch); empty for None."""
    return "" if value is None else floatformat(value, "0g")


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
