"""Pages of simulation runs: start one, follow it (an htmx-polled progress bar), read its result
(bands per measure for the region, a subregion or a type; key figures; a quotable text), compare
the latest runs of several scenarios, and the Excel downloads."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from onderdak.capacity.forms.scenarios import CompareForm
from onderdak.capacity.models import RunStatus
from onderdak.capacity.selectors import scenarios as selectors
from onderdak.capacity.selectors import scenarios_results as results
from onderdak.capacity.services import runs as services
from onderdak.capacity.views import runs_presentation as presentation
from onderdak.capacity.views.plans import CapacityMixin
from onderdak.capacity.views.scenarios import ScenarioMixin
from onderdak.core import exports
from onderdak.core.errors import DomainError, NotFound

VIEW = "capacity.view_scenario"
SCOPE = "gebied"
#: The comparison form's hidden field: submitted with no scenario ticked, it is still an answer.
SUBMITTED = "vergelijk"


class RunStartView(ScenarioMixin, View):
    permission_required = "capacity.run_simulation"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            run = services.simulation_run_start(scenario=self.scenario, by=request.user)
        except DomainError as error:
            messages.error(request, error.message)
            return HttpResponseRedirect(self.scenario_url())
        return HttpResponseRedirect(reverse("capacity:run_detail", args=[run.pk]))


def chosen_scope(request, available: list[tuple[str, str]]) -> str:
    asked = request.GET.get(SCOPE)
    return asked if asked in dict(available) else results.REGION


class RunMixin(CapacityMixin):
    permission_required = VIEW

    @cached_property
    def run(self):
        try:
            return selectors.run_detail(region=self.region, pk=self.kwargs["pk"])
        except NotFound as error:
            raise Http404 from error


class RunPageMixin:
    """A run's page: its result once done; while it runs, a progress bar that htmx polls (the
    partial ``capacity/run_progress.html``, which at the end links to the result)."""

    @property
    def running(self) -> bool:
        return self.run.status in (RunStatus.QUEUED, RunStatus.RUNNING)

    def get_template_names(self):
        if self.request.headers.get("HX-Request"):
            return ["capacity/run_progress.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(run=self.run, running=self.running, **kwargs)
        if self.run.status == RunStatus.DONE:
            context.update(self.result_context())
        return context


class RunDetailView(RunMixin, RunPageMixin, TemplateView):
    template_name = "capacity/run_detail.html"

    def result_context(self) -> dict:
        run = self.run
        scopes = results.scopes(run)
        scope = chosen_scope(self.request, scopes)
        return {
            "scopes": scopes,
            "scope": scope,
            "charts": presentation.measure_charts([run], scope, [run.scenario.name]),
            "figure_rows": [(label, results.key_figures(run, name)) for name, label in scopes],
            "figure_headers": presentation.figure_headers(),
            "span": results.last_year_span(run),
            "quote": results.scenario_quote(run),
        }


class RunExportView(RunMixin, View):
    def get(self, request, *args, **kwargs):
        run = self.run
        if run.status != RunStatus.DONE:
            raise Http404
        return exports.xlsx_response(
            filename=_("simulation %(name)s") % {"name": run.scenario.name},
            title=_("Flow simulation: %(name)s") % {"name": run.scenario.name},
            label=presentation.run_label(run),
            sheets=presentation.run_sheets(run),
        )


class CompareMixin(CapacityMixin):
    """Several scenarios, each by its latest finished run, side by side."""

    permission_required = VIEW

    @cached_property
    def form(self):
        scenarios = selectors.scenario_list(region=self.region)
        bound = SUBMITTED in self.request.GET or "s" in self.request.GET
        return CompareForm(self.request.GET if bound else None, scenarios=scenarios)

    @cached_property
    def runs(self):
        if not self.form.is_valid():
            return []
        ids = self.form.cleaned_data["s"]
        return selectors.latest_results(region=self.region, scenario_ids=ids)


class CompareView(CompareMixin, TemplateView):
    template_name = "capacity/compare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, runs=self.runs, **kwargs)
        if len(self.runs) >= 2:
            context.update(self.comparison())
        elif self.form.is_bound and self.form.is_valid():
            context["too_few"] = True
        return context

    def comparison(self) -> dict:
        runs = self.runs
        scopes = presentation.common_scopes(runs)
        scope = chosen_scope(self.request, scopes)
        names = [run.scenario.name for run in runs]
        same_months = len({tuple(run.input["months"]) for run in runs}) == 1
        return {
            "scopes": scopes,
            "scope": scope,
            "same_months": same_months,
            "charts": presentation.measure_charts(runs, scope, names) if same_months else [],
            "figures": True,
            "figure_rows": [(run.scenario.name, results.key_figures(run, scope)) for run in runs],
            "figure_headers": presentation.figure_headers(),
            "query": self.request.GET.urlencode(),
        }


class CompareExportView(CompareMixin, View):
    def get(self, request, *args, **kwargs):
        runs = self.runs
        if len(runs) < 2:
            raise Http404
        scopes = presentation.common_scopes(runs)
        names = [run.scenario.name for run in runs]
        figures = [
            [run.scenario.name, label, *presentation.figure_row(results.key_figures(run, name))]
            for name, label in scopes
            for run in runs
        ]
        return exports.xlsx_response(
            filename=_("scenarios compared"),
            title=_("Scenarios compared: %(names)s") % {"names": ", ".join(names)},
            label=presentation.run_label(runs[0]),
            sheets=[
                exports.Sheet(
                    _("Key figures"),
                    [_("Scenario"), _("Area"), *presentation.figure_headers()],
                    figures,
                ),
                presentation.bands_sheet(runs, names, scopes),
            ],
        )


#: URL patterns of this part, collected by ``onderdak.capacity.urls``.
routes: list = [
    path("scenarios/<int:pk>/doorrekenen/", RunStartView.as_view(), name="run_start"),
    path("scenarios/vergelijken/", CompareView.as_view(), name="compare"),
    path("scenarios/vergelijken/excel/", CompareExportView.as_view(), name="compare_export"),
    path("doorrekeningen/<int:pk>/", RunDetailView.as_view(), name="run_detail"),
    path("doorrekeningen/<int:pk>/excel/", RunExportView.as_view(), name="run_export"),
]
