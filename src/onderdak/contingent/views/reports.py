"""Pages of the contingent scheme: the overview per role, the year's report and its Excel file.

The figures come from ``selectors.reports``; this module only turns its tables into charts, a
map and worksheets. For every reader but the coordinator small counts are already hidden there;
a chart is only drawn when none of its figures is hidden (the table shows "<5" instead).
"""

from functools import cached_property

from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from onderdak.accounts.selectors import region_for_user
from onderdak.contingent.selectors import reports
from onderdak.core import charts, exports
from onderdak.core.views import RulesPermissionMixin
from onderdak.region import map as region_map
from onderdak.region import selectors as region_selectors

VIEW_REPORT = "contingent.view_report"
#: Fill colours of the map's classes, light to dark (each darker class at least 3:1 to white
#: from the third on); hidden figures are grey.
MAP_COLOURS = ("#ffffff", "#c6dbef", "#6baed6", "#2171b5", "#08306b")
HIDDEN_COLOUR = "#bdbdbd"


class ReportMixin(RulesPermissionMixin):
    permission_required = VIEW_REPORT

    @cached_property
    def region(self):
        return region_for_user(self.request.user)


class OverviewView(ReportMixin, TemplateView):
    """What needs the user today, per role; each figure links to the list behind it."""

    template_name = "contingent/overview.html"

    def get_context_data(self, **kwargs):
        overview = reports.overview(user=self.request.user, region=self.region)
        return super().get_context_data(overview=overview, **kwargs)


class CurrentReportView(ReportMixin, View):
    """``/contingent/rapportage/``: the report of this year's contingent."""

    def get(self, request, *args, **kwargs):
        year = reports.current_year(region=self.region)
        if year is None:
            raise Http404
        return HttpResponseRedirect(reverse("contingent:report", args=[year.year]))


class YearReportMixin(ReportMixin):
    @cached_property
    def report(self) -> reports.Report:
        year = reports.year_list(region=self.region).filter(year=self.kwargs["year"]).first()
        if year is None:
            raise Http404
        suppressed = not reports.reads_unsuppressed(self.request.user)
        return reports.year_report(contingent_year=year, suppressed=suppressed)


class ReportView(YearReportMixin, TemplateView):
    template_name = "contingent/reports/report.html"

    def get_context_data(self, **kwargs):
        report = self.report
        kwargs["year"] = report.contingent_year.year
        return super().get_context_data(
            report=report,
            years=list(reports.year_list(region=self.region).values_list("year", flat=True)),
            charts=report_charts(report),
            map=report_map(report, self.region),
            **kwargs,
        )


class ReportExportView(YearReportMixin, View):
    """Every table of the report as a worksheet of one workbook."""

    def get(self, request, *args, **kwargs):
        report = self.report
        year = report.contingent_year.year
        return exports.xlsx_response(
            filename=_("contingent report %(year)d") % {"year": year},
            title=_("Contingent report %(year)d") % {"year": year},
            label=exports.suppression_note(report.suppressed),
            sheets=report_sheets(report),
        )


# --- Charts, map and sheets ----------------------------------------------------------------------


def _has_hidden(table: reports.Table) -> bool:
    return any(cell.hidden for row in table.rows for cell in row.cells)


def _data_table(table: reports.Table) -> charts.DataTable:
    """The table as the chart shows it below itself, hidden figures as "<5" or "x"."""
    return charts.DataTable(
        caption=table.title,
        headers=(table.row_header, *table.columns),
        rows=tuple((row.label, tuple(c.display for c in row.cells)) for row in table.rows),
    )


def _bar_chart(table: reports.Table, columns: list[int], *, total_row: bool = False):
    """Bars of ``columns`` of each row; none when a figure is hidden or all are empty."""
    rows = [row for row in table.rows if total_row or not row.is_total]
    if not rows or _has_hidden(table):
        return None
    return charts.bar_chart(
        id=f"grafiek-{table.key}",
        title=table.title,
        categories=[row.label for row in rows],
        series=[
            charts.Series(table.columns[i], [row.cells[i].value or 0 for row in rows])
            for i in columns
        ],
        category_header=table.row_header,
        table=_data_table(table),
    )


