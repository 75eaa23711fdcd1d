"""The scheme's reports per year, and what each role sees first (overview and home page).

Reports are aggregates over the whole region's year, so every report reader gets the same
tables; the regional coordinator sees every figure, all other roles read them with small counts
suppressed:

- **Primary suppression**: a count of people (nominations, placements, refusals, outcomes) from 1
  to 4 is hidden and shown as "<5". Targets are policy figures and never hidden; 0 is shown.
- **Secondary suppression**: every total is registered with the cells it adds up (a *group*, one
  equation "total = sum of parts"), across tables where they share a figure: the realised
  placements per stream are the column totals of the corporation table and the totals of the
  municipality table; the subregions' totals add up their municipalities. The suppression engine
  (``onderdak.engines.suppression``, decision 0012) hides as few more figures as it can so that
  no small count can be derived from the shown figures and these equations, not even with the
  knowledge that it lies from 1 to 4. Such a figure shows as "x" (hidden so that a small count
  cannot be derived); in Excel and the API it is empty (null) with a flag saying why.
- A median or 90th percentile of fewer than 5 waiting times is hidden like a small count.

Every figure comes from SQL aggregates (``values``/``annotate``/``aggregate``); only the waiting
time percentiles are computed in Python, from one query of dates. A report's query count does not
depend on the number of cases.
"""

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from onderdak.accounts.models import Role
from onderdak.contingent.models import (
    ContingentYear,
    CorporationTarget,
    DwellingStatus,
    EndReason,
    Evaluation,
    Nomination,
    NominationStatus,
    Placement,
    PlacementStatus,
    Proposal,
    ProposalStatus,
    SpreadTarget,
    Stream,
)
from onderdak.contingent.rules import municipality_ids, organisation_ids
from onderdak.contingent.selectors import stalled, visibility
from onderdak.core.charts import format_number
from onderdak.engines.suppression import SMALLEST_SHOWN, Group, Hidden
from onderdak.engines.suppression import suppress as suppress_counts
from onderdak.region.models import Municipality, Region

SMALL = Hidden.SMALL  # a count from 1 to 4
DERIVED = Hidden.DERIVED  # hidden so that a small count cannot be derived
OUTCOME_HORIZONS = (12, 24)  # months after the lease start
DAYS_PER_MONTH = Decimal("30.4375")  # 365.25 / 12


# --- Cells, tables and suppression ---------------------------------------------------------------


@dataclass(eq=False)
class Cell:
    """One figure of a table. ``count`` cells count people and may be hidden; ``hidden`` says
    why one is (``SMALL`` or ``DERIVED``). Cells are compared by identity: one figure can appear
    in several tables and is hidden in all of them at once."""

    value: int | Decimal | str | None
    count: bool = True
    hidden: str = ""

    @property
    def shown(self) -> int | Decimal | None:
        """The value a reader may see: ``None`` when hidden."""
        return None if self.hidden else self.value

    @property
    def display(self) -> str:
        """As a page shows it: "<5" for a small count, "x" for a figure hidden with it."""
        if self.hidden:
            return "<5" if self.hidden == SMALL else "x"
        if self.value is None or isinstance(self.value, str):
            return self.value or ""
        return format_number(self.value)


@dataclass
class Row:
    label: str
    cells: list[Cell]
    is_total: bool = False


@dataclass
class Table:
    key: str  # stable name: the API field and the Excel sheet's order
    title: str
    row_header: str
    columns: list[str]
    rows: list[Row] = field(default_factory=list)


def suppress(cells: Iterable[Cell], groups: Sequence[Sequence[Cell]]) -> None:
    """Hide small counts and the figures that would give them away; a group is a total
    followed by its parts. The cells themselves are the engine's keys (by identity)."""
    figures = [cell for cell in cells if cell.count and cell.value is not None]
    values = {cell: cell.value for cell in [*figures, *(c for group in groups for c in group)]}
    equations = [Group(group[0], tuple(group[1:])) for group in groups]
    for cell, why in suppress_counts(values, equations).items():
        cell.hidden = why


