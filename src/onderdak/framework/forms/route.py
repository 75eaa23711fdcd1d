"""Forms of the decision route: a step, its outcome and a paper; ``services.route`` checks."""

from django import forms
from django.utils.translation import gettext_lazy as _

from onderdak.core.forms import Form
from onderdak.framework.forms.process import DATE, FrameworkModelForm
from onderdak.framework.models import DecisionStep, Outcome
from onderdak.framework.models.reference import TITLE_LENGTH
from onderdak.framework.models.route import MAX_PAPER_SIZE
from onderdak.region.models import Municipality


class StepForm(FrameworkModelForm):
    class Meta:
        model = DecisionStep
        fields = ["body", "municipality", "planned_on", "held_on", "note"]
        widgets = {"planned_on": DATE, "held_on": DATE, "note": forms.Textarea(attrs={"rows": 3})}

    def limit_choices(self, framework) -> None:
        self.fields["municipality"].queryset = (
            Municipality.objects.filter(region=framework.region_id)
            .defer("boundary")
            .order_by("name")
        )
        self.fields["municipality"].help_text = _("Only for a municipal college or council.")


class OutcomeForm(Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[c for c in Outcome.choices if c[0] != Outcome.PENDING]
    )
    held_on = forms.DateField(label=_("Held on"), required=False, widget=DATE)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class PaperForm(Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_LENGTH)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word (DOCX) or OpenDocument (ODT); at most %(mb)d MB.")
        % {"mb": MAX_PAPER_SIZE // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.odt"}),
    )
