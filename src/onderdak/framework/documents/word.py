"""The framework's document as a Word file (.docx), for civil servants to edit in Word.

Written with python-docx (docs/decisions/0016-framework-texts-and-word.md): real Heading 1/2/3
styles (the navigation pane and a screen reader find them), real tables with a header row that
repeats on every page, list styles for lists, and the document's title and language (nl-NL) in
its core properties. Nothing is an image.
"""

import io

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from docx import Document as new_docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from onderdak.framework.documents.blocks import BULLET, HEADING, NUMBER, blocks
from onderdak.framework.documents.document import Document, ThemePart
from onderdak.framework.selectors.input_account import ThemeAccount

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LANGUAGE = "nl-NL"
_LIST_STYLES = {BULLET: "List Bullet", NUMBER: "List Number"}
_STYLES = ("Title", *(f"Heading {level}" for level in range(1, 5)), *_LIST_STYLES.values())
_TABLE_STYLE = "Table Grid"
_TEXT = '<w:t xml:space="preserve">'
#: A cell's text as the content of a ``w:t`` in one pass: escaped for XML, a line break between
#: its lines, without the characters XML does not allow (a pasted text may hold them).
_CELL_TEXT = str.maketrans(
    {
        **dict.fromkeys([*map(chr, range(0x20)), "\ufffe", "\uffff"], None),
        "\t": "\t",
        "\n": f"</w:t><w:br/>{_TEXT}",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
    }
)


class _Word:
    """The .docx being written. Style ids are looked up once: python-docx looks a style name up
    anew for every paragraph and table (a walk through all the template's styles each time)."""

    def __init__(self) -> None:
        self.doc = new_docx()
        styles = self.doc.styles
        self.style_ids = {name: styles[name].style_id for name in (*_STYLES, _TABLE_STYLE)}

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        paragraph = self.doc.add_paragraph(text)
        if style:
            paragraph._p.style = self.style_ids[style]
        return paragraph

    def heading(self, text: str, level: int) -> Paragraph:
        return self.paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        """A table with a header row (marked as such, repeated on every page) and ``rows``,
        written as one piece of XML: python-docx's ``add_row`` and ``cell.text`` take some
        milliseconds a cell, seconds for the input account of 2,000 rows."""
        tbl = self.doc.add_table(rows=0, cols=len(header))._tbl
        tbl.tblStyle_val = self.style_ids[_TABLE_STYLE]
        widths = [column.get(qn("w:w")) for column in tbl.tblGrid.gridCol_lst]
        xml = [f"<w:tbl {nsdecls('w')}>", _header_xml(header, widths)]
        xml.extend(_row_xml(values) for values in rows)
        xml.append("</w:tbl>")
        tbl.extend(list(parse_xml("".join(xml))))
        self.doc.add_paragraph()


def _header_xml(header: list[str], widths: list[str]) -> str:
    """The header row: bold texts in cells as wide as their columns, repeated on every page."""
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>'
        f"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{text.translate(_CELL_TEXT)}</w:t></w:r></w:p>"
        "</w:tc>"
        for text, width in zip(header, widths, strict=True)
    )
    return f'<w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>{cells}</w:tr>'


def _row_xml(values: list[str]) -> str:
    cells = "".join(
        f"<w:tc><w:p><w:r>{_TEXT}{text.translate(_CELL_TEXT)}</w:t></w:r></w:p></w:tc>"
        for text in values
    )
    return f"<w:tr>{cells}</w:tr>"


def _text(word: _Word, html: str, heading_level: int = 4) -> None:
    """A stored text: its paragraphs, list items and headings."""
    for block in blocks(html):
        if block.kind == HEADING:
            word.heading(block.text, heading_level)
        else:
            word.paragraph(block.text, _LIST_STYLES.get(block.kind))


def _title_page(word: _Word, document: Document) -> None:
    word.heading(document.title, 0)
    lines = [
        _("Period: %(period)s") % {"period": document.period},
        _("Edition: %(edition)s") % {"edition": document.edition},
        _("Status: %(status)s") % {"status": document.status},
        _("Made on %(date)s") % {"date": date_format(document.made_on, "SHORT_DATE_FORMAT")},
    ]
    if document.is_demo:
        lines.append(_("Demo content: fictitious, not the region's real framework."))
    for line in lines:
        word.paragraph(line)
    word.doc.add_page_break()


def _theme(word: _Word, theme: ThemePart, header: list[str]) -> None:
    word.heading(theme.title, 2)
    _text(word, theme.description)
    if theme.ambitions:
        word.heading(_("Ambitions"), 3)
        for ambition in theme.ambitions:
            word.paragraph(ambition.title, "List Bullet")
            _text(word, ambition.description)
    for group in theme.levels:
        word.heading(group.title, 3)
        word.table(header, [action.cells for action in group.actions])


def _themes(word: _Word, document: Document) -> None:
    word.heading(_("Themes, ambitions and actions"), 1)
    header = [
        _("Action"),
        _("Ambition"),
        _("Owner"),
        _("Partners"),
        _("Policy domains"),
        _("Timeline"),
        _("Status"),
    ]
    for theme in document.themes:
        _theme(word, theme, header)


def _indicators(word: _Word, document: Document) -> None:
    word.heading(_("Indicators and targets"), 1)
    if not document.indicators:
        word.paragraph(_("No indicators are linked to the actions yet."))
        return
    header = [_("Action"), _("Indicator"), *(str(year) for year in document.years)]
    word.table(header, [row.cells for row in document.indicators])


def _account_group(word: _Word, group: ThemeAccount, header: list[str]) -> None:
    word.heading(group.title, 2)
    rows = [
        [
            entry.source,
            entry.session or entry.received,
            entry.contribution,
            entry.answer,
            entry.taken_up_in,
        ]
        for entry in group.entries
    ]
    word.table(header, rows)


def _account(word: _Word, document: Document) -> None:
    word.heading(_("Participation account: input and response"), 1)
    word.paragraph(document.input_summary)
    header = [_("From"), _("Session"), _("Contribution"), _("Response"), _("Taken up in")]
    for group in document.account:
        _account_group(word, group, header)


def _current_state(word: _Word, document: Document) -> None:
    word.heading(_("Annex: current state"), 1)
    header = [_("Figure"), _("Value"), _("Date"), _("Source")]
    for section in document.current_state:
        word.heading(section.title, 2)
        if not section.facts:
            word.paragraph(section.empty)
            continue
        rows = [
            [
                fact.label,
                fact.value,
                date_format(fact.date, "SHORT_DATE_FORMAT") if fact.date else "",
                _("%(source)s (demo)") % {"source": fact.source} if fact.is_demo else fact.source,
            ]
            for fact in section.facts
        ]
        word.table(header, rows)


def _set_language(doc) -> None:
    """Dutch as the language of the text (spelling check, a screen reader's voice)."""
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANGUAGE)
    doc.styles["Normal"].element.get_or_add_rPr().append(language)


def word_document(document: Document) -> bytes:
    """The document as the bytes of a .docx file."""
    word = _Word()
    doc = word.doc
    doc.core_properties.title = document.title
    doc.core_properties.language = LANGUAGE
    doc.core_properties.author = "Onderdak"
    _set_language(doc)
    _title_page(word, document)
    word.heading(_("Vision"), 1)
    _text(word, document.vision, heading_level=2)
    _themes(word, document)
    _indicators(word, document)
    _account(word, document)
    _current_state(word, document)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
