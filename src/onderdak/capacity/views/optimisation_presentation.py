"""An optimisation run as its page and download show it: the proposal beside the entered plan in
charts and tables, and in words which limits bind. Pure functions of the run's stored JSON."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from onderdak.capacity.models import OptimisationRun
from onderdak.core import charts
from onderdak.core.exports import Sheet
from onderdak.core.formatting import localized_number
from onderdak.core.templatetags.onderdak import euro

#: A limit in words, per kind of finding; ``%(years)s`` are the years it binds or is broken.
BINDING = {
    "budget": gettext_lazy("The budget is fully used in %(years)s (%(limit)s)."),
    "max_increase": gettext_lazy(
        "%(subject)s may add at most %(limit)s places a year; that limit holds it back in "
        "%(years)s."
    ),
    "max_decrease": gettext_lazy(
        "%(subject)s may close at most %(limit)s places a year; that limit keeps places open in "
        "%(years)s."
    ),
    "min_places": gettext_lazy("%(subject)s keeps at least %(limit)s places (%(years)s)."),
    "max_places": gettext_lazy("%(subject)s has at most %(limit)s places (%(years)s)."),
    "total_increase": gettext_lazy(
        "%(subject)s together may add at most %(limit)s places a year (%(years)s)."
    ),
    "total_decrease": gettext_lazy(
        "%(subject)s together may close at most %(limit)s places a year (%(years)s)."
    ),
}
BROKEN = {
    "budget": gettext_lazy(
        "The entered plan costs up to %(amount)s more than the budget (%(years)s)."
    ),
    "max_increase": gettext_lazy(
        "The entered plan adds up to %(amount)s places more a year than %(subject)s may "
        "(%(years)s)."
    ),
    "max_decrease": gettext_lazy(
        "The entered plan closes up to %(amount)s places more a year than %(subject)s may "
        "(%(years)s)."
    ),
    "min_places": gettext_lazy(
        "The entered plan has up to %(amount)s places fewer than %(subject)s keeps (%(years)s)."
    ),
    "max_places": gettext_lazy(
        "The entered plan has up to %(amount)s places more than %(subject)s may have (%(years)s)."
    ),
    "total_increase": gettext_lazy(
        "The entered plan adds up to %(amount)s places more a year than %(subject)s together may "
        "(%(years)s)."
    ),
    "total_decrease": gettext_lazy(
        "The entered plan closes up to %(amount)s places more a year than %(subject)s together "
        "may (%(years)s)."
    ),
}
CONFLICT = {
    "budget": gettext_lazy(
        "The budget of %(years)s falls %(amount)s short of what the limits require, so no plan "
        "fits."
    ),
}


def _years(years: Sequence[int]) -> str:
    return ", ".join(str(y) for y in years)


def _places(value: float) -> str:
    return localized_number(value, 0 if float(value).is_integer() else 1, grouped=True)


def finding_text(finding: Mapping, labels: Mapping[str, str], words: Mapping) -> str:
    """A finding in the interface's language, or the engine's own (English) words."""
    template = words.get(finding["kind"])
    if template is None:
        return finding["text"]
    money = finding["kind"] == "budget"
    return str(template) % {
        "subject": labels.get(finding["subject"], finding["subject"]) or _("the region"),
        "years": _years(finding["years"]),
        "limit": euro(Decimal(str(finding["limit"]))) if money else _places(finding["limit"]),
        "amount": euro(Decimal(str(finding["amount"]))) if money else _places(finding["amount"]),
    }


@dataclass(frozen=True)
class Outcome:
    """What the page says of a run: its status, the limits in words, and the figures."""

    years: list[int]
    binding: list[str]
    broken: list[str]
    conflicts: list[str]
    entered: dict[str, list[float]]
    proposed: dict[str, list[float]]
    labels: dict[str, str]

    @property
    def has_proposal(self) -> bool:
        return bool(self.proposed)


def outcome(run: OptimisationRun) -> Outcome:
    result, problem = run.result, run.input["problem"]
    labels = run.input["labels"]
    findings = result["findings"]
    feasible = result["status"] != "infeasible"
    return Outcome(
        years=list(problem["years"]),
        binding=[finding_text(f, labels, BINDING) for f in findings] if feasible else [],
        broken=[finding_text(f, labels, BROKEN) for f in result["entered_breaches"]],
        conflicts=[] if feasible else [finding_text(f, labels, CONFLICT) for f in findings],
        entered={cell["key"]: cell["entered"] for cell in problem["cells"]},
        proposed=dict(result["places"]),
        labels=labels,
    )


def _sum(rows: Mapping[str, Sequence[float]], count: int) -> list[float]:
    return [sum(row[i] for row in rows.values()) for i in range(count)]


def places_chart(run: OptimisationRun, out: Outcome) -> charts.LineChart:
    series = [charts.Series(_("Entered plan"), _sum(out.entered, len(out.years)))]
    if out.has_proposal:
        series.append(charts.Series(_("Proposal"), _sum(out.proposed, len(out.years))))
    return charts.line_chart(
        id="optimalisatie-plaatsen",
        title=_("Places in the region per year"),
        x_values=out.years,
        series=series,
        x_header=_("Plan"),
        value_format=lambda v: charts.format_number(v, 0),
    )


def shortage_chart(run: OptimisationRun, out: Outcome) -> charts.BarChart:
    result = run.result
    series = [charts.Series(_("Entered plan"), _sum(result["entered_shortage"], len(out.years)))]
    if out.has_proposal:
        series.append(charts.Series(_("Proposal"), _sum(result["shortage"], len(out.years))))
    return charts.bar_chart(
        id="optimalisatie-tekort",
        title=_("Shortage of places per year: people waiting or unsheltered"),
        categories=[str(y) for y in out.years],
        series=series,
        orientation=charts.Orientation.VERTICAL,
        category_header=_("Year"),
        value_format=lambda v: charts.format_number(v, 1),
    )


def _thousands(values) -> list[float]:
    return [value / 1000 for value in values]


def cost_chart(run: OptimisationRun, out: Outcome) -> charts.LineChart:
    """The cost per year of both plans beside the budget, in thousands of euros (so the table
    of nine or ten years fits beside its row headers)."""
    result = run.result
    series = [charts.Series(_("Entered plan"), _thousands(result["entered_cost"]))]
    if out.has_proposal:
        series.append(charts.Series(_("Proposal"), _thousands(result["cost"])))
    budget = run.input["problem"]["budget"]
    if all(b is not None for b in budget):
        series.append(charts.Series(pgettext("optimisation", "Budget"), _thousands(budget)))
    return charts.line_chart(
        id="optimalisatie-kosten",
        title=_("Cost per year (thousands of euros)"),
        x_values=out.years,
        series=series,
        x_header=_("Plan"),
        value_format=lambda v: charts.format_number(v, 0),
    )


def municipality_chart(out: Outcome, cbs_code: str) -> charts.LineChart | None:
    """A municipality's places per type: the entered plan and the proposal."""
    keys = [key for key in out.entered if key.startswith(f"{cbs_code}/")]
    if not keys:
        return None
    series = []
    for key in keys:
        label = out.labels[key].partition(", ")[2]
        series.append(charts.Series(_("%(type)s, entered") % {"type": label}, out.entered[key]))
        if out.has_proposal:
            series.append(
                charts.Series(_("%(type)s, proposal") % {"type": label}, out.proposed[key])
            )
    name = out.labels[keys[0]].partition(", ")[0]
    return charts.line_chart(
        id="optimalisatie-gemeente",
        title=_("Places per type in %(municipality)s") % {"municipality": name},
        x_values=out.years,
        series=series,
        x_header=_("Plan"),
        value_format=lambda v: charts.format_number(v, 0),
    )