def _sum_cell(cells: Iterable[Cell]) -> Cell:
    return Cell(sum(cell.value or 0 for cell in cells))


# --- The year's report ---------------------------------------------------------------------------


@dataclass
class Report:
    contingent_year: ContingentYear
    suppressed: bool
    tables: list[Table]
    municipality_cells: dict[str, Cell]  # CBS code → realised placements (the map)
    funnel: list[tuple[str, Cell]]

    def table(self, key: str) -> Table:
        return next(table for table in self.tables if table.key == key)


def reads_unsuppressed(user) -> bool:
    """Only the regional coordinator reads every figure (DESIGN.md §3)."""
    return user.has_role(Role.REGIONAL_COORDINATOR)


def year_list(*, region: Region | None):
    return ContingentYear.objects.filter(region=region).order_by("-year")


def current_year(*, region: Region | None) -> ContingentYear | None:
    """This calendar year's contingent, else the latest before it, else the first after."""
    years = year_list(region=region)
    today = timezone.localdate()
    return years.filter(year__lte=today.year).first() or years.order_by("year").first()


def year_report(*, contingent_year: ContingentYear, suppressed: bool) -> Report:
    """Every table of the year's report, with small counts hidden when ``suppressed``."""
    groups: list[list[Cell]] = []
    corporations, streams = _realisation_tables(contingent_year, groups)
    municipalities, municipality_cells = _municipality_table(
        contingent_year, _total_row(corporations).cells[-1], groups
    )
    waiting = _waiting_table(contingent_year, streams, municipality_cells)
    funnel_cells = _funnel(contingent_year)
    tables = [
        streams,
        corporations,
        municipalities,
        _funnel_table(funnel_cells),
        waiting,
        _refusal_table(contingent_year, groups),
        _outcome_table(contingent_year, groups),
        _provider_table(contingent_year, funnel_cells, groups),
    ]
    if suppressed:
        suppress([c for t in tables for r in t.rows for c in r.cells if c.count], groups)
        _hide_small_percentiles(waiting)
    return Report(contingent_year, suppressed, tables, municipality_cells, funnel_cells)


def _total_row(table: Table) -> Row:
    return next(row for row in table.rows if row.is_total)


def _stream_labels() -> dict[str, str]:
    return {Stream.OUTFLOW: _("Outflow"), Stream.PREVENTION: _("Prevention")}


def _corporation_figures(year: ContingentYear, corporations=None):
    """Names, targets and realised placements per (corporation, stream); two queries."""
    targets_qs = CorporationTarget.objects.filter(contingent_year=year)
    placements = Placement.objects.filter(dwelling__contingent_year=year)
    if corporations is not None:
        targets_qs = targets_qs.filter(corporation__in=corporations)
        placements = placements.filter(dwelling__corporation__in=corporations)
    names, targets, realised = {}, defaultdict(int), defaultdict(int)
    for pk, name, stream, target in targets_qs.values_list(
        "corporation_id", "corporation__name", "stream", "target"
    ):
        targets[(pk, stream)] = target
        names[pk] = name
    for pk, name, stream, n in (
        placements.values("dwelling__corporation_id")
        .annotate(n=Count("pk"))
        .values_list(
            "dwelling__corporation_id", "dwelling__corporation__name", "nomination__stream", "n"
        )
    ):
        realised[(pk, stream)] = n
        names[pk] = name
    return names, targets, realised


def _realisation_tables(year: ContingentYear, groups: list) -> tuple[Table, Table]:
    """Target and realised placements per corporation and stream, and per stream."""
    corporations = _corporation_table(year, *_corporation_figures(year), groups)
    return corporations, _stream_table(year, _total_row(corporations))


def _corporation_table(year, names, targets, realised, groups) -> Table:
    labels = _stream_labels()
    columns = []
    for stream in Stream.values:
        columns += [
            _("Target %(stream)s") % {"stream": labels[stream].lower()},
            _("Realised %(stream)s") % {"stream": labels[stream].lower()},
        ]
    table = Table(
        "corporations",
        _("Target and realised per corporation in %(year)d") % {"year": year.year},
        _("Corporation"),
        [*columns, _("Target in total"), _("Realised in total")],
    )
    for pk, name in sorted(names.items(), key=lambda item: item[1]):
        cells = []
        for stream in Stream.values:
            cells += [Cell(targets[(pk, stream)], count=False), Cell(realised[(pk, stream)])]
        table.rows.append(Row(name, [*cells, *_row_totals(cells, groups)]))
    table.rows.append(_column_totals(table, groups))
    return table


