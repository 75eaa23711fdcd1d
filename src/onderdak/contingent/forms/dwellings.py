"""Forms of the dwelling pages, and the list filters the dwelling, proposal and placement lists
share. They collect input; the services validate and save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from onderdak.contingent.models import (
    Dwelling,
    DwellingStatus,
    DwellingStream,
    Stream,
    normalised_postcode,
)
from onderdak.contingent.models.base import MAX_YEAR, MIN_YEAR
from onderdak.contingent.services.dwellings import EDITABLE_FIELDS
from onderdak.contingent.views.cases import StepForm
from onderdak.core.forms import Form, ModelForm
from onderdak.region.models import Municipality, Organisation, OrganisationKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CaseFilterForm(Form):
    """The filters of a list, in the address (``?status=…&jaar=…&gemeente=…&corporatie=…``,
    ``&stroom=…``). Subclasses set ``statuses`` and ``streams``; municipalities and
    corporations are the region's.
    """

    statuses: list = []
    streams: list = Stream.choices

    status = forms.ChoiceField(label=_("Status"), required=False)
    jaar = forms.IntegerField(
        label=_("Year"), required=False, min_value=MIN_YEAR, max_value=MAX_YEAR
    )
    gemeente = forms.ChoiceField(label=_("Municipality"), required=False)
    corporatie = forms.TypedChoiceField(label=_("Corporation"), required=False, coerce=int)
    stroom = forms.ChoiceField(label=_("Stream"), required=False)

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("all"))]
        self.fields["status"].choices = [*everything, *self.statuses]
        self.fields["stroom"].choices = [*everything, *self.streams]
        municipalities = Municipality.objects.filter(region=region).order_by("name")
        self.fields["gemeente"].choices = [
            *everything,
            *municipalities.values_list("cbs_code", "name"),
        ]
        corporations = Organisation.objects.filter(
            region=region, kind=OrganisationKind.HOUSING_CORPORATION
        ).order_by("name")
        self.fields["corporatie"].choices = [*everything, *corporations.values_list("pk", "name")]

    def filters(self) -> dict:
        """The selector's keyword arguments; none when the filters are not valid."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "status": data["status"],
            "year": data["jaar"],
            "municipality": data["gemeente"],
            "corporation": data["corporatie"] or None,
            "stream": data["stroom"],
        }


class StepWithFieldsForm(StepForm):
    """A step whose service takes more than the version and a reason: the fields in ``extra``."""

    extra: tuple[str, ...] = ()

    def step_data(self) -> dict:
        return {**super().step_data(), **{name: self.cleaned_data[name] for name in self.extra}}


class DwellingFilterForm(CaseFilterForm):
    statuses = DwellingStatus.choices
    streams = DwellingStream.choices


class YearChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj.year)


class DwellingForm(ModelForm):
    """A dwelling's address and features. New: also the corporation (when the officer works for
    more than one) and the year it counts towards; a change: the version that was read."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Dwelling
        fields = [
            "contingent_year",
            "corporation",
            "street",
            "house_number",
            "postcode",
            "place",
            "municipality",
            "dwelling_type",
            "rooms",
            "floor",
            "has_lift",
            "wheelchair_accessible",
            "rent",
            "available_from",
            "stream",
        ]
        field_classes = {"contingent_year": YearChoiceField}
        widgets = {"available_from": DATE}

    def __init__(self, *args, years=None, corporations=(), region=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["postcode"].widget.attrs.update(autocomplete="postal-code")
        if self.instance.pk:
            self.fields["version"].required = True
            del self.fields["contingent_year"], self.fields["corporation"]
            self.fields["municipality"].queryset = Municipality.objects.filter(
                region=self.instance.contingent_year.region_id
            )
            return
        del self.fields["version"]
        self.fields["contingent_year"].queryset = years
        self.fields["contingent_year"].empty_label = None
        self.fields["municipality"].queryset = Municipality.objects.filter(region=region)
        if len(corporations) > 1:
            self.fields["corporation"].queryset = Organisation.objects.filter(
                pk__in=[c.pk for c in corporations]
            )
        else:
            del self.fields["corporation"]

    def clean_postcode(self) -> str:
        return normalised_postcode(self.cleaned_data["postcode"])

    def changes(self) -> dict:
        """The entered values the service takes (``EDITABLE_FIELDS``)."""
        return {name: value for name, value in self.cleaned_data.items() if name in EDITABLE_FIELDS}
