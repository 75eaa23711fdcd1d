"""Pages of the project plan (``/beleidskader/<pk>/projectplan/``): phases, milestones, the
project group and working groups with their members, a Gantt-like view and the plan as Excel.
Who reads the working copy reads the plan; editors add to it (``services.project``)."""

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
from onderdak.framework.views.process import FrameworkMixin, ServiceFormView

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
]
