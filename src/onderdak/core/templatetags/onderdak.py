"""Template helpers shared by every app."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.utils.formats import number_format

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
    amount = number_format(Decimal(value), decimal_pos=2, use_l10n=True, force_grouping=True)
    return f"€{NBSP}{amount}"


@register.filter
def percent(value, decimals: int = 2) -> str:
    """A percentage (given in percent, not as a fraction): 12,35 % in Dutch; empty for None."""
    if value is None or value == "":
        return ""
    number = number_format(Decimal(value), decimal_pos=int(decimals), use_l10n=True)
    return f"{number}{NBSP}%"
