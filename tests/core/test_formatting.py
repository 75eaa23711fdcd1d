"""``localized_number`` writes what Django's ``number_format`` writes, only faster."""

from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.formats import number_format
from hypothesis import given
from hypothesis import strategies as st

from onderdak.core.formatting import localized_number, rounded

amounts = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, places=4
)


@pytest.mark.parametrize("language", ["nl", "en"])
@given(value=amounts, decimals=st.integers(0, 4), grouped=st.booleans())
def test_same_text_as_number_format(language, value, decimals, grouped):
    with translation.override(language):
        expected = number_format(
            rounded(value, decimals),
            decimal_pos=decimals,
            use_l10n=True,
            force_grouping=grouped,
        )
        assert localized_number(value, decimals, grouped=grouped) == expected


@pytest.mark.parametrize(
    ("language", "value", "decimals", "grouped", "expected"),
    [
        ("nl", Decimal("1234567.895"), 2, True, "1.234.567,90"),
        ("nl", Decimal("1234.5"), 1, False, "1234,5"),
        ("en", Decimal("1234.5"), 2, True, "1,234.50"),
        ("nl", Decimal("0.125"), 2, False, "0,13"),
    ],
)
def test_examples(language, value, decimals, grouped, expected):
    with translation.override(language):
        assert localized_number(value, decimals, grouped=grouped) == expected
