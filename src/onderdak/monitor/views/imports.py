"""Pages of the monitor's imports, on the shared import pages (``onderdak.imports.views``): the
user's recent imports, a job with its progress and result or error report (on screen and as
XLSX), the templates (``job_routes``), the list of valid codes, and the upload of an indicator
file. Counts and indicators share all of it; only the upload page differs."""

from django.urls import path
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from onderdak.accounts.selectors import region_for_user
from onderdak.core.views import RulesPermissionMixin
from onderdak.imports import views as shared
from onderdak.monitor.importing import counts as count_columns
from onderdak.monitor.importing import indicators as indicator_columns
from onderdak.monitor.models import Dimension, ImportKind
from onderdak.monitor.selectors import counts as count_selectors


class MonitorMixin(RulesPermissionMixin):
    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    @cached_property
    def unsuppressed(self) -> bool:
        return self.request.user.has_perm("monitor.view_unsuppressed")


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


class UploadView(MonitorMixin, shared.UploadView):
    """Upload a file of ``kind``; the job's page follows the import."""

    module = "monitor"


class IndicatorImportView(UploadView):
    """Upload a file of indicator values."""

    permission_required = "monitor.import_indicators"
    template_name = "monitor/import_indicators.html"
    kind = ImportKind.INDICATORS


routes = [
    *shared.job_routes(
        module="monitor",
        prefix="importen/",
        permission="monitor.view_importjob",
        template_permission="monitor.view_count",
        list_template="monitor/import_list.html",
    ),
    path("importen/codes/", CodesView.as_view(), name="import_codes"),
    path("indicatoren/importeren/", IndicatorImportView.as_view(), name="indicator_import"),
]
