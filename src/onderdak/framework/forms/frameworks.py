"""The form of a framework itself: title, period, vision. ``services.frameworks`` cleans and
saves."""

from django import forms
from django.utils.translation import gettext_lazy as _

from onderdak.core.forms import ModelForm
from onderdak.framework.models import Framework


class FrameworkForm(ModelForm):
    class Meta:
        model = Framework
        fields = ["title", "first_year", "last_year", "vision"]
        widgets = {"vision": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "vision": _(
                "Pasted text keeps its paragraphs, lists and emphasis; other markup is removed."
            ),
        }

    def clean(self):
        data = super().clean()
        first, last = data.get("first_year"), data.get("last_year")
        if first and last and last < first:
            self.add_error("last_year", _("The last year cannot come before the first year."))
        return data

    def _post_clean(self):
        """The service checks the model (and cleans the vision first)."""
