"""The audit trail search page for the administrator and the regional coordinator."""

from django.utils.functional import cached_property
from django.views.generic import ListView

from onderdak.audit import selectors
from onderdak.audit.forms import TrailFilterForm
from onderdak.core.views import RulesPermissionMixin


class TrailSearchView(RulesPermissionMixin, ListView):
    permission_required = "auditlog.view_logentry"
    template_name = "audit/search.html"
    context_object_name = "entries"
    paginate_by = 50

    @cached_property
    def filter_form(self) -> TrailFilterForm:
        return TrailFilterForm(
            self.request.GET or None, content_types=selectors.tracked_content_types()
        )

    def get_queryset(self):
        form = self.filter_form
        filters = form.to_filter() if form.is_valid() else selectors.TrailFilter()
        return selectors.log_entry_list(filters=filters)

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)
