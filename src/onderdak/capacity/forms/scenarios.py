"""Forms of the scenario pages: the scenario's main parameters, its changes to the plan, and its
settings per facility type. They only collect input: ``services.scenarios_parameters`` checks
it and says what is wrong, which the grid forms put on the input it is about."""

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderdak.capacity.models import FacilityType, Scenario
from onderdak.capacity.services.scenarios_parameters import (
    DESTINATIONS,
    ChangeAction,
    Split,
    StayKind,
)
from onderdak.core.api.exceptions import NON_FIELD
from onderdak.core.forms import Form
from onderdak.funding.forms import SERVICE_FIELD, GridForm, ServiceErrorsMixin
from onderdak.region.models import Municipality, Subregion


def decimal_field(label: str, *, required: bool = False, help_text: str = "", **limits):
    field = forms.DecimalField(
        label=label,
        required=required,
        max_digits=9,
        decimal_places=4,
        localize=True,
        help_text=help_text,
        **limits,
    )
    field.widget.attrs["inputmode"] = "decimal"
    return field


def number(value) -> float | None:
    """A form's decimal as the JSON number the service reads."""
    return None if value is None else float(value)


class ScenarioForm(ServiceErrorsMixin, Form):
    """A scenario's name and main parameters; an empty input means the default."""

    name = Scenario._meta.get_field("name").formfield()
    description = Scenario._meta.get_field("description").formfield(
        widget=forms.Textarea(attrs={"rows": 3})
    )
    horizon_months = forms.IntegerField(
        label=gettext_lazy("Horizon (months)"),
        required=False,
        help_text=gettext_lazy("How far ahead the simulation looks: 1 to 600 months; default 120."),
    )
    start_month = forms.CharField(
        label=gettext_lazy("First month"),
        required=False,
        max_length=7,
        help_text=gettext_lazy(
            "As YYYY-MM, e.g. 2027-01; default the month after the latest monthly figures."
        ),
    )
    runs = forms.IntegerField(
        label=gettext_lazy("Runs"),
        required=False,
        help_text=gettext_lazy(
            "How many times the future is drawn: 1 to 10,000; default 1,000. More runs give "
            "steadier bands and take longer."
        ),
    )
    seed = forms.IntegerField(
        label=gettext_lazy("Seed"),
        required=False,
        help_text=gettext_lazy(
            "The start of the random numbers; the same seed and data give the same result. "
            "Default 0."
        ),
    )
    contingent_per_year = forms.IntegerField(
        label=gettext_lazy("Contingent dwellings per year"),
        required=False,
        help_text=gettext_lazy(
            "The whole contingent; its outflow stream serves people leaving a facility (the "
            "year's share, else 200 of 250). Default the region's contingent years (the latest "
            "year for later years), else 250."
        ),
    )
    contingent_split = forms.ChoiceField(
        label=gettext_lazy("Split of the contingent over the municipalities"),
        choices=[
            (Split.POPULATION, gettext_lazy("by population")),
            (
                Split.SPREAD_TARGETS,
                gettext_lazy("by the year's spread targets, the rest by population"),
            ),
        ],
    )
    inflow_multiplier = decimal_field(
        gettext_lazy("Inflow multiplier"),
        help_text=gettext_lazy("1.2: a fifth more newcomers than the calibration; default 1."),
    )
    stay_multiplier = decimal_field(
        gettext_lazy("Length of stay multiplier"),
        help_text=gettext_lazy("0.8: stays a fifth shorter than the calibration; default 1."),
    )
    stay_distribution = forms.ChoiceField(
        label=gettext_lazy("Length of stay"),
        choices=[
            (
                StayKind.EXPONENTIAL,
                gettext_lazy("exponential (the spread is as large as the mean)"),
            ),
            (StayKind.LOGNORMAL, gettext_lazy("lognormal, with the spread below")),
        ],
    )
    stay_spread = decimal_field(
        gettext_lazy("Spread of the length of stay"),
        help_text=gettext_lazy(
            "For a lognormal stay: its standard deviation as a share of the mean; default 1."
        ),
    )

    PARAMETERS = (
        "horizon_months",
        "start_month",
        "runs",
        "seed",
        "contingent_per_year",
        "contingent_split",
        "inflow_multiplier",
        "stay_multiplier",
        "stay_distribution",
        "stay_spread",
    )

    @classmethod
    def initial_for(cls, scenario: Scenario | None) -> dict[str, Any]:
        """The scenario's own values; the choices at their defaults when it has none."""
        choices = {"contingent_split": Split.POPULATION, "stay_distribution": StayKind.EXPONENTIAL}
        if scenario is None:
            return choices
        stored = scenario.parameters
        return {
            "name": scenario.name,
            "description": scenario.description,
            **choices,
            **{name: stored[name] for name in cls.PARAMETERS if name in stored},
        }

    def parameters(self, stored: Mapping[str, Any]) -> dict[str, Any]:
        """The stored parameters with this form's part replaced (empty inputs: the default)."""
        data = {k: v for k, v in stored.items() if k not in self.PARAMETERS}
        for name in self.PARAMETERS:
            value = self.cleaned_data.get(name)
            if value not in (None, ""):
                data[name] = number(value) if isinstance(value, Decimal) else value
        return data


