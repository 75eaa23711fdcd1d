"""Pages of the op- en afbouw plan: the region's plan with its checks and charts, a municipality's
and a subregion's plan, their grids, and the Excel download.

Everyone with ``capacity.view_capacityplan`` reads the whole plan; planners create it and change
its period; a municipality officer changes only their own municipality's places (the service
checks it again), planners every municipality's and a subregion's grid at once.
"""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView, View

from onderdak.accounts.selectors import region_for_user
from onderdak.capacity.forms.plans import (
    PlacesGridForm,
    PlanForm,
    municipality_rows,
    subregion_rows,
)
from onderdak.capacity.selectors import plans as selectors
from onderdak.capacity.selectors.plans_checks import plan_checks
from onderdak.capacity.services import plans as services
from onderdak.capacity.views import plans_presentation as presentation
from onderdak.core import exports
from onderdak.core.errors import DomainError, NotFound
from onderdak.core.views import RulesPermissionMixin, ServiceFormMixin

VIEW = "capacity.view_capacityplan"
CHANGE_PLAN = "capacity.change_capacityplan"
CHANGE_LINES = "capacity.change_planline"


class CapacityMixin(RulesPermissionMixin):
    """A capacity page: scoped to the user's region."""

    @cached_property
    def region(self):
        return region_for_user(self.request.user)


class PlanMixin(CapacityMixin):
    """A page about the region's plan; there is none to show before it is created."""

    permission_required = VIEW

    @cached_property
    def plan(self):
        plan = selectors.region_plan(region=self.region)
        if plan is None:
            raise Http404
        return plan

    @cached_property
    def grid(self):
        return selectors.plan_grid(plan=self.plan)

    def get_context_data(self, **kwargs):
        return super().get_context_data(plan=self.plan, grid=self.grid, **kwargs)


class PlanView(CapacityMixin, TemplateView):
    """The plan: its checks, the region's places per type and year, every municipality's
    baseline and target; or, before there is a plan, the way to make one."""

    permission_required = VIEW
    template_name = "capacity/plan.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = selectors.region_plan(region=self.region)
        if plan is None:
            return context
        grid = selectors.plan_grid(plan=plan)
        context.update(
            plan=plan,
            grid=grid,
            checks=plan_checks(grid=grid),
            chart=presentation.area_chart(grid, grid.municipalities, "plan-regio", plan.region),
            totals=presentation.municipality_totals(grid),
            own=[m for m in grid.municipalities if services.may_change_lines(self.request.user, m)],
        )
        return context


class PlanFormView(CapacityMixin, ServiceFormMixin, FormView):
    permission_required = CHANGE_PLAN
    template_name = "capacity/plan_form.html"
    form_class = PlanForm

    def perform(self, form):
        with form.service_errors():
            return self.save(form.cleaned_data)

    def get_success_url(self):
        messages.success(self.request, _("The plan has been saved."))
        return reverse("capacity:plan")


class PlanCreateView(PlanFormView):
    def get_initial(self):
        return {
            "first_year": services.DEFAULT_FIRST_YEAR,
            "last_year": services.DEFAULT_LAST_YEAR,
        }

    def get(self, request, *args, **kwargs):
        if selectors.region_plan(region=self.region) is not None:
            return redirect("capacity:plan_update")
        return super().get(request, *args, **kwargs)

    def save(self, data):
        return services.capacity_plan_create(region=self.region, **data)


class PlanUpdateView(PlanMixin, PlanFormView):
    permission_required = CHANGE_PLAN

    def get_initial(self):
        plan = self.plan
        return {"first_year": plan.first_year, "last_year": plan.last_year, "notes": plan.notes}

    def save(self, data):
        return services.capacity_plan_update(plan=self.plan, **data)


class PlanBaselineView(PlanMixin, View):
    """Fill the baseline year from the facility register."""

    permission_required = CHANGE_PLAN
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            saved = services.plan_baseline_fill(plan=self.plan, by=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "The baseline of %(year)s now holds the register's places: %(n)d cell set.",
                    "The baseline of %(year)s now holds the register's places: %(n)d cells set.",
                    saved.total,
                )
                % {"year": self.plan.first_year, "n": saved.total},
            )
        return HttpResponseRedirect(reverse("capacity:plan"))


class PlanExportView(PlanMixin, View):
    def get(self, request, *args, **kwargs):
        return exports.xlsx_response(
            filename=_("plan %(region)s") % {"region": self.plan.region},
            title=_("Build-up and phase-down plan %(region)s, %(first)s to %(last)s")
            % {
                "region": self.plan.region,
                "first": self.plan.first_year,
                "last": self.plan.last_year,
            },
            label=plan_label(self.plan),
            sheets=presentation.plan_sheets(self.grid, plan_checks(grid=self.grid)),
        )


def plan_label(plan) -> str:
    """Where the figures come from, with the plan's own note (a demo plan says it is one)."""
    label = _("Places as entered in Onderdak's plan, per municipality, type and year.")
    return f"{label} {plan.notes}".strip()


# --- A municipality's plan -----------------------------------------------------------------------


class MunicipalityMixin(PlanMixin):
    @cached_property
    def municipality(self):
        try:
            return selectors.municipality_in_region(
                region=self.region, cbs_code=self.kwargs["cbs_code"]
            )
        except NotFound as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        return super().get_context_data(municipality=self.municipality, **kwargs)


