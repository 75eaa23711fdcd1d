"""Pages of the contingent scheme: nominations, their documents, the review and the withdrawal.

Lists and exports start from ``selectors.nominations`` (the user's visible nominations); pages
about one nomination use ``CaseMixin`` (404 outside the user's rights, 403 for a step they may not
take); every write is a service call.
"""

from django.contrib import messages
from django.http import FileResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView, View

from onderdak.accounts.models import Role
from onderdak.accounts.selectors import region_for_user
from onderdak.audit.services import record_access
from onderdak.contingent.forms.nominations import (
    DocumentForm,
    NominationFilterForm,
    NominationForm,
    NominationStartForm,
)
from onderdak.contingent.models import ContingentYear, DocumentKind, NominationStatus
from onderdak.contingent.rules import organisation_ids
from onderdak.contingent.selectors import allocation as allocation_selectors
from onderdak.contingent.selectors import nominations as selectors
from onderdak.contingent.services import documents as document_services
from onderdak.contingent.services import nominations as services
from onderdak.contingent.views import allocation as allocation_views
from onderdak.contingent.views.cases import CaseMixin, StepView
from onderdak.contingent.workflows import NOMINATION
from onderdak.core import exports
from onderdak.core.errors import DomainError
from onderdak.core.views import RulesPermissionMixin, attach_domain_error
from onderdak.region.models import Municipality, Organisation, OrganisationKind

#: The page of each step a user may take on a nomination (the buttons on its page).
STEP_URLS = {
    "submit": "contingent:nomination_submit",
    "approve": "contingent:nomination_approve",
    "reject": "contingent:nomination_reject",
    "request_info": "contingent:nomination_request_info",
    "withdraw": "contingent:nomination_withdraw",
}


def nomination_cases(user):
    """The nominations a step page may find: the user's visible ones, with their year."""
    return selectors.nomination_list(user=user)


class RegionMixin:
    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    def municipalities(self):
        return Municipality.objects.filter(region=self.region).order_by("name")


# --- The list and its export ---------------------------------------------------------------------


class NominationFilterMixin(RegionMixin, RulesPermissionMixin):
    permission_required = "contingent.view_nomination"

    @cached_property
    def filter_form(self) -> NominationFilterForm:
        return NominationFilterForm(self.request.GET or None, municipalities=self.municipalities())

    def nominations(self):
        return selectors.nomination_list(
            user=self.request.user, filters=self.filter_form.to_filters()
        )


class NominationListView(NominationFilterMixin, ListView):
    template_name = "contingent/nominations/list.html"
    context_object_name = "nominations"
    paginate_by = 25

    def get_queryset(self):
        return self.nominations()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form,
            counts=selectors.nomination_status_counts(user=self.request.user),
            status_choices=NominationStatus.choices,
            query_string=self.request.GET.urlencode(),
            **kwargs,
        )


class NominationExportView(NominationFilterMixin, View):
    """The list as filtered, all pages, as an Excel workbook."""

    HEADERS = (
        gettext_lazy("Number"),
        gettext_lazy("Year"),
        gettext_lazy("Stream"),
        gettext_lazy("Status"),
        gettext_lazy("Client number"),
        gettext_lazy("Name"),
        gettext_lazy("Care provider"),
        gettext_lazy("Municipality of ties"),
        gettext_lazy("Submitted"),
        gettext_lazy("Approved"),
    )

    def get(self, request, *args, **kwargs):
        rows = (
            (
                n.pk,
                n.contingent_year.year,
                n.get_stream_display(),
                n.get_status_display(),
                n.client.client_number,
                n.client.name,
                n.provider.name,
                n.tie_municipality.name,
                n.submitted_at and n.submitted_at.date(),
                n.approved_at and n.approved_at.date(),
            )
            for n in self.nominations()
        )
        sheet = exports.Sheet(_("Nominations"), [str(h) for h in self.HEADERS], rows)
        return exports.xlsx_response(
            filename=_("nominations"),
            title=_("Nominations"),
            label=_("Contingent scheme; only the nominations you may see."),
            sheets=[sheet],
        )


# --- Create and edit -----------------------------------------------------------------------------


class NominationFormMixin(RegionMixin):
    template_name = "contingent/nominations/form.html"

    def form_arguments(self, contingent_year, stream) -> dict:
        care_providers = Organisation.objects.filter(
            region=self.region, kind=OrganisationKind.CARE_PROVIDER, is_active=True
        ).order_by("name")
        return {
            "providers": Organisation.objects.filter(
                pk__in=organisation_ids(self.request.user, Role.CARE_WORKER)
            ).order_by("name"),
            "municipalities": self.municipalities(),
            "guidance_providers": care_providers,
            "criteria": selectors.checklist(contingent_year_id=contingent_year.pk, stream=stream),
        }

    def form_valid(self, form):
        try:
            nomination = self.save(form)
        except DomainError as error:
            form.service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, self.saved_message)
        return HttpResponseRedirect(nomination.get_absolute_url())


