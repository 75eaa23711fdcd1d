"""The calibration page: per municipality x type and per facility the estimated inflow, mean
length of stay and destination shares with their 90 % intervals, the pooled estimates per type
that new facilities start from, and the fitted model against history for a chosen cell (a chart
with its table). Where the figures are too few it says so, per estimate."""

from dataclasses import dataclass

from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from onderdak.capacity.selectors.calibration import RegionCalibration, region_calibration
from onderdak.capacity.views.plans import CapacityMixin
from onderdak.core import charts
from onderdak.core.formatting import localized_number
from onderdak.engines import flow

#: The engine's notes in the interface's language, by their stable code.
NOTES = {
    "too_few_months": gettext_lazy(
        "Too few months of figures in a row: at least 6 are needed to estimate anything."
    ),
    "no_outflow": gettext_lazy(
        "Nobody left in these months: there is no length of stay or destination to estimate."
    ),
    "no_exposure": gettext_lazy("Nobody was present in these months."),
    "no_common_months": gettext_lazy(
        "Its facilities reported in too few of the same months to be taken together."
    ),
    "often_full": gettext_lazy(
        "Often full: newcomers turned away are in no figure, so the inflow is too low."
    ),
    "shrinking_waiting_list": gettext_lazy(
        "The waiting list shrank by more than the admissions explain; those who left it "
        "otherwise are not counted as newcomers."
    ),
}
DESTINATIONS = ("contingent", "housing", "institution", "unknown")


def note_text(note: flow.Note) -> str:
    return str(NOTES.get(note.code, note.message))


def interval(value: flow.Interval | None, decimals: int = 1, scale: float = 1.0) -> str:
    """``2,3 (1,9 to 2,8)``; empty when there is no estimate."""
    if value is None:
        return ""
    numbers = [
        localized_number(v * scale, decimals, grouped=True)
        for v in (value.estimate, value.low, value.high)
    ]
    return _("%(estimate)s (%(low)s to %(high)s)") % dict(
        zip(("estimate", "low", "high"), numbers, strict=True)
    )


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    estimate: flow.Estimate

    @property
    def inflow(self) -> str:
        return interval(self.estimate.inflow)

    @property
    def stay(self) -> str:
        return interval(self.estimate.stay)

    @property
    def shares(self) -> list[str]:
        shares = self.estimate.shares or {}
        return [interval(shares.get(d), 0, 100) for d in DESTINATIONS]

    @property
    def fit_error(self) -> str:
        fit = self.estimate.fit
        if fit is None:
            return ""
        return _("%(people)s (%(share)s %%)") % {
            "people": localized_number(fit.occupied_error, 1, grouped=True),
            "share": localized_number(fit.relative_error * 100, 1, grouped=True),
        }

    @property
    def notes(self) -> list[str]:
        return [note_text(n) for n in (*self.estimate.problems, *self.estimate.notes)]


def rows(found: RegionCalibration) -> dict[str, list[Row]]:
    cells = sorted(found.cells.cells.items(), key=lambda item: found.cell_label(item[0]))
    facilities = sorted(
        found.cells.facilities.items(), key=lambda item: found.facility_names[item[0]]
    )
    per_10000 = 10_000 / found.population if found.population else 0
    return {
        "cells": [Row(key, found.cell_label(key), e) for key, e in cells],
        "facilities": [Row(key, found.facility_names[key], e) for key, e in facilities],
        "types": [
            (Row(code, found.type_labels.get(code, code), e), interval(e.inflow, 2, per_10000))
            for code, e in sorted(found.types.cells.items())
        ],
    }


def fit_chart(found: RegionCalibration, key: str) -> charts.LineChart | None:
    estimate = found.cells.cells.get(key)
    fit = estimate.fit if estimate else None
    if fit is None:
        return None
    return charts.line_chart(
        id="kalibratie-fit",
        title=_("Fitted model against history: %(cell)s") % {"cell": found.cell_label(key)},
        x_values=[m.strftime("%m/%Y") for m in fit.months],
        series=[
            charts.Series(_("Occupied, figures"), list(fit.occupied)),
            charts.Series(_("Occupied, fitted"), list(fit.fitted_occupied)),
            charts.Series(_("Waiting list, figures"), list(fit.waiting)),
            charts.Series(_("Waiting list, fitted"), list(fit.fitted_waiting)),
        ],
        x_header=_("Series"),
        value_format=lambda v: charts.format_number(v, 1),
    )


class CalibrationView(CapacityMixin, TemplateView):
    permission_required = "capacity.view_calibration"
    template_name = "capacity/calibration.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        found = region_calibration(region=self.region)
        if not found.has_figures:
            return context
        table = rows(found)
        fitted = [row.key for row in table["cells"] if row.estimate.fit is not None]
        chosen = self.request.GET.get("cel")
        chosen = chosen if chosen in fitted else (fitted[0] if fitted else "")
        context.update(
            calibration=found,
            level=round(found.cells.level * 100),
            chosen=chosen,
            fitted=[(key, found.cell_label(key)) for key in fitted],
            chart=fit_chart(found, chosen) if chosen else None,
            **table,
        )
        return context


#: URL patterns of this part, collected by ``onderdak.capacity.urls``.
routes: list = [path("kalibratie/", CalibrationView.as_view(), name="calibration")]