def report_charts(report: reports.Report) -> dict[str, charts.BarChart | None]:
    """Per table key its chart (target against realised, the funnel), if it can be drawn."""
    corporations = report.table("corporations")
    return {
        "streams": _bar_chart(report.table("streams"), [0, 1]),
        "corporations": _bar_chart(
            corporations, [len(corporations.columns) - 2, len(corporations.columns) - 1]
        ),
        "funnel": _bar_chart(report.table("funnel"), [0], total_row=True),
        "providers": _bar_chart(report.table("providers"), [0, 1]),
    }


def _map_classes(highest: int) -> list[tuple[int, int | None]]:
    """(from, to) per colour: 0, 1 to 4, then three equal nice steps up to ``highest``."""
    step = max(5, int(charts.nice_step(charts.as_decimal(max(highest - 4, 1)) / 3)))
    return [(0, 0), (1, 4), (5, 4 + step), (5 + step, 4 + 2 * step), (5 + 2 * step, None)]


def _class_label(low: int, high: int | None) -> str:
    if high is None:
        return _("%(low)d or more") % {"low": low}
    if low == high:
        return str(low)
    return _("%(low)d to %(high)d") % {"low": low, "high": high}


def _colour(cell: reports.Cell, classes) -> str:
    if cell.hidden == reports.DERIVED:
        return HIDDEN_COLOUR
    value = 1 if cell.hidden else cell.value
    for colour, (low, high) in zip(MAP_COLOURS, classes, strict=True):
        if high is None or low <= value <= high:
            return colour
    return MAP_COLOURS[-1]


def report_map(report: reports.Report, region) -> dict:
    """The municipalities coloured by realised placements, with a legend in words."""
    municipalities = [m for m in region_selectors.municipality_list(region=region) if m.boundary]
    cells = report.municipality_cells
    svg = region_map.render({m.cbs_code: m.boundary for m in municipalities})
    shown = [c.value for c in cells.values() if not c.hidden and isinstance(c.value, int)]
    classes = _map_classes(max(shown, default=0))
    shapes = [
        (m, svg.paths[m.cbs_code], cells[m.cbs_code], _colour(cells[m.cbs_code], classes))
        for m in municipalities
        if m.cbs_code in cells
    ]
    legend = [
        (colour, _class_label(*bounds)) for colour, bounds in zip(MAP_COLOURS, classes, strict=True)
    ]
    if any(cell.hidden == reports.DERIVED for cell in cells.values()):
        legend.append((HIDDEN_COLOUR, _("hidden (x)")))
    return {"view_box": svg.view_box, "shapes": shapes, "legend": legend}


def report_sheets(report: reports.Report) -> list[exports.Sheet]:
    """A sheet per table; a hidden figure is an empty cell, with a column saying which are."""
    return [
        exports.Sheet(
            title=table.title,
            headers=[table.row_header, *table.columns, _("Hidden figures")],
            rows=[
                [row.label, *(cell.shown for cell in row.cells), _hidden_note(table, row)]
                for row in table.rows
            ],
        )
        for table in report.tables
    ]


def _hidden_note(table: reports.Table, row: reports.Row) -> str:
    notes = {reports.SMALL: _("fewer than 5"), reports.DERIVED: _("hidden with a small count")}
    return "; ".join(
        f"{column}: {notes[cell.hidden]}"
        for column, cell in zip(table.columns, row.cells, strict=True)
        if cell.hidden
    )


#: URL patterns of this part, collected by ``onderdak.contingent.urls``.
routes: list = [
    path("", OverviewView.as_view(), name="overview"),
    path("rapportage/", CurrentReportView.as_view(), name="report_current"),
    path("rapportage/<int:year>/", ReportView.as_view(), name="report"),
    path("rapportage/<int:year>/excel/", ReportExportView.as_view(), name="report_export"),
]
