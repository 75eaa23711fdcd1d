"""Template helpers shared by every app."""

from decimal import ROUND_HALF_UP, Decimal

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


def rounded(value, decimals: int) -> Decimal:
    """Rounded half up (``number_format`` would cut off the remaining decimals instead)."""
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


@register.filter
def euro(value) -> str:
    """An amount in euro, in cents, grouped: € 1.234,56 in Dutch, € 1,234.56 in English."""
    if value is None or value == "":
        return ""
    amount = number_format(rounded(value, 2), decimal_pos=2, use_l10n=True, force_grouping=True)
    return f"€{NBSP}{amount}"


@register.filter
def percent(value, decimals: int = 2) -> str:
    """A percentage (given in percent, not as a fraction): 12,35 % in Dutch; empty for None."""
    if value is None or value == "":
        return ""
    decimals = int(decimals)
    number = number_format(rounded(value, decimals), decimal_pos=decimals, use_l10n=True)
    return f"{number}{NBSP}%"
