"""The matrix of the working copy: themes by level (local, subregional, regional, none), each
cell the actions with their owner, and the checks of ``selectors.matrix``; as a page (an
accessible table) and as an Excel workbook."""

from django.urls import path
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from onderdak.core import exports
from onderdak.framework.selectors import matrix as matrix_selectors
from onderdak.framework.views.base import FrameworkMixin
from onderdak.region.models import Level

WORKING_COPY = "framework.view_workingcopy"


def matrix_columns() -> list[str]:
    return [*(str(label) for _value, label in Level.choices), _("No level")]


class MatrixView(FrameworkMixin, TemplateView):
    permission_required = WORKING_COPY
    template_name = "framework/matrix.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            matrix=matrix_selectors.framework_matrix(self.framework),
            columns=matrix_columns(),
            **kwargs,
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