def _row_totals(cells: list[Cell], groups: list) -> list[Cell]:
    """Total target and total realised of a row whose cells alternate target, realised."""
    target = Cell(sum(c.value for c in cells[0::2]), count=False)
    realised = _sum_cell(cells[1::2])
    groups.append([realised, *cells[1::2]])
    return [target, realised]


def _column_totals(table: Table, groups: list) -> Row:
    """A total row; each count column's total is grouped with the column's cells."""
    totals = []
    for index in range(len(table.columns)):
        column = [row.cells[index] for row in table.rows]
        total = _sum_cell(column)
        total.count = all(cell.count for cell in column)
        if total.count:
            groups.append([total, *column])
        totals.append(total)
    return Row(_("Total"), totals, is_total=True)


def _stream_table(year: ContingentYear, corporation_totals: Row) -> Table:
    """The stream's figures are the corporation table's totals (the very same cells)."""
    cells = corporation_totals.cells
    labels = _stream_labels()
    rows = [
        Row(labels[stream], [Cell(year.stream_target(stream), count=False), cells[2 * i + 1]])
        for i, stream in enumerate(Stream.values)
    ]
    rows.append(Row(_("Total"), [Cell(year.total, count=False), cells[-1]], is_total=True))
    return Table(
        "streams",
        _("Target and realised per stream in %(year)d") % {"year": year.year},
        _("Stream"),
        [_("Target"), _("Realised")],
        rows,
    )


def _municipality_table(year: ContingentYear, region_total: Cell, groups: list):
    """Realised placements per municipality of the dwelling, by subregion; the spread targets."""
    municipalities = list(
        Municipality.objects.filter(region=year.region_id)
        .select_related("subregion")
        .order_by("subregion__name", "name")
    )
    spread = dict(
        SpreadTarget.objects.filter(contingent_year=year).values_list("municipality_id", "target")
    )
    realised = dict(
        Placement.objects.filter(dwelling__contingent_year=year)
        .values("dwelling__municipality_id")
        .annotate(n=Count("pk"))
        .values_list("dwelling__municipality_id", "n")
    )
    table = Table(
        "municipalities",
        _("Realised per municipality in %(year)d") % {"year": year.year},
        _("Municipality"),
        [_("Subregion"), _("Spread target"), _("Realised")],
    )
    cells, by_subregion = {}, defaultdict(list)
    for m in municipalities:
        cells[m.cbs_code] = Cell(realised.get(m.pk, 0))
        by_subregion[m.subregion.name].append(cells[m.cbs_code])
        target = Cell(spread.get(m.pk), count=False)
        table.rows.append(Row(m.name, [_text_cell(m.subregion.name), target, cells[m.cbs_code]]))
    groups.append([region_total, *cells.values()])
    table.rows.append(Row(_("Total"), [_text_cell(""), _spread_total(spread), region_total], True))
    return table, _subregion_cells(cells, by_subregion, groups)


def _text_cell(text: str) -> Cell:
    """A label in a figures' column (the subregion of a municipality)."""
    return Cell(text, count=False)


def _spread_total(spread: dict) -> Cell:
    return Cell(sum(spread.values()) if spread else None, count=False)


def _subregion_cells(cells: dict[str, Cell], by_subregion: dict, groups: list) -> dict[str, Cell]:
    """The municipality cells, plus per subregion its total (grouped with its municipalities)."""
    result = dict(cells)
    for name, parts in by_subregion.items():
        total = _sum_cell(parts)
        groups.append([total, *parts])
        result[f"subregion:{name}"] = total
    return result


# --- Funnel, waiting times, refusals, outcomes, providers ----------------------------------------


