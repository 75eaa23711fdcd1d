"""Funding pages: scenarios, their result, their inputs, comparing two, Excel downloads.

Views stay thin: reads through ``selectors``, writes through ``services``, turning results into
tables, charts and sheets through ``presentation``. Every page is scoped to the user's region.
"""

import copy
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView, View

from onderdak.accounts.selectors import region_for_user
from onderdak.core import exports
from onderdak.core.errors import DomainError, NotFound
from onderdak.core.views import RulesPermissionMixin, ServiceFormMixin
from onderdak.funding import presentation, selectors, services
from onderdak.funding.forms import (
    BudgetLinesForm,
    CompareForm,
    ConfirmForm,
    IndicatorWeightsForm,
    KeyForm,
    PhaseInStepsForm,
    ScenarioCopyForm,
    ScenarioForm,
    YearAmountsForm,
)
from onderdak.funding.models import Indicator, KeyKind
from onderdak.region import selectors as region_selectors

#: The keys' names in the address (``/bekostiging/3/sleutels/objectief/``).
KEY_SLUGS = {
    "historisch": KeyKind.HISTORICAL,
    "objectief": KeyKind.OBJECTIVE,
    "gebruik": KeyKind.USE,
}
REGION_ROW = "regio"


class FundingMixin(RulesPermissionMixin):
    permission_required = "funding.view_fundingscenario"

    @cached_property
    def region(self):
        return region_for_user(self.request.user)


