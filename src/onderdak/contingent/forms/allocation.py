"""Forms of allocation: the rent limits, starting a run, a change by hand."""

from django import forms
from django.utils.translation import gettext_lazy as _

from onderdak.contingent.models import RunMode, Stream
from onderdak.contingent.models.base import REASON_LENGTH, SOURCE_LENGTH
from onderdak.contingent.models.dwellings import MAX_RENT, MIN_RENT
from onderdak.core.forms import Form
from onderdak.engines.allocation import CRITERIA

CRITERION_LABELS = {
    "preferred_area": _("Preferred municipality or subregion"),
    "waiting_time": _("Waiting time since approval"),
    "guidance_nearby": _("Guidance provider in the same subregion"),
    "household_fit": _("Household size fits the dwelling"),
    "urgency": _("Urgency"),
}


class LimitsForm(Form):
    """The highest rent per row, and the source of the figures."""

    def __init__(self, *args, limits, **kwargs):
        super().__init__(*args, **kwargs)
        self.limits = list(limits)
        for limit in self.limits:
            self.fields[f"rent_{limit.pk}"] = forms.DecimalField(
                label=limit.label,
                min_value=MIN_RENT,
                max_value=MAX_RENT,
                decimal_places=2,
                initial=limit.max_rent,
            )
        self.fields["source"] = forms.CharField(
            label=_("Source of the figures"),
            max_length=SOURCE_LENGTH,
            initial=self.limits[0].source if self.limits else "",
        )

    def rows(self) -> list:
        return [(limit, self.cleaned_data[f"rent_{limit.pk}"]) for limit in self.limits]


class RunStartForm(Form):
    stream = forms.ChoiceField(
        label=_("Stream"), choices=[("", _("both streams")), *Stream.choices], required=False
    )
    subregion = forms.ModelChoiceField(
        label=_("Subregion"), queryset=None, required=False, empty_label=_("the whole region")
    )
    approved_from = forms.DateField(
        label=_("Approved from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    approved_to = forms.DateField(
        label=_("Approved up to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    mode = forms.ChoiceField(label=_("Objective"), choices=RunMode.choices)

    def __init__(self, *args, subregions, weights: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subregion"].queryset = subregions
        for criterion in CRITERIA:
            self.fields[f"weight_{criterion.id}"] = forms.IntegerField(
                label=_("Weight: %(criterion)s")
                % {"criterion": CRITERION_LABELS.get(criterion.id, criterion.id)},
                min_value=0,
                max_value=100,
                initial=weights.get(criterion.id, 0),
            )

    def weights(self) -> dict:
        return {c.id: self.cleaned_data[f"weight_{c.id}"] for c in CRITERIA}


class RunChangeForm(Form):
    nomination = forms.TypedChoiceField(label=_("Nomination"), coerce=int)
    dwelling = forms.TypedChoiceField(
        label=_("New dwelling"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("No dwelling: the assignment is taken out."),
    )
    reason = forms.CharField(
        label=_("Reason"), max_length=REASON_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, nominations, dwellings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomination"].choices = nominations
        self.fields["dwelling"].choices = [("", _("No dwelling (take out)")), *dwellings]
