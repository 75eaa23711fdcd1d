"""Reads of contingent years: the list, one year with its split and realisation, the lists it keeps.

A year is no case: every contingent role reads it (the split, the targets and how many dwellings
were let are no personal data). Each read is a fixed number of queries, whatever the number of
corporations, municipalities or placements.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet

from onderdak.contingent.models import (
    ContingentYear,
    CorporationStock,
    CorporationTarget,
    DeclineParty,
    DeclineReason,
    Placement,
    SpreadTarget,
    Stream,
)
from onderdak.core.errors import NotFound
from onderdak.region.models import Municipality, Organisation, OrganisationKind, Region
from onderdak.region.selectors import organisation_list


@dataclass
class Share:
    """A corporation's part of one stream: by the key, the target, and what was realised."""

    stream: str
    computed: int | None = None
    target: int | None = None
    change_reason: str = ""
    realised: int = 0

    @property
    def changed(self) -> bool:
        return self.target is not None and self.target != self.computed

    @property
    def stream_label(self) -> str:
        return Stream(self.stream).label


@dataclass
class SplitRow:
    """One corporation: its stock (the key) and its share of each stream."""

    corporation: Organisation
    dwellings: int | None = None
    shares: dict[str, Share] = field(default_factory=dict)

    @property
    def target(self) -> int:
        return sum(share.target or 0 for share in self.shares.values())

    @property
    def realised(self) -> int:
        return sum(share.realised for share in self.shares.values())


@dataclass(frozen=True)
class StreamTotal:
    stream: str
    label: str
    target: int
    assigned: int
    realised: int | None  # None: not shown to this reader


@dataclass(frozen=True)
class YearDetail:
    contingent_year: ContingentYear
    rows: list[SplitRow]
    streams: list[StreamTotal]
    shows_realised: bool

    @property
    def realised(self) -> int | None:
        if not self.shows_realised:
            return None
        return sum(total.realised or 0 for total in self.streams)


def year_list(*, region: Region) -> QuerySet[ContingentYear]:
    """The region's years, the latest first."""
    return ContingentYear.objects.filter(region=region).order_by("-year")


def year_or_none(*, region: Region, year: int) -> ContingentYear | None:
    """The bare year of the region (no split): for pages that change one part of it."""
    return year_list(region=region).filter(year=year).select_related("region").first()


def year_with_inputs(*, region: Region, year: int) -> ContingentYear:
    """The region's year with its key, targets, spread targets and criteria; ``NotFound`` for
    any other year."""
    found = (
        year_list(region=region)
        .filter(year=year)
        .select_related("region")
        .prefetch_related(
            Prefetch("stocks", queryset=CorporationStock.objects.select_related("corporation")),
            Prefetch("targets", queryset=CorporationTarget.objects.select_related("corporation")),
            Prefetch(
                "spread_targets",
                queryset=SpreadTarget.objects.select_related("municipality"),
            ),
            "criteria",
        )
        .first()
    )
    if found is None:
        raise NotFound()
    return found


def year_detail(*, region: Region, year: int, with_realised: bool = True) -> YearDetail:
    """The year with its split per corporation and stream, and realised against the targets.

    Realised: the placements in dwellings that count towards this year, per corporation and per
    the nomination's stream (one aggregate query). These are counts of people, small ones
    included, so only ``with_realised`` readers get them (the coordinator); the others read them
    in the report, where small counts are hidden.
    """
    contingent_year = year_with_inputs(region=region, year=year)
    realised = realised_counts(contingent_year=contingent_year) if with_realised else {}
    rows = _split_rows(contingent_year, realised)
    streams = _stream_totals(contingent_year, rows, with_realised)
    return YearDetail(contingent_year, rows, streams, with_realised)


def realised_counts(*, contingent_year: ContingentYear) -> dict[tuple[int, str], tuple[str, int]]:
    """(corporation id, stream) → (corporation name, placements), in one query."""
    counts = (
        Placement.objects.filter(dwelling__contingent_year=contingent_year)
        .values("dwelling__corporation", "dwelling__corporation__name", "nomination__stream")
        .annotate(placements=Count("pk"))
        .order_by()
    )
    return {
        (row["dwelling__corporation"], row["nomination__stream"]): (
            row["dwelling__corporation__name"],
            row["placements"],
        )
        for row in counts
    }


def _split_rows(contingent_year: ContingentYear, realised: dict) -> list[SplitRow]:
    """A row per corporation with a stock, a target or a placement, sorted by name."""
    rows: dict[int, SplitRow] = {}

    def row_for(corporation: Organisation) -> SplitRow:
        if corporation.pk not in rows:
            shares = {stream: Share(stream) for stream in Stream.values}
            rows[corporation.pk] = SplitRow(corporation, shares=shares)
        return rows[corporation.pk]

    for stock in contingent_year.stocks.all():
        row_for(stock.corporation).dwellings = stock.dwellings
    for target in contingent_year.targets.all():
        share = row_for(target.corporation).shares[target.stream]
        share.computed, share.target = target.computed, target.target
        share.change_reason = target.change_reason
    for (corporation_id, stream), (name, count) in realised.items():
        row = rows.get(corporation_id) or row_for(Organisation(pk=corporation_id, name=name))
        row.shares[stream].realised = count
    return sorted(rows.values(), key=lambda row: row.corporation.name)


def _stream_totals(
    contingent_year: ContingentYear, rows: list[SplitRow], with_realised: bool
) -> list[StreamTotal]:
    return [
        StreamTotal(
            stream=stream,
            label=label,
            target=contingent_year.stream_target(stream),
            assigned=sum(row.shares[stream].target or 0 for row in rows),
            realised=sum(row.shares[stream].realised for row in rows) if with_realised else None,
        )
        for stream, label in Stream.choices
    ]


def corporations(*, region: Region) -> QuerySet[Organisation]:
    """The region's active housing corporations, by name: the rows of the key."""
    return organisation_list(region=region, kind=OrganisationKind.HOUSING_CORPORATION).order_by(
        "name"
    )


def municipalities(*, region: Region) -> QuerySet[Municipality]:
    """The region's municipalities, by name: the rows of the spread."""
    return Municipality.objects.filter(region=region).order_by("name")


def decline_reasons(
    *, region: Region, party: str | None = None, active_only: bool = True
) -> QuerySet[DeclineReason]:
    """The region's reasons to decline, in their order; for ``party``: its own and those for
    both parties."""
    qs = DeclineReason.objects.filter(region=region).order_by("position", "label")
    if party:
        qs = qs.filter(party__in=(party, DeclineParty.BOTH))
    return qs.filter(is_active=True) if active_only else qs