class MunicipalityPlanView(MunicipalityMixin, TemplateView):
    template_name = "capacity/plan_area.html"

    def get_context_data(self, **kwargs):
        grid, municipality = self.grid, self.municipality
        checks = plan_checks(grid=grid)
        return super().get_context_data(
            area=municipality.name,
            chart=presentation.area_chart(
                grid, [municipality], f"plan-{municipality.cbs_code}", municipality.name
            ),
            checks=checks.for_municipality(municipality),
            checks_demand=checks.demand,
            may_change=services.may_change_lines(self.request.user, municipality),
            edit_url=reverse("capacity:plan_municipality_edit", args=[municipality.cbs_code]),
            **kwargs,
        )


class GridEditMixin(ServiceFormMixin):
    """A grid of places saved by ``plan_lines_save``: all of them, or none with the errors."""

    template_name = "capacity/plan_grid.html"
    form_class = PlacesGridForm

    def perform(self, form):
        with form.service_errors():
            saved = services.plan_lines_save(
                plan=self.plan, entries=form.entries(), by=self.request.user
            )
        messages.success(
            self.request,
            ngettext(
                "The plan has been saved: %(n)d place changed.",
                "The plan has been saved: %(n)d places changed.",
                saved.total,
            )
            % {"n": saved.total},
        )
        return self.plan

    def entered(self, rows) -> dict:
        return {
            (row.key, year): places
            for row in rows
            for year, places in zip(
                self.grid.years, self.grid.cell(row.municipality, row.facility_type), strict=True
            )
        }


class MunicipalityPlanEditView(MunicipalityMixin, GridEditMixin, FormView):
    permission_required = CHANGE_LINES

    def has_permission(self):
        return super().has_permission() and services.may_change_lines(
            self.request.user, self.municipality
        )

    def get_form_kwargs(self):
        rows = municipality_rows(self.municipality, self.grid.types)
        return {
            **super().get_form_kwargs(),
            "years": self.grid.years,
            "rows": rows,
            "entered": self.entered(rows),
            "row_header": _("Type"),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            area=self.municipality.name, back_url=self.get_success_url(), **kwargs
        )

    def get_success_url(self):
        return reverse("capacity:plan_municipality", args=[self.municipality.cbs_code])


# --- A subregion's plan --------------------------------------------------------------------------


class SubregionMixin(PlanMixin):
    @cached_property
    def subregion(self):
        try:
            return selectors.subregion_in_region(region=self.region, slug=self.kwargs["slug"])
        except NotFound as error:
            raise Http404 from error

    @cached_property
    def members(self):
        return self.grid.in_subregion(self.subregion)

    def get_context_data(self, **kwargs):
        return super().get_context_data(subregion=self.subregion, **kwargs)


class SubregionPlanView(SubregionMixin, TemplateView):
    template_name = "capacity/plan_area.html"

    def get_context_data(self, **kwargs):
        grid, subregion = self.grid, self.subregion
        return super().get_context_data(
            area=subregion.name,
            chart=presentation.area_chart(
                grid, self.members, f"plan-{subregion.slug}", subregion.name
            ),
            members=self.members,
            may_change=all(services.may_change_lines(self.request.user, m) for m in self.members),
            edit_url=reverse("capacity:plan_subregion_edit", args=[subregion.slug]),
            **kwargs,
        )


class SubregionPlanEditView(SubregionMixin, GridEditMixin, FormView):
    """One type's places for every municipality of the subregion at once."""

    permission_required = CHANGE_LINES

    def has_permission(self):
        user = self.request.user
        return super().has_permission() and all(
            services.may_change_lines(user, m) for m in self.members
        )

    @cached_property
    def facility_type(self):
        """The type asked for (``?soort=``), else the first."""
        chosen = self.request.GET.get("soort")
        return next((t for t in self.grid.types if t.code == chosen), self.grid.types[0])

    def get_form_kwargs(self):
        rows = subregion_rows(self.members, self.facility_type)
        return {
            **super().get_form_kwargs(),
            "years": self.grid.years,
            "rows": rows,
            "entered": self.entered(rows),
            "row_header": _("Municipality"),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            area=self.subregion.name,
            facility_type=self.facility_type,
            types=self.grid.types,
            back_url=reverse("capacity:plan_subregion", args=[self.subregion.slug]),
            **kwargs,
        )

    def get_success_url(self):
        url = reverse("capacity:plan_subregion_edit", args=[self.subregion.slug])
        return f"{url}?soort={self.facility_type.code}"


#: URL patterns of this part, collected by ``onderdak.capacity.urls``.
routes: list = [
    path("plan/", PlanView.as_view(), name="plan"),
    path("plan/nieuw/", PlanCreateView.as_view(), name="plan_create"),
    path("plan/wijzigen/", PlanUpdateView.as_view(), name="plan_update"),
    path("plan/basisjaar-uit-register/", PlanBaselineView.as_view(), name="plan_baseline"),
    path("plan/excel/", PlanExportView.as_view(), name="plan_export"),
    path(
        "plan/gemeenten/<str:cbs_code>/",
        MunicipalityPlanView.as_view(),
        name="plan_municipality",
    ),
    path(
        "plan/gemeenten/<str:cbs_code>/wijzigen/",
        MunicipalityPlanEditView.as_view(),
        name="plan_municipality_edit",
    ),
    path("plan/subregios/<slug:slug>/", SubregionPlanView.as_view(), name="plan_subregion"),
    path(
        "plan/subregios/<slug:slug>/wijzigen/",
        SubregionPlanEditView.as_view(),
        name="plan_subregion_edit",
    ),
]