# --- Changes to the plan -------------------------------------------------------------------------


def area_choices(municipalities: Sequence[Municipality], subregions: Sequence[Subregion]):
    return [
        ("", _("Choose a municipality or subregion")),
        *((f"gemeente:{m.cbs_code}", m.name) for m in municipalities),
        *((f"subregio:{s.slug}", _("subregion %(name)s") % {"name": s.name}) for s in subregions),
    ]


class PlanChangesForm(GridForm):
    """A scenario's changes to the plan, a line each; empty lines are skipped."""

    FIELDS = ("action", "facility_type", "area", "places", "from_year", "factor")
    EXTRA = 3
    row_header = gettext_lazy("Change")

    def __init__(self, *args, changes, types, municipalities, subregions, years, **kwargs):
        self.entered, self.count = list(changes), len(changes) + self.EXTRA
        self.types, self.years = list(types), list(years)
        self.areas = area_choices(municipalities, subregions)
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        self.columns = [
            _("What"),
            _("Type"),
            _("Where"),
            _("Places"),
            _("From year"),
            _("Pace factor"),
        ]
        for index in range(self.count):
            change = self.entered[index] if index < len(self.entered) else {}
            self._add_line(index, change)

    def _add_line(self, index: int, change: Mapping[str, Any]) -> None:
        label = _("change %(number)d") % {"number": index + 1}
        fields = {
            "action": forms.ChoiceField(
                label=_("What"),
                choices=[
                    ("", "—"),
                    (ChangeAction.ADD, _("add places")),
                    (ChangeAction.PACE, _("change the pace")),
                ],
            ),
            "facility_type": forms.ChoiceField(
                label=_("Type"), choices=[("", "—"), *((t.code, t.label) for t in self.types)]
            ),
            "area": forms.ChoiceField(label=_("Where"), choices=self.areas),
            "places": forms.IntegerField(label=_("Places")),
            "from_year": forms.TypedChoiceField(
                label=_("From year"),
                choices=[("", "—"), *((y, str(y)) for y in self.years)],
                coerce=int,
                empty_value=None,
            ),
            "factor": decimal_field(_("Pace factor")),
        }
        initial = {**change, "area": _area_value(change)}
        for name, field in fields.items():
            field.required = False
            field.label = f"{field.label}, {label}"
            field.initial = initial.get(name)
            self.fields[f"{name}_{index}"] = field
        self.rows.append((label.capitalize(), [f"{name}_{index}" for name in self.FIELDS]))

    def changes(self) -> list[dict[str, Any]]:
        """The filled lines as the service reads them, in order."""
        changes = []
        for index in range(self.count):
            line = {name: self.cleaned_data.get(f"{name}_{index}") for name in self.FIELDS}
            if not any(v not in (None, "") for v in line.values()):
                continue
            names = {n: f"{n}_{index}" for n in self.FIELDS}
            names.update(
                {"": names["action"], "municipality": names["area"], "subregion": names["area"]}
            )
            self.entry_fields[str(len(changes))] = names
            changes.append(_change(line))
        return changes


def _area_value(change: Mapping[str, Any]) -> str:
    if change.get("municipality"):
        return f"gemeente:{change['municipality']}"
    if change.get("subregion"):
        return f"subregio:{change['subregion']}"
    return ""


