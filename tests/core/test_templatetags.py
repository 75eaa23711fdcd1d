"""Shared template filters: amounts and percentages in the user's language."""

from decimal import Decimal

import pytest
from django.utils import translation

from onderdak.core.templatetags.onderdak import euro, percent, thousands


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("nl", Decimal("1234567.895"), "€\u00a01.234.567,90"),
        ("nl", Decimal("-0.5"), "€\u00a0-0,50"),
        ("nl", 0, "€\u00a00,00"),
        ("en", Decimal("1234.5"), "€\u00a01,234.50"),
        ("nl", None, ""),
    ],
)
def test_euro(language, value, expected):
    with translation.override(language):
        assert euro(value) == expected


def test_percent_and_thousands():
    with translation.override("nl"):
        assert percent(Decimal("12.3456")) == "12,35\u00a0%"
        assert percent(Decimal("7.6923"), 4) == "7,6923\u00a0%"
        assert percent(None) == ""
        assert thousands(123456) == "123.456"
