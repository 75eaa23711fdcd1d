"""Pages of the contingent scheme: proposals.

The corporation decides on a proposal with the household, the needs and the guidance
arrangement only (``selectors.proposals.ProposalSummary``); the client is shown, and the read
logged, only to those who may open the nomination.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from onderdak.accounts.models import Role
from onderdak.audit.services import record_access
from onderdak.contingent.forms.proposals import (
    CorporationAcceptForm,
    DeclineForm,
    NominationPickForm,
    ProposalFilterForm,
    ProposalForm,
)
from onderdak.contingent.models import DeclineParty, Dwelling, ProposalStatus
from onderdak.contingent.selectors import proposals as selectors
from onderdak.contingent.services import proposals as services
from onderdak.contingent.views.cases import CaseMixin, StepView
from onderdak.contingent.views.dwellings import CaseExportView, CaseListView, step_links
from onderdak.contingent.workflows import PROPOSAL
from onderdak.core.views import RulesPermissionMixin, ServiceFormMixin

PROPOSAL_STEPS = {
    "provider_accept": "contingent:proposal_provider_accept",
    "provider_decline": "contingent:proposal_provider_decline",
    "corporation_accept": "contingent:proposal_corporation_accept",
    "corporation_decline": "contingent:proposal_corporation_decline",
    "cancel": "contingent:proposal_cancel",
}
#: Roles that may see clients; a corporation officer's list and download show households only.
CLIENT_ROLES = (Role.REGIONAL_COORDINATOR, Role.CARE_WORKER, Role.MUNICIPALITY_OFFICER)


class ProposalListView(CaseListView):
    permission_required = "contingent.view_proposal"
    template_name = "contingent/proposals/list.html"
    filter_class = ProposalFilterForm
    selector = selectors.proposal_list


class ProposalExportView(CaseExportView):
    permission_required = "contingent.view_proposal"
    filter_class = ProposalFilterForm
    selector = selectors.proposal_list
    title = gettext_lazy("Proposals")

    @cached_property
    def with_client(self) -> bool:
        return self.request.user.has_role(*CLIENT_ROLES)

    @property
    def headers(self) -> tuple:
        client = (_("Nomination"), _("Client number")) if self.with_client else ()
        return (
            _("Number"),
            _("Made"),
            _("Status"),
            _("Dwelling"),
            _("Municipality"),
            _("Corporation"),
            _("Stream"),
            _("Household size"),
            _("Rooms needed"),
            *client,
        )

    def row(self, case) -> tuple:
        nomination = case.nomination
        client = ()
        if self.with_client:
            visible = selectors.client_visible(case)
            client = (
                nomination.pk if visible else None,
                nomination.client.client_number if visible else None,
            )
        return (
            case.pk,
            case.created_at.date(),
            case.get_status_display(),
            str(case.dwelling),
            case.dwelling.municipality.name,
            case.dwelling.corporation.name,
            nomination.get_stream_display(),
            nomination.household_size,
            nomination.rooms_needed,
            *client,
        )


class ProposalDetailView(CaseMixin, TemplateView):
    """A proposal: the dwelling, the household with its needs and guidance, and for those who may
    open the nomination also the client (that read is logged)."""

    permission_required = "contingent.view_proposal"
    queryset_for = selectors.proposal_queryset
    template_name = "contingent/proposals/detail.html"

    def get(self, request, *args, **kwargs):
        if selectors.client_visible(self.case):
            record_access(instance=self.case.nomination)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        proposal = self.case
        visible = selectors.client_visible(proposal)
        accepted = proposal.status == ProposalStatus.ACCEPTED
        placement = getattr(proposal, "placement", None) if accepted else None
        return super().get_context_data(
            summary=selectors.ProposalSummary.of(proposal.nomination),
            client=proposal.nomination.client if visible else None,
            nomination=proposal.nomination if visible else None,
            placement=placement,
            steps=step_links(PROPOSAL, self.request.user, proposal, PROPOSAL_STEPS),
            **kwargs,
        )


POOL_PAGE_SIZE = 25


class ProposalCreateView(RulesPermissionMixin, ServiceFormMixin, FormView):
    """A proposal by hand: first a nomination of the pool (``?aanmelding=``), then a dwelling
    that fits it, with the reason."""

    permission_required = "contingent.add_proposal"
    template_name = "contingent/proposals/create.html"
    form_class = ProposalForm

    @cached_property
    def pick_form(self) -> NominationPickForm:
        pool = selectors.pool(self.request.user)
        chosen = self.request.GET if "aanmelding" in self.request.GET else None
        return NominationPickForm(chosen, pool=pool)

    @cached_property
    def nomination(self):
        return self.pick_form.cleaned_data["aanmelding"] if self.pick_form.is_valid() else None

    def get_form_kwargs(self):
        dwellings = (
            selectors.candidate_dwellings(user=self.request.user, nomination=self.nomination)
            if self.nomination
            else Dwelling.objects.none()
        )
        return {**super().get_form_kwargs(), "dwellings": dwellings}

    def get_context_data(self, **kwargs):
        summary = selectors.ProposalSummary.of(self.nomination) if self.nomination else None
        return super().get_context_data(
            pick_form=self.pick_form,
            nomination=self.nomination,
            summary=summary,
            **(self.pool_page() if self.nomination is None else {}),
            **kwargs,
        )

    def pool_page(self) -> dict:
        """Step 1: a page of the pool, longest waiting first (a choice list of the whole pool
        would grow with it). The page's rows link to step 2 (``?aanmelding=<pk>``)."""
        paginator = Paginator(self.pick_form.fields["aanmelding"].queryset, POOL_PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("page"))
        return {
            "pool": page.object_list,
            "page_obj": page,
            "paginator": paginator,
            "is_paginated": page.has_other_pages(),
        }

    def perform(self, form):
        return services.proposal_create(
            nomination=self.nomination,
            dwelling=form.cleaned_data["dwelling"],
            reason=form.cleaned_data["reason"],
            by=self.request.user,
        )

    def get_success_url(self):
        messages.success(
            self.request, _("The proposal has been made; the care provider answers first.")
        )
        return self.object.get_absolute_url()


