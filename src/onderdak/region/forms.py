from django.utils.translation import gettext_lazy as _

from onderdak.core.forms import ModelForm
from onderdak.region.models import Organisation, PopulationFigure


class OrganisationForm(ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "municipality", "website", "is_active"]

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.region = region
        self.fields["municipality"].queryset = region.municipalities.order_by("name")


class PopulationFigureForm(ModelForm):
    class Meta:
        model = PopulationFigure
        fields = ["reference_date", "population", "source_url", "source_note"]
        help_texts = {
            "reference_date": _("The date the figure refers to, e.g. 2025-01-01 (YYYY-MM-DD)."),
            "source_url": _("Link to the source, e.g. the CBS StatLine table 03759ned."),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.municipality = municipality
