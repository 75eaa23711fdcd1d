"""Pages of the plan optimisation: its runs, starting one (budget, costs and limits), the proposal
beside the entered plan in charts, tables and words, its download, and a scenario made from it so
the flow simulation shows what it does."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView, View

from onderdak.capacity.forms.plans import OptimisationForm
from onderdak.capacity.models import RunStatus
from onderdak.capacity.selectors import plans as plan_selectors
from onderdak.capacity.selectors import plans_optimisation as selectors
from onderdak.capacity.services import optimisation as services
from onderdak.capacity.views import optimisation_presentation as presentation
from onderdak.capacity.views.plans import CapacityMixin, PlanMixin
from onderdak.capacity.views.runs import RunPageMixin
from onderdak.core import exports
from onderdak.core.errors import DomainError, NotFound
from onderdak.core.views import ServiceFormMixin
from onderdak.funding.forms import grouped

VIEW = "capacity.view_capacityplan"


class OptimisationListView(CapacityMixin, ListView):
    permission_required = VIEW
    template_name = "capacity/optimisation_list.html"
    context_object_name = "runs"
    paginate_by = 25

    def get_queryset(self):
        return selectors.optimisation_runs(region=self.region)

    def get_context_data(self, **kwargs):
        plan = plan_selectors.region_plan(region=self.region)
        return super().get_context_data(plan=plan, **kwargs)


class OptimisationStartView(PlanMixin, ServiceFormMixin, FormView):
    permission_required = "capacity.run_optimisation"
    template_name = "capacity/optimisation_form.html"
    form_class = OptimisationForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "years": list(self.plan.years)[1:],
            "types": self.grid.used_types(self.grid.municipalities),
            "default_costs": selectors.default_costs(plan=self.plan),
        }

    def get_initial(self):
        costs = services.entered_costs(plan=self.plan)
        return {f"budget_{year}": grouped(amount) for year, amount in costs.items()}

    def perform(self, form):
        with form.service_errors():
            return services.optimisation_run_start(
                plan=self.plan, settings=form.settings(), by=self.request.user
            )

    def get_success_url(self):
        return reverse("capacity:optimisation_detail", args=[self.object.pk])


class RunMixin(CapacityMixin):
    permission_required = VIEW

    @cached_property
    def run(self):
        try:
            return selectors.optimisation_run(region=self.region, pk=self.kwargs["pk"])
        except NotFound as error:
            raise Http404 from error


class OptimisationDetailView(RunMixin, RunPageMixin, TemplateView):
    template_name = "capacity/optimisation_detail.html"

    def result_context(self) -> dict:
        run = self.run
        out = presentation.outcome(run)
        areas = presentation.municipalities(out)
        chosen = self.request.GET.get("gemeente")
        chosen = chosen if chosen in dict(areas) else (areas[0][0] if areas else "")
        return {
            "outcome": out,
            "places_chart": presentation.places_chart(run, out),
            "shortage_chart": presentation.shortage_chart(run, out),
            "cost_chart": presentation.cost_chart(run, out),
            "areas": areas,
            "area": chosen,
            "area_chart": presentation.municipality_chart(out, chosen),
            "cell_rows": presentation.cell_rows(out),
            "notes": run.input["notes"],
        }


class OptimisationExportView(RunMixin, View):
    def get(self, request, *args, **kwargs):
        run = self.run
        if run.status != RunStatus.DONE:
            raise Http404
        return exports.xlsx_response(
            filename=_("plan optimisation %(number)s") % {"number": run.pk},
            title=_("Plan optimisation beside the entered plan"),
            label=_(
                "Computed by Onderdak's plan optimisation (engine %(engine)s) on the plan as "
                "entered."
            )
            % {"engine": run.engine_version},
            sheets=presentation.sheets(run, presentation.outcome(run)),
        )


class OptimisationSimulateView(RunMixin, View):
    """Make a scenario of the proposal and go to it, to run the flow simulation on it."""

    permission_required = "capacity.add_scenario"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            scenario = services.optimisation_scenario_create(run=self.run, by=request.user)
        except DomainError as error:
            messages.error(request, error.message)
            return HttpResponseRedirect(reverse("capacity:optimisation_detail", args=[self.run.pk]))
        messages.success(request, _("The proposal is now a scenario; run it to see what it does."))
        return HttpResponseRedirect(reverse("capacity:scenario_detail", args=[scenario.pk]))


#: URL patterns of this part, collected by ``onderdak.capacity.urls``.
routes: list = [
    path("optimalisatie/", OptimisationListView.as_view(), name="optimisation_list"),
    path("optimalisatie/nieuw/", OptimisationStartView.as_view(), name="optimisation_start"),
    path("optimalisatie/<int:pk>/", OptimisationDetailView.as_view(), name="optimisation_detail"),
    path(
        "optimalisatie/<int:pk>/excel/",
        OptimisationExportView.as_view(),
        name="optimisation_export",
    ),
    path(
        "optimalisatie/<int:pk>/simuleren/",
        OptimisationSimulateView.as_view(),
        name="optimisation_simulate",
    ),
]