class ScenarioMixin(FundingMixin):
    """A page about one scenario of the user's region, with all its inputs."""

    @cached_property
    def scenario(self):
        return scenario_or_404(self.region, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(scenario=self.scenario, **kwargs)

    def scenario_url(self, fragment: str = "") -> str:
        return reverse("funding:scenario_detail", args=[self.scenario.pk]) + fragment


def scenario_or_404(region, pk):
    try:
        return selectors.scenario_detail(region=region, pk=pk)
    except NotFound as error:
        raise Http404 from error


# --- Scenarios -----------------------------------------------------------------------------------


class ScenarioListView(FundingMixin, ListView):
    template_name = "funding/scenario_list.html"
    context_object_name = "scenarios"
    paginate_by = 50

    def get_queryset(self):
        return selectors.scenario_list(region=self.region)


class ScenarioDetailView(ScenarioMixin, TemplateView):
    """The result: totals per year, one year per municipality, allocations over the years, and
    the inputs with their sources. An incomplete scenario shows what is missing instead."""

    template_name = "funding/scenario_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        names = selectors.municipality_names(region=self.region)
        context.update(label=presentation.data_label(self.scenario))
        context.update(inputs=presentation.inputs(self.scenario, names))
        try:
            result = selectors.scenario_result(scenario=self.scenario)
        except DomainError as error:
            context["incomplete"] = error
            return context
        context.update(self.result_context(result, names))
        return context

    def result_context(self, result, names) -> dict:
        year = presentation.chosen_year(self.scenario, self.request.GET.get("jaar"))
        rows = presentation.municipality_rows(result, year, names)
        subregions = selectors.subregion_names(region=self.region)
        return {
            "year": year,
            "years": list(self.scenario.years),
            "totals": presentation.totals_by_year(result, subregions),
            "conflicts": presentation.conflict_messages(result, names),
            "balance_chart": presentation.balance_chart(rows, year),
            "allocation_chart": presentation.allocation_chart(result, self.scenario.years, names),
        }


class ScenarioExportView(ScenarioMixin, View):
    """The result and inputs as an Excel workbook."""

    def get(self, request, *args, **kwargs):
        scenario = self.scenario
        try:
            result = selectors.scenario_result(scenario=scenario)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(self.scenario_url())
        names = selectors.municipality_names(region=self.region)
        subregions = selectors.subregion_names(region=self.region)
        return exports.xlsx_response(
            filename=_("funding %(name)s") % {"name": scenario.name},
            title=_("Funding scenario: %(name)s") % {"name": scenario.name},
            label=presentation.data_label(scenario),
            sheets=presentation.result_sheets(scenario, result, names, subregions),
        )


class ScenarioFormMixin(FundingMixin, ServiceFormMixin):
    template_name = "funding/scenario_form.html"

    def perform(self, form):
        with form.service_errors():
            return self.save(form)

    def get_success_url(self):
        messages.success(self.request, _("The scenario has been saved."))
        return reverse("funding:scenario_detail", args=[self.object.pk])


class ScenarioCreateView(ScenarioFormMixin, FormView):
    permission_required = "funding.add_fundingscenario"
    form_class = ScenarioForm

    def save(self, form):
        return services.scenario_create(
            region=self.region, created_by=self.request.user, **form.cleaned_data
        )


class ScenarioUpdateView(ScenarioMixin, ScenarioFormMixin, FormView):
    permission_required = "funding.change_fundingscenario"
    form_class = ScenarioForm

    def get_form_kwargs(self):
        # A copy: the form writes into its instance, and a refused change must not show as saved.
        return {**super().get_form_kwargs(), "instance": copy.copy(self.scenario)}

    def save(self, form):
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        return services.scenario_update(scenario=self.scenario, **changes)


class ScenarioCopyView(ScenarioMixin, ScenarioFormMixin, FormView):
    """A variant: a copy with every input, a new name and perhaps another phase-in or cap."""

    permission_required = "funding.add_fundingscenario"
    form_class = ScenarioCopyForm
    template_name = "funding/scenario_copy.html"

    def get_initial(self):
        return {"name": _("Copy of %(name)s") % {"name": self.scenario.name}}

    def get_form_kwargs(self):
        draft = type(self.scenario)(
            region=self.region,
            first_year=self.scenario.first_year,
            last_year=self.scenario.last_year,
            phase_in_start_year=self.scenario.phase_in_start_year,
            phase_in_years=self.scenario.phase_in_years,
            cap_percent=self.scenario.cap_percent,
        )
        return {**super().get_form_kwargs(), "instance": draft}

    def save(self, form):
        return services.scenario_copy(
            scenario=self.scenario,
            name=form.cleaned_data["name"],
            created_by=self.request.user,
            **form.changes(),
        )


class ScenarioDeleteView(ScenarioMixin, ServiceFormMixin, FormView):
    permission_required = "funding.delete_fundingscenario"
    form_class = ConfirmForm
    template_name = "funding/scenario_delete.html"

    def perform(self, form):
        services.scenario_delete(scenario=self.scenario)

    def get_success_url(self):
        messages.success(
            self.request, _("The scenario %(name)s has been deleted.") % {"name": self.scenario}
        )
        return reverse("funding:scenario_list")


# --- Inputs --------------------------------------------------------------------------------------


class InputFormView(ScenarioMixin, ServiceFormMixin, FormView):
    """One kind of input of a scenario, entered as a whole in one table and saved by one service
    call: either all of it is saved or, with the errors shown, none of it."""

    template_name = "funding/input_form.html"
    title = ""
    intro = ""
    fragment = "#invoer"

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.get_title(), intro=self.intro, **kwargs)

    def get_title(self) -> str:
        return str(self.title)

    def perform(self, form):
        with form.service_errors():
            self.save(form)
        return self.scenario

    def get_success_url(self):
        messages.success(self.request, _("%(what)s has been saved.") % {"what": self.get_title()})
        return self.scenario_url(self.fragment)


class BudgetLinesView(InputFormView):
    permission_required = "funding.change_budgetline"
    form_class = BudgetLinesForm
    title = gettext_lazy("Budget")
    intro = gettext_lazy(
        "What the region distributes: per year an amount per funding source, each with its "
        "source. Leave a line empty to remove it; three empty lines are added after saving."
    )

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "years": self.scenario.years,
            "lines": list(self.scenario.budget_lines.all()),
        }

    def save(self, form):
        services.budget_lines_replace(scenario=self.scenario, lines=form.lines())


