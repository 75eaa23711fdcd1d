"""Region pages: overview with map, organisations, municipalities, governance. Views stay thin."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DetailView, ListView, TemplateView, UpdateView

from onderdak.accounts.selectors import region_for_user
from onderdak.core.views import RulesPermissionMixin, ServiceFormMixin
from onderdak.region import map as region_map
from onderdak.region import selectors, services
from onderdak.region.forms import OrganisationForm, PopulationFigureForm
from onderdak.region.models import Municipality, OrganisationKind


class RegionMixin(RulesPermissionMixin):
    """Everything here is scoped to the region of the user's memberships."""

    @cached_property
    def region(self):
        return region_for_user(self.request.user)


class OverviewView(RegionMixin, TemplateView):
    permission_required = "region.view_region"
    template_name = "region/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipalities = list(selectors.municipality_list(region=self.region))
        svg = region_map.render({m.cbs_code: m.boundary for m in municipalities if m.boundary})
        context.update(
            region=self.region,
            municipalities=municipalities,
            map_shapes=[
                (m, svg.paths[m.cbs_code]) for m in municipalities if m.cbs_code in svg.paths
            ],
            view_box=svg.view_box,
            subregions=list(selectors.subregion_list(region=self.region)),
            organisation_counts=selectors.organisation_counts(region=self.region),
            kinds=OrganisationKind.choices,
            total_population=sum(m.population or 0 for m in municipalities),
        )
        return context


class MunicipalityDetailView(RegionMixin, DetailView):
    permission_required = "region.view_municipality"
    template_name = "region/municipality_detail.html"
    slug_field = "cbs_code"
    slug_url_kwarg = "cbs_code"
    context_object_name = "municipality"

    def get_queryset(self):
        return selectors.municipality_list(region=self.region)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["figures"] = selectors.population_figure_list(municipality=self.object)
        context["organisations"] = selectors.organisation_list(region=self.region).filter(
            municipality=self.object
        )
        return context


class OrganisationListView(RegionMixin, ListView):
    permission_required = "region.view_organisation"
    template_name = "region/organisation_list.html"
    context_object_name = "organisations"
    paginate_by = 100

    @cached_property
    def kind(self) -> str:
        kind = self.request.GET.get("soort", "")
        return kind if kind in OrganisationKind.values else ""

    def get_queryset(self):
        return selectors.organisation_list(region=self.region, kind=self.kind or None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(kinds=OrganisationKind.choices, kind=self.kind)
        if self.kind:
            context["kind_label"] = OrganisationKind(self.kind).label
        return context


class OrganisationFormMixin(RegionMixin, ServiceFormMixin):
    form_class = OrganisationForm
    template_name = "region/organisation_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "region": self.region}

    def get_success_url(self):
        messages.success(self.request, _("The organisation has been saved."))
        return reverse("region:organisation_list") + f"?soort={self.object.kind}"


class OrganisationCreateView(OrganisationFormMixin, CreateView):
    permission_required = "region.add_organisation"

    def perform(self, form):
        return services.organisation_create(region=self.region, **form.cleaned_data)


class OrganisationUpdateView(OrganisationFormMixin, UpdateView):
    permission_required = "region.change_organisation"

    def get_queryset(self):
        return selectors.organisation_list(region=self.region, active_only=False)

    def perform(self, form):
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        return services.organisation_update(organisation=self.get_object(), **changes)


class PopulationFigureCreateView(RegionMixin, ServiceFormMixin, CreateView):
    permission_required = "region.add_populationfigure"
    form_class = PopulationFigureForm
    template_name = "region/population_form.html"

    @cached_property
    def municipality(self) -> Municipality:
        return get_object_or_404(Municipality, region=self.region, cbs_code=self.kwargs["cbs_code"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "municipality": self.municipality}

    def get_context_data(self, **kwargs):
        return super().get_context_data(municipality=self.municipality, **kwargs)

    def perform(self, form):
        return services.population_figure_record(
            municipality=self.municipality, **form.cleaned_data
        )

    def get_success_url(self):
        messages.success(self.request, _("The population figure has been recorded."))
        return reverse("region:municipality_detail", args=[self.municipality.cbs_code])


class GovernanceView(RegionMixin, TemplateView):
    permission_required = "region.view_governancebody"
    template_name = "region/governance.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bodies"] = selectors.governance_body_list(region=self.region)
        return context
