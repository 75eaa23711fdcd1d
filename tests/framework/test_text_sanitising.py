"""Pasted texts: kept as a small safe subset of HTML; scripts, handlers, styles and links gone."""

import re

from hypothesis import given
from hypothesis import strategies as st

from onderdak.framework.services.text import clean_html, plain_text

HANDLER = re.compile(r"<[^>]*\son\w+\s*=", re.IGNORECASE)
ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">klik</a>',
    '<p style="background:url(javascript:alert(1))" onclick="x()">tekst</p>',
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://example.org"></iframe>',
    "<scr<script>ipt>alert(1)</script>",
    "<!-- <script>alert(1)</script> -->",
]


def test_word_markup_keeps_its_structure():
    pasted = (
        '<h3 class="MsoTitle">Visie</h3><p class="MsoNormal" style="x"><b>Thuis</b> '
        '<span lang="nl">voor iedereen</span></p><ul><li>wonen</li><li>werk</li></ul>'
    )
    assert clean_html(pasted) == (
        "<h3>Visie</h3><p><b>Thuis</b> voor iedereen</p><ul><li>wonen</li><li>werk</li></ul>"
    )
    assert plain_text(pasted) == "Visie\nThuis voor iedereen\nwonen\nwerk"


def test_attacks_are_defused():
    for attack in ATTACKS:
        cleaned = clean_html(attack)
        assert "<script" not in cleaned
        assert "onerror" not in cleaned
        assert "javascript:" not in cleaned
        assert "<iframe" not in cleaned
        assert "style=" not in cleaned


@given(st.text(max_size=200))
def test_cleaning_is_idempotent_and_never_leaves_a_script(text):
    once = clean_html(text)
    assert clean_html(once) == once
    assert "<script" not in once.lower()


@given(st.lists(st.sampled_from([*ATTACKS, "<p>", "</p>", "tekst", "<b>", "&lt;"]), max_size=12))
def test_any_mix_of_attacks_stays_harmless(parts):
    cleaned = clean_html("".join(parts))
    assert "<script" not in cleaned.lower()
    assert not HANDLER.search(cleaned)
