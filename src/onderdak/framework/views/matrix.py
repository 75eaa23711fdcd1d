"""The matrix of the working copy: themes by level (local, subregional, regional, none), each
cell the actions with their owner, and the checks of ``selectors.matrix``; as a page (an
accessible table) and as an Excel workbook."""

from dataclasses import dataclass

from django.urls import path
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from onderdak.core import exports
from onderdak.framework.selectors import matrix as matrix_selectors
from onderdak.framework.views.base import FrameworkMixin
from onderdak.framework.views.presentation import PkUrl
from onderdak.region.models import Level

WORKING_COPY = "framework.view_workingcopy"


def matrix_columns() -> list[str]:
    return [*(str(label) for _value, label in Level.choices), _("No level")]


class MatrixView(FrameworkMixin, TemplateView):
    permission_required = WORKING_COPY
    template_name = "framework/matrix.html"

    def get_context_data(self, **kwargs):
        matrix = matrix_selectors.framework_matrix(self.framework)
        return super().get_context_data(
            matrix=matrix, columns=matrix_columns(), shown=shown_matrix(matrix), **kwargs
        )


@dataclass(frozen=True)
class ShownMatrix:
    """The matrix's links to the actions, as list items written in Python: a template loop with
    ``{% url %}`` over 500 actions took most of the page's time
    (docs/decisions/0009-rendering-speed.md)."""

    rows: list[tuple[str, list[str]]]  # (theme, each cell's items; "" when empty)
    flags: list[tuple[str, str]]  # (heading, items) of the checks with actions
    claimed_twice: list[str]  # each group's links, "; "-separated


LINK = '<a class="utrecht-link" href="{}">{}</a>'


def shown_matrix(matrix: matrix_selectors.Matrix) -> ShownMatrix:
    url, no_owner = PkUrl("framework:action_detail"), _("no owner")

    def cell(actions) -> str:
        rows = ((url(a.pk), a.title, a.owner or no_owner) for a in actions)
        return format_html_join("", f"<li>{LINK} ({{}})</li>", rows)

    def flagged(actions) -> str:
        return format_html_join("", f"<li>{LINK}</li>", ((url(a.pk), a.title) for a in actions))

    def group(actions) -> str:
        rows = ((url(a.pk), a.title, a.level_label) for a in actions)
        return format_html_join("; ", f"{LINK} ({{}})", rows)

    flags = [
        (_("Actions without a level"), matrix.without_level),
        (_("Actions without an owner"), matrix.without_owner),
        (_("Owner does not fit the level"), matrix.owner_mismatch),
    ]
    return ShownMatrix(
        rows=[(row.theme.title, [cell(c) if c else "" for c in row.cells]) for row in matrix.rows],
        flags=[(heading, flagged(actions)) for heading, actions in flags if actions],
        claimed_twice=[group(actions) for actions in matrix.claimed_twice],
    )


class MatrixExportView(FrameworkMixin, View):
    """The matrix and its flags as an Excel workbook."""

    permission_required = WORKING_COPY

    def get(self, request, *args, **kwargs):
        matrix = matrix_selectors.framework_matrix(self.framework)
        return exports.xlsx_response(
            filename=_("framework matrix"),
            title=str(self.framework),
            label=_("Framework: the actions of the working copy by theme and level."),
            sheets=[matrix_sheet(matrix), flags_sheet(matrix)],
        )


def _cell(actions) -> str:
    return "\n".join(f"{a.title} ({a.owner or _('no owner')})" for a in actions)


def matrix_sheet(matrix) -> exports.Sheet:
    rows = [(row.theme.title, *(_cell(cell) for cell in row.cells)) for row in matrix.rows]
    return exports.Sheet(_("Matrix"), [_("Theme"), *matrix_columns()], rows)


def flags_sheet(matrix) -> exports.Sheet:
    flagged = [
        *((_("without a level"), a) for a in matrix.without_level),
        *((_("without an owner"), a) for a in matrix.without_owner),
        *((_("owner does not fit the level"), a) for a in matrix.owner_mismatch),
        *((_("same task at two levels"), a) for group in matrix.claimed_twice for a in group),
    ]
    rows = [(flag, a.title, a.level_label, a.owner) for flag, a in flagged]
    return exports.Sheet(_("Flags"), [_("Flag"), _("Action"), _("Level"), _("Owner")], rows)


routes = [
    path("<int:pk>/matrix/", MatrixView.as_view(), name="matrix"),
    path("<int:pk>/matrix/excel/", MatrixExportView.as_view(), name="matrix_export"),
]
