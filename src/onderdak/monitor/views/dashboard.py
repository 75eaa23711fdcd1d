"""Monitor pages: the region dashboard (``/monitor/``) and the Excel download of each chart.

The figures come from ``selectors.dashboard``, suppressed for every reader but the regional
coordinator; ``dashboard_charts`` turns them into charts, the map, tables and sheets. The filters
are a plain GET form, so the page works without JavaScript; a download carries the filters the
page shows, so it holds exactly the figures of the chart above its link.
"""

from functools import cached_property
from urllib.parse import urlencode

from django import forms
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from onderdak.accounts.selectors import region_for_user
from onderdak.core.forms import Form
from onderdak.core.views import RulesPermissionMixin
from onderdak.monitor.selectors import dashboard as selectors
from onderdak.monitor.selectors.indicators_catalogue import IndicatorKind, short_date
from onderdak.monitor.views.dashboard_charts import chart_view, export, map_chart

VIEW_DASHBOARD = "monitor.view_dashboard"
VIEW_UNSUPPRESSED = "monitor.view_unsuppressed"
#: The filters' names in the page's address.
COUNT, INDICATOR, YEAR, SUBREGION = "telling", "indicator", "jaar", "subregio"


def page_query(params) -> tuple[selectors.DashboardQuery, list[str]]:
    """The filters from the address; a number that is not one is ignored, and said so."""
    problems = []

    def whole(name: str) -> int | None:
        raw = params.get(name, "").strip()
        if not raw:
            return None
        try:
            return int(raw)
        except ValueError:
            problems.append(_("“%(value)s” is not a number.") % {"value": raw})
            return None

    query = selectors.DashboardQuery(
        count=whole(COUNT),
        indicator=params.get(INDICATOR, "").strip(),
        year=whole(YEAR),
        subregion=params.get(SUBREGION, "").strip(),
    )
    return query, problems


def shown_query(dashboard: selectors.Dashboard) -> str:
    """The filters of what the page shows, for its download links."""
    chosen = {
        COUNT: dashboard.count.pk if dashboard.count else "",
        INDICATOR: dashboard.indicator.code if dashboard.indicator else "",
        YEAR: dashboard.year or "",
        SUBREGION: dashboard.area.code if dashboard.area.parent else "",
    }
    return urlencode({key: value for key, value in chosen.items() if value != ""})


def _indicator_choices(dashboard: selectors.Dashboard) -> list:
    groups = {
        IndicatorKind.COUNT: gettext_lazy("From the ETHOS counts"),
        IndicatorKind.CONTINGENT: gettext_lazy("From the contingent scheme"),
        IndicatorKind.IMPORTED: gettext_lazy("Imported"),
    }
    return [
        (label, [(i.code, i.name) for i in dashboard.indicators if i.kind == kind])
        for kind, label in groups.items()
        if any(i.kind == kind for i in dashboard.indicators)
    ]


class DashboardFilterForm(Form):
    """The page's filters, showing what the page shows (the choices follow the data)."""

    telling = forms.ChoiceField(label=gettext_lazy("Count"), required=False)
    subregio = forms.ChoiceField(label=gettext_lazy("Area"), required=False)
    indicator = forms.ChoiceField(label=gettext_lazy("Indicator on the map"), required=False)
    jaar = forms.ChoiceField(label=gettext_lazy("Year on the map"), required=False)

    def __init__(self, dashboard: selectors.Dashboard):
        super().__init__(initial=_initial(dashboard))
        self.fields[COUNT].choices = [
            (c.pk, f"{c.title} ({short_date(c.count_date)})") for c in reversed(dashboard.counts)
        ]
        self.fields[SUBREGION].choices = [("", _("The whole region"))] + [
            (s.code, s.name) for s in dashboard.subregions
        ]
        self.fields[INDICATOR].choices = _indicator_choices(dashboard)
        self.fields[YEAR].choices = [(year, year) for year in reversed(dashboard.years)]
        for name in (COUNT, INDICATOR, YEAR):
            if not self.fields[name].choices:
                del self.fields[name]


def _initial(dashboard: selectors.Dashboard) -> dict:
    return {
        COUNT: dashboard.count.pk if dashboard.count else None,
        SUBREGION: dashboard.area.code if dashboard.area.parent else "",
        INDICATOR: dashboard.indicator.code if dashboard.indicator else None,
        YEAR: dashboard.year,
    }


class DashboardMixin(RulesPermissionMixin):
    permission_required = VIEW_DASHBOARD

    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    @cached_property
    def parsed(self) -> tuple[selectors.DashboardQuery, list[str]]:
        return page_query(self.request.GET)

    @cached_property
    def dashboard(self) -> selectors.Dashboard | None:
        if self.region is None:
            return None
        return selectors.dashboard(
            region=self.region,
            suppressed=not self.request.user.has_perm(VIEW_UNSUPPRESSED),
            query=self.parsed[0],
        )


class DashboardView(DashboardMixin, TemplateView):
    """The region's figures: key figures, the map, bar charts and trends, each with its table
    and its download; a print layout for the governance meeting papers."""

    template_name = "monitor/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(dashboard=self.dashboard, region=self.region, **kwargs)
        dashboard = self.dashboard
        if dashboard is None:
            return context
        problems = self.parsed[1] + [m for ms in dashboard.errors.values() for m in ms]
        return {
            **context,
            "form": DashboardFilterForm(dashboard),
            "notices": problems,
            "charts": [chart_view(table) for table in dashboard.tables],
            "map": map_chart(dashboard.map, dashboard.boundaries) if dashboard.map else None,
            "query": shown_query(dashboard),
        }


class DashboardExportView(DashboardMixin, View):
    """One chart's figures as an Excel file, with the page's filters and suppression."""

    def get(self, request, *args, chart: str, **kwargs):
        response = export(self.dashboard, chart) if self.dashboard else None
        if response is None:
            raise Http404
        return response


#: URL patterns of this part, collected by ``onderdak.monitor.urls``.
routes: list = [
    path("", DashboardView.as_view(), name="dashboard"),
    path("grafieken/<slug:chart>/excel/", DashboardExportView.as_view(), name="dashboard_export"),
]