class NominationCreateView(NominationFormMixin, RulesPermissionMixin, FormView):
    """Step 1 (a GET form): the year and the stream; step 2: the nomination, for that year and
    stream, which stay in the address (``?jaar=…&stroom=…``)."""

    permission_required = "contingent.add_nomination"
    form_class = NominationForm
    saved_message = gettext_lazy(
        "The nomination has been saved as a draft. Upload the client's consent, then submit it."
    )

    @cached_property
    def start_form(self) -> NominationStartForm:
        years = ContingentYear.objects.filter(region=self.region).order_by("-year")
        return NominationStartForm(self.request.GET or None, years=years)

    @cached_property
    def started(self) -> bool:
        return self.start_form.is_bound and self.start_form.is_valid()

    def get(self, request, *args, **kwargs):
        if not self.started:
            return render(request, "contingent/nominations/start.html", {"form": self.start_form})
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.started:
            return HttpResponseRedirect(reverse("contingent:nomination_create"))
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        start = self.start_form.cleaned_data
        return {**super().get_form_kwargs(), **self.form_arguments(start["jaar"], start["stroom"])}

    def get_initial(self):
        return {"submission_key": NominationForm.new_submission_key()}

    def get_context_data(self, **kwargs):
        start = self.start_form.cleaned_data
        return super().get_context_data(
            title=_("New nomination"),
            contingent_year=start["jaar"],
            stream=dict(self.start_form.fields["stroom"].choices)[start["stroom"]],
            cancel_url=reverse("contingent:nomination_list"),
            **kwargs,
        )

    def save(self, form):
        start = self.start_form.cleaned_data
        return services.nomination_create(
            contingent_year=start["jaar"],
            provider=form.cleaned_data["provider"],
            stream=start["stroom"],
            submission_key=form.cleaned_data["submission_key"],
            by=self.request.user,
            **form.service_arguments(),
        )


class NominationUpdateView(NominationFormMixin, CaseMixin, FormView):
    permission_required = "contingent.change_nomination"
    queryset_for = selectors.nomination_details
    form_class = NominationForm
    saved_message = gettext_lazy("The nomination has been saved.")

    def get_form_kwargs(self):
        nomination = self.case
        kwargs = self.form_arguments(nomination.contingent_year, nomination.stream)
        return {**super().get_form_kwargs(), **kwargs}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        del form.fields["provider"]  # a nomination stays with its provider
        return form

    def get_initial(self):
        return NominationForm.initial_for(self.case)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Change: %(case)s") % {"case": self.case},
            contingent_year=self.case.contingent_year,
            stream=self.case.get_stream_display(),
            cancel_url=self.case.get_absolute_url(),
            **kwargs,
        )

    def save(self, form):
        return services.nomination_update(
            nomination=self.case,
            expected_version=form.cleaned_data["version"] or 0,
            by=self.request.user,
            **form.service_arguments(),
        )


# --- One nomination ------------------------------------------------------------------------------


class NominationDetailView(CaseMixin, TemplateView):
    """Everything about the nomination for its provider and its reviewers, with its steps so
    far and the buttons of the steps the user may take now. Opening it is logged."""

    permission_required = "contingent.view_nomination"
    queryset_for = selectors.nomination_details
    template_name = "contingent/nominations/detail.html"

    def get(self, request, *args, **kwargs):
        record_access(instance=self.case)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        nomination = self.case
        user = self.request.user
        met = {c.pk for c in nomination.criteria_met.all()}
        criteria = selectors.checklist(
            contingent_year_id=nomination.contingent_year_id, stream=nomination.stream
        )
        return super().get_context_data(
            nomination=nomination,
            checklist=[(c, c.pk in met) for c in criteria],
            has_consent=any(d.kind == DocumentKind.CONSENT for d in nomination.documents.all()),
            steps=[
                (step, reverse(STEP_URLS[step.action], args=[nomination.pk]))
                for step in NOMINATION.available(user, nomination)
            ],
            history=[step_of(entry) for entry in selectors.nomination_steps(nomination=nomination)],
            can_change=user.has_perm("contingent.change_nomination", nomination),
            can_upload=user.has_perm("contingent.add_nominationdocument", nomination),
            allocation=self.allocation_reason(),
            **kwargs,
        )

    def allocation_reason(self):
        """For the coordinator: the latest allocation run's answer, "why not matched?"."""
        if not self.request.user.has_perm("contingent.view_allocationrun"):
            return None
        found = allocation_selectors.latest_reason(self.case)
        if found and "unmatched" in found:
            found["reason"] = allocation_views.reason_text(found["unmatched"])
        return found


def step_of(entry) -> dict:
    """A status change from the audit trail as the page shows it: when, who, to what, why."""
    changes = entry.changes or {}
    status = changes["status"][1]
    reason = (changes.get("decision_reason") or changes.get("withdrawal_reason") or ["", ""])[1]
    return {
        "when": entry.timestamp,
        "who": entry.actor,
        "status": NominationStatus(status).label if status in NominationStatus.values else status,
        "reason": reason if reason and reason != "None" else "",
    }