class KeySharesView(InputFormView):
    permission_required = "funding.change_keyshare"
    form_class = KeyForm
    intro = gettext_lazy(
        "Every municipality's share in percent (0 is allowed); together they make 100 %."
    )

    @cached_property
    def kind(self) -> str:
        if self.kwargs["kind"] not in KEY_SLUGS:
            raise Http404
        return KEY_SLUGS[self.kwargs["kind"]]

    def get_title(self) -> str:
        return str(KeyKind(self.kind).label).capitalize()

    @cached_property
    def municipalities(self):
        return list(region_selectors.municipality_list(region=self.region).order_by("name"))

    def get_form_kwargs(self):
        shares = [s for s in self.scenario.key_shares.all() if s.kind == self.kind]
        return {
            **super().get_form_kwargs(),
            "municipalities": self.municipalities,
            "shares": {s.municipality.cbs_code: s.share_percent for s in shares},
            "source": shares[0].source if shares else "",
        }

    def save(self, form):
        services.key_shares_replace(
            scenario=self.scenario,
            kind=self.kind,
            shares=form.shares(),
            source=form.cleaned_data["source"],
        )


class IndicatorWeightsView(InputFormView):
    permission_required = "funding.change_indicatorweight"
    form_class = IndicatorWeightsForm
    title = gettext_lazy("Indicators of the objective key")
    intro = gettext_lazy(
        "When the objective key is computed from indicators: the weight of each (together 1) "
        "and why it weighs that much. Leave a weight empty to leave the indicator out."
    )

    def get_form_kwargs(self):
        entered = {w.indicator: w for w in self.scenario.indicator_weights.all()}
        return {**super().get_form_kwargs(), "indicators": Indicator.choices, "entered": entered}

    def save(self, form):
        services.indicator_weights_replace(scenario=self.scenario, weights=form.weights())


class PhaseInStepsView(InputFormView):
    permission_required = "funding.change_phaseinstep"
    form_class = PhaseInStepsForm
    title = gettext_lazy("Phase-in path")
    intro = gettext_lazy(
        "The weight of the objective key per year, from 0 (only the historical key) to 1 (only "
        "the objective key); from the phase-in start year on it may only grow and it ends at 1. "
        "Leave every year empty for equal steps over the phase-in years."
    )

    def get_form_kwargs(self):
        entered = {s.year: s.objective_weight for s in self.scenario.phase_in_steps.all()}
        return {**super().get_form_kwargs(), "years": self.scenario.years, "entered": entered}

    def save(self, form):
        services.phase_in_steps_replace(scenario=self.scenario, steps=form.steps())


class YearAmountsView(InputFormView):
    """Amounts per year for a set of rows; subclasses say which rows and which service."""

    form_class = YearAmountsForm
    related_name = ""
    row_header = ""

    #: Row key → the object a saved row refers to (a subregion, a municipality).
    row_objects: Callable[[], dict]
    #: The row key of a saved entry.
    entered_key: Callable[[Any], Any]

    def row_label(self, key, obj) -> str:
        return str(obj)

    @cached_property
    def rows(self) -> dict:
        return self.row_objects()

    def get_form_kwargs(self):
        entries = getattr(self.scenario, self.related_name).all()
        return {
            **super().get_form_kwargs(),
            "rows": [(key, self.row_label(key, obj)) for key, obj in self.rows.items()],
            "row_header": self.row_header,
            "years": self.scenario.years,
            "entered": {(self.entered_key(e), e.year): e for e in entries},
        }


class RegionalCostsView(YearAmountsView):
    permission_required = "funding.change_regionalcost"
    title = gettext_lazy("Regional costs")
    intro = gettext_lazy(
        "The yearly costs of regional specialist care (24/7 supervision), which all "
        "municipalities share by the solidarity key."
    )
    related_name = "regional_costs"
    row_header = gettext_lazy("Costs")

    def row_objects(self) -> dict:
        return {REGION_ROW: self.region}

    def row_label(self, key, obj) -> str:
        return _("Regional specialist care")

    def entered_key(self, entry):
        return REGION_ROW

    def save(self, form):
        costs = [{"year": y, "amount": a, "source": s} for _k, y, a, s in form.entries()]
        services.regional_costs_replace(scenario=self.scenario, costs=costs)


