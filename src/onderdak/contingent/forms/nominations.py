"""Forms of the nomination pages. They collect input; ``services.nominations`` validates and saves.

A new nomination is made in two steps: first the year and the stream (``NominationStartForm``),
because the eligibility checklist belongs to them; then ``NominationForm`` with its fieldsets.
"""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from onderdak.contingent.models import (
    DocumentKind,
    Nomination,
    NominationStatus,
    Stream,
)
from onderdak.contingent.selectors.nominations import NominationFilters
from onderdak.contingent.services.documents import MAX_BYTES
from onderdak.contingent.services.nominations import DETAIL_FIELDS
from onderdak.core.api.exceptions import NON_FIELD
from onderdak.core.errors import DomainError
from onderdak.core.forms import TEXTBOX, Form, ModelForm

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
#: The service names the client's fields ``client.<name>``; the form has them flat.
CLIENT_FIELDS = {
    "client.name": "client_name",
    "client.date_of_birth": "client_date_of_birth",
    "client.client_number": "client_number",
}


class YearChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj.year)


class NominationFilterForm(Form):
    """The list's filters, in the address as ``?status=…&jaar=…&stroom=…&gemeente=…&zoek=…``."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("all")), *NominationStatus.choices]
    )
    jaar = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    stroom = forms.ChoiceField(
        label=_("Stream"), required=False, choices=[("", _("both")), *Stream.choices]
    )
    gemeente = forms.ChoiceField(label=_("Municipality of ties"), required=False)
    zoek = forms.CharField(
        label=_("Client number or name"), required=False, max_length=100, strip=True
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [
            ("", _("all")),
            *((m.cbs_code, m.name) for m in municipalities),
        ]

    def to_filters(self) -> NominationFilters:
        if not self.is_valid():
            return NominationFilters()
        data = self.cleaned_data
        return NominationFilters(
            status=data["status"],
            year=data["jaar"],
            stream=data["stroom"],
            municipality=data["gemeente"],
            query=data["zoek"],
        )


class NominationStartForm(Form):
    """Step 1 of a new nomination: the year and the stream decide the checklist."""

    jaar = YearChoiceField(label=_("Contingent year"), queryset=None, empty_label=None)
    stroom = forms.ChoiceField(label=_("Stream"), choices=Stream.choices)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].queryset = years


class ServiceErrorsMixin:
    """Shows a service's ``DomainError`` beside the inputs the user typed the values in."""

    def service_error(self, error: DomainError) -> None:
        for name, messages in error.fields.items():
            name = CLIENT_FIELDS.get(name, name)
            target = name if name in self.fields else None
            for message in messages:
                self.add_error(target, message)
        if not error.fields or NON_FIELD in error.fields:
            self.add_error(None, str(error.message))


