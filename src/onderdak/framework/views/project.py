"""Pages of the project plan (``/beleidskader/<pk>/projectplan/``): phases, milestones, the
project group and working groups with their members, a Gantt-like view and the plan as Excel.
Who reads the working copy reads the plan; editors add to it, change and delete its records
(``services.project``)."""

from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from onderdak.core import exports
from onderdak.framework.forms import project as forms
from onderdak.framework.models import GroupMember, Milestone, ProjectPhase, WorkingGroup
from onderdak.framework.selectors import project as selectors
from onderdak.framework.services import project as services
from onderdak.framework.services.text import plain_text
from onderdak.framework.views.process import (
    FrameworkMixin,
    ServiceDeleteView,
    ServiceFormView,
    ServiceUpdateView,
)

VIEW = "framework.view_project"
CHANGE = "framework.change_project"


class PlanMixin(FrameworkMixin):
    permission_required = VIEW

    def plan(self) -> dict:
        phases = list(selectors.phases(self.framework))
        milestones = list(selectors.milestones(self.framework))
        return {
            "phases": phases,
            "milestones": milestones,
            "groups": selectors.groups(self.framework),
        }


class ProjectPlanView(PlanMixin, TemplateView):
    template_name = "framework/project_plan.html"

    def get_context_data(self, **kwargs):
        plan = self.plan()
        chart = selectors.plan_gantt(
            framework=self.framework, phases=plan["phases"], milestones=plan["milestones"]
        )
        return super().get_context_data(chart=chart, **plan, **kwargs)


class ProjectExportView(PlanMixin, View):
    def get(self, request, *args, **kwargs):
        plan = self.plan()
        return exports.xlsx_response(
            filename=_("project plan"),
            title=_("Project plan"),
            label=_("%(framework)s: the project plan.") % {"framework": self.framework},
            sheets=[
                exports.Sheet(
                    _("Phases"),
                    [_("Phase"), _("Starts on"), _("Ends on"), _("Description")],
                    [
                        (p.name, p.starts_on, p.ends_on, plain_text(p.description))
                        for p in plan["phases"]
                    ],
                ),
                exports.Sheet(
                    _("Milestones"),
                    [_("Milestone"), _("Due on"), _("Reached on"), _("Phase")],
                    [
                        (m.name, m.due_on, m.reached_on, m.phase.name if m.phase else "")
                        for m in plan["milestones"]
                    ],
                ),
                exports.Sheet(
                    _("Groups"),
                    [_("Group"), _("The project group"), _("Organisation"), _("Function")],
                    [
                        (
                            g.name,
                            _("yes") if g.is_project_group else _("no"),
                            m.organisation.name,
                            m.function,
                        )
                        for g in plan["groups"]
                        for m in g.members.all()
                    ],
                ),
            ],
        )


class PlanFormView(ServiceFormView):
    permission_required = CHANGE
    back = "framework:project_plan"

    def perform(self, form):
        return self.service(framework=self.framework, user=self.request.user, **form.cleaned_data)


class PhaseCreateView(PlanFormView):
    form_class = forms.PhaseForm
    model = ProjectPhase
    service = staticmethod(services.phase_create)
    heading = gettext_lazy("New phase")
    done = gettext_lazy("The phase has been added.")


class MilestoneCreateView(PlanFormView):
    form_class = forms.MilestoneForm
    model = Milestone
    service = staticmethod(services.milestone_create)
    heading = gettext_lazy("New milestone")
    done = gettext_lazy("The milestone has been added.")


class GroupCreateView(PlanFormView):
    form_class = forms.GroupForm
    model = WorkingGroup
    service = staticmethod(services.group_create)
    heading = gettext_lazy("New group")
    lead = gettext_lazy("The project group or a working group.")
    done = gettext_lazy("The group has been added.")


class MemberCreateView(PlanFormView):
    form_class = forms.MemberForm
    model = GroupMember
    done = gettext_lazy("The member has been added.")
    lead = gettext_lazy("An organisation from the registry and its function: no personal names.")

    @cached_property
    def group(self) -> WorkingGroup:
        return get_object_or_404(self.framework.working_groups, pk=self.kwargs["group"])

    @property
    def heading(self):
        return _("New member of %(group)s") % {"group": self.group}

    def parent(self) -> dict:
        return {"group": self.group}

    def perform(self, form):
        return services.member_add(group=self.group, user=self.request.user, **form.cleaned_data)


class PlanRecordMixin:
    """A change or deletion of one of the plan's records (``kind``: the framework's related
    name of its records)."""

    permission_required = CHANGE
    back = "framework:project_plan"
    kind = ""

    def records(self):
        return getattr(self.framework, self.kind).all()


