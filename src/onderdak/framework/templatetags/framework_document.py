"""The print view's long tables, their rows written in Python (``{{ group|action_rows }}``).

A framework of 500 actions and 2,000 contributions has some 13,000 table cells; a template
variable per cell (resolve, filter, escape) took a quarter of a second per page, the rows written
here take a few milliseconds (docs/decisions/0009-rendering-speed.md). The markup is what the
template wrote: the first cell of a row is its header (``<th scope="row">``), every text escaped,
a text's lines separated by ``<br>``.
"""

from collections.abc import Iterable, Sequence
from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from onderdak.framework.documents.document import IndicatorRow, LevelGroup
from onderdak.framework.selectors.input_account import ThemeAccount

register = template.Library()


def _cell(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def table_rows(rows: Iterable[Sequence[str]], *, numeric_from: int = 0) -> SafeString:
    """``<tr>`` elements of ``rows``; the cells from column ``numeric_from`` on (when not 0) are
    figures, aligned as such."""
    data = '<td class="num">' if numeric_from else "<td>"
    html = []
    for cells in rows:
        html.append(f'<tr><th scope="row">{_cell(cells[0])}</th>')
        for index, text in enumerate(cells[1:], 1):
            opening = data if numeric_from and index >= numeric_from else "<td>"
            html.append(f"{opening}{_cell(text)}</td>")
        html.append("</tr>")
    return mark_safe("".join(html))  # noqa: S308 — every text is escaped above


@register.filter
def action_rows(group: LevelGroup) -> SafeString:
    return table_rows(action.cells for action in group.actions)


@register.filter
def indicator_rows(indicators: list[IndicatorRow]) -> SafeString:
    return table_rows((row.cells for row in indicators), numeric_from=2)


@register.filter
def account_rows(group: ThemeAccount) -> SafeString:
    return table_rows(
        [
            entry.source,
            f"{entry.session} {entry.received}",
            entry.contribution,
            entry.answer,
            entry.taken_up_in,
        ]
        for entry in group.entries
    )
