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
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from lxml import etree

from onderdak.framework.documents.blocks import BULLET, HEADING, NUMBER, blocks
from onderdak.framework.documents.document import Document, ThemePart
from onderdak.framework.selectors.input_account import ThemeAccount

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LANGUAGE = "nl-NL"
_LIST_STYLES = {BULLET: "List Bullet", NUMBER: "List Number"}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TR, TC, P, R, T, BR = (qn(f"w:{tag}") for tag in ("tr", "tc", "p", "r", "t", "br"))


def _table(doc, header: list[str], rows: list[list[str]]) -> Table:
    """A table with a header row (marked as such, repeated on every page) and ``rows``."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for values in rows:
        _add_row(table, values)
    doc.add_paragraph()
    return table


def _add_row(table: Table, values: list[str]) -> None:
    """A row of ``values``, written as its XML elements (``w:tr`` → ``w:tc`` → ``w:p`` →
    ``w:r`` → ``w:t``, a line break between a text's lines). python-docx's ``add_row`` and
    ``cell.text`` take some milliseconds a cell, seconds for the input account of 2,000 rows."""
    row = etree.SubElement(table._tbl, TR)
    for text in values:
        run = etree.SubElement(etree.SubElement(etree.SubElement(row, TC), P), R)
        for index, line in enumerate(text.split("\n")):
            if index:
                etree.SubElement(run, BR)
            element = etree.SubElement(run, T)
            element.text = line
            element.set(XML_SPACE, "preserve")


def _text(doc, html: str, heading_level: int = 4) -> None:
    """A stored text: its paragraphs, list items and headings."""
    for block in blocks(html):
        if block.kind == HEADING:
            doc.add_heading(block.text, heading_level)
        else:
            doc.add_paragraph(block.text, style=_LIST_STYLES.get(block.kind))


def _title_page(doc, document: Document) -> None:
    doc.add_heading(document.title, 0)
    lines = [
        _("Period: %(period)s") % {"period": document.period},
        _("Edition: %(edition)s") % {"edition": document.edition},
        _("Status: %(status)s") % {"status": document.status},
        _("Made on %(date)s") % {"date": date_format(document.made_on, "SHORT_DATE_FORMAT")},
    ]
    if document.is_demo:
        lines.append(_("Demo content: fictitious, not the region's real framework."))
    for line in lines:
        doc.add_paragraph(line)
    doc.add_page_break()


def _theme(doc, theme: ThemePart) -> None:
    doc.add_heading(theme.title, 2)
    _text(doc, theme.description)
    if theme.ambitions:
        doc.add_heading(_("Ambitions"), 3)
        for ambition in theme.ambitions:
            doc.add_paragraph(ambition.title, style="List Bullet")
            _text(doc, ambition.description)
    header = [
        _("Action"),
        _("Ambition"),
        _("Owner"),
        _("Partners"),
        _("Policy domains"),
        _("Timeline"),
        _("Status"),
    ]
    for group in theme.levels:
        doc.add_heading(group.title, 3)
        rows = [
            [a.title, a.ambition, a.owner, a.partners, a.domains, a.timeline, a.status]
            for a in group.actions
        ]
        _table(doc, header, rows)


def _indicators(doc, document: Document) -> None:
    doc.add_heading(_("Indicators and targets"), 1)
    if not document.indicators:
        doc.add_paragraph(_("No indicators are linked to the actions yet."))
        return
    header = [_("Action"), _("Indicator"), *(str(year) for year in document.years)]
    _table(doc, header, [[row.action, row.code, *row.targets] for row in document.indicators])


def _account_group(doc, group: ThemeAccount) -> None:
    doc.add_heading(group.title, 2)
    header = [_("From"), _("Session"), _("Contribution"), _("Response"), _("Taken up in")]
    rows = [
        [
            entry.source,
            entry.session or date_format(entry.received_on, "SHORT_DATE_FORMAT"),
            f"{entry.about}: {entry.text}" if entry.about else entry.text,
            f"{entry.response}: {entry.response_text}" if entry.response_text else entry.response,
            entry.taken_up_in,
        ]
        for entry in group.entries
    ]
    _table(doc, header, rows)


def _account(doc, document: Document) -> None:
    doc.add_heading(_("Participation account: input and response"), 1)
    doc.add_paragraph(
        _("%(total)s contributions, of which %(open)s without a response yet.")
        % {"total": document.input_count, "open": document.open_input_count}
    )
    for group in document.account:
        _account_group(doc, group)


def _current_state(doc, document: Document) -> None:
    doc.add_heading(_("Annex: current state"), 1)
    header = [_("Figure"), _("Value"), _("Date"), _("Source")]
    for section in document.current_state:
        doc.add_heading(section.title, 2)
        if not section.facts:
            doc.add_paragraph(section.empty)
            continue
        rows = [
            [
                fact.label,
                fact.value,
                date_format(fact.date, "SHORT_DATE_FORMAT") if fact.date else "",
                f"{fact.source} ({_('demo')})" if fact.is_demo else fact.source,
            ]
            for fact in section.facts
        ]
        _table(doc, header, rows)


def _set_language(doc) -> None:
    """Dutch as the language of the text (spelling check, a screen reader's voice)."""
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANGUAGE)
    doc.styles["Normal"].element.get_or_add_rPr().append(language)


def word_document(document: Document) -> bytes:
    """The document as the bytes of a .docx file."""
    doc = new_docx()
    doc.core_properties.title = document.title
    doc.core_properties.language = LANGUAGE
    doc.core_properties.author = "Onderdak"
    _set_language(doc)
    _title_page(doc, document)
    doc.add_heading(_("Vision"), 1)
    _text(doc, document.vision, heading_level=2)
    doc.add_heading(_("Themes, ambitions and actions"), 1)
    for theme in document.themes:
        _theme(doc, theme)
    _indicators(doc, document)
    _account(doc, document)
    _current_state(doc, document)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
