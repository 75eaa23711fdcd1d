"""``render_widget`` writes exactly what Django's widget templates write."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from onderdak.core.forms import Form, render_widget

YEARS = [("", "—"), (2024, "2024"), (2025, "2025")]


class Sample(Form):
    year = forms.TypedChoiceField(choices=YEARS, coerce=int, required=False)
    name = forms.CharField(max_length=20, widget=forms.TextInput(attrs={"class": "wide"}))
    amount = forms.DecimalField(localize=True, help_text="In euro.")
    rooms = forms.IntegerField(min_value=0, disabled=True)
    groups = forms.ChoiceField(choices=[("Group", [("a", "A")])])
    empty = forms.ChoiceField(choices=[])
    note = forms.CharField(widget=forms.Textarea)


@pytest.mark.parametrize(
    "form",
    [
        Sample(),
        Sample(initial={"year": 2025, "name": 'a "quoted" <name>', "amount": Decimal("1234.5")}),
        Sample(data={"year": "2024", "name": "", "amount": "12,5", "rooms": "x"}),
        Sample(data={"year": "1999", "amount": "<b>"}),
    ],
    ids=["empty", "initial", "bound", "invalid"],
)
@pytest.mark.parametrize("name", list(Sample.base_fields))
def test_same_markup_as_the_widget_templates(form, name):
    with translation.override("nl"):
        form.is_bound and form.is_valid()
        assert render_widget(form[name]) == form[name].as_widget()
