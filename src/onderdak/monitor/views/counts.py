"""Pages of counts: the region's counts, a count with its versions and the import form, its
details, and making an earlier version current again. Readers read; policy officers create,
change and import (``monitor/rules.py``). Every page is scoped to the user's region."""

import copy

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView, View

from onderdak.core.errors import DomainError
from onderdak.core.views import ServiceFormMixin
from onderdak.imports.forms import ImportForm
from onderdak.monitor.forms.counts import CountForm
from onderdak.monitor.models import ImportKind
from onderdak.monitor.selectors import counts as selectors
from onderdak.monitor.selectors import imports as job_selectors
from onderdak.monitor.services import counts as services
from onderdak.monitor.views.imports import MonitorMixin, UploadView


class CountMixin(MonitorMixin):
    """A page about the count ``kwargs["pk"]`` of the user's region."""

    @cached_property
    def count(self):
        return selectors.count_or_404(region=self.region, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(count=self.count, **kwargs)


class CountListView(MonitorMixin, ListView):
    permission_required = "monitor.view_count"
    template_name = "monitor/count_list.html"
    context_object_name = "counts"
    paginate_by = 25

    def get_queryset(self):
        return selectors.count_list(region=self.region)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for count in context["counts"]:
            version = count.current_version
            count.people = version and selectors.people_shown(
                version.people_total, unsuppressed=self.unsuppressed
            )
        return context


class CountDetailView(CountMixin, TemplateView):
    """The count's details, its versions (with making one current again), the import form and
    the latest imports of the count."""

    permission_required = "monitor.view_count"
    template_name = "monitor/count_detail.html"

    def get_context_data(self, **kwargs):
        versions = list(selectors.version_list(count=self.count))
        for version in versions:
            version.people = selectors.people_shown(
                version.people_total, unsuppressed=self.unsuppressed
            )
        jobs = []
        if self.request.user.has_perm("monitor.view_importjob"):
            jobs = job_selectors.count_jobs(
                region=self.region, user=self.request.user, count_id=self.count.pk
            )
        return super().get_context_data(versions=versions, jobs=jobs, form=ImportForm(), **kwargs)


class CountFormMixin(MonitorMixin, ServiceFormMixin):
    template_name = "monitor/count_form.html"
    form_class = CountForm

    def get_success_url(self):
        messages.success(self.request, _("The count has been saved."))
        return reverse("monitor:count_detail", args=[self.object.pk])


class CountCreateView(CountFormMixin, FormView):
    permission_required = "monitor.add_count"

    def perform(self, form):
        return services.count_create(
            region=self.region, created_by=self.request.user, **form.cleaned_data
        )


class CountUpdateView(CountMixin, CountFormMixin, FormView):
    permission_required = "monitor.change_count"

    def get_form_kwargs(self):
        # A copy: the form writes into its instance, and a refused change must not show as saved.
        return {**super().get_form_kwargs(), "instance": copy.copy(self.count)}

    def perform(self, form):
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        return services.count_update(count=self.count, **changes)


class CountImportView(CountMixin, UploadView):
    """Upload a file for the count; its job's page follows the import."""

    permission_required = "monitor.import_count"
    template_name = "monitor/count_import.html"
    kind = ImportKind.COUNT

    def upload_options(self) -> dict:
        return {"count": self.count.pk}


class VersionMakeCurrentView(CountMixin, View):
    """Make an earlier version the count's current one again (a form on the count's page)."""

    permission_required = "monitor.change_count"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        version = selectors.version_or_404(count=self.count, number=self.kwargs["number"])
        try:
            services.count_version_make_current(version=version)
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(
                request,
                _("Version %(number)s is now the current version.") % {"number": version.number},
            )
        return HttpResponseRedirect(reverse("monitor:count_detail", args=[self.count.pk]))


routes = [
    path("tellingen/", CountListView.as_view(), name="count_list"),
    path("tellingen/nieuw/", CountCreateView.as_view(), name="count_create"),
    path("tellingen/<int:pk>/", CountDetailView.as_view(), name="count_detail"),
    path("tellingen/<int:pk>/wijzigen/", CountUpdateView.as_view(), name="count_update"),
    path("tellingen/<int:pk>/importeren/", CountImportView.as_view(), name="count_import"),
    path(
        "tellingen/<int:pk>/versies/<int:number>/actueel/",
        VersionMakeCurrentView.as_view(),
        name="count_version_make_current",
    ),
]