class ProposalStepView(StepView):
    queryset_for = selectors.proposal_queryset
    workflow = PROPOSAL
    case_argument = "proposal"


class DeclineStepView(ProposalStepView):
    form_class = DeclineForm
    reason_required = True
    party: str

    def get_form_kwargs(self):
        region_id = self.case.nomination.contingent_year.region_id
        return {**super().get_form_kwargs(), "party": self.party, "region_id": region_id}


class ProviderAcceptView(ProposalStepView):
    action = "provider_accept"
    service = services.proposal_provider_accept
    explanation = gettext_lazy(
        "Accept this dwelling together with the client. The corporation answers next."
    )
    done_message = gettext_lazy("Accepted; the corporation answers next.")


class ProviderDeclineView(DeclineStepView):
    action = "provider_decline"
    service = services.proposal_provider_decline
    party = DeclineParty.PROVIDER
    explanation = gettext_lazy(
        "The nomination goes back to the pool and keeps its waiting time. A refusal without a "
        "valid reason counts; after too many the nomination is closed."
    )
    done_message = gettext_lazy("Declined; the nomination is back in the pool.")


class CorporationAcceptView(ProposalStepView):
    action = "corporation_accept"
    service = services.proposal_corporation_accept
    form_class = CorporationAcceptForm
    explanation = gettext_lazy(
        "The client is placed and the dwelling let. The evaluation moments are planned from the "
        "lease start."
    )
    done_message = gettext_lazy("Accepted; the placement has started.")

    def get_initial(self):
        return {**super().get_initial(), **CorporationAcceptForm.initial_for(self.case)}


class CorporationDeclineView(DeclineStepView):
    action = "corporation_decline"
    service = services.proposal_corporation_decline
    party = DeclineParty.CORPORATION
    explanation = gettext_lazy(
        "The dwelling becomes available again and the nomination goes back to the pool."
    )
    done_message = gettext_lazy("Declined; the dwelling is available again.")


class CancelView(ProposalStepView):
    action = "cancel"
    service = services.proposal_cancel
    reason_required = True
    reason_label = gettext_lazy("Reason for cancelling")
    explanation = gettext_lazy(
        "The nomination goes back to the pool and the dwelling becomes available again. This "
        "pair is not proposed again."
    )
    done_message = gettext_lazy("The proposal has been cancelled.")


#: URL patterns of this part, collected by ``onderdak.contingent.urls``.
routes: list = [
    path("voorstellen/", ProposalListView.as_view(), name="proposal_list"),
    path("voorstellen/excel/", ProposalExportView.as_view(), name="proposal_export"),
    path("voorstellen/nieuw/", ProposalCreateView.as_view(), name="proposal_create"),
    path("voorstellen/<int:pk>/", ProposalDetailView.as_view(), name="proposal_detail"),
    path(
        "voorstellen/<int:pk>/accepteren-zorg/",
        ProviderAcceptView.as_view(),
        name="proposal_provider_accept",
    ),
    path(
        "voorstellen/<int:pk>/weigeren-zorg/",
        ProviderDeclineView.as_view(),
        name="proposal_provider_decline",
    ),
    path(
        "voorstellen/<int:pk>/accepteren-corporatie/",
        CorporationAcceptView.as_view(),
        name="proposal_corporation_accept",
    ),
    path(
        "voorstellen/<int:pk>/weigeren-corporatie/",
        CorporationDeclineView.as_view(),
        name="proposal_corporation_decline",
    ),
    path("voorstellen/<int:pk>/annuleren/", CancelView.as_view(), name="proposal_cancel"),
]
