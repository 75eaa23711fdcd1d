"""Pages of the facility register under ``/capaciteit/voorzieningen/``: the region's facilities
(filtered, with the places per type, as Excel), a facility with its monthly figures, creating,
changing, deactivating and reactivating one, and the facility types.

Readers of the capacity module see every facility of the region; a care worker only their own
care provider's (``selectors.visibility``): another one is "not found". Planners (policy
officers and the coordinator) create and change facilities. Every write is a service call. The
pages of monthly figures and their import are in ``views.figures``.
"""

import copy

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView, View

from onderdak.capacity import figure_charts
from onderdak.capacity.forms.facilities import FacilityFilterForm, FacilityForm
from onderdak.capacity.models import Facility
from onderdak.capacity.selectors import facilities as selectors
from onderdak.capacity.services import facilities as services
from onderdak.capacity.views import figures
from onderdak.capacity.views.register import FacilityMixin, RegisterMixin
from onderdak.core import exports
from onderdak.core.errors import DomainError
from onderdak.core.views import ServiceFormMixin
from onderdak.region.models import Municipality, Subregion

# --- The list and its export ---------------------------------------------------------------------


class FacilityFilterMixin(RegisterMixin):
    permission_required = "capacity.view_facility"

    @cached_property
    def filter_form(self) -> FacilityFilterForm:
        return FacilityFilterForm(
            self.request.GET or None,
            municipalities=Municipality.objects.filter(region=self.region)
            .only("cbs_code", "name")
            .order_by("name"),
            subregions=Subregion.objects.filter(region=self.region).order_by("position", "name"),
            types=selectors.facility_types(),
            providers=selectors.provider_choices(user=self.request.user, region=self.region),
        )

    def facilities(self):
        return selectors.facility_list(
            user=self.request.user, region=self.region, filters=self.filter_form.to_filters()
        )


class FacilityListView(FacilityFilterMixin, ListView):
    template_name = "capacity/facility_list.html"
    context_object_name = "facilities"
    paginate_by = 50

    def get_queryset(self):
        return self.facilities()

    def get_context_data(self, **kwargs):
        totals = selectors.places_per_type(self.facilities())
        return super().get_context_data(
            filter_form=self.filter_form,
            totals=totals,
            total_facilities=sum(total.facilities for total in totals),
            total_places=sum(total.places for total in totals),
            query_string=self.request.GET.urlencode(),
            **kwargs,
        )


class FacilityExportView(FacilityFilterMixin, View):
    """The list as filtered, all pages, with the places per type, as an Excel workbook."""

    def get(self, request, *args, **kwargs):
        facilities = self.facilities()
        return exports.xlsx_response(
            filename=_("facilities"),
            title=_("Facilities"),
            label=_("Capacity: the facilities you may see, as filtered."),
            sheets=[
                facility_sheet(facilities),
                totals_sheet(selectors.places_per_type(facilities)),
            ],
        )


def facility_sheet(facilities) -> exports.Sheet:
    headers = [
        _("Number"),
        _("Name"),
        _("Care provider"),
        _("Municipality"),
        _("Subregion"),
        _("Type"),
        _("Level"),
        _("Places"),
        _("Contract from"),
        _("Contract until"),
        _("Tariff per place per day (euro)"),
        _("Source of the tariff"),
        _("Active"),
        _("Latest month with figures"),
    ]
    rows = (
        (
            f.pk,
            f.name,
            f.provider.name,
            f.municipality.name,
            f.municipality.subregion.name if f.municipality.subregion else "",
            f.facility_type.label,
            f.get_level_display(),
            f.places,
            f.contract_start,
            f.contract_end,
            f.tariff_per_day,
            f.tariff_source,
            _("yes") if f.is_active else _("no"),
            f.latest_month and f"{f.latest_month:%Y-%m}",
        )
        for f in facilities
    )
    return exports.Sheet(_("Facilities"), headers, rows)


