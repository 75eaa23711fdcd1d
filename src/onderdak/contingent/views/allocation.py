"""Pages of allocation, for the coordinator: the year's rent limits, and the allocation runs
(start, follow, review beside the greedy baseline, change by hand, publish)."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView, View

from onderdak.contingent.forms.allocation import (
    CRITERION_LABELS,
    LimitsForm,
    RunChangeForm,
    RunStartForm,
)
from onderdak.contingent.models import RunStatus
from onderdak.contingent.selectors import allocation as selectors
from onderdak.contingent.selectors import years as year_selectors
from onderdak.contingent.services import allocation as services
from onderdak.contingent.views.cases import StepForm
from onderdak.contingent.views.years import RegionMixin, YearMixin
from onderdak.core.errors import DomainError
from onderdak.core.views import RulesPermissionMixin, ServiceFormMixin, attach_domain_error


class LimitsView(YearMixin, ServiceFormMixin, FormView):
    """The year's rent limits of passend toewijzen; empty, they are loaded from the national
    table."""

    permission_required = "contingent.change_affordabilitylimit"
    template_name = "contingent/allocation/limits.html"
    form_class = LimitsForm

    @cached_property
    def limits(self):
        return selectors.limits(region=self.region, year=self.contingent_year.year)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "limits": self.limits}

    def post(self, request, *args, **kwargs):
        if "load" in request.POST:
            services.affordability_limits_load(region=self.region, year=self.contingent_year.year)
            messages.success(request, _("The rent limits have been loaded."))
            return HttpResponseRedirect(request.path)
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        services.affordability_limits_update(
            rows=form.rows(), source=form.cleaned_data["source"], by=self.request.user
        )
        return self.contingent_year

    def get_success_url(self):
        messages.success(self.request, _("The rent limits have been saved."))
        return self.request.path


class RunListView(RegionMixin, ListView):
    permission_required = "contingent.view_allocationrun"
    template_name = "contingent/allocation/list.html"
    context_object_name = "runs"
    paginate_by = 25

    def get_queryset(self):
        return selectors.run_list(self.request.user)


class RunStartView(RegionMixin, ServiceFormMixin, FormView):
    permission_required = "contingent.add_allocationrun"
    template_name = "contingent/allocation/start.html"
    form_class = RunStartForm

    @cached_property
    def contingent_year(self):
        return year_selectors.year_list(region=self.region).first()

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "subregions": self.region.subregions.all(),
            "weights": services.DEFAULT_WEIGHTS,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(contingent_year=self.contingent_year, **kwargs)

    def perform(self, form):
        data = form.cleaned_data
        if self.contingent_year is None:
            raise DomainError(_("There is no contingent year yet."))
        return services.allocation_run_start(
            contingent_year=self.contingent_year,
            by=self.request.user,
            stream=data["stream"],
            subregion=data["subregion"],
            approved_from=data["approved_from"],
            approved_to=data["approved_to"],
            weights=form.weights(),
            mode=data["mode"],
        )

    def get_success_url(self):
        return reverse("contingent:allocation_detail", args=[self.object.pk])


class RunMixin(RulesPermissionMixin):
    permission_required = "contingent.view_allocationrun"

    @cached_property
    def run(self):
        return get_object_or_404(selectors.run_list(self.request.user), pk=self.kwargs["pk"])

    @cached_property
    def view(self):
        return selectors.RunView.of(self.run)

    def get_context_data(self, **kwargs):
        return super().get_context_data(run=self.run, view=self.view, **kwargs)


class RunDetailView(RunMixin, TemplateView):
    template_name = "contingent/allocation/detail.html"

    def get_template_names(self):
        if self.request.headers.get("HX-Request") and self.run.status in (
            RunStatus.QUEUED,
            RunStatus.RUNNING,
        ):
            return ["contingent/allocation/progress.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            running=self.run.status in (RunStatus.QUEUED, RunStatus.RUNNING),
            **self.rows(),
            **kwargs,
        )

    def rows(self) -> dict:
        result = self.run.result
        if not result:
            return {}
        nominations, dwellings = self.view.nominations, self.view.dwellings
        assignments = [
            {
                "nomination": nominations.get(a["candidate"]),
                "dwelling": dwellings.get(a["dwelling"]),
                "score": a["score"],
                "points": [(CRITERION_LABELS.get(c, c), p) for c, p in a["points"]],
            }
            for a in result["assignments"]
        ]
        unmatched = [
            {"nomination": nominations.get(u["candidate"]), "reason": reason_text(u)}
            for u in result["unmatched"]
        ]
        unused = [
            {"dwelling": dwellings.get(u["dwelling"]), "reason": reason_text(u)}
            for u in result["unused"]
        ]
        return {"assignments": assignments, "unmatched": unmatched, "unused": unused}


RULE_LABELS = {
    "rooms": gettext_lazy("too few rooms"),
    "accessibility": gettext_lazy("not accessible enough"),
    "affordability": gettext_lazy("rent above the rent limit"),
    "stream": gettext_lazy("another stream"),
    "municipality": gettext_lazy("an excluded municipality"),
    "declined": gettext_lazy("declined before"),
}


def reason_text(item: dict) -> str:
    """Why a nomination got no dwelling, or a dwelling stayed unused, in words."""
    reason = item["reason"]
    if reason in ("no_feasible_dwelling", "no_feasible_candidate"):
        rules = ", ".join(
            f"{RULE_LABELS.get(rule, rule)} ({count})" for rule, count in item["excluded_by"]
        )
        if reason == "no_feasible_dwelling":
            return _("No dwelling passes the hard rules: %(rules)s.") % {"rules": rules}
        return _("No nomination passes the hard rules: %(rules)s.") % {"rules": rules}
    if reason == "changed_by_hand":
        return _("Its nomination got another dwelling by hand.")
    if reason == "removed_by_hand":
        return _("Its assignment was taken out by hand.")
    quotas = ", ".join(item.get("full_quotas", []))
    if reason == "outcompeted":
        text = _("Every fitting dwelling went to another nomination.")
    else:
        text = _("Every fitting nomination got another dwelling.")
    if quotas:
        text += " " + _("Targets that were full: %(quotas)s.") % {"quotas": quotas}
    return text


class RunChangeView(RunMixin, ServiceFormMixin, FormView):
    permission_required = "contingent.change_allocationrun"
    template_name = "contingent/allocation/change.html"
    form_class = RunChangeForm

    def get_form_kwargs(self):
        result = self.run.result or {"assignments": [], "unmatched": [], "unused": []}
        nominations = [
            (int(c), str(self.view.nominations.get(c, c)))
            for c in [a["candidate"] for a in result["assignments"]]
            + [u["candidate"] for u in result["unmatched"]]
        ]
        dwellings = [
            (int(u["dwelling"]), str(self.view.dwellings.get(u["dwelling"], u["dwelling"])))
            for u in result["unused"]
        ]
        return {**super().get_form_kwargs(), "nominations": nominations, "dwellings": dwellings}

    def perform(self, form):
        return services.allocation_run_change(
            run=self.run,
            nomination_id=form.cleaned_data["nomination"],
            dwelling_id=form.cleaned_data["dwelling"],
            reason=form.cleaned_data["reason"],
            by=self.request.user,
        )

    def get_success_url(self):
        messages.success(self.request, _("The assignment has been changed."))
        return reverse("contingent:allocation_detail", args=[self.run.pk])


class RunPublishView(RunMixin, FormView):
    permission_required = "contingent.publish_allocationrun"
    template_name = "contingent/allocation/publish.html"
    form_class = StepForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "reason_required": False}

    def get_initial(self):
        return {"version": 1}

    def form_valid(self, form):
        try:
            proposals = services.allocation_run_publish(run=self.run, by=self.request.user)
        except DomainError as error:
            attach_domain_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(count)d proposals have been made; the care providers answer first.")
            % {"count": len(proposals)},
        )
        return HttpResponseRedirect(reverse("contingent:allocation_detail", args=[self.run.pk]))


class RunReplayView(RunMixin, View):
    """Solve the run's stored input again and say whether the answer is the run's original."""

    permission_required = "contingent.change_allocationrun"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            outcome = services.allocation_run_replay(run=self.run)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            numbers = {
                "housed": outcome.housed,
                "score": outcome.total_score,
                "original_housed": outcome.original_housed,
            }
            if outcome.same:
                messages.success(
                    request,
                    _(
                        "Replayed: the engine gives the run's original answer again "
                        "(%(housed)s housed, total score %(score)s)."
                    )
                    % numbers,
                )
            else:
                messages.warning(
                    request,
                    _(
                        "Replayed: the engine now gives another answer (%(housed)s housed, total "
                        "score %(score)s; originally %(original_housed)s housed)."
                    )
                    % numbers,
                )
        return HttpResponseRedirect(reverse("contingent:allocation_detail", args=[self.run.pk]))


#: URL patterns of this part, collected by ``onderdak.contingent.urls``.
routes: list = [
    path("jaren/<int:year>/huurgrenzen/", LimitsView.as_view(), name="year_limits"),
    path("toewijzing/", RunListView.as_view(), name="allocation_list"),
    path("toewijzing/nieuw/", RunStartView.as_view(), name="allocation_start"),
    path("toewijzing/<int:pk>/", RunDetailView.as_view(), name="allocation_detail"),
    path("toewijzing/<int:pk>/wijzigen/", RunChangeView.as_view(), name="allocation_change"),
    path(
        "toewijzing/<int:pk>/opnieuw-doorrekenen/",
        RunReplayView.as_view(),
        name="allocation_replay",
    ),
    path("toewijzing/<int:pk>/publiceren/", RunPublishView.as_view(), name="allocation_publish"),
]