class PlanUpdateView(PlanRecordMixin, ServiceUpdateView):
    """``update`` is the service, called with the record under ``record_kwarg``."""

    def perform(self, form):
        return self.update(
            **{self.record_kwarg: self.record}, user=self.request.user, **form.cleaned_data
        )


class PlanDeleteView(PlanRecordMixin, ServiceDeleteView):
    def perform(self, form):
        self.delete_record(**{self.record_kwarg: self.record}, user=self.request.user)


class PhaseUpdateView(PlanUpdateView):
    form_class = forms.PhaseForm
    kind, record_kwarg = "phases", "phase"
    update = staticmethod(services.phase_update)
    heading = gettext_lazy("Change phase")
    done = gettext_lazy("The phase has been changed.")


class PhaseDeleteView(PlanDeleteView):
    kind, record_kwarg = "phases", "phase"
    delete_record = staticmethod(services.phase_delete)


class MilestoneUpdateView(PlanUpdateView):
    form_class = forms.MilestoneForm
    kind, record_kwarg = "milestones", "milestone"
    update = staticmethod(services.milestone_update)
    heading = gettext_lazy("Change milestone")
    done = gettext_lazy("The milestone has been changed.")


class MilestoneReachedView(PlanUpdateView):
    form_class = forms.ReachedForm
    kind, record_kwarg = "milestones", "milestone"
    update = staticmethod(services.milestone_reach)
    done = gettext_lazy("The milestone has been marked reached.")

    @property
    def heading(self):
        return _("%(milestone)s reached") % {"milestone": self.record}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        del kwargs["framework"], kwargs["instance"]
        return kwargs


class MilestoneDeleteView(PlanDeleteView):
    kind, record_kwarg = "milestones", "milestone"
    delete_record = staticmethod(services.milestone_delete)


class GroupUpdateView(PlanUpdateView):
    form_class = forms.GroupForm
    kind, record_kwarg = "working_groups", "group"
    update = staticmethod(services.group_update)
    heading = gettext_lazy("Change group")
    done = gettext_lazy("The group has been changed.")


class GroupDeleteView(PlanDeleteView):
    kind, record_kwarg = "working_groups", "group"
    delete_record = staticmethod(services.group_delete)


class MemberDeleteView(PlanDeleteView):
    record_kwarg = "member"
    delete_record = staticmethod(services.member_remove)

    def records(self):
        members = GroupMember.objects.filter(group__framework=self.framework)
        return members.select_related("organisation", "group").filter(group=self.kwargs["group"])

    @property
    def heading(self):
        return _("Remove %(member)s from %(group)s") % {
            "member": self.record,
            "group": self.record.group,
        }

    @property
    def done(self):
        return _("The member has been removed.")


PLAN = "<int:pk>/projectplan/"
routes = [
    path(PLAN, ProjectPlanView.as_view(), name="project_plan"),
    path(f"{PLAN}excel/", ProjectExportView.as_view(), name="project_export"),
    path(f"{PLAN}fasen/nieuw/", PhaseCreateView.as_view(), name="phase_create"),
    path(f"{PLAN}mijlpalen/nieuw/", MilestoneCreateView.as_view(), name="milestone_create"),
    path(f"{PLAN}groepen/nieuw/", GroupCreateView.as_view(), name="group_create"),
    path(
        f"{PLAN}groepen/<int:group>/leden/nieuw/", MemberCreateView.as_view(), name="member_create"
    ),
    path(f"{PLAN}fasen/<int:phase>/wijzigen/", PhaseUpdateView.as_view(), name="phase_update"),
    path(f"{PLAN}fasen/<int:phase>/verwijderen/", PhaseDeleteView.as_view(), name="phase_delete"),
    path(
        f"{PLAN}mijlpalen/<int:milestone>/wijzigen/",
        MilestoneUpdateView.as_view(),
        name="milestone_update",
    ),
    path(
        f"{PLAN}mijlpalen/<int:milestone>/bereikt/",
        MilestoneReachedView.as_view(),
        name="milestone_reached",
    ),
    path(
        f"{PLAN}mijlpalen/<int:milestone>/verwijderen/",
        MilestoneDeleteView.as_view(),
        name="milestone_delete",
    ),
    path(f"{PLAN}groepen/<int:group>/wijzigen/", GroupUpdateView.as_view(), name="group_update"),
    path(f"{PLAN}groepen/<int:group>/verwijderen/", GroupDeleteView.as_view(), name="group_delete"),
    path(
        f"{PLAN}groepen/<int:group>/leden/<int:member>/verwijderen/",
        MemberDeleteView.as_view(),
        name="member_delete",
    ),
]
