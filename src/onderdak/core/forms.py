"""Form rendering in NL Design System style: every field with its label, hint and errors linked."""

from django import forms
from django.forms import BoundField
from django.forms.renderers import DjangoTemplates
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

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


def render_widget(field: BoundField) -> SafeString:
    """The field's widget, as ``field.as_widget()`` renders it, for a page with many inputs.

    Django renders every widget and every ``<option>`` through a template; a table of a few
    hundred inputs spends most of its time there. Plain inputs and flat selects are written
    here directly (the same markup, proven equal in the tests); other widgets go the usual way.
    """
    widget = field.field.widget
    kind = type(widget)
    if kind in (forms.Select, forms.TextInput, forms.NumberInput) and _flat(widget):
        attrs = widget.build_attrs(widget.attrs, _extra_attrs(field, widget))
        if kind is forms.Select:
            return _select(field, widget, attrs)
        return _input(field, widget, attrs)
    return field.as_widget()


def _flat(widget: forms.Widget) -> bool:
    """Whether a widget is an input, or a select with options and no option groups."""
    if not isinstance(widget, forms.Select):
        return True
    choices = list(widget.choices)
    return bool(choices) and not any(isinstance(label, list | tuple) for _, label in choices)


def _extra_attrs(field: BoundField, widget: forms.Widget) -> dict:
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs["id"] = field.auto_id
    return attrs


def _attributes(attrs: dict) -> SafeString:
    """As ``django/forms/widgets/attrs.html``: in order, ``True`` as a bare name, ``False`` left out
    (``flatatt`` would move the bare names to the end)."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


def _input(field: BoundField, widget: forms.widgets.Input, attrs: dict) -> SafeString:
    value = widget.format_value(field.value())
    shown = "" if value is None else format_html(' value="{}"', value)
    html = '<input type="{}" name="{}"{}{}>'
    return format_html(html, widget.input_type, field.html_name, shown, _attributes(attrs))


def _select(field: BoundField, widget: forms.Select, attrs: dict) -> SafeString:
    selected = set(widget.format_value(field.value()))
    options = format_html_join(
        "\n\n  ",
        '<option value="{}"{}>{}</option>',
        (
            (value, " selected" if str(value) in selected else "", label)
            for value, label in widget.choices
        ),
    )
    html = '<select name="{}"{}>\n  {}\n\n</select>'
    return format_html(html, field.html_name, _attributes(attrs), options)