def municipalities(out: Outcome) -> list[tuple[str, str]]:
    """(CBS code, name) of the municipalities in the run, in its order."""
    found = {key.partition("/")[0]: out.labels[key].partition(", ")[0] for key in out.entered}
    return list(found.items())


def cell_rows(out: Outcome) -> list[tuple[str, list[str]]]:
    """Per cell its places per year: "entered → proposal", or the entered alone."""
    rows = []
    for key, entered in out.entered.items():
        proposed = out.proposed.get(key)
        cells = [
            _places(e) if proposed is None else f"{_places(e)} → {_places(p)}"
            for e, p in zip(entered, proposed or entered, strict=True)
        ]
        rows.append((out.labels[key], cells))
    return rows


def sheets(run: OptimisationRun, out: Outcome) -> list[Sheet]:
    result = run.result
    cells = [
        [out.labels[key], kind, *values]
        for key in out.entered
        for kind, values in (
            (_("entered"), out.entered[key]),
            (_("proposal"), out.proposed.get(key, [])),
            (_("shortage, entered"), result["entered_shortage"].get(key, [])),
            (_("shortage, proposal"), result["shortage"].get(key, [])),
        )
    ]
    yearly = [
        [year, Decimal(str(round(e, 2))), Decimal(str(round(p, 2))) if p is not None else None]
        for year, e, p in zip(
            out.years,
            result["entered_cost"],
            result["cost"] or [None] * len(out.years),
            strict=True,
        )
    ]
    words = [[text] for text in (*out.conflicts, *out.binding, *out.broken)]
    return [
        Sheet(_("Places"), [_("Municipality and type"), _("What"), *map(str, out.years)], cells),
        Sheet(_("Cost"), [_("Year"), _("Entered plan"), _("Proposal")], yearly),
        Sheet(_("Limits"), [_("In words")], words),
    ]
