"""Monitor pages: the region's indicators (built-in and imported), one indicator's figures per
area and period, and changing an imported indicator's name, unit, description and whether it
counts people."""

import copy
from functools import cached_property

from django.http import Http404
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView

from onderdak.accounts.selectors import region_for_user
from onderdak.core.forms import ModelForm
from onderdak.core.views import RulesPermissionMixin, ServiceFormMixin
from onderdak.monitor.models import Indicator
from onderdak.monitor.selectors import indicators as selectors
from onderdak.monitor.selectors.indicators_catalogue import IndicatorInfo
from onderdak.monitor.services.indicators import EDITABLE, indicator_update
from onderdak.monitor.views.dashboard import VIEW_UNSUPPRESSED
from onderdak.monitor.views.dashboard_charts import data_table


class IndicatorMixin(RulesPermissionMixin):
    permission_required = "monitor.view_indicator"

    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    @cached_property
    def context(self) -> selectors.IndicatorContext | None:
        if self.region is None:
            return None
        suppressed = not self.request.user.has_perm(VIEW_UNSUPPRESSED)
        return selectors.indicator_context(region=self.region, suppressed=suppressed)

    @cached_property
    def info(self) -> IndicatorInfo:
        info = self.context.indicator(self.kwargs["code"]) if self.context else None
        if info is None:
            raise Http404
        return info


class IndicatorListView(IndicatorMixin, TemplateView):
    template_name = "monitor/indicator_list.html"

    def get_context_data(self, **kwargs):
        catalogue = selectors.region_catalogue(region=self.region) if self.region else []
        return super().get_context_data(indicators=catalogue, **kwargs)


class IndicatorDetailView(IndicatorMixin, TemplateView):
    """The indicator's figures per area (rows) and count, year or period (columns)."""

    template_name = "monitor/indicator_detail.html"

    def get_context_data(self, **kwargs):
        table = selectors.indicator_table(self.context, self.info)
        return super().get_context_data(
            indicator=self.info,
            table=data_table(table),
            figures=table,
            suppressed=self.context.data.suppressed,
            **kwargs,
        )


class IndicatorForm(ModelForm):
    class Meta:
        model = Indicator
        fields = list(EDITABLE)


class IndicatorUpdateView(IndicatorMixin, ServiceFormMixin, FormView):
    """Only imported indicators can be changed; a built-in one is not found here."""

    permission_required = "monitor.change_indicator"
    form_class = IndicatorForm
    template_name = "monitor/indicator_form.html"

    @cached_property
    def indicator(self) -> Indicator:
        found = selectors.indicator_list(region=self.region).filter(code=self.kwargs["code"])
        indicator = found.first()
        if indicator is None:
            raise Http404
        return indicator

    def get_form_kwargs(self):
        # A copy: the form writes into its instance, and a refused change must not show as saved.
        return {**super().get_form_kwargs(), "instance": copy.copy(self.indicator)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(indicator=self.indicator, **kwargs)

    def perform(self, form):
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        return indicator_update(indicator=self.indicator, **changes)

    def get_success_url(self) -> str:
        return reverse("monitor:indicator_detail", args=[self.object.code])


#: URL patterns of this part, collected by ``onderdak.monitor.urls``.
routes: list = [
    path("indicatoren/", IndicatorListView.as_view(), name="indicator_list"),
    path("indicatoren/<slug:code>/", IndicatorDetailView.as_view(), name="indicator_detail"),
    path(
        "indicatoren/<slug:code>/wijzigen/",
        IndicatorUpdateView.as_view(),
        name="indicator_update",
    ),
]
