"""Forms of the participation plan and the input log. They collect input and offer only the
framework's own items; ``services.participation`` checks and saves."""

from django import forms
from django.utils.translation import gettext_lazy as _

from onderdak.capacity.forms.facilities import ALL
from onderdak.core.forms import Form
from onderdak.framework.forms.process import DATE, TEXT, FrameworkModelForm
from onderdak.framework.models import (
    Action,
    Framework,
    InputItem,
    Ladder,
    ParticipationSession,
    ResponseKind,
    Stakeholder,
)
from onderdak.framework.selectors.participation import InputFilters
from onderdak.framework.services.participation import ladder_error
from onderdak.region.models import Organisation


def framework_actions(framework: Framework):
    return Action.objects.filter(ambition__theme__framework=framework).order_by(
        "ambition__theme__position", "ambition__position", "position", "pk"
    )


class StakeholderForm(FrameworkModelForm):
    class Meta:
        model = Stakeholder
        fields = ["kind", "organisation", "name", "policy_domain", "notes"]
        widgets = {"notes": TEXT}

    def limit_choices(self, framework) -> None:
        self.fields["organisation"].queryset = Organisation.objects.filter(
            region=framework.region_id, is_active=True
        ).order_by("name")
        self.fields["organisation"].help_text = _("For a stakeholder that is an organisation.")
        self.fields["name"].help_text = _("For a group, e.g. experts by experience or residents.")


class StakeholderLevelsForm(Form):
    """One choice per phase: the stakeholder's rung of the ladder, or none."""

    def __init__(self, *args, stakeholder: Stakeholder, phases, **kwargs):
        super().__init__(*args, **kwargs)
        self.phases = list(phases)
        chosen = {level.phase_id: level.level for level in stakeholder.levels.all()}
        for phase in self.phases:
            self.fields[f"phase_{phase.pk}"] = forms.ChoiceField(
                label=phase.name,
                required=False,
                choices=[("", _("not involved")), *Ladder.choices],
                initial=chosen.get(phase.pk, ""),
                error_messages={"invalid_choice": ladder_error()},
            )

    def levels(self) -> dict:
        return {phase: self.cleaned_data[f"phase_{phase.pk}"] for phase in self.phases}


class SessionForm(FrameworkModelForm):
    class Meta:
        model = ParticipationSession
        fields = ["title", "held_on", "phase", "participants", "topics"]
        widgets = {"held_on": DATE, "topics": TEXT}

    def limit_choices(self, framework) -> None:
        self.fields["phase"].queryset = framework.phases.all()
        self.fields["participants"].queryset = framework.stakeholders.select_related("organisation")


class InputForm(FrameworkModelForm):
    class Meta:
        model = InputItem
        fields = ["stakeholder", "session", "received_on", "theme", "action", "text"]
        widgets = {"received_on": DATE, "text": TEXT}

    def limit_choices(self, framework) -> None:
        self.fields["stakeholder"].queryset = framework.stakeholders.select_related("organisation")
        self.fields["session"].queryset = framework.sessions.all()
        self.fields["theme"].queryset = framework.themes.all()
        self.fields["action"].queryset = framework_actions(framework)


class RespondForm(FrameworkModelForm):
    class Meta:
        model = InputItem
        fields = ["response", "response_text", "response_theme", "response_action"]
        widgets = {"response_text": TEXT}

    def limit_choices(self, framework) -> None:
        self.fields["response"].choices = [
            c for c in ResponseKind.choices if c[0] != ResponseKind.OPEN
        ]
        self.fields["response_text"].required = True
        self.fields["response_theme"].queryset = framework.themes.all()
        self.fields["response_action"].queryset = framework_actions(framework)


class InputFilterForm(Form):
    """The log's filters, in the address (``?zonder_reactie=on&belanghebbende=…``)."""

    zonder_reactie = forms.BooleanField(label=_("Only input without a response"), required=False)
    belanghebbende = forms.TypedChoiceField(
        label=_("Stakeholder"), required=False, coerce=int, empty_value=None
    )
    sessie = forms.TypedChoiceField(
        label=_("Session"), required=False, coerce=int, empty_value=None
    )
    thema = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int, empty_value=None)
    reactie = forms.ChoiceField(
        label=_("Response"), required=False, choices=[ALL, *ResponseKind.choices]
    )

    def __init__(self, *args, framework: Framework, **kwargs):
        super().__init__(*args, **kwargs)
        choices = (
            ("belanghebbende", framework.stakeholders.select_related("organisation")),
            ("sessie", framework.sessions.all()),
            ("thema", framework.themes.all()),
        )
        for name, items in choices:
            self.fields[name].choices = [ALL, *((i.pk, str(i)) for i in items)]

    def to_filters(self) -> InputFilters:
        if not self.is_valid():
            return InputFilters()
        data = self.cleaned_data
        return InputFilters(
            unanswered=data["zonder_reactie"],
            stakeholder=data["belanghebbende"],
            session=data["sessie"],
            theme=data["thema"],
            response=data["reactie"],
        )