def _change(line: Mapping[str, Any]) -> dict[str, Any]:
    kind, _colon, code = (line["area"] or "").partition(":")
    change = {
        "action": line["action"],
        "facility_type": line["facility_type"],
        "municipality": code if kind == "gemeente" else "",
        "subregion": code if kind == "subregio" else "",
    }
    if line["action"] == ChangeAction.PACE:
        change["factor"] = number(line["factor"])
    else:
        change.update(places=line["places"], from_year=line["from_year"])
    return {k: v for k, v in change.items() if v not in (None, "")}


# --- Settings per type ---------------------------------------------------------------------------


class TypeSettingsForm(GridForm):
    """Per type what replaces the calibration; an empty input keeps the calibration's."""

    SETTINGS = ("inflow_per_10000", "mean_stay_months", "tariff_per_day")
    row_header = gettext_lazy("Type")

    def __init__(
        self,
        *args,
        types: Sequence[FacilityType],
        settings: Mapping,
        calibrated: Mapping[str, str],
        **kwargs,
    ):
        self.types, self.entered, self.calibrated = list(types), settings, calibrated
        super().__init__(*args, **kwargs)

    def type_rows(self) -> list[tuple[str, str, list]]:
        """Per type: its name, what the calibration gives it (or ""), its inputs."""
        return [
            (row.label, self.calibrated.get(kind.code, ""), row.fields)
            for kind, row in zip(self.types, self.grid(), strict=True)
        ]

    def add_fields(self) -> None:
        self.columns = [
            _("Newcomers a month per 10,000 inhabitants"),
            _("Mean stay (months)"),
            _("Tariff per place per day (euro)"),
            *(_destination_label(name) for name in DESTINATIONS),
        ]
        for kind in self.types:
            setting = self.entered.get(kind.code, {})
            shares = setting.get("destinations") or {}
            names = []
            for name in (*self.SETTINGS, *DESTINATIONS):
                field_name = f"{name}_{kind.code}"
                label = _("%(type)s: %(what)s") % {"type": kind.label, "what": _what(name)}
                self.fields[field_name] = decimal_field(label, min_value=0, max_value=10_000)
                self.fields[field_name].initial = setting.get(name, shares.get(name))
                names.append(field_name)
            self.rows.append((kind.label, names))
            self.entry_fields[kind.code] = {
                "": names[0],
                **{n: f"{n}_{kind.code}" for n in (*self.SETTINGS, *DESTINATIONS)},
                "destinations": f"contingent_{kind.code}",
            }

    def field_for(self, name: str) -> str | None:
        """``types.<code>.destinations.<share>`` is about that share's input."""
        parts = name.split(".")
        if len(parts) == 4 and parts[2] == "destinations":
            return self.entry_fields.get(parts[1], {}).get(parts[3]) or NON_FIELD
        return super().field_for(name) if SERVICE_FIELD.match(name) else None

    def settings(self) -> dict[str, dict[str, Any]]:
        """The types with any setting, as the service reads them."""
        result = {}
        for kind in self.types:
            values = {n: number(self.cleaned_data.get(f"{n}_{kind.code}")) for n in self.SETTINGS}
            setting = {n: v for n, v in values.items() if v is not None}
            shares = {n: number(self.cleaned_data.get(f"{n}_{kind.code}")) for n in DESTINATIONS}
            if any(v is not None for v in shares.values()):
                setting["destinations"] = {n: v or 0.0 for n, v in shares.items()}
            if setting:
                result[kind.code] = setting
        return result


def _destination_label(name: str) -> str:
    return _("Share to %(destination)s") % {"destination": _what(name)}


def _what(name: str) -> str:
    labels = {
        "inflow_per_10000": _("newcomers a month per 10,000 inhabitants"),
        "mean_stay_months": _("mean stay (months)"),
        "tariff_per_day": _("tariff per place per day"),
        "contingent": _("a contingent dwelling"),
        "housing": _("other housing"),
        "institution": _("another institution"),
        "unknown": _("an unknown destination"),
    }
    return labels[name]


class CompareForm(Form):
    """Which scenarios to compare (their latest finished runs) and which area."""

    s = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Scenarios"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Two or more; each with its latest finished run."),
    )

    def __init__(self, *args, scenarios: Sequence[Scenario], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["s"].choices = [(s.pk, s.name) for s in scenarios]

    def clean_s(self):
        chosen = self.cleaned_data["s"]
        if len(chosen) < 2:
            raise forms.ValidationError(_("Choose two or more scenarios."))
        return chosen
