"""Pages of the contingent year: the year with its split and realisation (every contingent role),
and the coordinator's pages that set it up: targets and policy, the key, the split by hand, the
spread, the checklists, and the reasons to decline.

Every page is scoped to the user's region; a year of another region is "not found".
"""

import copy

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView, View

from onderdak.accounts.selectors import region_for_user
from onderdak.contingent.forms.years import (
    ContingentYearForm,
    CriteriaForm,
    DeclineReasonForm,
    SpreadForm,
    StocksForm,
    TargetsForm,
)
from onderdak.contingent.models import DeclineReason, Stream
from onderdak.contingent.selectors import years as selectors
from onderdak.contingent.selectors.reports import reads_unsuppressed
from onderdak.contingent.services import years as services
from onderdak.core import exports
from onderdak.core.errors import NotFound
from onderdak.core.views import RulesPermissionMixin, ServiceFormMixin


class RegionMixin(RulesPermissionMixin):
    @cached_property
    def region(self):
        return region_for_user(self.request.user)


class YearMixin(RegionMixin):
    """A page about the year ``kwargs["year"]`` of the user's region."""

    @cached_property
    def contingent_year(self):
        found = selectors.year_or_none(region=self.region, year=self.kwargs["year"])
        if found is None:
            raise Http404
        return found

    def get_context_data(self, **kwargs):
        return super().get_context_data(contingent_year=self.contingent_year, **kwargs)

    def year_url(self, fragment: str = "") -> str:
        return reverse("contingent:year_detail", args=[self.contingent_year.year]) + fragment

    def manual_changes(self) -> int:
        return self.contingent_year.targets.exclude(change_reason="").count()


# --- The year ------------------------------------------------------------------------------------


class YearListView(RegionMixin, ListView):
    permission_required = "contingent.view_contingentyear"
    template_name = "contingent/years/year_list.html"
    context_object_name = "years"
    paginate_by = 25

    def get_queryset(self):
        return selectors.year_list(region=self.region)


class YearDetailMixin(RegionMixin):
    permission_required = "contingent.view_contingentyear"

    @cached_property
    def detail(self) -> selectors.YearDetail:
        try:
            return selectors.year_detail(
                region=self.region,
                year=self.kwargs["year"],
                with_realised=reads_unsuppressed(self.request.user),
            )
        except NotFound as error:
            raise Http404 from error


class YearDetailView(YearDetailMixin, TemplateView):
    """Targets per stream, the split per corporation against what was realised, the spread, the
    checklists and the policy."""

    template_name = "contingent/years/year_detail.html"

    def get_context_data(self, **kwargs):
        year = self.detail.contingent_year
        return super().get_context_data(detail=self.detail, contingent_year=year, **kwargs)


class YearExportView(YearDetailMixin, View):
    """The split and its realisation as an Excel workbook."""

    def get(self, request, *args, **kwargs):
        detail = self.detail
        year = detail.contingent_year
        return exports.xlsx_response(
            filename=_("contingent %(year)s") % {"year": year.year},
            title=_("Contingent %(year)s: split over the corporations") % {"year": year.year},
            label=_("Key: %(source)s") % {"source": year.key_source or _("not given")},
            sheets=[split_sheet(detail)],
        )


def split_sheet(detail: selectors.YearDetail) -> exports.Sheet:
    """A row per corporation and stream; realised only for whom the year page shows it."""
    headers = [
        _("Corporation"),
        _("Social rental dwellings"),
        _("Stream"),
        _("Share by the key"),
        _("Target"),
        _("Reason for the change"),
    ]
    rows = [
        [
            row.corporation.name,
            row.dwellings,
            str(share.stream_label),
            share.computed,
            share.target,
            share.change_reason,
            *([share.realised] if detail.shows_realised else []),
        ]
        for row in detail.rows
        for share in row.shares.values()
    ]
    if detail.shows_realised:
        headers.append(_("Realised"))
    return exports.Sheet(title=_("Split"), headers=headers, rows=rows)


class YearFormMixin(RegionMixin, ServiceFormMixin):
    template_name = "contingent/years/year_form.html"
    form_class = ContingentYearForm

    def perform(self, form):
        with form.service_errors():
            return self.save(form)

    def get_success_url(self):
        messages.success(self.request, _("The contingent year has been saved."))
        return reverse("contingent:year_detail", args=[self.object.year])


