"""Pages of scenarios: the list, a scenario with its parameters and runs, and the forms that set
its main parameters, its changes to the plan and its settings per type.

Readers of the capacity module see every scenario of their region; planners make, change, run
and delete them. Every write goes through ``services.scenarios``.
"""

from django.contrib import messages
from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView

from onderdak.capacity.forms.scenarios import PlanChangesForm, ScenarioForm, TypeSettingsForm
from onderdak.capacity.selectors import plans as plan_selectors
from onderdak.capacity.selectors import scenarios as selectors
from onderdak.capacity.selectors.calibration import estimates
from onderdak.capacity.services import scenarios as services
from onderdak.capacity.services.scenarios_parameters import scenario_parameters
from onderdak.capacity.views.plans import CapacityMixin
from onderdak.capacity.views.scenarios_presentation import calibrated_texts, parameter_summary
from onderdak.core.errors import NotFound
from onderdak.core.views import ServiceFormMixin
from onderdak.funding.forms import ConfirmForm

VIEW = "capacity.view_scenario"


class ScenarioListView(CapacityMixin, ListView):
    permission_required = VIEW
    template_name = "capacity/scenario_list.html"
    context_object_name = "scenarios"
    paginate_by = 50

    def get_queryset(self):
        return selectors.scenario_list(region=self.region)


class ScenarioMixin(CapacityMixin):
    """A page about one scenario of the user's region."""

    permission_required = VIEW

    @cached_property
    def scenario(self):
        try:
            return selectors.scenario_detail(region=self.region, pk=self.kwargs["pk"])
        except NotFound as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        return super().get_context_data(scenario=self.scenario, **kwargs)

    def scenario_url(self) -> str:
        return reverse("capacity:scenario_detail", args=[self.scenario.pk])


class ScenarioDetailView(ScenarioMixin, TemplateView):
    """The scenario's parameters in words, its runs, and the button to run it."""

    template_name = "capacity/scenario_detail.html"

    def get_context_data(self, **kwargs):
        parameters = scenario_parameters(self.scenario.parameters, region=self.region)
        return super().get_context_data(
            summary=parameter_summary(parameters, self.region),
            runs=self.scenario.recent_runs,
            **kwargs,
        )


class ScenarioFormView(CapacityMixin, ServiceFormMixin, FormView):
    """The scenario's name and main parameters."""

    template_name = "capacity/scenario_form.html"
    form_class = ScenarioForm

    def perform(self, form):
        with form.service_errors():
            return self.save(form)

    def get_success_url(self):
        messages.success(self.request, _("The scenario has been saved."))
        return reverse("capacity:scenario_detail", args=[self.object.pk])


class ScenarioCreateView(ScenarioFormView):
    permission_required = "capacity.add_scenario"

    def get_initial(self):
        return ScenarioForm.initial_for(None)

    def save(self, form):
        return services.scenario_create(
            region=self.region,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            parameters=form.parameters({}),
            by=self.request.user,
        )


class ScenarioUpdateView(ScenarioMixin, ScenarioFormView):
    permission_required = "capacity.change_scenario"

    def get_initial(self):
        return ScenarioForm.initial_for(self.scenario)

    def save(self, form):
        return services.scenario_update(
            scenario=self.scenario,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            parameters=form.parameters(self.scenario.parameters),
        )


class ScenarioPartView(ScenarioMixin, ServiceFormMixin, FormView):
    """One part of the parameters in one table, saved whole (or not at all, with the errors)."""

    permission_required = "capacity.change_scenario"
    template_name = "capacity/scenario_part.html"
    title = ""
    intro = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, intro=self.intro, **kwargs)

    def perform(self, form):
        parameters = {**self.scenario.parameters, **self.part(form)}
        with form.service_errors():
            return services.scenario_update(scenario=self.scenario, parameters=parameters)

    def get_success_url(self):
        messages.success(self.request, _("%(what)s has been saved.") % {"what": self.title})
        return self.scenario_url()


class ScenarioChangesView(ScenarioPartView):
    form_class = PlanChangesForm
    title = gettext_lazy("Changes to the plan")
    intro = gettext_lazy(
        "Add places of a type in a municipality or a subregion from a year on (a subregion's "
        "places are split over its municipalities by population; a negative number means "
        "fewer), or change the pace of its build-up or phase-down (2: twice as fast, to the same "
        "end). Empty lines are left out."
    )

    def get_form_kwargs(self):
        plan = plan_selectors.region_plan(region=self.region)
        return {
            **super().get_form_kwargs(),
            "changes": self.scenario.parameters.get("plan_changes", []),
            "types": plan_selectors.plan_types(plan=plan),
            "municipalities": plan_selectors.region_municipalities(region=self.region),
            "subregions": self.region.subregions.order_by("name"),
            "years": plan.years if plan else [],
        }

    def part(self, form) -> dict:
        return {"plan_changes": form.changes()}


class ScenarioTypesView(ScenarioPartView):
    form_class = TypeSettingsForm
    title = gettext_lazy("Settings per type")
    intro = gettext_lazy(
        "What replaces the calibration of the monthly figures for a type: newcomers a month per "
        "10,000 inhabitants, the mean stay, the tariff, and where people go when their stay "
        "ends (four shares that add up to 1). Leave an input empty to keep the calibration's."
    )

    template_name = "capacity/scenario_types.html"

    def get_form_kwargs(self):
        plan = plan_selectors.region_plan(region=self.region)
        return {
            **super().get_form_kwargs(),
            "types": plan_selectors.plan_types(plan=plan),
            "settings": self.scenario.parameters.get("types", {}),
            "calibrated": calibrated_texts(estimates(region=self.region)),
        }

    def part(self, form) -> dict:
        return {"types": form.settings()}


class ScenarioDeleteView(ScenarioMixin, ServiceFormMixin, FormView):
    permission_required = "capacity.delete_scenario"
    form_class = ConfirmForm
    template_name = "capacity/scenario_delete.html"

    def perform(self, form):
        services.scenario_delete(scenario=self.scenario)

    def get_success_url(self):
        messages.success(
            self.request, _("The scenario %(name)s has been deleted.") % {"name": self.scenario}
        )
        return reverse("capacity:scenario_list")


#: URL patterns of this part, collected by ``onderdak.capacity.urls``.
routes: list = [
    path("scenarios/", ScenarioListView.as_view(), name="scenario_list"),
    path("scenarios/nieuw/", ScenarioCreateView.as_view(), name="scenario_create"),
    path("scenarios/<int:pk>/", ScenarioDetailView.as_view(), name="scenario_detail"),
    path("scenarios/<int:pk>/wijzigen/", ScenarioUpdateView.as_view(), name="scenario_update"),
    path(
        "scenarios/<int:pk>/planwijzigingen/",
        ScenarioChangesView.as_view(),
        name="scenario_changes",
    ),
    path("scenarios/<int:pk>/per-soort/", ScenarioTypesView.as_view(), name="scenario_types"),
    path("scenarios/<int:pk>/verwijderen/", ScenarioDeleteView.as_view(), name="scenario_delete"),
]
