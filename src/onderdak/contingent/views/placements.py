"""Pages of the contingent scheme: placements, their steps and their evaluations."""

import copy

from django.contrib import messages
from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from onderdak.audit.services import record_access
from onderdak.contingent.forms.placements import (
    EndForm,
    EvaluationForm,
    ExtendForm,
    PlacementFilterForm,
    TransferForm,
)
from onderdak.contingent.models import PlacementStatus
from onderdak.contingent.selectors import placements as selectors
from onderdak.contingent.selectors.proposals import ProposalSummary, client_visible
from onderdak.contingent.services import placements as services
from onderdak.contingent.views.cases import CaseMixin, StepView
from onderdak.contingent.views.dwellings import CaseExportView, CaseListView, step_links
from onderdak.contingent.workflows import PLACEMENT
from onderdak.core.views import ServiceFormMixin

PLACEMENT_STEPS = {
    "extend": "contingent:placement_extend",
    "transfer": "contingent:placement_transfer",
    "end": "contingent:placement_end",
}


class PlacementListView(CaseListView):
    permission_required = "contingent.view_placement"
    template_name = "contingent/placements/list.html"
    filter_class = PlacementFilterForm
    selector = selectors.placement_list


class PlacementExportView(CaseExportView):
    permission_required = "contingent.view_placement"
    filter_class = PlacementFilterForm
    selector = selectors.placement_list
    title = gettext_lazy("Placements")
    headers = (
        gettext_lazy("Number"),
        gettext_lazy("Dwelling"),
        gettext_lazy("Municipality"),
        gettext_lazy("Corporation"),
        gettext_lazy("Year"),
        gettext_lazy("Stream"),
        gettext_lazy("Lease"),
        gettext_lazy("Lease start"),
        gettext_lazy("End of the guidance agreement"),
        gettext_lazy("Status"),
        gettext_lazy("Lease transferred on"),
        gettext_lazy("Ended on"),
        gettext_lazy("Reason it ended"),
    )

    def row(self, case) -> tuple:
        return (
            case.pk,
            str(case.dwelling),
            case.dwelling.municipality.name,
            case.dwelling.corporation.name,
            case.dwelling.contingent_year.year,
            case.nomination.get_stream_display(),
            case.get_lease_type_display(),
            case.lease_start,
            case.guidance_end,
            case.get_status_display(),
            case.transfer_date,
            case.ended_on,
            case.get_end_reason_display(),
        )


class PlacementDetailView(CaseMixin, TemplateView):
    """A placement with its evaluations; the client only for those who may open the nomination
    (that read is logged)."""

    permission_required = "contingent.view_placement"
    queryset_for = selectors.placement_detail_queryset
    template_name = "contingent/placements/detail.html"

    def get(self, request, *args, **kwargs):
        if client_visible(self.case):
            record_access(instance=self.case.nomination)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        placement, user = self.case, self.request.user
        visible = client_visible(placement)
        return super().get_context_data(
            summary=ProposalSummary.of(placement.nomination),
            client=placement.nomination.client if visible else None,
            nomination=placement.nomination if visible else None,
            evaluations=placement.evaluations.all(),
            may_evaluate=user.has_perm("contingent.change_evaluation", placement)
            and placement.status != PlacementStatus.ENDED,
            steps=step_links(PLACEMENT, user, placement, PLACEMENT_STEPS),
            **kwargs,
        )


class PlacementStepView(StepView):
    queryset_for = selectors.placement_queryset
    workflow = PLACEMENT
    case_argument = "placement"


class ExtendView(PlacementStepView):
    action = "extend"
    service = services.placement_extend
    form_class = ExtendForm
    reason_required = True
    reason_label = gettext_lazy("Reason for the extension")
    explanation = gettext_lazy("The guidance agreement runs on to a later date.")
    done_message = gettext_lazy("The guidance has been extended.")

    def get_initial(self):
        return {**super().get_initial(), "guidance_end": self.case.guidance_end}


class TransferView(PlacementStepView):
    action = "transfer"
    service = services.placement_transfer
    form_class = TransferForm
    explanation = gettext_lazy(
        "The lease goes over to the tenant (omklap): from that date an independent tenant."
    )
    done_message = gettext_lazy("The lease transfer has been recorded.")


class EndView(PlacementStepView):
    action = "end"
    service = services.placement_end
    form_class = EndForm
    explanation = gettext_lazy("Record that the placement ended before the lease was transferred.")
    done_message = gettext_lazy("The end of the placement has been recorded.")


class EvaluationRecordView(CaseMixin, ServiceFormMixin, FormView):
    """Record (or correct) one evaluation moment of a placement."""

    permission_required = "contingent.change_evaluation"
    queryset_for = selectors.placement_detail_queryset
    form_class = EvaluationForm
    template_name = "contingent/placements/evaluation.html"

    @cached_property
    def evaluation(self):
        evaluation = selectors.evaluation_of(self.case, self.kwargs["month"])
        if evaluation is None:
            raise Http404
        return evaluation

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": copy.copy(self.evaluation)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(evaluation=self.evaluation, **kwargs)

    def perform(self, form):
        return services.evaluation_record(
            evaluation=self.evaluation, by=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        messages.success(self.request, _("The evaluation has been recorded."))
        return reverse("contingent:placement_detail", args=[self.case.pk])


#: URL patterns of this part, collected by ``onderdak.contingent.urls``.
routes: list = [
    path("plaatsingen/", PlacementListView.as_view(), name="placement_list"),
    path("plaatsingen/excel/", PlacementExportView.as_view(), name="placement_export"),
    path("plaatsingen/<int:pk>/", PlacementDetailView.as_view(), name="placement_detail"),
    path("plaatsingen/<int:pk>/verlengen/", ExtendView.as_view(), name="placement_extend"),
    path("plaatsingen/<int:pk>/omklap/", TransferView.as_view(), name="placement_transfer"),
    path("plaatsingen/<int:pk>/beeindigen/", EndView.as_view(), name="placement_end"),
    path(
        "plaatsingen/<int:pk>/evaluaties/<int:month>/",
        EvaluationRecordView.as_view(),
        name="evaluation_record",
    ),
]
