"""Forms of monthly figures: one month (with the month chosen in the address) and a year's grid.
They collect input; ``services.figures`` checks and saves, and names any error by field."""

import datetime

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderdak.capacity.figure_charts import figure_headers
from onderdak.capacity.models import MonthlyFigure
from onderdak.capacity.models.facilities import MAX_PEOPLE
from onderdak.capacity.months import first_of_month, month_label
from onderdak.capacity.services.figures import FIGURE_FIELDS, FigureValues
from onderdak.core.forms import Form
from onderdak.funding.forms import GridForm, ServiceErrorsMixin

MONTH_FORMAT = "%Y-%m"


def figure_field(name: str, *, required: bool = True, label: str = "") -> forms.IntegerField:
    """A whole number from 0, labelled as the model names the figure."""
    field = forms.IntegerField(
        label=label or capfirst(MonthlyFigure._meta.get_field(name).verbose_name),
        min_value=0,
        max_value=MAX_PEOPLE,
        required=required,
    )
    field.widget.attrs["inputmode"] = "numeric"
    return field


class MonthField(forms.DateField):
    """A month typed as ``2024-06`` (the browser's month input), as its first day."""

    widget = forms.DateInput(attrs={"type": "month"}, format=MONTH_FORMAT)
    input_formats = [MONTH_FORMAT, "%Y-%m-%d"]

    def to_python(self, value):
        day = super().to_python(value)
        return day and first_of_month(day)


class MonthChoiceForm(Form):
    """Which month to enter (``?maand=2024-06``)."""

    maand = MonthField(label=gettext_lazy("Month"))


class MonthlyFigureForm(ServiceErrorsMixin, Form):
    """One month's figures; the month itself comes with the form, chosen on the page."""

    month = MonthField(widget=forms.HiddenInput)
    occupied = figure_field("occupied")
    waiting_list = figure_field("waiting_list")
    inflow = figure_field("inflow")
    outflow_contingent = figure_field("outflow_contingent")
    outflow_housing = figure_field("outflow_housing")
    outflow_institution = figure_field("outflow_institution")
    outflow_unknown = figure_field("outflow_unknown")

    def values(self) -> FigureValues:
        return FigureValues(*(self.cleaned_data[name] for name in FIGURE_FIELDS))

    def field_for(self, name: str) -> str | None:
        """The month is chosen on the page, not typed here: its errors are the form's own."""
        return None if name == "month" else super().field_for(name)


class YearGridForm(GridForm):
    """A year of figures as a table: a row per month (up to this month, within the contract),
    a column per figure. A month left empty is left as it is; a month is filled in whole."""

    row_header = gettext_lazy("Month")

    def __init__(self, *args, months: list[datetime.date], entered: dict, **kwargs):
        self.months, self.entered = months, entered
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        self.columns = figure_headers()
        for month in self.months:
            self._add_row(month)

    def _add_row(self, month: datetime.date) -> None:
        key, label = f"{month:%Y-%m}", month_label(month)
        names = {name: self._name(month, name) for name in FIGURE_FIELDS}
        figure = self.entered.get(month)
        for name, field_name in names.items():
            column = MonthlyFigure._meta.get_field(name).verbose_name
            self.fields[field_name] = figure_field(name, required=False, label=f"{label}: {column}")
            self.fields[field_name].initial = figure and getattr(figure, name)
        self.rows.append((label, list(names.values())))
        self.entry_fields[key] = {"": names["occupied"], **names}

    def clean(self):
        data = super().clean()
        for month in self.months:
            row = self._row(month, data)
            if any(value is None for value in row) and any(value is not None for value in row):
                empty = next(n for n in FIGURE_FIELDS if data.get(self._name(month, n)) is None)
                self.add_error(
                    self._name(month, empty), _("Fill in every figure of this month, or none.")
                )
        return data

    def entries(self) -> dict[datetime.date, FigureValues]:
        """The months filled in, with their figures."""
        entries = {}
        for month in self.months:
            row = self._row(month, self.cleaned_data)
            if all(value is not None for value in row):
                entries[month] = FigureValues(*row)
        return entries

    def _row(self, month: datetime.date, data: dict) -> list:
        return [data.get(self._name(month, name)) for name in FIGURE_FIELDS]

    @staticmethod
    def _name(month: datetime.date, name: str) -> str:
        return f"m{month:%Y-%m}_{name}"
