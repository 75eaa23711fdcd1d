"""Forms of the plan pages: the plan's period, and its places as a grid.

The grids reuse the funding module's ``GridForm`` (one table of inputs, service errors put on the
input they are about): a municipality's types x years, or a subregion's municipalities x years for
one type. An empty input clears the places of that cell; the service checks everything else.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderdak.capacity.models import CapacityPlan, FacilityType
from onderdak.capacity.services.plans import PlanEntry
from onderdak.core.forms import Form
from onderdak.funding.forms import GridForm, ServiceErrorsMixin
from onderdak.region.models import Municipality


class PlanForm(ServiceErrorsMixin, Form):
    """The plan's period and notes; the service checks them (the target after the baseline,
    no lines outside a shorter period)."""

    first_year = CapacityPlan._meta.get_field("first_year").formfield(
        help_text=gettext_lazy("The baseline: the places there are in this year.")
    )
    last_year = CapacityPlan._meta.get_field("last_year").formfield(
        help_text=gettext_lazy("The target: the places the region aims for by then.")
    )
    notes = CapacityPlan._meta.get_field("notes").formfield(
        widget=forms.Textarea(attrs={"rows": 3})
    )


def places_field(label: str, initial: int | None) -> forms.IntegerField:
    """Places in one cell; empty means none planned. Negative numbers reach the service, which
    refuses them with its own message."""
    field = forms.IntegerField(label=label, required=False, initial=initial)
    field.widget.attrs["inputmode"] = "numeric"
    return field


@dataclass(frozen=True)
class PlacesRow:
    """A row of a places grid: the municipality and type its inputs are about."""

    key: str  # part of its inputs' names
    label: str
    municipality: Municipality
    facility_type: FacilityType


def municipality_rows(municipality: Municipality, types: Sequence[FacilityType]) -> list[PlacesRow]:
    """One municipality's plan: a row per facility type."""
    return [PlacesRow(t.code, t.label, municipality, t) for t in types]


def subregion_rows(
    municipalities: Sequence[Municipality], facility_type: FacilityType
) -> list[PlacesRow]:
    """One type's plan in a subregion: a row per municipality."""
    return [PlacesRow(m.cbs_code, m.name, m, facility_type) for m in municipalities]


class PlacesGridForm(GridForm):
    """Places per row and year; ``entered`` holds the current places by (row key, year)."""

    def __init__(
        self,
        *args,
        years: Sequence[int],
        rows: Sequence[PlacesRow],
        entered: dict[tuple[str, int], int],
        row_header: str,
        **kwargs,
    ):
        self.years, self.row_specs, self.entered = list(years), list(rows), entered
        self.row_header = row_header
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        self.columns = [str(year) for year in self.years]
        for row in self.row_specs:
            names = [self._add_field(row, year) for year in self.years]
            self.rows.append((row.label, names))

    def _add_field(self, row: PlacesRow, year: int) -> str:
        name = f"places_{row.key}_{year}"
        label = _("%(row)s, %(year)s: places") % {"row": row.label, "year": year}
        self.fields[name] = places_field(label, self.entered.get((row.key, year)))
        return name

    def entries(self) -> list[PlanEntry]:
        """Every input as an entry (empty ones clear their cell), in the order of the table."""
        entries = []
        for row in self.row_specs:
            for year in self.years:
                name = f"places_{row.key}_{year}"
                self.entry_fields[str(len(entries))] = {"": name}
                places = self.cleaned_data.get(name)
                entries.append(PlanEntry(row.municipality, row.facility_type, year, places))
        return entries
