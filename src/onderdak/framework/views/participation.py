"""Pages of the participation plan (``/beleidskader/<pk>/participatie/``) and the input log
(``/beleidskader/<pk>/inbreng/``).

Who reads the working copy (editors and municipality officers) reads both; editors (the project
leader and the programme team) add stakeholders, levels, sessions and input, and respond to it.
Every write is a service call (``services.participation``).
"""

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView, TemplateView, View

from onderdak.core import exports
from onderdak.framework.forms import participation as forms
from onderdak.framework.models import InputItem, ParticipationSession, Stakeholder
from onderdak.framework.selectors import participation as selectors
from onderdak.framework.services import participation as services
from onderdak.framework.services.text import plain_text
from onderdak.framework.views.process import (
    FrameworkMixin,
    ServiceDeleteView,
    ServiceFormView,
    ServiceUpdateView,
)

VIEW = "framework.view_participation"
CHANGE = "framework.change_participation"


class ParticipationView(FrameworkMixin, TemplateView):
    """The grid of stakeholders by phases on the ladder, the stakeholders and the sessions."""

    permission_required = VIEW
    template_name = "framework/participation.html"

    def get_context_data(self, **kwargs):
        phases, rows = selectors.participation_grid(self.framework)
        return super().get_context_data(
            phases=phases,
            rows=rows,
            sessions=selectors.sessions(self.framework),
            **kwargs,
        )


class ParticipationFormView(ServiceFormView):
    permission_required = CHANGE
    back = "framework:participation"


class StakeholderCreateView(ParticipationFormView):
    form_class = forms.StakeholderForm
    model = Stakeholder
    heading = gettext_lazy("New stakeholder")
    lead = gettext_lazy("An organisation from the registry, or a group.")
    done = gettext_lazy("The stakeholder has been added.")

    def perform(self, form):
        return services.stakeholder_create(
            framework=self.framework, user=self.request.user, **form.cleaned_data
        )


class StakeholderRecordMixin:
    record_kwarg = "stakeholder"
    back = "framework:participation"
    permission_required = CHANGE

    def records(self):
        return self.framework.stakeholders.select_related("organisation")


class StakeholderUpdateView(StakeholderRecordMixin, ServiceUpdateView):
    form_class = forms.StakeholderForm
    heading = gettext_lazy("Change stakeholder")
    done = gettext_lazy("The stakeholder has been changed.")

    def perform(self, form):
        return services.stakeholder_update(
            stakeholder=self.record, user=self.request.user, **form.cleaned_data
        )


class StakeholderDeleteView(StakeholderRecordMixin, ServiceDeleteView):
    lead = gettext_lazy("The stakeholder's participation levels are deleted with it.")

    def perform(self, form):
        services.stakeholder_delete(stakeholder=self.record, user=self.request.user)


class StakeholderLevelsView(ParticipationFormView):
    form_class = forms.StakeholderLevelsForm
    done = gettext_lazy("The participation levels have been saved.")

    @cached_property
    def stakeholder(self) -> Stakeholder:
        return get_object_or_404(self.framework.stakeholders, pk=self.kwargs["stakeholder"])

    @property
    def heading(self):
        return _("Participation of %(name)s") % {"name": self.stakeholder}

    @property
    def lead(self):
        return _("Their level on the participation ladder in each phase of the process.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("framework")
        return {**kwargs, "stakeholder": self.stakeholder, "phases": self.framework.phases.all()}

    def perform(self, form):
        return services.stakeholder_levels_set(
            stakeholder=self.stakeholder, user=self.request.user, levels=form.levels()
        )


class SessionCreateView(ParticipationFormView):
    form_class = forms.SessionForm
    model = ParticipationSession
    heading = gettext_lazy("New session")
    lead = gettext_lazy("A meeting held to gather input: when, in which phase, who took part.")
    done = gettext_lazy("The session has been added.")

    def perform(self, form):
        return services.session_create(
            framework=self.framework, user=self.request.user, **form.cleaned_data
        )


class SessionRecordMixin:
    record_kwarg = "session"
    back = "framework:participation"
    permission_required = CHANGE

    def records(self):
        return self.framework.sessions.all()


class SessionUpdateView(SessionRecordMixin, ServiceUpdateView):
    form_class = forms.SessionForm
    heading = gettext_lazy("Change session")
    done = gettext_lazy("The session has been changed.")

    def perform(self, form):
        return services.session_update(
            session=self.record, user=self.request.user, **form.cleaned_data
        )


class SessionDeleteView(SessionRecordMixin, ServiceDeleteView):
    def perform(self, form):
        services.session_delete(session=self.record, user=self.request.user)


# --- The input log -------------------------------------------------------------------------------


class InputFilterMixin(FrameworkMixin):
    permission_required = VIEW

    @cached_property
    def filter_form(self) -> forms.InputFilterForm:
        return forms.InputFilterForm(self.request.GET or None, framework=self.framework)

    def items(self):
        return selectors.input_log(framework=self.framework, filters=self.filter_form.to_filters())


class InputListView(InputFilterMixin, ListView):
    template_name = "framework/input_list.html"
    context_object_name = "items"
    paginate_by = 50

    def get_queryset(self):
        return self.items()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form, query_string=self.request.GET.urlencode(), **kwargs
        )


