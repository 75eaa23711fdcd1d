"""Forms of the funding pages. They only collect input; the services validate and save it.

A service names a bad row the way it received it (``costs.4.amount``, ``shares.GM0546``);
:meth:`ServiceErrorsMixin.service_errors` puts such an error on the input the user typed it in.
The grid forms (a key, amounts per year, budget lines) are rendered as one table by
``funding/includes/grid_form.html``: :meth:`GridForm.grid` gives its rows of inputs.
"""

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BoundField
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderdak.core.api.exceptions import NON_FIELD
from onderdak.core.errors import DomainError
from onderdak.core.formatting import localized_number
from onderdak.core.forms import Form, ModelForm, StyledFormMixin
from onderdak.funding.models import MONEY, SOURCE_LENGTH, FundingScenario

#: An error name from a service: the collection, the row and optionally the row's field.
SERVICE_FIELD = re.compile(r"^\w+\.(?P<row>[\w-]+)(?:\.(?P<field>\w+))?$")
SPACES = re.compile(r"[\s\u00a0\u202f€]")


class AmountField(forms.DecimalField):
    """An amount typed the local way: ``1.234.567,89``, ``1234567,89`` or ``€ 1.234,50``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", MONEY["max_digits"])
        kwargs.setdefault("decimal_places", MONEY["decimal_places"])
        kwargs.setdefault("min_value", Decimal(0))
        super().__init__(localize=True, **kwargs)
        self.widget.attrs["inputmode"] = "decimal"

    def to_python(self, value):
        return super().to_python(without_grouping(value))


def without_grouping(value):
    """Drops spaces, the euro sign and thousands separators of the active language."""
    if not isinstance(value, str):
        return value
    value = SPACES.sub("", value)
    thousands = re.escape(get_format("THOUSAND_SEPARATOR"))
    decimal = re.escape(get_format("DECIMAL_SEPARATOR"))
    if re.fullmatch(rf"-?\d{{1,3}}({thousands}\d{{3}})+({decimal}\d*)?", value):
        value = re.sub(thousands, "", value)
    return value


class ServiceErrorsMixin:
    """Puts a service's ``DomainError`` on the form's own fields (see the module's docstring)."""

    def field_for(self, name: str) -> str | None:
        return name if name in self.fields else None

    @contextmanager
    def service_errors(self) -> Iterator[None]:
        try:
            yield
        except DomainError as error:
            fields: dict[str, list[str]] = {}
            for name, messages in error.fields.items():
                fields.setdefault(self.field_for(name) or NON_FIELD, []).extend(messages)
            raise DomainError(error.message, code=error.code, fields=fields) from error


# --- Scenario settings ---------------------------------------------------------------------------


class ScenarioForm(ServiceErrorsMixin, ModelForm):
    class Meta:
        model = FundingScenario
        fields = [
            "name",
            "description",
            "first_year",
            "last_year",
            "phase_in_start_year",
            "phase_in_years",
            "cap_percent",
            "objective_method",
            "solidarity_population_weight",
        ]
        localized_fields = ["cap_percent", "solidarity_population_weight"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "phase_in_start_year": gettext_lazy(
                "The year the move from the historical to the objective key starts; "
                "empty: the first year."
            ),
            "cap_percent": gettext_lazy(
                "The most a municipality's amount may change from one year to the next, in %; "
                "empty: no cap."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase_in_start_year"].required = False

    def clean_phase_in_start_year(self):
        return self.cleaned_data["phase_in_start_year"] or self.cleaned_data.get("first_year")


class ScenarioCopyForm(ServiceErrorsMixin, ModelForm):
    """A copy's name and what usually differs in a variant: the phase-in and the cap."""

    class Meta:
        model = FundingScenario
        fields = ["name", "phase_in_start_year", "phase_in_years", "cap_percent"]
        localized_fields = ["cap_percent"]
        help_texts = ScenarioForm.Meta.help_texts

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "name"}


class ConfirmForm(Form):
    """Nothing to fill in: the button is the confirmation."""


class CompareForm(Form):
    a = forms.TypedChoiceField(label=gettext_lazy("Scenario A"), coerce=int)
    b = forms.TypedChoiceField(label=gettext_lazy("Scenario B"), coerce=int)

    def __init__(self, *args, scenarios: Sequence[FundingScenario], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Choose a scenario")), *((s.pk, s.name) for s in scenarios)]
        for name in ("a", "b"):
            self.fields[name].choices = choices

    def clean(self):
        data = super().clean()
        if data.get("a") and data.get("a") == data.get("b"):
            raise ValidationError(_("Choose two different scenarios."))
        return data


# --- Grid forms ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GridRow:
    label: str
    fields: list[BoundField]


class _FieldsHook(forms.Form):
    """Calls ``add_fields`` right after the declared fields are set up, so that the design-system
    styling (``StyledFormMixin``, which runs next) reaches the fields added per instance too."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_fields()

    def add_fields(self) -> None:
        pass


class GridForm(ServiceErrorsMixin, StyledFormMixin, _FieldsHook):
    """A form shown as a table: a row header and one input per column.

    Subclasses keep their arguments, then add their fields in ``add_fields``: they fill
    ``columns`` and ``rows`` (label, field names) and, for each row they hand to the service,
    record which form field holds which of the row's values in ``entry_fields`` (under ``""``:
    the field that shows an error about the row as a whole).
    """

    #: Fields shown below the table (e.g. the one source of a key).
    shared_fields: Sequence[str] = ()
    row_header = ""

    def __init__(self, *args, **kwargs):
        self.columns: list[str] = []
        self.rows: list[tuple[str, list[str]]] = []
        self.entry_fields: dict[str, dict[str, str]] = {}
        super().__init__(*args, **kwargs)

    def grid(self) -> list[GridRow]:
        """The rows of inputs; an input with an error is described by it (``aria-describedby``)."""
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}_error"
        return [GridRow(label, [self[name] for name in names]) for label, names in self.rows]

    def shared(self) -> list[BoundField]:
        return [self[name] for name in self.shared_fields]

    def field_for(self, name: str) -> str | None:
        match = SERVICE_FIELD.match(name)
        if not match or match["row"] not in self.entry_fields:
            return super().field_for(name)
        fields = self.entry_fields[match["row"]]
        return fields.get(match["field"] or "", fields[""])


def source_field(label: str, required: bool = True) -> forms.CharField:
    widget = forms.TextInput(attrs={"class": "input--wide"})
    return forms.CharField(label=label, max_length=SOURCE_LENGTH, required=required, widget=widget)


def grouped(amount: Decimal | None) -> str | None:
    """An amount as an input shows it: with the thousands separator, which ``AmountField``
    reads back."""
    if amount is None:
        return None
    return localized_number(amount, 2, grouped=True)


class KeyForm(GridForm):
    """A key: every municipality's share in percent, together 100, with one source."""

    shared_fields = ("source",)
    row_header = gettext_lazy("Municipality")

    def __init__(self, *args, municipalities, shares: dict[str, Decimal], source: str, **kwargs):
        self.municipalities, self.entered, self.source = list(municipalities), shares, source
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        self.columns = [_("Share (%)")]
        for municipality in self.municipalities:
            name = f"share_{municipality.cbs_code}"
            self.fields[name] = forms.DecimalField(
                label=municipality.name,
                max_digits=7,
                decimal_places=4,
                min_value=0,
                max_value=100,
                localize=True,
                initial=self.entered.get(municipality.cbs_code),
            )
            self.fields[name].widget.attrs["inputmode"] = "decimal"
            self.rows.append((municipality.name, [name]))
            self.entry_fields[municipality.cbs_code] = {"": name}
        self.fields["source"] = source_field(_("Source of this key"))
        self.fields["source"].initial = self.source
        self.fields["source"].help_text = _(
            "One source for all shares, e.g. the published model or the decision."
        )

    def shares(self) -> dict:
        return {m: self.cleaned_data[f"share_{m.cbs_code}"] for m in self.municipalities}


class YearAmountsForm(GridForm):
    """Amounts per year for each of some rows (the region, subregions, municipalities), with
    one source per row. An empty amount means nothing is entered for that year."""

    def __init__(
        self, *args, rows, years, entered: dict[tuple[Any, int], Any], row_header="", **kwargs
    ):
        self.row_objects, self.years, self.entered = list(rows), list(years), entered
        self.row_header = row_header
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        self.columns = [*(str(year) for year in self.years), _("Source")]
        for key, label in self.row_objects:
            self._add_row(key, label, self.entered)

    def _add_row(self, key, label: str, entered) -> None:
        names = []
        for year in self.years:
            name = f"amount_{key}_{year}"
            row = entered.get((key, year))
            initial = grouped(row.amount) if row else None
            self.fields[name] = AmountField(
                label=f"{label}, {year}", required=False, initial=initial
            )
            names.append(name)
        source = next((row.source for (k, _y), row in entered.items() if k == key), "")
        self.fields[f"source_{key}"] = source_field(_("%(row)s: source") % {"row": label}, False)
        self.fields[f"source_{key}"].initial = source
        self.rows.append((label, [*names, f"source_{key}"]))

    def clean(self):
        data = super().clean()
        for key, _label in self.row_objects:
            amounts = [data.get(f"amount_{key}_{year}") for year in self.years]
            if any(a is not None for a in amounts) and not data.get(f"source_{key}"):
                self.add_error(f"source_{key}", _("Give the source of these amounts."))
        return data

    def entries(self) -> list[tuple[Any, int, Decimal, str]]:
        """(row key, year, amount, source) for every amount entered, in the order of the table."""
        entries = []
        for key, _label in self.row_objects:
            for year in self.years:
                amount = self.cleaned_data.get(f"amount_{key}_{year}")
                if amount is not None:
                    self.entry_fields[str(len(entries))] = {
                        "": f"amount_{key}_{year}",
                        "source": f"source_{key}",
                    }
                    entries.append((key, year, amount, self.cleaned_data[f"source_{key}"]))
        return entries


class BudgetLinesForm(GridForm):
    """The budget: lines of year, funding source, amount and source; empty lines are skipped."""

    FIELDS = ("year", "funding_source", "amount", "source")
    EXTRA = 3
    row_header = gettext_lazy("Line")

    def __init__(self, *args, years, lines: Sequence, **kwargs):
        self.years, self.entered = list(years), list(lines)
        self.count = len(lines) + self.EXTRA
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        self.columns = [_("Year"), _("Funding source"), _("Amount"), _("Source")]
        year_choices = [("", "—"), *((year, str(year)) for year in self.years)]
        for index in range(self.count):
            line = self.entered[index] if index < len(self.entered) else None
            self._add_line(index, line, year_choices)

    def _add_line(self, index: int, line, year_choices) -> None:
        number = _("line %(number)d") % {"number": index + 1}
        fields = {
            "year": forms.TypedChoiceField(
                label=_("Year"), choices=year_choices, coerce=int, empty_value=None
            ),
            "funding_source": forms.CharField(
                label=_("Funding source"),
                max_length=200,
                widget=forms.TextInput(attrs={"class": "input--wide"}),
            ),
            "amount": AmountField(label=_("Amount")),
            "source": source_field(_("Source")),
        }
        for name, field in fields.items():
            field.required = False
            field.label = f"{field.label}, {number}"
            field.initial = getattr(line, name, None)
            self.fields[f"{name}_{index}"] = field
        fields["amount"].initial = grouped(fields["amount"].initial)
        self.rows.append((number.capitalize(), [f"{name}_{index}" for name in self.FIELDS]))

    def clean(self):
        data = super().clean()
        for index in range(self.count):
            values = {name: data.get(f"{name}_{index}") for name in self.FIELDS}
            filled = any(v not in (None, "") for v in values.values())
            for name, value in values.items():
                missing = value in (None, "") and f"{name}_{index}" not in self.errors
                if filled and missing:
                    self.add_error(f"{name}_{index}", _("A budget line needs this too."))
        return data

    def lines(self) -> list[dict[str, Any]]:
        """The filled lines, as the service takes them."""
        lines = []
        for index in range(self.count):
            line = {name: self.cleaned_data.get(f"{name}_{index}") for name in self.FIELDS}
            if line["year"] is not None:
                fields = {n: f"{n}_{index}" for n in self.FIELDS}
                # A line as a whole (a funding source twice in a year) is wrong in its source.
                self.entry_fields[str(len(lines))] = {"": fields["funding_source"], **fields}
                lines.append(line)
        return lines


def fraction_field(label: str) -> forms.DecimalField:
    """A weight from 0 to 1, typed the local way (0,25); empty means not entered."""
    field = forms.DecimalField(
        label=label,
        max_digits=5,
        decimal_places=4,
        min_value=0,
        max_value=1,
        localize=True,
        required=False,
    )
    field.widget.attrs["inputmode"] = "decimal"
    return field


class IndicatorWeightsForm(GridForm):
    """The weight of each indicator in a computed objective key, each with its explanation."""

    row_header = gettext_lazy("Indicator")

    def __init__(self, *args, indicators: Sequence[tuple[str, str]], entered: dict, **kwargs):
        self.indicators, self.entered = list(indicators), entered
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        self.columns = [_("Weight"), _("Explanation")]
        for value, label in self.indicators:
            weight = self.entered.get(value)
            self.fields[f"weight_{value}"] = fraction_field(_("%(row)s: weight") % {"row": label})
            self.fields[f"weight_{value}"].initial = weight.weight if weight else None
            explanation = source_field(_("%(row)s: explanation") % {"row": label}, False)
            explanation.initial = weight.explanation if weight else ""
            self.fields[f"explanation_{value}"] = explanation
            self.rows.append((str(label).capitalize(), [f"weight_{value}", f"explanation_{value}"]))

    def clean(self):
        data = super().clean()
        for value, _label in self.indicators:
            if data.get(f"weight_{value}") is not None and not data.get(f"explanation_{value}"):
                self.add_error(f"explanation_{value}", _("Explain why it weighs this much."))
        return data

    def weights(self) -> list[dict[str, Any]]:
        weights = []
        for value, _label in self.indicators:
            weight = self.cleaned_data.get(f"weight_{value}")
            if weight is not None:
                fields = {"": f"weight_{value}", "explanation": f"explanation_{value}"}
                self.entry_fields[str(len(weights))] = fields
                explanation = self.cleaned_data[f"explanation_{value}"]
                weights.append({"indicator": value, "weight": weight, "explanation": explanation})
        return weights


class PhaseInStepsForm(GridForm):
    """The objective key's weight per year, for a phase-in other than in equal steps."""

    row_header = gettext_lazy("Year")

    def __init__(self, *args, years, entered: dict[int, Decimal], **kwargs):
        self.years, self.entered = list(years), entered
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        self.columns = [_("Weight of the objective key")]
        for year in self.years:
            field = fraction_field(_("Weight of the objective key in %(year)d") % {"year": year})
            field.initial = self.entered.get(year)
            self.fields[f"step_{year}"] = field
            self.rows.append((str(year), [f"step_{year}"]))

    def steps(self) -> list[dict[str, Any]]:
        steps = []
        for year in self.years:
            weight = self.cleaned_data.get(f"step_{year}")
            if weight is not None:
                self.entry_fields[str(len(steps))] = {"": f"step_{year}"}
                steps.append({"year": year, "objective_weight": weight})
        return steps
