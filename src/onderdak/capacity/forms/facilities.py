"""Forms of the facility register. They collect input; ``services.facilities`` checks and saves.

The choices are the region's: its care providers and municipalities, and the facility types in
use (a facility keeps its own type and care provider even when they went out of use).
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from onderdak.capacity.models import Facility, FacilityType
from onderdak.capacity.models.facilities import MAX_PLACES
from onderdak.capacity.selectors.facilities import FacilityFilters
from onderdak.capacity.services.facilities import EDITABLE, contract_error
from onderdak.core.forms import Form, ModelForm
from onderdak.funding.forms import AmountField
from onderdak.region.models import Level, Municipality, Organisation, OrganisationKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ALL = ("", _("all"))


class FacilityForm(ModelForm):
    """A facility's details; an empty level is the type's usual level."""

    tariff_per_day = AmountField(label=_("Tariff per place per day (euro)"), max_digits=8)

    class Meta:
        model = Facility
        fields = list(EDITABLE)
        widgets = {
            "contract_start": DATE,
            "contract_end": DATE,
            "notes": forms.Textarea(attrs={"rows": 3}),
            "places": forms.NumberInput(attrs={"min": 0, "max": MAX_PLACES}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        facility = self.instance
        region = facility.region
        self.fields["provider"].queryset = Organisation.objects.filter(
            Q(is_active=True) | Q(pk=facility.provider_id),
            region=region,
            kind=OrganisationKind.CARE_PROVIDER,
        ).order_by("name")
        self.fields["municipality"].queryset = (
            Municipality.objects.filter(region=region).defer("boundary").order_by("name")
        )
        self.fields["facility_type"].queryset = FacilityType.objects.filter(
            Q(is_active=True) | Q(pk=facility.facility_type_id)
        )
        self.fields["level"].required = False
        self.fields["level"].choices = [("", _("the type's usual level")), *Level.choices]
        self.fields["tariff_source"].help_text = _(
            "Where the tariff comes from, e.g. the contract or the decision and its date."
        )

    def clean(self):
        """The contract's dates in order, said on the end date (the model's own check would say
        it for the form as a whole)."""
        data = super().clean()
        problem = contract_error(data.get("contract_start"), data.get("contract_end"))
        if problem:
            self.add_error("contract_end", problem)
        return data


class FacilityFilterForm(Form):
    """The list's filters, in the address (``?gemeente=…&subregio=…&soort=…``)."""

    gemeente = forms.ChoiceField(label=_("Municipality"), required=False)
    subregio = forms.TypedChoiceField(
        label=_("Subregion"), required=False, coerce=int, empty_value=None
    )
    soort = forms.ChoiceField(label=_("Type"), required=False)
    niveau = forms.ChoiceField(label=_("Level"), required=False, choices=[ALL, *Level.choices])
    aanbieder = forms.TypedChoiceField(
        label=_("Care provider"), required=False, coerce=int, empty_value=None
    )
    actief = forms.ChoiceField(
        label=_("Active"),
        required=False,
        initial="yes",
        choices=[("yes", _("active")), ("no", _("inactive")), ("", _("all"))],
    )

    def __init__(self, *args, municipalities, subregions, types, providers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [ALL, *((m.cbs_code, m.name) for m in municipalities)]
        self.fields["subregio"].choices = [ALL, *((s.pk, s.name) for s in subregions)]
        self.fields["soort"].choices = [ALL, *((t.code, t.label) for t in types)]
        self.fields["aanbieder"].choices = [ALL, *((p.pk, p.name) for p in providers)]

    def to_filters(self) -> FacilityFilters:
        if not self.is_valid():
            return FacilityFilters()
        data = self.cleaned_data
        return FacilityFilters(
            municipality=data["gemeente"],
            subregion=data["subregio"],
            facility_type=data["soort"],
            level=data["niveau"],
            provider=data["aanbieder"],
            active=data["actief"],
        )
