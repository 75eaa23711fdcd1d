"""The upload form of an import: one file, whose type and size the service checks."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderdak.core.forms import Form
from onderdak.imports.files.reading import megabytes


class ImportForm(Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.txt"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "A CSV file or an Excel workbook (.xlsx) in the layout of the template; at most "
            "%(limit)s MB."
        ) % {"limit": megabytes(settings.IMPORT_MAX_BYTES)}