class YearCreateView(YearFormMixin, FormView):
    permission_required = "contingent.add_contingentyear"

    def save(self, form):
        data = form.cleaned_data
        return services.contingent_year_create(region=self.region, by=self.request.user, **data)


class YearUpdateView(YearMixin, YearFormMixin, FormView):
    permission_required = "contingent.change_contingentyear"

    def get_form_kwargs(self):
        # A copy: the form writes into its instance, and a refused change must not show as saved.
        return {
            **super().get_form_kwargs(),
            "instance": copy.copy(self.contingent_year),
            "manual_changes": self.manual_changes(),
        }

    def save(self, form):
        return services.contingent_year_update(
            contingent_year=self.contingent_year,
            expected_version=form.cleaned_data["version"],
            confirm_recompute=form.cleaned_data.get("confirm_recompute", False),
            by=self.request.user,
            **form.changes(),
        )


# --- The key, the split by hand, the spread, the checklists ---------------------------------------


class YearPartView(YearMixin, ServiceFormMixin, FormView):
    """One part of a year, entered as a whole and saved by one service call: all of it, or,
    with the errors shown, none of it."""

    template_name = "contingent/years/grid_form.html"
    title = ""
    intro = ""
    fragment = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=self.title, intro=self.intro, cancel_url=self.year_url(self.fragment), **kwargs
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "version": self.contingent_year.version}

    def perform(self, form):
        with form.service_errors():
            self.save(form)
        return self.contingent_year

    def get_success_url(self):
        messages.success(self.request, _("%(what)s has been saved.") % {"what": self.title})
        return self.year_url(self.fragment)


class YearStocksView(YearPartView):
    permission_required = "contingent.change_corporationstock"
    form_class = StocksForm
    title = gettext_lazy("Key: social rental stock")
    intro = gettext_lazy(
        "Each corporation's social rental stock in this year, with the source of the figures. "
        "Saving computes every corporation's share of each stream again by this key, by the "
        "largest-remainder method, so the shares add up to the stream's target exactly."
    )
    fragment = "#verdeling"

    def get_context_data(self, **kwargs):
        return super().get_context_data(manual_changes=self.manual_changes(), **kwargs)

    def get_form_kwargs(self):
        stocks = self.contingent_year.stocks.all()
        return {
            **super().get_form_kwargs(),
            "corporations": selectors.corporations(region=self.region),
            "stocks": {stock.corporation_id: stock.dwellings for stock in stocks},
            "source": self.contingent_year.key_source,
            "confirm": self.manual_changes() > 0,
        }

    def save(self, form):
        services.stocks_replace(
            contingent_year=self.contingent_year,
            stocks=form.stock_rows(),
            key_source=form.cleaned_data["key_source"],
            expected_version=form.cleaned_data["version"],
            confirm_recompute=form.cleaned_data.get("confirm_recompute", False),
            by=self.request.user,
        )


class YearTargetsView(YearPartView):
    permission_required = "contingent.change_corporationtarget"
    form_class = TargetsForm
    template_name = "contingent/years/targets.html"
    title = gettext_lazy("Split over the corporations")
    intro = gettext_lazy(
        "Change a corporation's target where agreed. A target other than the key's share needs "
        "a reason, and per stream the targets must still add up to the stream's target."
    )
    fragment = "#verdeling"

    def get_form_kwargs(self):
        detail = selectors.year_detail(
            region=self.region, year=self.contingent_year.year, with_realised=False
        )
        return {**super().get_form_kwargs(), "rows": detail.rows}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["streams"] = [
            (label, self.contingent_year.stream_target(stream)) for stream, label in Stream.choices
        ]
        return context

    def save(self, form):
        services.targets_change(
            contingent_year=self.contingent_year,
            targets=form.target_rows(),
            expected_version=form.cleaned_data["version"],
            by=self.request.user,
        )


class YearSpreadView(YearPartView):
    permission_required = "contingent.change_spreadtarget"
    form_class = SpreadForm
    title = gettext_lazy("Spread over the municipalities")
    intro = gettext_lazy(
        "Optionally, a target of dwellings per municipality, for the spread over the region. "
        "Leave a municipality empty for no target."
    )
    fragment = "#spreiding"

    def get_form_kwargs(self):
        targets = self.contingent_year.spread_targets.all()
        return {
            **super().get_form_kwargs(),
            "municipalities": selectors.municipalities(region=self.region),
            "targets": {target.municipality_id: target.target for target in targets},
        }

    def save(self, form):
        services.spread_targets_replace(
            contingent_year=self.contingent_year,
            targets=form.spread_rows(),
            expected_version=form.cleaned_data["version"],
            by=self.request.user,
        )