def totals_sheet(totals) -> exports.Sheet:
    rows = [(total.facility_type, total.facilities, total.places) for total in totals]
    return exports.Sheet(_("Places per type"), [_("Type"), _("Facilities"), _("Places")], rows)


# --- One facility --------------------------------------------------------------------------------


class FacilityDetailView(FacilityMixin, TemplateView):
    """The facility's details and tariff, its latest monthly figures as a chart with its table."""

    template_name = "capacity/facility_detail.html"

    def get_context_data(self, **kwargs):
        latest = selectors.latest_figures(facility=self.facility)
        user = self.request.user
        return super().get_context_data(
            chart=figure_charts.figures_chart(self.facility, latest),
            may_enter=user.has_perm("capacity.change_monthlyfigure", self.facility),
            next_month=selectors.next_month_to_enter(
                facility=self.facility, latest=latest[-1] if latest else None
            ),
            years=selectors.entry_years(facility=self.facility),
            **kwargs,
        )


class FacilityFormMixin(RegisterMixin, ServiceFormMixin):
    template_name = "capacity/facility_form.html"
    form_class = FacilityForm

    def get_success_url(self):
        messages.success(self.request, _("The facility has been saved."))
        return reverse("capacity:facility_detail", args=[self.object.pk])


class FacilityCreateView(FacilityFormMixin, FormView):
    permission_required = "capacity.add_facility"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Facility(region=self.region)}

    def perform(self, form):
        return services.facility_create(region=self.region, **form.cleaned_data)


class FacilityUpdateView(FacilityMixin, FacilityFormMixin, FormView):
    permission_required = "capacity.change_facility"

    def get_form_kwargs(self):
        # A copy: the form writes into its instance, and a refused change must not show as saved.
        return {**super().get_form_kwargs(), "instance": copy.copy(self.facility)}

    def perform(self, form):
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        return services.facility_update(facility=self.facility, **changes)


class FacilityActiveView(FacilityMixin, View):
    """Deactivate a facility, or make it active again (a form on its page)."""

    permission_required = "capacity.change_facility"
    http_method_names = ["post"]
    service = staticmethod(services.facility_deactivate)
    done = ""

    def post(self, request, *args, **kwargs):
        try:
            self.service(facility=self.facility)
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, self.done)
        return HttpResponseRedirect(reverse("capacity:facility_detail", args=[self.facility.pk]))


class FacilityDeactivateView(FacilityActiveView):
    done = gettext_lazy(
        "The facility has been deactivated; it stays in the register with its figures."
    )


class FacilityReactivateView(FacilityActiveView):
    service = staticmethod(services.facility_reactivate)
    done = gettext_lazy("The facility is active again.")


class FacilityTypeListView(RegisterMixin, TemplateView):
    """The facility types (reference data, kept in the management screens), read-only."""

    permission_required = "capacity.view_facilitytype"
    template_name = "capacity/facility_types.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            types=selectors.facility_types(region=self.region), **kwargs
        )


routes = [
    path("voorzieningen/", FacilityListView.as_view(), name="facility_list"),
    path("voorzieningen/excel/", FacilityExportView.as_view(), name="facility_export"),
    path("voorzieningen/nieuw/", FacilityCreateView.as_view(), name="facility_create"),
    path("voorzieningen/soorten/", FacilityTypeListView.as_view(), name="facility_type_list"),
    path("voorzieningen/<int:pk>/", FacilityDetailView.as_view(), name="facility_detail"),
    path("voorzieningen/<int:pk>/wijzigen/", FacilityUpdateView.as_view(), name="facility_update"),
    path(
        "voorzieningen/<int:pk>/deactiveren/",
        FacilityDeactivateView.as_view(),
        name="facility_deactivate",
    ),
    path(
        "voorzieningen/<int:pk>/activeren/",
        FacilityReactivateView.as_view(),
        name="facility_reactivate",
    ),
    *figures.routes,
]
