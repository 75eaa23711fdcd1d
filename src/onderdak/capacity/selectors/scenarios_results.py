"""A finished run's result as figures: bands per area and measure, key figures, and a quotable
text with date and source (for the policy framework's "current state").

Pure functions of the run's stored JSON (``input``: months, labels, notes; ``result``: bands):
no queries. "The last year" is the horizon's last twelve months; a stock (occupied places,
waiting list, ready without a dwelling) is averaged over them, a flow (people turned away
unsheltered) averaged per month, and the cost summed from the monthly means (the expected cost,
which adds up where percentiles do not).
"""

import datetime
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderdak.capacity.models import SimulationRun
from onderdak.core.formatting import localized_number

#: The measures the pages show, in their order, with their names.
SHOWN = {
    "occupied": gettext_lazy("Occupied places"),
    "waiting": gettext_lazy("Waiting list"),
    "ready_no_dwelling": gettext_lazy("Ready to leave, no dwelling"),
    "unsheltered": gettext_lazy("Turned away unsheltered (a month)"),
    "cost": gettext_lazy("Cost (euro a month)"),
}
REGION = "region"
YEAR = 12


def months(run: SimulationRun) -> list[datetime.date]:
    return [datetime.date(int(m[:4]), int(m[5:7]), 1) for m in run.input["months"]]


def month_labels(run: SimulationRun) -> list[str]:
    return [formats.date_format(m, "M Y") for m in months(run)]


def scopes(run: SimulationRun) -> list[tuple[str, str]]:
    """(group name, in words): the region first, then the subregions, then the types."""
    labels = run.input["labels"]
    order = {REGION: 0, "subregion": 1, "type": 2}
    names = sorted(
        run.result["groups"], key=lambda n: (order.get(n.partition(":")[0], order[REGION]), n)
    )
    return [(name, labels.get(name, name)) for name in names]


def band(run: SimulationRun, scope: str, measure: str) -> dict[str, list[float]]:
    return run.result["groups"][scope][measure]


@dataclass(frozen=True)
class KeyFigures:
    scope: str
    label: str
    waiting_p50: float
    waiting_p90: float
    unsheltered_p50: float
    unsheltered_p90: float
    ready_p50: float
    ready_p90: float
    occupied_p50: float
    cost_last_year: float
    cost_total: float


def _last_year(values: list[float]) -> float:
    tail = values[-YEAR:]
    return sum(tail) / len(tail)


def key_figures(run: SimulationRun, scope: str = REGION) -> KeyFigures:
    groups = run.result["groups"][scope]
    labels = run.input["labels"]

    def last(measure: str, quantile: str) -> float:
        return _last_year(groups[measure][quantile])

    return KeyFigures(
        scope=scope,
        label=labels.get(scope, scope),
        waiting_p50=last("waiting", "p50"),
        waiting_p90=last("waiting", "p90"),
        unsheltered_p50=last("unsheltered", "p50"),
        unsheltered_p90=last("unsheltered", "p90"),
        ready_p50=last("ready_no_dwelling", "p50"),
        ready_p90=last("ready_no_dwelling", "p90"),
        occupied_p50=last("occupied", "p50"),
        cost_last_year=sum(groups["cost"]["mean"][-YEAR:]),
        cost_total=sum(groups["cost"]["mean"]),
    )


def last_year_span(run: SimulationRun) -> str:
    """The last twelve months of the horizon, e.g. "jan 2035 to dec 2035"."""
    labels = month_labels(run)[-YEAR:]
    return _("%(first)s to %(last)s") % {"first": labels[0], "last": labels[-1]}


def _people(value: float) -> str:
    return localized_number(value, 0, grouped=True)


def scenario_quote(run: SimulationRun) -> str:
    """The run's key figures for the region as a text to quote, with its date and source."""
    figures = key_figures(run)
    when = formats.date_format(run.finished_at or run.created_at, "j F Y")
    text = _(
        "In the scenario “%(scenario)s”, in the last year of the simulation (%(span)s), the "
        "region's waiting list is %(waiting)s people (median; in 1 of 10 runs more than "
        "%(waiting90)s), %(unsheltered)s people a month are turned away without shelter (in 1 "
        "of 10 runs more than %(unsheltered90)s), and %(ready)s people are ready to leave care but "
        "have no dwelling (in 1 of 10 runs more than %(ready90)s). The expected cost of that year "
        "is € %(cost)s. Source: Onderdak, flow simulation of %(date)s (%(runs)s runs, seed "
        "%(seed)s, engine %(engine)s)."
    ) % {
        "scenario": run.scenario.name,
        "span": last_year_span(run),
        "waiting": _people(figures.waiting_p50),
        "waiting90": _people(figures.waiting_p90),
        "unsheltered": _people(figures.unsheltered_p50),
        "unsheltered90": _people(figures.unsheltered_p90),
        "ready": _people(figures.ready_p50),
        "ready90": _people(figures.ready_p90),
        "cost": localized_number(figures.cost_last_year, 0, grouped=True),
        "date": when,
        "runs": localized_number(run.runs, 0, grouped=True),
        "seed": run.seed,
        "engine": run.engine_version,
    }
    if run.scenario.is_demo:
        text += " " + _("The scenario and its figures are fictitious (demo).")
    return text
