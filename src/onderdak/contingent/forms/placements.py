"""Forms of the placement pages: the list filters, the steps with their dates, the evaluations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from onderdak.contingent.forms.dwellings import DATE, CaseFilterForm, StepWithFieldsForm
from onderdak.contingent.forms.proposals import reason_widget
from onderdak.contingent.models import EndReason, Evaluation, PlacementStatus, Rating
from onderdak.contingent.models.base import REASON_LENGTH
from onderdak.core.forms import ModelForm


class PlacementFilterForm(CaseFilterForm):
    statuses = PlacementStatus.choices


class ExtendForm(StepWithFieldsForm):
    guidance_end = forms.DateField(label=_("New end of the guidance agreement"), widget=DATE)

    extra = ("guidance_end",)


class TransferForm(StepWithFieldsForm):
    transfer_date = forms.DateField(label=_("Lease transferred on"), widget=DATE)

    extra = ("transfer_date",)


class EndForm(StepWithFieldsForm):
    ended_on = forms.DateField(label=_("Ended on"), widget=DATE)
    end_reason = forms.ChoiceField(label=_("Reason it ended"), choices=EndReason.choices)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=REASON_LENGTH, widget=reason_widget()
    )

    extra = ("ended_on", "end_reason", "note")


class EvaluationForm(ModelForm):
    """How the placement goes: each part rated, with a note."""

    class Meta:
        model = Evaluation
        fields = ["held_on", "living", "rent_payment", "tenancy", "guidance", "goals", "note"]
        widgets = {"held_on": DATE, "note": reason_widget()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].required = True
        for name in ("living", "rent_payment", "tenancy", "guidance", "goals"):
            field = self.fields[name]
            field.required = True
            field.choices = [("", _("choose")), *Rating.choices]
