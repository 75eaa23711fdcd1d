"""Forms of the plan pages: the plan's period, and its places as a grid.

The grids reuse the funding module's ``GridForm`` (one table of inputs, service errors put on the
input they are about): a municipality's types x years, or a subregion's municipalities x years for
one type. An empty input clears the places of that cell; the service checks everything else.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderdak.capacity.models import CapacityPlan, FacilityType
from onderdak.capacity.services.optimisation import OptimisationSettings, TypeLimits
from onderdak.capacity.services.plans import PlanEntry
from onderdak.core.forms import Form
from onderdak.funding.forms import AmountField, GridForm, ServiceErrorsMixin, grouped
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


# --- The plan optimisation -----------------------------------------------------------------------


def _default(cost: Decimal | None) -> str:
    return "" if cost is None else grouped(cost)


class OptimisationForm(GridForm):
    """The optimisation's settings: a budget per year, per type its cost per place and how fast
    its places may change, the growth of demand and the weight of a person left unsheltered.
    Empty inputs take the defaults (no limit; the tariff x 365)."""

    shared_fields = ("demand_growth", "unsheltered_weight", "within_outflow", "integer")
    row_header = gettext_lazy("Type")

    def __init__(self, *args, years, types, default_costs: dict[str, Decimal], **kwargs):
        self.years, self.types, self.default_costs = list(years), list(types), default_costs
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        self.columns = [
            _("Cost per place per year (euro)"),
            _("Places that may be added per year"),
            _("Places that may be closed per year"),
        ]
        for year in self.years:
            self.fields[f"budget_{year}"] = AmountField(
                label=_("Budget %(year)s (euro)") % {"year": year}, required=False
            )
            self.entry_fields[str(year)] = {"": f"budget_{year}"}
        for kind in self.types:
            self._add_type(kind)
        self._add_shared()

    def _add_type(self, kind: FacilityType) -> None:
        names = {
            "cost_per_place": f"cost_{kind.code}",
            "max_increase": f"increase_{kind.code}",
            "max_decrease": f"decrease_{kind.code}",
        }
        cost = AmountField(label=_("%(type)s: cost per place per year") % {"type": kind.label})
        cost.required = False
        self.fields[names["cost_per_place"]] = cost
        for name, label in (
            ("max_increase", _("%(type)s: places that may be added per year")),
            ("max_decrease", _("%(type)s: places that may be closed per year")),
        ):
            self.fields[names[name]] = places_field(label % {"type": kind.label}, None)
        self.rows.append((kind.label, list(names.values())))
        self.entry_fields[kind.code] = {"": names["cost_per_place"], **names}

    def _add_shared(self) -> None:
        self.fields["demand_growth"] = forms.DecimalField(
            label=_("Growth of demand (% a year)"),
            required=False,
            localize=True,
            initial=0,
            help_text=_(
                "Demand is the calibrated inflow times the mean stay; 2 means 2 % more each year."
            ),
        )
        self.fields["unsheltered_weight"] = forms.DecimalField(
            label=_("Weight of a person left without shelter"),
            required=False,
            localize=True,
            initial=1,
            help_text=_(
                "Against 1 for a person on a waiting list: 2 means a place for someone who would "
                "sleep outside counts twice."
            ),
        )
        self.fields["within_outflow"] = forms.BooleanField(
            label=_(
                "Close no more places of a type a year, region-wide, than people leave it "
                "(the plan's check against outflow)"
            ),
            required=False,
            initial=True,
        )
        self.fields["integer"] = forms.BooleanField(
            label=_("Whole places (slower; otherwise fractions of places)"),
            required=False,
            initial=True,
        )

    def budget_fields(self) -> list:
        return [(year, self[f"budget_{year}"]) for year in self.years]

    def type_rows(self) -> list[tuple[str, str, list]]:
        """Per type: its name, its default cost per place (or ""), its inputs."""
        rows = self.grid()
        return [
            (row.label, _default(self.default_costs.get(kind.code)), row.fields)
            for kind, row in zip(self.types, rows, strict=True)
        ]

    def settings(self) -> OptimisationSettings:
        data = self.cleaned_data
        return OptimisationSettings(
            budget={year: data.get(f"budget_{year}") for year in self.years},
            types={
                kind.code: TypeLimits(
                    cost_per_place=data.get(f"cost_{kind.code}"),
                    max_increase=data.get(f"increase_{kind.code}"),
                    max_decrease=data.get(f"decrease_{kind.code}"),
                )
                for kind in self.types
            },
            demand_growth=float(data.get("demand_growth") or 0) / 100,
            unsheltered_weight=float(data.get("unsheltered_weight") or 1),
            integer=bool(data.get("integer")),
            within_outflow=bool(data.get("within_outflow")),
        )
