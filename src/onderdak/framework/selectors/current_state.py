"""The current state ("stand van zaken"): the facts the framework starts from, compiled from the
other modules, each with its date and source, to quote in the document.

The page, the print view and the Word export's annex all read :func:`current_state`. Every people
count is shown as the monitor shows it to policy roles (small counts suppressed, "<5"), whoever
reads it: the figures are meant to be quoted in a public document. A fixed number of queries,
whatever the size of the data.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from onderdak.capacity.models import Facility, RunStatus
from onderdak.capacity.selectors.facilities import places_per_type
from onderdak.capacity.selectors.plans import plan_grid, region_plan
from onderdak.capacity.selectors.scenarios import scenario_list
from onderdak.contingent.models import ContingentYear, Placement
from onderdak.monitor.selectors.counts import people_shown
from onderdak.monitor.selectors.dashboard_cube import REGION_KEY, CellKey
from onderdak.monitor.selectors.dashboard_data import monitor_data
from onderdak.monitor.selectors.dashboard_figures import per_10000
from onderdak.region.models import OrganisationKind, Region
from onderdak.region.selectors import organisation_counts

#: The last contingent years shown.
CONTINGENT_YEARS = 5


@dataclass(frozen=True)
class Fact:
    """One figure to quote: what it is, its value as shown, as of when, and where it comes from."""

    label: str
    value: str
    date: datetime.date | None
    source: str
    is_demo: bool = False


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    facts: list[Fact] = field(default_factory=list)
    #: Shown instead of the facts when there are none.
    empty: str = ""

    @property
    def has_demo(self) -> bool:
        return any(fact.is_demo for fact in self.facts)


def _number(value) -> str:
    return number_format(value, 0, force_grouping=True)


def organisations_section(region: Region, today: datetime.date) -> Section:
    counts = organisation_counts(region=region)
    source = _("Onderdak organisation registry")
    facts = [
        Fact(OrganisationKind.counted(kind, counts[kind]), _number(counts[kind]), today, source)
        for kind in OrganisationKind.values
        if counts.get(kind)
    ]
    return Section("organisations", _("Organisations"), facts, _("No organisations registered."))


def contingent_section(region: Region, today: datetime.date) -> Section:
    """Target and realised placements of the last contingent years (two queries); realised
    counts of 1 to 4 are shown as "<5"."""
    years = list(ContingentYear.objects.filter(region=region).order_by("-year")[:CONTINGENT_YEARS])
    realised = dict(
        Placement.objects.filter(dwelling__contingent_year__in=years)
        .values_list("dwelling__contingent_year")
        .annotate(n=Count("pk"))
        .values_list("dwelling__contingent_year", "n")
    )
    source = _("Onderdak contingent scheme: placements registered")
    facts = [
        Fact(
            _("Contingent %(year)s: placements realised of the target") % {"year": year.year},
            _("%(realised)s of %(target)s")
            % {
                "realised": people_shown(realised.get(year.pk, 0), unsuppressed=False),
                "target": _number(year.total),
            },
            today,
            source,
        )
        for year in reversed(years)
    ]
    return Section("contingent", _("Contingent realisation"), facts, _("No contingent years."))


def ethos_section(region: Region) -> Section:
    """The latest count: the region's people, per 10,000 inhabitants and per ETHOS category,
    suppressed as the monitor shows them to policy roles."""
    data = monitor_data(region=region, suppressed=True, latest_only=True)
    count = data.latest
    title = _("Homelessness count (ETHOS)")
    if count is None:
        return Section("ethos", title, [], _("No count has been imported yet."))
    cube = data.cube(count)
    total = cube.total(REGION_KEY)
    rate = per_10000(total, data.population(REGION_KEY, count.count_date))

    def fact(label: str, value: str) -> Fact:
        return Fact(label, value, count.count_date, count.source, count.is_demo)

    facts = [
        fact(_("People counted in %(count)s") % {"count": count.title}, total.display),
        fact(_("People per 10,000 inhabitants"), rate.display),
        *(
            fact(data.label(pk), cube.figure(CellKey(REGION_KEY, pk)).display)
            for pk in cube.dims.categories
        ),
    ]
    return Section("ethos", title, facts)


def facilities_section(region: Region, today: datetime.date) -> Section:
    """The active facilities' places per type (two queries)."""
    facilities = Facility.objects.filter(region=region, is_active=True)
    demo = facilities.aggregate(n=Count("pk", filter=Q(is_demo=True)))["n"] > 0
    source = _("Onderdak capacity register")
    facts = [
        Fact(
            total.facility_type,
            ngettext(
                "%(places)s places in %(facilities)s facility",
                "%(places)s places in %(facilities)s facilities",
                total.facilities,
            )
            % {"places": _number(total.places), "facilities": _number(total.facilities)},
            today,
            source,
            demo,
        )
        for total in places_per_type(facilities)
    ]
    return Section("facilities", _("Facilities and places"), facts, _("No facilities registered."))


def plan_section(region: Region) -> Section:
    """The build-up and phase-down plan: per type, the places in the baseline and target year."""
    plan = region_plan(region=region)
    title = _("Build-up and phase-down plan")
    if plan is None:
        return Section("plan", title, [], _("The region has no build-up and phase-down plan yet."))
    grid = plan_grid(plan=plan)
    source = _("Onderdak build-up and phase-down plan")
    facts = [
        Fact(
            facility_type.label,
            _("%(baseline)s places in %(first)s, %(target)s in %(last)s")
            % {
                "baseline": _number(per_year[0]),
                "first": plan.first_year,
                "target": _number(per_year[-1]),
                "last": plan.last_year,
            },
            timezone.localdate(plan.updated_at),
            source,
        )
        for facility_type, per_year in grid.totals_by_type(grid.municipalities)
    ]
    return Section("plan", title, facts, _("The plan has no places yet."))


def scenarios_section(region: Region) -> Section:
    """The saved capacity scenarios quoted with their last run (one query)."""
    source = _("Onderdak capacity scenario, last simulation run")
    facts = [
        Fact(
            scenario.name,
            RunStatus(scenario.latest_status).label if scenario.latest_status else _("not run"),
            timezone.localdate(scenario.latest_at) if scenario.latest_at else None,
            source,
            scenario.is_demo,
        )
        for scenario in scenario_list(region=region)
    ]
    return Section("scenarios", _("Capacity scenarios"), facts, _("No scenarios saved."))


def current_state(*, region: Region, user=None) -> list[Section]:
    """Every section of the current state of ``region``; the capacity scenarios only for a reader
    of them."""
    today = timezone.localdate()
    sections = [
        organisations_section(region, today),
        contingent_section(region, today),
        ethos_section(region),
        facilities_section(region, today),
        plan_section(region),
    ]
    if user is None or user.has_perm("capacity.view_scenario"):
        sections.append(scenarios_section(region))
    return sections
