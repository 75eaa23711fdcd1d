"""The pages every module's imports share: the user's recent imports, a job with its progress and
its result or error report (on screen and as XLSX), the templates, and the upload of a file.

A module mounts them under its own address (``/monitor/importen/…``) with :func:`job_routes`,
naming the ``module`` (its kinds of import, its URL namespace) and the permission to open them;
each page shows only the jobs of that module's kinds that the user may see (``selectors``). Its
upload pages subclass :class:`UploadView`.
"""

from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView, View
from django_htmx.http import HttpResponseClientRefresh

from onderdak.accounts.selectors import region_for_user
from onderdak.core import exports
from onderdak.core.views import RulesPermissionMixin, ServiceFormMixin
from onderdak.imports import selectors
from onderdak.imports.files.templates import template_csv, template_xlsx
from onderdak.imports.forms import ImportForm
from onderdak.imports.kinds import Kind, registry
from onderdak.imports.models import ImportJob, ImportStatus
from onderdak.imports.services import import_job_start

CSV_TYPE = "text/csv; charset=utf-8"


class ModuleImportsMixin(RulesPermissionMixin):
    """A page of the imports of ``module`` (an app label, also the URL namespace)."""

    module = ""

    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    @property
    def kinds(self) -> list[Kind]:
        return registry.of_module(self.module)


class JobMixin(ModuleImportsMixin):
    @cached_property
    def job(self) -> ImportJob:
        return selectors.job_or_404(
            region=self.region, user=self.request.user, pk=self.kwargs["pk"], kinds=self.kinds
        )


class JobListView(ModuleImportsMixin, ListView):
    """The user's own imports of the module, newest first."""

    context_object_name = "jobs"
    paginate_by = 25

    def get_queryset(self):
        return selectors.recent_jobs(region=self.region, user=self.request.user, kinds=self.kinds)


class JobDetailView(JobMixin, TemplateView):
    """A job: its progress while it runs (polled with htmx), then its result or its errors."""

    template_name = "imports/job_detail.html"

    def get(self, request, *args, **kwargs):
        if request.htmx and self.job.is_finished:
            return HttpResponseClientRefresh()  # the whole page, with the result
        return super().get(request, *args, **kwargs)

    def get_template_names(self):
        if self.request.htmx:
            return ["imports/job_poll.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        job, kind = self.job, registry.get(self.job.kind)
        context = {
            "job": job,
            "kind": kind,
            "subject": kind.subject(job),
            "back": kind.back_link(job) or self.back_link(),
            "report_url": reverse(f"{self.module}:import_report", args=[job.pk]),
            "errors_shown": job.errors[: selectors.ERRORS_SHOWN],
        }
        if job.status == ImportStatus.DONE:
            context.update(kind.done_context(job, self.request.user))
        return super().get_context_data(**context, **kwargs)

    def back_link(self) -> tuple[str, str]:
        return reverse(f"{self.module}:import_list"), _("Back to my imports")


class JobReportView(JobMixin, View):
    """Every stored error of a job as an Excel workbook."""

    def get(self, request, *args, **kwargs):
        return error_report(self.job)


def error_report(job: ImportJob) -> HttpResponse:
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


class TemplateDownloadView(ModuleImportsMixin, View):
    """The template of a kind of file (by its ``template_slug``), as XLSX (with the valid codes
    on the sheets after the first) or as CSV (semicolons, UTF-8 with BOM)."""

    def get(self, request, *args, kind: str, fmt: str, **kwargs):
        found = registry.by_slug(self.module, kind)
        if found is None or fmt not in ("csv", "xlsx"):
            raise Http404
        filename = exports.safe_filename(_("template %(name)s") % {"name": found.label}, fmt)
        if fmt == "csv":
            response = HttpResponse(template_csv(found.columns), content_type=CSV_TYPE)
        else:
            sheets = found.template_sheets(self.region, request.user)
            content = template_xlsx(title=str(found.label), columns=found.columns, codes=sheets)
            response = HttpResponse(content, content_type=exports.CONTENT_TYPE)
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response


class UploadView(ModuleImportsMixin, ServiceFormMixin, FormView):
    """Upload a file of ``kind``; the job's page follows the import. ``upload_options`` gives
    what the kind needs besides the file (the count to import into)."""

    form_class = ImportForm
    kind: str

    def upload_options(self) -> dict:
        return {}

    def perform(self, form):
        return import_job_start(
            region=self.region,
            kind=self.kind,
            uploaded=form.cleaned_data["file"],
            by=self.request.user,
            options=self.upload_options(),
        )

    def get_success_url(self):
        return reverse(f"{self.module}:import_detail", args=[self.object.pk])


def job_routes(
    *, module: str, prefix: str, permission: str, template_permission: str, list_template: str
) -> list:
    """The job pages of ``module`` under ``prefix`` (``importen/``): the user's imports, a job,
    its error report and the templates; the jobs' pages for ``permission``, the templates for
    ``template_permission``. The URL names are ``import_list``, ``import_detail``,
    ``import_report`` and ``import_template`` in the module's namespace."""
    jobs = {"module": module, "permission_required": permission}
    return [
        path(prefix, JobListView.as_view(template_name=list_template, **jobs), name="import_list"),
        path(f"{prefix}<int:pk>/", JobDetailView.as_view(**jobs), name="import_detail"),
        path(
            f"{prefix}<int:pk>/foutenrapport/",
            JobReportView.as_view(**jobs),
            name="import_report",
        ),
        path(
            f"{prefix}sjablonen/<slug:kind>.<slug:fmt>",
            TemplateDownloadView.as_view(module=module, permission_required=template_permission),
            name="import_template",
        ),
    ]
