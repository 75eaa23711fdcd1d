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
    """Adds the design-system classes and ``aria-invalid`` to every widget."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            css = next(
                (c for kind, c in WIDGET_CLASSES.items() if isinstance(widget, kind)), TEXTBOX
            )
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
            if self.is_bound and name in self.errors:
                widget.attrs["aria-invalid"] = "true"


class Form(StyledFormMixin, forms.Form):
    pass


class ModelForm(StyledFormMixin, forms.ModelForm):
    pass
