"""Forms of the project plan; ``services.project`` checks and saves."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from onderdak.core.forms import Form
from onderdak.framework.forms.process import DATE, TEXT, FrameworkModelForm
from onderdak.framework.models import GroupMember, Milestone, ProjectPhase, WorkingGroup
from onderdak.region.models import Organisation


class PhaseForm(FrameworkModelForm):
    class Meta:
        model = ProjectPhase
        fields = ["name", "starts_on", "ends_on", "description"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "description": TEXT}


class MilestoneForm(FrameworkModelForm):
    class Meta:
        model = Milestone
        fields = ["name", "due_on", "reached_on", "phase"]
        widgets = {"due_on": DATE, "reached_on": DATE}

    def limit_choices(self, framework) -> None:
        self.fields["phase"].queryset = framework.phases.all()


class ReachedForm(Form):
    reached_on = forms.DateField(label=_("Reached on"), widget=DATE, initial=timezone.localdate)


class GroupForm(FrameworkModelForm):
    class Meta:
        model = WorkingGroup
        fields = ["name", "is_project_group", "purpose"]
        widgets = {"purpose": TEXT}


class MemberForm(FrameworkModelForm):
    class Meta:
        model = GroupMember
        fields = ["organisation", "function"]

    def limit_choices(self, framework) -> None:
        self.fields["organisation"].queryset = Organisation.objects.filter(
            region=framework.region_id, is_active=True
        ).order_by("name")