class NominationForm(ServiceErrorsMixin, ModelForm):
    """The nomination itself, in the fieldsets the page shows (``fieldsets``). It is never
    saved as a model form: the service saves."""

    provider = forms.ModelChoiceField(label=_("Nominating care provider"), queryset=None)
    client_name = forms.CharField(label=_("Name"), max_length=200)
    client_date_of_birth = forms.DateField(label=_("Date of birth"), widget=DATE)
    client_number = forms.CharField(
        label=_("Client number"),
        max_length=50,
        help_text=_("Your organisation's own client number. Never the BSN."),
    )
    preferred_municipalities = forms.ModelMultipleChoiceField(
        label=_("Preferred municipalities"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    criteria_met = forms.ModelMultipleChoiceField(
        label=_("The client meets"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every criterion must be met before the nomination can be submitted."),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Nomination
        fields = DETAIL_FIELDS

    FIELDSETS = (
        (_("Client"), ("provider", "client_name", "client_date_of_birth", "client_number")),
        (_("Household and income"), ("household_adults", "household_children", "income_band")),
        (
            _("Needs"),
            ("rooms_needed", "needs_ground_floor_or_lift", "needs_wheelchair_access", "urgent"),
        ),
        (_("Ties and situation"), ("tie_municipality", "current_situation", "current_facility")),
        (_("Guidance"), ("guidance_provider", "guidance_intensity", "guidance_months")),
        (_("Preferences"), ("preferred_municipalities",)),
        (_("Eligibility checklist"), ("criteria_met",)),
    )
    #: The fieldset under which the table of excluded municipalities follows.
    EXCLUSIONS_AFTER = "preferred_municipalities"

    def __init__(self, *args, providers, municipalities, guidance_providers, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = list(municipalities)
        for municipality in self.municipalities:
            self.fields[_exclusion_name(municipality)] = forms.CharField(
                label=_("Reason to exclude %(name)s") % {"name": municipality.name},
                required=False,
                max_length=300,
                widget=forms.TextInput(attrs={"class": TEXTBOX}),
            )
        self.fields["provider"].queryset = providers
        self.fields["tie_municipality"].queryset = municipalities
        self.fields["preferred_municipalities"].queryset = municipalities
        self.fields["guidance_provider"].queryset = guidance_providers
        self.fields["criteria_met"].queryset = criteria
        if len(providers) == 1:  # nothing to choose: the user's own provider
            self.fields["provider"].widget = forms.HiddenInput()
            self.initial.setdefault("provider", providers[0].pk)
        for name in ("preferred_municipalities", "criteria_met"):
            # Django puts a checkbox list's class on its wrapper too: plain checkboxes instead.
            self.fields[name].widget.attrs.pop("class", None)

    def fieldsets(self) -> list[dict]:
        """The fieldsets in the order of the page: legend, visible bound fields, and whether the
        table of excluded municipalities follows."""
        return [
            {
                "legend": legend,
                "fields": [self[n] for n in names if n in self.fields and not self[n].is_hidden],
                "exclusions": self.EXCLUSIONS_AFTER in names,
            }
            for legend, names in self.FIELDSETS
        ]

    def exclusion_fields(self):
        """(municipality, the reason input) for the exclusions table."""
        return [(m, self[_exclusion_name(m)]) for m in self.municipalities]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "client": {
                "name": data["client_name"],
                "date_of_birth": data["client_date_of_birth"],
                "client_number": data["client_number"],
            },
            "data": {name: data[name] for name in DETAIL_FIELDS},
            "preferred_municipalities": list(data["preferred_municipalities"]),
            "exclusions": [
                {"municipality": m, "reason": data[_exclusion_name(m)]}
                for m in self.municipalities
                if data[_exclusion_name(m)]
            ],
            "criteria_met": list(data["criteria_met"]),
        }

    @classmethod
    def initial_for(cls, nomination: Nomination) -> dict:
        """What the form shows for an existing nomination."""
        initial = {name: getattr(nomination, name) for name in DETAIL_FIELDS}
        initial.update(
            provider=nomination.provider_id,
            client_name=nomination.client.name,
            client_date_of_birth=nomination.client.date_of_birth,
            client_number=nomination.client.client_number,
            preferred_municipalities=[m.pk for m in nomination.preferred_municipalities.all()],
            criteria_met=[c.pk for c in nomination.criteria_met.all()],
            version=nomination.version,
            tie_municipality=nomination.tie_municipality_id,
            guidance_provider=nomination.guidance_provider_id,
        )
        for exclusion in nomination.exclusions.all():
            initial[_exclusion_name(exclusion.municipality)] = exclusion.reason
        return initial

    @staticmethod
    def new_submission_key() -> uuid.UUID:
        return uuid.uuid4()


def _exclusion_name(municipality) -> str:
    return f"exclude_{municipality.pk}"


class DocumentForm(Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word (DOCX), OpenDocument (ODT), JPEG or PNG; at most %(mb)d MB.")
        % {"mb": MAX_BYTES // (1024 * 1024)},
    )
