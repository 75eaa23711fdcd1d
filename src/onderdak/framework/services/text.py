"""Texts pasted into the framework (often from Word or a web page): kept as a small, safe subset
of HTML, so that the vision and descriptions keep their paragraphs, lists and emphasis, while
scripts, event handlers, styles and foreign markup are dropped before anything is stored.

nh3 (the Python binding of the Rust ``ammonia`` sanitiser) does the cleaning: a maintained,
allow-list sanitiser beats a hand-written one (docs/decisions/0016-framework-texts-and-word.md).
"""

import html
import re

import nh3

#: The tags a text may keep: paragraphs, line breaks, lists, emphasis, headings inside a text.
ALLOWED_TAGS = frozenset({"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "h3", "h4"})
_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|li|h3|h4)>|<br\s*/?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n{3,}")
#: Built once: ``nh3.clean`` builds its sanitiser anew on every call, most of the time it takes
#: for a short text (a document cleans thousands of contributions).
_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes={},
    clean_content_tags={"script", "style"},
    strip_comments=True,
    link_rel=None,
)


def clean_html(text: str) -> str:
    """The text with only the allowed tags left and no attributes; ``<script>``/``<style>``
    elements are removed with their content."""
    return _CLEANER.clean(text or "").strip()


def plain_text(text: str) -> str:
    """The text without any markup: paragraphs and list items on lines of their own (for Word,
    a diff and an API reader who wants no HTML)."""
    with_breaks = _BLOCK_END.sub("\n", clean_html(text))
    bare = html.unescape(_TAG.sub("", with_breaks))
    lines = (_SPACES.sub(" ", line).strip() for line in bare.splitlines())
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
