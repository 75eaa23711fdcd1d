"""``{{ text|cleaned }}``: a stored framework text as safe HTML, cleaned again on the way out
(a version's frozen content may predate today's allow-list)."""

from django import template
from django.utils.safestring import SafeString, mark_safe

from onderdak.framework.services.text import clean_html

register = template.Library()


@register.filter
def cleaned(text: str) -> SafeString:
    return mark_safe(clean_html(text))  # noqa: S308 — nh3 leaves only tags without attributes
