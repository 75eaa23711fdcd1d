"""What the forms of the participation plan, the decision route and the project plan share."""

from django import forms

from onderdak.capacity.forms.facilities import DATE
from onderdak.core.forms import ModelForm

TEXT = forms.Textarea(attrs={"rows": 4})

__all__ = ["DATE", "TEXT", "FrameworkModelForm"]


class FrameworkModelForm(ModelForm):
    """A form about a record of ``framework``: its choices are limited to the framework's items
    in ``limit_choices`` (the service checks again)."""

    def __init__(self, *args, framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.framework = framework
        self.limit_choices(framework)

    def limit_choices(self, framework) -> None:
        """Subclasses narrow their choice fields to the framework's own items."""
