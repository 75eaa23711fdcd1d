"""Pages of the contingent scheme: dwellings (a corporation's offer, the coordinator's overview).

Also what the dwelling, proposal and placement pages share: a filtered list with its Excel
download, and the buttons of the steps a user may take on a case.
"""

import copy
from dataclasses import dataclass

from django.contrib import messages
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, ListView, TemplateView, View

from onderdak.accounts.models import Role
from onderdak.accounts.selectors import region_for_user
from onderdak.contingent.forms.dwellings import DwellingFilterForm, DwellingForm
from onderdak.contingent.models import DwellingStatus
from onderdak.contingent.selectors import dwellings as selectors
from onderdak.contingent.services import dwellings as services
from onderdak.contingent.views.cases import CaseMixin, StepView
from onderdak.contingent.workflows import DWELLING
from onderdak.core import exports
from onderdak.core.views import RulesPermissionMixin, ServiceFormMixin
from onderdak.core.workflow import Workflow

PAGE_SIZE = 25


@dataclass(frozen=True)
class StepLink:
    label: str
    url: str


def step_links(workflow: Workflow, user, case, url_names: dict[str, str]) -> list[StepLink]:
    """The buttons of the steps ``user`` may take on ``case`` now (``url_names`` per action)."""
    return [
        StepLink(str(step.label).capitalize(), reverse(url_names[step.action], args=[case.pk]))
        for step in workflow.available(user, case)
        if step.action in url_names
    ]


class FilteredListMixin(RulesPermissionMixin):
    """A list of cases the user may see, filtered by ``filter_class`` from the address."""

    filter_class: type
    selector = None

    @cached_property
    def filter_form(self):
        region = region_for_user(self.request.user)
        return self.filter_class(self.request.GET or None, region=region)

    def get_queryset(self):
        return type(self).selector(user=self.request.user, **self.filter_form.filters())


class CaseListView(FilteredListMixin, ListView):
    paginate_by = PAGE_SIZE
    context_object_name = "cases"

    def get_context_data(self, **kwargs):
        query = self.request.GET.urlencode()
        return super().get_context_data(filter_form=self.filter_form, query_string=query, **kwargs)


class CaseExportView(FilteredListMixin, View):
    """The filtered list as an Excel download; subclasses give the ``title``, the ``headers``
    and ``row(case)``."""

    title = ""
    headers: tuple = ()

    def get(self, request, *args, **kwargs):
        title = str(self.title)
        sheet = exports.Sheet(
            title=title,
            headers=[str(h) for h in self.headers],
            rows=(self.row(case) for case in self.get_queryset()),
        )
        label = _("Exported by Onderdak; only the rows you may see.")
        return exports.xlsx_response(filename=title, title=title, label=label, sheets=[sheet])


# --- Dwellings -----------------------------------------------------------------------------------

DWELLING_STEPS = {"withdraw": "contingent:dwelling_withdraw"}


class DwellingListView(CaseListView):
    permission_required = "contingent.view_dwelling"
    template_name = "contingent/dwellings/list.html"
    filter_class = DwellingFilterForm
    selector = selectors.dwelling_list


class DwellingExportView(CaseExportView):
    permission_required = "contingent.view_dwelling"
    filter_class = DwellingFilterForm
    selector = selectors.dwelling_list
    title = gettext_lazy("Dwellings")
    headers = (
        gettext_lazy("Number"),
        gettext_lazy("Address"),
        gettext_lazy("Postcode"),
        gettext_lazy("Municipality"),
        gettext_lazy("Corporation"),
        gettext_lazy("Year"),
        gettext_lazy("Type"),
        gettext_lazy("Rooms"),
        gettext_lazy("Floor"),
        gettext_lazy("Lift"),
        gettext_lazy("Wheelchair accessible"),
        gettext_lazy("Rent per month"),
        gettext_lazy("Available from"),
        gettext_lazy("Stream"),
        gettext_lazy("Status"),
    )

    def row(self, case) -> tuple:
        return (
            case.pk,
            f"{case.street} {case.house_number}",
            case.postcode,
            case.municipality.name,
            case.corporation.name,
            case.contingent_year.year,
            case.get_dwelling_type_display(),
            case.rooms,
            case.floor,
            case.has_lift,
            case.wheelchair_accessible,
            case.rent,
            case.available_from,
            case.get_stream_display(),
            case.get_status_display(),
        )


class DwellingDetailView(CaseMixin, TemplateView):
    """A dwelling with the proposals made for it (their status only: no client)."""

    permission_required = "contingent.view_dwelling"
    queryset_for = selectors.dwelling_queryset
    template_name = "contingent/dwellings/detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            steps=step_links(DWELLING, user, self.case, DWELLING_STEPS),
            may_change=self.case.status == DwellingStatus.AVAILABLE
            and user.has_perm("contingent.change_dwelling", self.case),
            proposals=self.case.proposals.order_by("-created_at"),
            **kwargs,
        )


class DwellingFormMixin(ServiceFormMixin):
    form_class = DwellingForm
    template_name = "contingent/dwellings/form.html"

    def get_success_url(self):
        messages.success(self.request, _("The dwelling has been saved."))
        return self.object.get_absolute_url()


class DwellingCreateView(RulesPermissionMixin, DwellingFormMixin, FormView):
    permission_required = "contingent.add_dwelling"

    @cached_property
    def corporations(self):
        return self.request.user.organisations_for(Role.CORPORATION_OFFICER)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "years": selectors.offering_years(self.request.user),
            "corporations": self.corporations,
            "region": region_for_user(self.request.user),
        }

    def perform(self, form):
        data = form.cleaned_data
        return services.dwelling_create(
            corporation=data.get("corporation") or self.corporations[0],
            contingent_year=data["contingent_year"],
            data=form.changes(),
            by=self.request.user,
        )


class DwellingUpdateView(CaseMixin, DwellingFormMixin, FormView):
    permission_required = "contingent.change_dwelling"
    queryset_for = selectors.dwelling_queryset

    def get_form_kwargs(self):
        # A copy: the form writes into its instance, and a refused change must not show as saved.
        return {**super().get_form_kwargs(), "instance": copy.copy(self.case)}

    def get_initial(self):
        return {"version": self.case.version}

    def perform(self, form):
        return services.dwelling_update(
            dwelling=self.case,
            expected_version=form.cleaned_data["version"],
            by=self.request.user,
            **form.changes(),
        )


class DwellingWithdrawView(StepView):
    queryset_for = selectors.dwelling_queryset
    workflow = DWELLING
    action = "withdraw"
    service = services.dwelling_withdraw
    case_argument = "dwelling"
    reason_required = True
    reason_label = gettext_lazy("Reason for withdrawal")
    explanation = gettext_lazy(
        "The dwelling no longer counts towards the contingent. An open proposal for it is "
        "cancelled and its nomination goes back to the pool, keeping its waiting time."
    )
    done_message = gettext_lazy("The dwelling has been withdrawn.")


#: URL patterns of this part, collected by ``onderdak.contingent.urls``.
routes: list = [
    path("woningen/", DwellingListView.as_view(), name="dwelling_list"),
    path("woningen/excel/", DwellingExportView.as_view(), name="dwelling_export"),
    path("woningen/nieuw/", DwellingCreateView.as_view(), name="dwelling_create"),
    path("woningen/<int:pk>/", DwellingDetailView.as_view(), name="dwelling_detail"),
    path("woningen/<int:pk>/wijzigen/", DwellingUpdateView.as_view(), name="dwelling_update"),
    path("woningen/<int:pk>/intrekken/", DwellingWithdrawView.as_view(), name="dwelling_withdraw"),
]
