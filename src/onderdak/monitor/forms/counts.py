"""The form of a count's details. It only collects them; the services validate and save."""

from django import forms

from onderdak.core.forms import ModelForm
from onderdak.monitor.models import Count
from onderdak.monitor.services.counts import EDITABLE


class CountForm(ModelForm):
    class Meta:
        model = Count
        fields = list(EDITABLE)
        widgets = {
            "count_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "method": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