# --- Steps ---------------------------------------------------------------------------------------


class NominationStepView(StepView):
    workflow = NOMINATION
    queryset_for = nomination_cases
    case_argument = "nomination"


class NominationSubmitView(NominationStepView):
    action = "submit"
    service = services.nomination_submit
    explanation = gettext_lazy(
        "The municipality of ties reviews the nomination. Every criterion of the checklist must "
        "be met, and the client's consent must be uploaded."
    )
    done_message = gettext_lazy("The nomination has been submitted for review.")


class NominationApproveView(NominationStepView):
    action = "approve"
    service = services.nomination_approve
    explanation = gettext_lazy(
        "The client enters the pool for a dwelling; the waiting time starts today."
    )
    done_message = gettext_lazy("The nomination has been approved.")


class NominationRejectView(NominationStepView):
    action = "reject"
    service = services.nomination_reject
    reason_required = True
    reason_label = gettext_lazy("Why is the nomination rejected?")
    explanation = gettext_lazy("The care provider sees the reason.")
    done_message = gettext_lazy("The nomination has been rejected.")


class NominationRequestInfoView(NominationStepView):
    action = "request_info"
    service = services.nomination_request_info
    reason_required = True
    reason_label = gettext_lazy("What information is missing?")
    explanation = gettext_lazy(
        "The nomination goes back to the care provider, who can complete it and submit it again."
    )
    done_message = gettext_lazy("The nomination has been sent back for more information.")


class NominationWithdrawView(NominationStepView):
    action = "withdraw"
    service = services.nomination_withdraw
    reason_required = True
    reason_label = gettext_lazy("Why is the nomination withdrawn?")
    explanation = gettext_lazy(
        "A withdrawn nomination cannot be taken up again. An open proposal for a dwelling is "
        "cancelled, and the dwelling is offered again."
    )
    done_message = gettext_lazy("The nomination has been withdrawn.")


# --- Documents -----------------------------------------------------------------------------------


class DocumentUploadView(CaseMixin, FormView):
    permission_required = "contingent.add_nominationdocument"
    queryset_for = nomination_cases
    form_class = DocumentForm
    template_name = "contingent/nominations/document_form.html"

    def get_initial(self):
        return {"kind": self.request.GET.get("soort", DocumentKind.GUIDANCE_PLAN)}

    def form_valid(self, form):
        try:
            document_services.document_upload(
                nomination=self.case,
                kind=form.cleaned_data["kind"],
                uploaded_file=form.cleaned_data["file"],
                by=self.request.user,
            )
        except DomainError as error:
            attach_domain_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The document has been uploaded."))
        return HttpResponseRedirect(self.case.get_absolute_url() + "#documenten")


class DocumentDownloadView(RulesPermissionMixin, View):
    """The file as a download (never shown inline), for whoever may see its nomination."""

    permission_required = "contingent.view_nominationdocument"

    @cached_property
    def document(self):
        documents = selectors.visible_documents(self.request.user)
        return get_object_or_404(documents, pk=self.kwargs["pk"])

    def get_permission_object(self):
        return self.document.nomination if self.request.user.is_authenticated else None

    def get(self, request, *args, **kwargs):
        document = self.document
        record_access(instance=document)
        return document_response(document)


def document_response(document) -> FileResponse:
    """The stored file under its original name, as an attachment the browser cannot sniff."""
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


routes = [
    path("aanmeldingen/", NominationListView.as_view(), name="nomination_list"),
    path("aanmeldingen/excel/", NominationExportView.as_view(), name="nomination_export"),
    path("aanmeldingen/nieuw/", NominationCreateView.as_view(), name="nomination_create"),
    path("aanmeldingen/<int:pk>/", NominationDetailView.as_view(), name="nomination_detail"),
    path(
        "aanmeldingen/<int:pk>/wijzigen/",
        NominationUpdateView.as_view(),
        name="nomination_update",
    ),
    path(
        "aanmeldingen/<int:pk>/indienen/",
        NominationSubmitView.as_view(),
        name="nomination_submit",
    ),
    path(
        "aanmeldingen/<int:pk>/goedkeuren/",
        NominationApproveView.as_view(),
        name="nomination_approve",
    ),
    path(
        "aanmeldingen/<int:pk>/afwijzen/",
        NominationRejectView.as_view(),
        name="nomination_reject",
    ),
    path(
        "aanmeldingen/<int:pk>/aanvullen/",
        NominationRequestInfoView.as_view(),
        name="nomination_request_info",
    ),
    path(
        "aanmeldingen/<int:pk>/intrekken/",
        NominationWithdrawView.as_view(),
        name="nomination_withdraw",
    ),
    path(
        "aanmeldingen/<int:pk>/documenten/nieuw/",
        DocumentUploadView.as_view(),
        name="document_upload",
    ),
    path("documenten/<int:pk>/", DocumentDownloadView.as_view(), name="document_download"),
]
