"""Pages of imports: a job with its progress and result or error report (on screen and as
XLSX), the user's recent imports, the templates and the list of valid codes, and the upload of
an indicator file. Counts and indicators share all of it; only the upload page differs."""

from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView, View
from django_htmx.http import HttpResponseClientRefresh

from onderdak.accounts.selectors import region_for_user
from onderdak.core import exports
from onderdak.core.views import RulesPermissionMixin, ServiceFormMixin
from onderdak.monitor.forms.imports import ImportForm
from onderdak.monitor.importing import counts as count_columns
from onderdak.monitor.importing import indicators as indicator_columns
from onderdak.monitor.importing.template_files import template_csv, template_xlsx
from onderdak.monitor.models import Dimension, ImportKind, ImportStatus
from onderdak.monitor.selectors import counts as count_selectors
from onderdak.monitor.selectors import imports as selectors
from onderdak.monitor.services.imports import import_job_start

CSV_TYPE = "text/csv; charset=utf-8"
#: The templates by their name in the address.
TEMPLATES = {
    "telling": (count_columns.COLUMNS, gettext_lazy("count")),
    "indicatoren": (indicator_columns.COLUMNS, gettext_lazy("indicators")),
}


class MonitorMixin(RulesPermissionMixin):
    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    @cached_property
    def unsuppressed(self) -> bool:
        return self.request.user.has_perm("monitor.view_unsuppressed")


class JobMixin(MonitorMixin):
    permission_required = "monitor.view_importjob"

    @cached_property
    def job(self):
        return selectors.job_or_404(region=self.region, pk=self.kwargs["pk"])


class ImportListView(MonitorMixin, ListView):
    """The user's own imports, newest first."""

    permission_required = "monitor.view_importjob"
    template_name = "monitor/import_list.html"
    context_object_name = "jobs"
    paginate_by = 25

    def get_queryset(self):
        return selectors.recent_jobs(region=self.region, user=self.request.user)


class ImportDetailView(JobMixin, TemplateView):
    """A job: its progress while it runs (polled with htmx), then its result or its errors."""

    template_name = "monitor/import_detail.html"

    def get(self, request, *args, **kwargs):
        if request.htmx and self.job.is_finished:
            return HttpResponseClientRefresh()  # the whole page, with the result
        return super().get(request, *args, **kwargs)

    def get_template_names(self):
        if self.request.htmx:
            return ["monitor/import_poll.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        job = self.job
        context = {"job": job, "errors_shown": job.errors[: selectors.ERRORS_SHOWN]}
        if job.status == ImportStatus.DONE and job.version:
            context["people"] = count_selectors.people_shown(
                job.version.people_total, unsuppressed=self.unsuppressed
            )
        if job.status == ImportStatus.DONE and job.kind == ImportKind.INDICATORS:
            context["indicators"] = selectors.job_indicators(job=job)
        return super().get_context_data(**context, **kwargs)


class ImportReportView(JobMixin, View):
    """Every stored error of a job as an Excel workbook."""

    def get(self, request, *args, **kwargs):
        return error_report(self.job)


def error_report(job) -> HttpResponse:
    """The job's stored errors as an Excel download (the page and the API give the same)."""
    rows = [(e["row"], e["column"], e["value"], e["message"]) for e in job.errors]
    headers = [_("Row"), _("Column"), _("Value found"), _("What is wrong")]
    label = _("%(shown)s of %(total)s errors; nothing of the file was stored.") % {
        "shown": len(rows),
        "total": job.error_count,
    }
    return exports.xlsx_response(
        filename=_("errors %(name)s") % {"name": job.file_name},
        title=_("Error report of %(name)s") % {"name": job.file_name},
        label=label,
        sheets=[exports.Sheet(_("Errors"), headers, rows)],
    )


class TemplateDownloadView(MonitorMixin, View):
    """The template of a count or indicator file, as XLSX (with the valid codes on a second
    sheet) or as CSV (semicolons, UTF-8 with BOM)."""

    permission_required = "monitor.view_count"

    def get(self, request, *args, kind: str, fmt: str, **kwargs):
        if kind not in TEMPLATES or fmt not in ("csv", "xlsx"):
            raise Http404
        columns, name = TEMPLATES[kind]
        filename = exports.safe_filename(_("template %(name)s") % {"name": name}, fmt)
        if fmt == "csv":
            response = HttpResponse(template_csv(columns), content_type=CSV_TYPE)
        else:
            sheets = code_sheets(self.region, with_values=kind == "telling")
            content = template_xlsx(title=str(name), columns=columns, codes=sheets)
            response = HttpResponse(content, content_type=exports.CONTENT_TYPE)
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response


def code_sheets(region, *, with_values: bool) -> list[exports.Sheet]:
    """The valid codes: every breakdown's values (for counts) and the region's municipalities."""
    sheets = []
    if with_values:
        rows = [
            (str(Dimension(dimension).label), value.code, value.name, value.name_en)
            for dimension, values in count_selectors.reference_values().items()
            for value in values
        ]
        headers = [_("Breakdown"), _("Code"), _("Name (Dutch)"), _("Name (English)")]
        sheets.append(exports.Sheet(_("Codes"), headers, rows))
    municipalities = [(m.cbs_code, m.name) for m in count_selectors.municipalities(region=region)]
    sheets.append(exports.Sheet(_("Municipalities"), [_("CBS code"), _("Name")], municipalities))
    return sheets


class CodesView(MonitorMixin, TemplateView):
    """The codes and names a file may use, per breakdown, and the region's municipalities."""

    permission_required = "monitor.view_referencevalue"
    template_name = "monitor/import_codes.html"

    def get_context_data(self, **kwargs):
        values = count_selectors.reference_values()
        breakdowns = [(Dimension(d).label, values[d]) for d in Dimension.values]
        return super().get_context_data(
            breakdowns=breakdowns,
            municipalities=count_selectors.municipalities(region=self.region),
            count_columns=count_columns.COLUMNS,
            indicator_columns=indicator_columns.COLUMNS,
            **kwargs,
        )


class UploadView(MonitorMixin, ServiceFormMixin, FormView):
    """Upload a file of ``kind``; the job's page follows the import. Counts and indicators
    differ only in their page and their target (:meth:`upload_target`)."""

    form_class = ImportForm
    kind: str

    def upload_target(self) -> dict:
        return {}

    def perform(self, form):
        return import_job_start(
            region=self.region,
            kind=self.kind,
            uploaded=form.cleaned_data["file"],
            by=self.request.user,
            **self.upload_target(),
        )

    def get_success_url(self):
        return reverse("monitor:import_detail", args=[self.object.pk])


class IndicatorImportView(UploadView):
    """Upload a file of indicator values."""

    permission_required = "monitor.import_indicators"
    template_name = "monitor/import_indicators.html"
    kind = ImportKind.INDICATORS


routes = [
    path("importen/", ImportListView.as_view(), name="import_list"),
    path("importen/<int:pk>/", ImportDetailView.as_view(), name="import_detail"),
    path("importen/<int:pk>/foutenrapport/", ImportReportView.as_view(), name="import_report"),
    path("importen/codes/", CodesView.as_view(), name="import_codes"),
    path(
        "importen/sjablonen/<slug:kind>.<slug:fmt>",
        TemplateDownloadView.as_view(),
        name="import_template",
    ),
    path("indicatoren/importeren/", IndicatorImportView.as_view(), name="indicator_import"),
]