def _funnel(year: ContingentYear) -> list[tuple[str, Cell]]:
    """Nominations of the year (submitted at least once), and how far they came."""
    distinct = {"distinct": True}
    figures = (
        Nomination.objects.filter(contingent_year=year)
        .exclude(status=NominationStatus.DRAFT)
        .aggregate(
            nominated=Count("pk", **distinct),
            approved=Count("pk", filter=Q(approved_at__isnull=False), **distinct),
            proposed=Count("pk", filter=Q(proposals__isnull=False), **distinct),
            placed=Count("pk", filter=Q(placement__isnull=False), **distinct),
            transferred=Count(
                "pk", filter=Q(placement__status=PlacementStatus.TRANSFERRED), **distinct
            ),
        )
    )
    labels = {
        "nominated": _("Nominated"),
        "approved": _("Approved"),
        "proposed": _("Proposed for a dwelling"),
        "placed": _("Placed"),
        "transferred": _("Lease transferred"),
    }
    return [(labels[key], Cell(figures[key])) for key in labels]


def _funnel_table(funnel: list[tuple[str, Cell]]) -> Table:
    return Table(
        "funnel",
        _("From nomination to lease transfer"),
        _("Stage"),
        [_("Nominations")],
        [Row(label, [cell]) for label, cell in funnel],
    )


