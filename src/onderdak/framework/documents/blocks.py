"""A stored text (the small HTML subset that ``services.text.clean_html`` keeps) as blocks for
Word: paragraphs, bullet and numbered list items and headings, each with its plain text. Emphasis
inside a block is dropped; text outside any block becomes a paragraph of its own."""

from dataclasses import dataclass
from html.parser import HTMLParser

from onderdak.framework.services.text import clean_html

PARAGRAPH, BULLET, NUMBER, HEADING = "paragraph", "bullet", "number", "heading"
_BLOCK_TAGS = {"p", "li", "h3", "h4"}


@dataclass(frozen=True)
class Block:
    kind: str
    text: str


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.lists: list[str] = []  # the open lists, innermost last: "ul" or "ol"
        self.kind = PARAGRAPH
        self.parts: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        if text:
            self.blocks.append(Block(self.kind, text))
        self.parts, self.kind = [], PARAGRAPH

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("ul", "ol"):
            self._flush()
            self.lists.append(tag)
        elif tag in _BLOCK_TAGS:
            self._flush()
            self.kind = self._kind(tag)
        elif tag == "br":
            self.parts.append(" ")

    def _kind(self, tag: str) -> str:
        if tag == "li":
            return NUMBER if self.lists and self.lists[-1] == "ol" else BULLET
        return HEADING if tag in ("h3", "h4") else PARAGRAPH

    def handle_endtag(self, tag) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()
        elif tag in ("ul", "ol") and self.lists:
            self._flush()
            self.lists.pop()

    def handle_data(self, data) -> None:
        self.parts.append(data)


def blocks(text: str) -> list[Block]:
    """The blocks of ``text`` in order (cleaned again: a version's content may be old)."""
    reader = _Reader()
    reader.feed(clean_html(text))
    reader.close()
    reader._flush()
    return reader.blocks
