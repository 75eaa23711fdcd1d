"""Runs as the pages and downloads show them: band charts (each with its table), key figures
and sheets, for one run or several runs side by side. Pure functions of the stored runs."""

from collections.abc import Sequence
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderdak.capacity.models import SimulationRun
from onderdak.capacity.selectors import scenarios_results as results
from onderdak.core import charts
from onderdak.core.exports import Sheet


def _format(measure: str):
    decimals = 0 if measure == "cost" else 1
    return lambda value: charts.format_number(value, decimals)


def measure_charts(
    runs: Sequence[SimulationRun], scope: str, names: Sequence[str]
) -> list[charts.BandChart]:
    """Per measure a band chart of ``scope`` with one band per run (named by ``names``)."""
    labels = results.month_labels(runs[0])
    area = runs[0].input["labels"].get(scope, scope)
    return [
        charts.band_chart(
            id=f"band-{measure.replace('_', '-')}",
            title=_("%(measure)s, %(area)s") % {"measure": label, "area": area},
            x_values=labels,
            series=[
                _series(run, scope, measure, name) for run, name in zip(runs, names, strict=True)
            ],
            x_header=_("Month"),
            label_every=12,
            value_format=_format(measure),
        )
        for measure, label in results.SHOWN.items()
        if all(scope in run.result["groups"] for run in runs)
    ]


def _series(run: SimulationRun, scope: str, measure: str, name: str) -> charts.BandSeries:
    band = results.band(run, scope, measure)
    return charts.BandSeries(name, band["p10"], band["p50"], band["p90"])


def common_scopes(runs: Sequence[SimulationRun]) -> list[tuple[str, str]]:
    """The areas every run has (cells differ when scenarios change the plan)."""
    shared = set.intersection(*(set(run.result["groups"]) for run in runs))
    return [(name, label) for name, label in results.scopes(runs[0]) if name in shared]


# --- Spreadsheets --------------------------------------------------------------------------------

FIGURE_HEADERS = (
    gettext_lazy("Waiting list, P50"),
    gettext_lazy("Waiting list, P90"),
    gettext_lazy("Turned away unsheltered a month, P50"),
    gettext_lazy("Turned away unsheltered a month, P90"),
    gettext_lazy("Ready to leave without a dwelling, P50"),
    gettext_lazy("Ready to leave without a dwelling, P90"),
    gettext_lazy("Occupied places, P50"),
    gettext_lazy("Expected cost of the last year (euro)"),
    gettext_lazy("Expected cost of the whole horizon (euro)"),
)


def figure_headers() -> list[str]:
    """The key figures' names, in the order of :func:`figure_row`; the last year is the
    horizon's last twelve months."""
    return [str(header) for header in FIGURE_HEADERS]


def figure_row(figures: results.KeyFigures) -> list:
    return [
        round(figures.waiting_p50, 1),
        round(figures.waiting_p90, 1),
        round(figures.unsheltered_p50, 1),
        round(figures.unsheltered_p90, 1),
        round(figures.ready_p50, 1),
        round(figures.ready_p90, 1),
        round(figures.occupied_p50, 1),
        Decimal(round(figures.cost_last_year)),
        Decimal(round(figures.cost_total)),
    ]


def run_sheets(run: SimulationRun) -> list[Sheet]:
    scopes = results.scopes(run)
    key = Sheet(
        _("Key figures"),
        [_("Area"), *figure_headers()],
        [[label, *figure_row(results.key_figures(run, name))] for name, label in scopes],
    )
    return [
        key,
        bands_sheet([run], [run.scenario.name], scopes),
        input_sheet(run),
        notes_sheet(run),
    ]


def bands_sheet(runs: Sequence[SimulationRun], names: Sequence[str], scopes) -> Sheet:
    """Every band, a row per scenario, area, measure and month."""
    rows = []
    for run, name in zip(runs, names, strict=True):
        labels = results.month_labels(run)
        for scope, label in scopes:
            for measure, title in results.SHOWN.items():
                band = results.band(run, scope, measure)
                for index, month in enumerate(labels):
                    rows.append(
                        [name, label, str(title), month]
                        + [band[q][index] for q in ("p10", "p50", "p90", "mean")]
                    )
    return Sheet(
        _("Bands"),
        [_("Scenario"), _("Area"), _("Measure"), _("Month"), "P10", "P50", "P90", _("Mean")],
        rows,
    )


def input_sheet(run: SimulationRun) -> Sheet:
    """What each simulated municipality x type started from and assumed."""
    rows = [
        [
            cell["key"],
            cell["capacity"][0],
            cell["capacity"][-1],
            round(cell["inflow"], 3),
            cell["stay"]["kind"],
            round(cell["stay"]["mean_months"], 2),
            *(
                round(cell["destinations"][d], 3)
                for d in ("contingent", "housing", "institution", "unknown")
            ),
            Decimal(str(round(cell["tariff_per_day"], 2))),
            cell["occupied"],
            cell["waiting"],
        ]
        for cell in run.input["engine"]["cells"]
    ]
    return Sheet(
        _("Input"),
        [
            _("Municipality/type"),
            _("Places, first month"),
            _("Places, last month"),
            _("Newcomers a month"),
            _("Length of stay"),
            _("Mean stay (months)"),
            _("Share to a contingent dwelling"),
            _("Share to other housing"),
            _("Share to another institution"),
            _("Share unknown"),
            _("Tariff per place per day"),
            _("Occupied at the start"),
            _("Waiting at the start"),
        ],
        rows,
    )


def notes_sheet(run: SimulationRun) -> Sheet:
    return Sheet(_("Notes"), [_("Note")], [[note] for note in run.input["notes"]])


def run_label(run: SimulationRun) -> str:
    label = _(
        "Flow simulation in Onderdak: %(runs)s runs, seed %(seed)s, engine %(engine)s; P10 to P90 "
        "holds 8 in 10 runs."
    ) % {"runs": run.runs, "seed": run.seed, "engine": run.engine_version}
    if run.scenario.is_demo:
        label += " " + _("Fictitious demo scenario and figures.")
    return label