class InputExportView(InputFilterMixin, View):
    """The log as filtered, all pages, as an Excel workbook (texts without markup)."""

    def get(self, request, *args, **kwargs):
        return exports.xlsx_response(
            filename=_("input log"),
            title=_("Input log"),
            label=_("%(framework)s: the input log, as filtered.") % {"framework": self.framework},
            sheets=[input_sheet(self.items())],
        )


def input_sheet(items) -> exports.Sheet:
    headers = [
        _("Number"),
        _("Received on"),
        _("From"),
        _("Session"),
        _("About theme"),
        _("About action"),
        _("Contribution"),
        _("Response"),
        _("What was done with it"),
        _("Taken up in theme"),
        _("Taken up in action"),
    ]
    rows = (
        (
            i.pk,
            i.received_on,
            str(i.stakeholder),
            i.session.title if i.session else "",
            i.theme.title if i.theme else "",
            i.action.title if i.action else "",
            plain_text(i.text),
            i.get_response_display(),
            plain_text(i.response_text),
            i.response_theme.title if i.response_theme else "",
            i.response_action.title if i.response_action else "",
        )
        for i in items
    )
    return exports.Sheet(_("Input log"), headers, rows)


class InputCreateView(ParticipationFormView):
    form_class = forms.InputForm
    model = InputItem
    back = "framework:input_list"
    heading = gettext_lazy("Log input")
    lead = gettext_lazy("A contribution: from whom, in which session, about what.")
    done = gettext_lazy("The input has been logged.")

    def perform(self, form):
        return services.input_create(
            framework=self.framework, user=self.request.user, **form.cleaned_data
        )


class InputRecordMixin:
    permission_required = CHANGE
    record_kwarg = "item"
    back = "framework:input_list"

    def records(self):
        return self.framework.input_items.select_related("stakeholder__organisation", "session")


class InputUpdateView(InputRecordMixin, ServiceUpdateView):
    form_class = forms.InputForm
    heading = gettext_lazy("Change input")
    lead = gettext_lazy("Correct the contribution as it was logged; its response stays as it is.")
    done = gettext_lazy("The input has been changed.")

    def perform(self, form):
        return services.input_update(item=self.record, user=self.request.user, **form.cleaned_data)


class InputRespondView(InputRecordMixin, ServiceUpdateView):
    form_class = forms.RespondForm
    heading = gettext_lazy("Respond to input")
    lead = gettext_lazy("What was done with the contribution, and where in the framework.")
    done = gettext_lazy("The response has been saved.")
    template_name = "framework/input_respond.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.record, **kwargs)

    def perform(self, form):
        return services.input_respond(item=self.record, user=self.request.user, **form.cleaned_data)


routes = [
    path("<int:pk>/participatie/", ParticipationView.as_view(), name="participation"),
    path(
        "<int:pk>/participatie/belanghebbenden/nieuw/",
        StakeholderCreateView.as_view(),
        name="stakeholder_create",
    ),
    path(
        "<int:pk>/participatie/belanghebbenden/<int:stakeholder>/niveaus/",
        StakeholderLevelsView.as_view(),
        name="stakeholder_levels",
    ),
    path(
        "<int:pk>/participatie/belanghebbenden/<int:stakeholder>/wijzigen/",
        StakeholderUpdateView.as_view(),
        name="stakeholder_update",
    ),
    path(
        "<int:pk>/participatie/belanghebbenden/<int:stakeholder>/verwijderen/",
        StakeholderDeleteView.as_view(),
        name="stakeholder_delete",
    ),
    path(
        "<int:pk>/participatie/sessies/nieuw/", SessionCreateView.as_view(), name="session_create"
    ),
    path(
        "<int:pk>/participatie/sessies/<int:session>/wijzigen/",
        SessionUpdateView.as_view(),
        name="session_update",
    ),
    path(
        "<int:pk>/participatie/sessies/<int:session>/verwijderen/",
        SessionDeleteView.as_view(),
        name="session_delete",
    ),
    path("<int:pk>/inbreng/", InputListView.as_view(), name="input_list"),
    path("<int:pk>/inbreng/excel/", InputExportView.as_view(), name="input_export"),
    path("<int:pk>/inbreng/nieuw/", InputCreateView.as_view(), name="input_create"),
    path("<int:pk>/inbreng/<int:item>/wijzigen/", InputUpdateView.as_view(), name="input_update"),
    path("<int:pk>/inbreng/<int:item>/reageren/", InputRespondView.as_view(), name="input_respond"),
]
