"""Template helpers shared by every app."""

from django import template
from django.template.defaultfilters import floatformat

from onderdak.core.formatting import localized_number
from onderdak.core.forms import render_widget

register = template.Library()

NBSP = "\u00a0"


@register.filter
def thousands(value) -> str:
    """A whole number with the locale's thousands separator (1.234 in Dutch); empty for None."""
    return "" if value is None else floatformat(value, "0g")


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def euro(value) -> str:
    """An amount in euro, in cents, grouped: € 1.234,56 in Dutch, € 1,234.56 in English."""
    if value is None or value == "":
        return ""
    return f"€{NBSP}{localized_number(value, 2, grouped=True)}"


@register.filter
def percent(value, decimals: int = 2) -> str:
    """A percentage (given in percent, not as a fraction): 12,35 % in Dutch; empty for None."""
    if value is None or value == "":
        return ""
    return f"{localized_number(value, int(decimals), grouped=False)}{NBSP}%"


@register.filter
def widget(field) -> str:
    """A bound field's input, written directly (see ``render_widget``)."""
    return render_widget(field)