class YearCriteriaView(YearPartView):
    permission_required = "contingent.change_eligibilitycriterion"
    form_class = CriteriaForm
    template_name = "contingent/years/criteria_form.html"
    title = gettext_lazy("Eligibility checklists")
    intro = gettext_lazy(
        "What a care worker ticks for a nomination, per stream. A criterion already ticked on a "
        "nomination cannot be removed or reworded."
    )
    fragment = "#criteria"

    def get_form_kwargs(self):
        criteria: dict[str, list[str]] = {}
        for criterion in self.contingent_year.criteria.all():
            criteria.setdefault(criterion.stream, []).append(criterion.text)
        return {**super().get_form_kwargs(), "criteria": criteria}

    def perform(self, form):
        version = form.cleaned_data["version"]
        with transaction.atomic():
            for stream in Stream.values:
                with form.errors_of(stream):
                    services.criteria_replace(
                        contingent_year=self.contingent_year,
                        stream=stream,
                        texts=form.texts(stream),
                        expected_version=version,
                        by=self.request.user,
                    )
                version += 1
        return self.contingent_year


# --- Reasons to decline --------------------------------------------------------------------------


class DeclineReasonListView(RegionMixin, ListView):
    permission_required = "contingent.view_declinereason"
    template_name = "contingent/years/decline_reason_list.html"
    context_object_name = "reasons"
    paginate_by = 25

    def get_queryset(self):
        return selectors.decline_reasons(region=self.region, active_only=False)


class DeclineReasonFormMixin(RegionMixin, ServiceFormMixin):
    form_class = DeclineReasonForm
    template_name = "contingent/years/decline_reason_form.html"

    def perform(self, form):
        with form.service_errors():
            return self.save(form)

    def get_success_url(self):
        messages.success(self.request, _("The reason has been saved."))
        return reverse("contingent:decline_reason_list")


class DeclineReasonCreateView(DeclineReasonFormMixin, FormView):
    permission_required = "contingent.add_declinereason"

    def save(self, form):
        return services.decline_reason_create(
            region=self.region, by=self.request.user, **form.cleaned_data
        )


class DeclineReasonUpdateView(DeclineReasonFormMixin, FormView):
    permission_required = "contingent.change_declinereason"

    @cached_property
    def reason(self) -> DeclineReason:
        reasons = selectors.decline_reasons(region=self.region, active_only=False)
        found = reasons.filter(pk=self.kwargs["pk"]).first()
        if found is None:
            raise Http404
        return found

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": copy.copy(self.reason)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(reason=self.reason, **kwargs)

    def save(self, form):
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        return services.decline_reason_update(
            decline_reason=self.reason, by=self.request.user, **changes
        )


#: URL patterns of this part, collected by ``onderdak.contingent.urls``.
routes: list = [
    path("jaren/", YearListView.as_view(), name="year_list"),
    path("jaren/nieuw/", YearCreateView.as_view(), name="year_create"),
    path("jaren/<int:year>/", YearDetailView.as_view(), name="year_detail"),
    path("jaren/<int:year>/wijzigen/", YearUpdateView.as_view(), name="year_update"),
    path("jaren/<int:year>/excel/", YearExportView.as_view(), name="year_export"),
    path("jaren/<int:year>/sleutel/", YearStocksView.as_view(), name="year_stocks"),
    path("jaren/<int:year>/verdeling/", YearTargetsView.as_view(), name="year_targets"),
    path("jaren/<int:year>/spreiding/", YearSpreadView.as_view(), name="year_spread"),
    path("jaren/<int:year>/criteria/", YearCriteriaView.as_view(), name="year_criteria"),
    path("weigerredenen/", DeclineReasonListView.as_view(), name="decline_reason_list"),
    path("weigerredenen/nieuw/", DeclineReasonCreateView.as_view(), name="decline_reason_create"),
    path(
        "weigerredenen/<int:pk>/wijzigen/",
        DeclineReasonUpdateView.as_view(),
        name="decline_reason_update",
    ),
]