def percentile(values: Sequence[int], fraction: float) -> Decimal | None:
    """The ``fraction`` percentile of sorted ``values`` by linear interpolation; None if empty."""
    if not values:
        return None
    position = (len(values) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    value = values[low] + (values[high] - values[low]) * (position - low)
    return Decimal(str(round(value, 1)))


def _waiting_table(year: ContingentYear, streams: Table, cells: dict[str, Cell]) -> Table:
    """Days from approval to lease start, per stream and per subregion (median and p90).

    The number of placements per stream and subregion are the same cells as in the stream and
    municipality tables, so they are hidden alike.
    """
    days: dict[str, list[int]] = defaultdict(list)
    placements = Placement.objects.filter(
        dwelling__contingent_year=year, nomination__approved_at__isnull=False
    ).annotate(approved_on=TruncDate("nomination__approved_at"))  # the local date, in SQL
    for stream, subregion, approved_on, lease_start in placements.values_list(
        "nomination__stream",
        "dwelling__municipality__subregion__name",
        "approved_on",
        "lease_start",
    ):
        waited = (lease_start - approved_on).days
        for key in (stream, f"subregion:{subregion}", "total"):
            days[key].append(waited)
    labels = _stream_labels()
    keyed = [
        (labels[s], s, row.cells[1]) for s, row in zip(Stream.values, streams.rows, strict=False)
    ]
    keyed += [
        (key.split(":", 1)[1], key, cell)
        for key, cell in cells.items()
        if key.startswith("subregion:")
    ]
    keyed.append((_("Total"), "total", streams.rows[-1].cells[1]))
    table = Table(
        "waiting",
        _("Days from approval to lease start in %(year)d") % {"year": year.year},
        _("Stream or subregion"),
        [_("Placements"), _("Median (days)"), _("90th percentile (days)")],
    )
    for label, key, count in keyed:
        values = sorted(days[key])
        medians = [Cell(percentile(values, f), count=False) for f in (0.5, 0.9)]
        table.rows.append(Row(label, [count, *medians], is_total=key == "total"))
    return table


def _hide_small_percentiles(waiting: Table) -> None:
    for row in waiting.rows:
        count = row.cells[0]
        if count.hidden == SMALL or (count.value or 0) < SMALLEST_SHOWN:
            for cell in row.cells[1:]:
                cell.hidden = cell.hidden or (SMALL if cell.value is not None else "")


def _refusal_table(year: ContingentYear, groups: list) -> Table:
    """Declined proposals of the year's nominations, per reason and per party that declined."""
    statuses = (ProposalStatus.DECLINED_BY_PROVIDER, ProposalStatus.DECLINED_BY_CORPORATION)
    counts = defaultdict(int)
    for row in (
        Proposal.objects.filter(nomination__contingent_year=year, status__in=statuses)
        .values("decline_reason__label", "status")
        .annotate(n=Count("pk"))
    ):
        counts[(row["decline_reason__label"] or _("No reason given"), row["status"])] = row["n"]
    table = Table(
        "refusals",
        _("Declined proposals by reason in %(year)d") % {"year": year.year},
        _("Reason"),
        [_("By the care provider"), _("By the corporation"), _("Total")],
    )
    for reason in sorted({reason for reason, _status in counts}):
        cells = [Cell(counts[(reason, status)]) for status in statuses]
        total = _sum_cell(cells)
        groups.append([total, *cells])
        table.rows.append(Row(reason, [*cells, total]))
    if table.rows:
        table.rows.append(_column_totals(table, groups))
        totals = _total_row(table).cells
        groups.append([totals[-1], *totals[:-1]])
    return table


def _outcome_table(year: ContingentYear, groups: list) -> Table:
    """Where the year's placements stood 12 and 24 months after their lease start.

    Counted are placements whose lease started at least that long ago; a month is 30.4375 days.
    """
    today = timezone.localdate()
    aggregates = {}
    for months in OUTCOME_HORIZONS:
        span = datetime.timedelta(days=round(months * DAYS_PER_MONTH))
        started = Q(lease_start__lte=today - span)
        transferred = started & Q(transfer_date__lte=F("lease_start") + span)
        ended = started & Q(ended_on__lte=F("lease_start") + span) & ~transferred
        aggregates[f"{months}_placed"] = Count("pk", filter=started)
        aggregates[f"{months}_transferred"] = Count("pk", filter=transferred)
        for reason in EndReason.values:
            aggregates[f"{months}_{reason}"] = Count("pk", filter=ended & Q(end_reason=reason))
    figures = Placement.objects.filter(dwelling__contingent_year=year).aggregate(**aggregates)
    table = Table(
        "outcomes",
        _("Outcomes of the placements of %(year)d") % {"year": year.year},
        _("After"),
        [
            _("Placements"),
            _("Lease transferred"),
            _("Still in guidance"),
            *(_("Ended: %(reason)s") % {"reason": label} for label in EndReason.labels),
        ],
    )
    for months in OUTCOME_HORIZONS:
        placed = Cell(figures[f"{months}_placed"])
        parts = [Cell(figures[f"{months}_{key}"]) for key in ("transferred", *EndReason.values)]
        guidance = Cell(placed.value - sum(cell.value for cell in parts))
        groups.append([placed, parts[0], guidance, *parts[1:]])
        label = _("%(months)d months") % {"months": months}
        table.rows.append(Row(label, [placed, parts[0], guidance, *parts[1:]]))
    return table


def _provider_table(year: ContingentYear, funnel: list, groups: list) -> Table:
    """Nominations and placements per nominating care provider; totals are the funnel's."""
    table = Table(
        "providers",
        _("Nominations and placements per care provider in %(year)d") % {"year": year.year},
        _("Care provider"),
        [_("Nominated"), _("Placed")],
    )
    for row in (
        Nomination.objects.filter(contingent_year=year)
        .exclude(status=NominationStatus.DRAFT)
        .values("provider__name")
        .annotate(
            nominated=Count("pk", distinct=True),
            placed=Count("pk", filter=Q(placement__isnull=False), distinct=True),
        )
        .order_by("provider__name")
    ):
        table.rows.append(Row(row["provider__name"], [Cell(row["nominated"]), Cell(row["placed"])]))
    nominated, placed = funnel[0][1], funnel[3][1]
    groups.append([nominated, *(row.cells[0] for row in table.rows)])
    groups.append([placed, *(row.cells[1] for row in table.rows)])
    table.rows.append(Row(_("Total"), [nominated, placed], is_total=True))
    return table


# --- What each role sees first (DESIGN.md §3a) ----------------------------------------------------

#: Evaluations due within this many days count as "due" on the overview.
EVALUATION_HORIZON_DAYS = 30


@dataclass(frozen=True)
class Figure:
    """A number on the overview or home page, linking to the list behind it (``url_name``
    filtered by ``query``). ``home`` figures are also on the home page."""

    label: str
    value: int
    url_name: str = ""
    query: str = ""
    home: bool = False


@dataclass
class Section:
    key: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    table: Table | None = None


@dataclass
class Overview:
    contingent_year: ContingentYear | None
    sections: list[Section]

    def home_figures(self) -> list[Figure]:
        return [figure for section in self.sections for figure in section.figures if figure.home]


def _query(year: ContingentYear | None, **filters) -> str:
    pairs = [*filters.items(), *([("jaar", year.year)] if year else [])]
    return "&".join(f"{key}={value}" for key, value in pairs)


def _by_status(queryset, choices, url_name: str, year, home: Sequence[str] = ()) -> list[Figure]:
    """A figure per status that has cases, in the workflow's order (one query)."""
    counts = dict(queryset.values("status").annotate(n=Count("pk")).values_list("status", "n"))
    return [
        Figure(
            str(label).capitalize(),
            counts[value],
            url_name,
            _query(year, status=value),
            home=value in home,
        )
        for value, label in choices
        if counts.get(value)
    ]


def _care_worker_sections(user, year) -> list[Section]:
    providers = organisation_ids(user, Role.CARE_WORKER)
    nominations = visibility.visible_nominations(user).filter(provider__in=providers)
    if year:
        nominations = nominations.filter(contingent_year=year)
    proposals = visibility.visible_proposals(user).filter(
        nomination__provider__in=providers, status=ProposalStatus.AWAITING_PROVIDER
    )
    due = Evaluation.objects.filter(
        placement__in=visibility.visible_placements(user).filter(
            nomination__provider__in=providers, status__in=stalled.GUIDANCE_STATUSES
        ),
        held_on__isnull=True,
        due_on__lte=timezone.localdate() + datetime.timedelta(days=EVALUATION_HORIZON_DAYS),
    )
    waiting = [
        Figure(
            _("Proposals awaiting your answer"),
            proposals.count(),
            "contingent:proposal_list",
            _query(None, status=ProposalStatus.AWAITING_PROVIDER),
            home=True,
        ),
        Figure(
            _("Placements with an evaluation due"),
            due.values("placement").distinct().count(),
            "contingent:placement_list",
            _query(None, status=PlacementStatus.ACTIVE),
            home=True,
        ),
    ]
    return [
        Section("provider-waiting", _("Waiting for your care provider"), waiting),
        Section(
            "provider-nominations",
            _("Your nominations by status"),
            _by_status(
                nominations,
                NominationStatus.choices,
                "contingent:nomination_list",
                year,
                home=(NominationStatus.INFO_REQUESTED,),
            ),
        ),
    ]


def _corporation_sections(user, year) -> list[Section]:
    corporations = organisation_ids(user, Role.CORPORATION_OFFICER)
    proposals = visibility.visible_proposals(user).filter(
        dwelling__corporation__in=corporations, status=ProposalStatus.AWAITING_CORPORATION
    )
    dwellings = visibility.visible_dwellings(user).filter(corporation__in=corporations)
    if year:
        dwellings = dwellings.filter(contingent_year=year)
    sections = [
        Section(
            "corporation-waiting",
            _("Waiting for your corporation"),
            [
                Figure(
                    _("Proposals awaiting your answer"),
                    proposals.count(),
                    "contingent:proposal_list",
                    _query(None, status=ProposalStatus.AWAITING_CORPORATION),
                    home=True,
                ),
            ],
        ),
        Section(
            "corporation-dwellings",
            _("Your dwellings by status"),
            _by_status(
                dwellings,
                DwellingStatus.choices,
                "contingent:dwelling_list",
                year,
                home=(DwellingStatus.AVAILABLE,),
            ),
        ),
    ]
    if year:
        sections.append(
            Section(
                "corporation-target",
                _("Your target and realisation"),
                table=_own_realisation(year, corporations),
            )
        )
    return sections


def _own_realisation(year: ContingentYear, corporations) -> Table:
    """The corporation table of the year's report, with only the user's own corporations."""
    return _corporation_table(year, *_corporation_figures(year, corporations), [])


def _municipality_sections(user, year) -> list[Section]:
    tied = municipality_ids(user)
    awaiting = visibility.visible_nominations(user).filter(
        tie_municipality__in=tied, status=NominationStatus.SUBMITTED
    )
    placements = visibility.visible_placements(user).filter(nomination__tie_municipality__in=tied)
    if year:
        placements = placements.filter(dwelling__contingent_year=year)
    return [
        Section(
            "municipality-waiting",
            _("Waiting for your municipality"),
            [
                Figure(
                    _("Nominations awaiting your review"),
                    awaiting.count(),
                    "contingent:nomination_list",
                    _query(None, status=NominationStatus.SUBMITTED),
                    home=True,
                ),
            ],
        ),
        Section(
            "municipality-placements",
            _("Placements of residents with ties to you"),
            _by_status(
                placements,
                PlacementStatus.choices,
                "contingent:placement_list",
                year,
                home=(PlacementStatus.ACTIVE,),
            ),
        ),
    ]


def _coordinator_sections(user, year) -> list[Section]:
    pool = visibility.visible_nominations(user).filter(status=NominationStatus.APPROVED)
    pool_counts = dict(pool.values("stream").annotate(n=Count("pk")).values_list("stream", "n"))
    labels = _stream_labels()
    stalled_counts = stalled.stalled_for_user(user).counts()
    sections = [
        Section(
            "pool",
            _("The pool: approved, not yet proposed"),
            [
                Figure(
                    labels[stream],
                    pool_counts.get(stream, 0),
                    "contingent:nomination_list",
                    _query(None, status=NominationStatus.APPROVED, stroom=stream),
                    home=True,
                )
                for stream in Stream.values
            ],
        ),
        Section(
            "stalled",
            _("Stalled steps"),
            [
                Figure(
                    str(label),
                    stalled_counts[kind],
                    url_name,
                    _query(None, status=status),
                    home=kind == "reviews",
                )
                for kind, label, url_name, status in _stalled_links()
            ],
        ),
    ]
    if year:
        streams = _realisation_tables(year, [])
        sections.insert(0, Section("realisation", _("Realisation of the year"), table=streams[1]))
        sections.insert(
            1,
            Section("realisation-corporations", _("Realisation per corporation"), table=streams[0]),
        )
    return sections


def _stalled_links():
    """Per kind of stalled step: its label and the list (filtered by status) that holds them."""
    return [
        ("reviews", _("Reviews overdue"), "contingent:nomination_list", NominationStatus.SUBMITTED),
        (
            "provider_answers",
            _("Answers of care providers overdue"),
            "contingent:proposal_list",
            ProposalStatus.AWAITING_PROVIDER,
        ),
        (
            "corporation_answers",
            _("Answers of corporations overdue"),
            "contingent:proposal_list",
            ProposalStatus.AWAITING_CORPORATION,
        ),
        (
            "lease_starts",
            _("Lease starts overdue"),
            "contingent:proposal_list",
            ProposalStatus.ACCEPTED,
        ),
        (
            "evaluations",
            _("Evaluations overdue"),
            "contingent:placement_list",
            PlacementStatus.ACTIVE,
        ),
    ]


ROLE_SECTIONS = (
    (Role.REGIONAL_COORDINATOR, _coordinator_sections),
    (Role.MUNICIPALITY_OFFICER, _municipality_sections),
    (Role.CORPORATION_OFFICER, _corporation_sections),
    (Role.CARE_WORKER, _care_worker_sections),
)


def overview(*, user, region: Region | None) -> Overview:
    """What needs ``user`` today, per role they have, in this year of the region's contingent.

    Policy and governance roles get no sections: they read the reports.
    """
    builders = [build for role, build in ROLE_SECTIONS if user.has_role(role)]
    year = current_year(region=region)
    return Overview(year, [section for build in builders for section in build(user, year)])


def home_figures(user, region: Region | None) -> list[Figure]:
    """The two to four figures per role that the home page shows first; none for a role that
    reads the reports only."""
    if not any(user.has_role(role) for role, _build in ROLE_SECTIONS):
        return []
    return overview(user=user, region=region).home_figures()
