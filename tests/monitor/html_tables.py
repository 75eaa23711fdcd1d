"""The tables of an HTML page as text: caption, then rows of cell texts (header cells included)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Table:
    caption: str = ""
    rows: list[list[str]] = field(default_factory=list)


class _TableParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: list[Table] = []
        self._text: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append(Table())
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag in ("td", "th", "caption"):
            self._text = []

    def handle_endtag(self, tag):
        if self._text is None:
            return
        text = " ".join("".join(self._text).split())
        if tag == "caption":
            self.tables[-1].caption = text
            self._text = None
        elif tag in ("td", "th"):
            self.tables[-1].rows[-1].append(text)
            self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def html_tables(html: str) -> list[Table]:
    parser = _TableParser()
    parser.feed(html)
    return parser.tables


def table_by_caption(html: str, caption: str) -> Table:
    found = [table for table in html_tables(html) if table.caption.startswith(caption)]
    assert len(found) == 1, f"{len(found)} tables captioned {caption!r}"
    return found[0]
