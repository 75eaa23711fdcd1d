"""Form rendering in NL Design System style: every field with its label, hint and errors linked."""

from django import forms
from django.forms.renderers import DjangoTemplates

WIDGET_CLASSES = {
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


class FormRenderer(DjangoTemplates):
    field_template_name = "core/forms/field.html"


class StyledFormMixin:
    """Adds the design-system classes to every widget and ``aria-invalid`` to those in error.

    ``aria-invalid`` is set after validation (``full_clean``), not in ``__init__``: validating
    there would run before a subclass's ``__init__`` has adjusted its fields (choices, querysets,
    ``required``), and Django keeps that first outcome.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = next(
                (c for kind, c in WIDGET_CLASSES.items() if isinstance(widget, kind)), TEXTBOX
            )
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def full_clean(self):
        super().full_clean()
        for name in self._errors or {}:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-invalid"] = "true"


class Form(StyledFormMixin, forms.Form):
    pass


class ModelForm(StyledFormMixin, forms.ModelForm):
    pass