class SubregionalPoolsView(YearAmountsView):
    permission_required = "funding.change_subregionalpool"
    title = gettext_lazy("Subregional pools")
    intro = gettext_lazy("The yearly costs each subregion shares among its own municipalities.")
    related_name = "subregional_pools"
    row_header = gettext_lazy("Subregion")

    def row_objects(self) -> dict:
        return {s.slug: s for s in region_selectors.subregion_list(region=self.region)}

    def row_label(self, key, obj) -> str:
        return obj.name

    def entered_key(self, entry):
        return entry.subregion.slug

    def save(self, form):
        pools = [
            {"subregion": self.rows[key], "year": year, "amount": amount, "source": source}
            for key, year, amount, source in form.entries()
        ]
        services.subregional_pools_replace(scenario=self.scenario, pools=pools)


class PlannedCostsView(YearAmountsView):
    permission_required = "funding.change_plannedcost"
    title = gettext_lazy("Planned costs")
    intro = gettext_lazy(
        "What each municipality plans to spend on its own local care per year; the balance is "
        "what remains of its allocation."
    )
    related_name = "planned_costs"
    row_header = gettext_lazy("Municipality")

    def row_objects(self) -> dict:
        municipalities = region_selectors.municipality_list(region=self.region).order_by("name")
        return {m.cbs_code: m for m in municipalities}

    def row_label(self, key, obj) -> str:
        return obj.name

    def entered_key(self, entry):
        return entry.municipality.cbs_code

    def save(self, form):
        costs = [
            {"municipality": self.rows[key], "year": year, "amount": amount, "source": source}
            for key, year, amount, source in form.entries()
        ]
        services.planned_costs_replace(scenario=self.scenario, costs=costs)


# --- Comparing -----------------------------------------------------------------------------------


class ComparisonMixin(FundingMixin):
    """Scenarios A and B chosen in the query string (``?a=1&b=2``), and their comparison."""

    @cached_property
    def scenarios(self) -> list:
        return list(selectors.scenario_list(region=self.region))

    @cached_property
    def form(self) -> CompareForm:
        """Bound once both are chosen; a single one (from a scenario's page) is a preset."""
        query = self.request.GET
        if {"a", "b"} <= set(query):
            return CompareForm(query, scenarios=self.scenarios)
        return CompareForm(initial=query.dict(), scenarios=self.scenarios)

    def chosen(self):
        """(A, B) with their inputs when the form is valid, else ``None``."""
        if not self.form.is_valid():
            return None
        try:
            return selectors.scenario_pair(region=self.region, **self.form.cleaned_data)
        except NotFound as error:
            raise Http404 from error

    def comparison(self, a, b):
        return selectors.scenario_comparison(a=a, b=b)


class CompareView(ComparisonMixin, TemplateView):
    template_name = "funding/compare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, **kwargs)
        chosen = self.chosen()
        if chosen is None:
            return context
        a, b = chosen
        context.update(a=a, b=b)
        try:
            rows = self.comparison(a, b)
        except DomainError as error:
            context["incomplete"] = error
            return context
        context.update(
            rows=rows,
            chart=presentation.comparison_chart(rows, a.name, b.name),
            query=self.request.GET.urlencode(),
        )
        return context


class CompareExportView(ComparisonMixin, View):
    def get(self, request, *args, **kwargs):
        chosen = self.chosen()
        back = reverse("funding:compare") + "?" + request.GET.urlencode()
        if chosen is None:
            return redirect(back)
        a, b = chosen
        try:
            rows = self.comparison(a, b)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(back)
        labels = dict.fromkeys(presentation.data_label(s) for s in (a, b))
        return exports.xlsx_response(
            filename=_("comparison %(a)s %(b)s") % {"a": a.name, "b": b.name},
            title=_("Comparison: %(a)s and %(b)s") % {"a": a.name, "b": b.name},
            label=" ".join(labels),
            sheets=[presentation.comparison_sheet(rows, a.name, b.name)],
        )
