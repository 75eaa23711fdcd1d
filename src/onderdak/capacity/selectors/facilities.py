"""Reads of the facility register: the facilities a user sees (filtered, with totals of places
per type), one facility with its latest monthly figures, the facility types, and the measured
demand per municipality and type that the plan's checks compare with. Each is a fixed number of
queries, whatever the data."""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.http import Http404
from django.utils import timezone

from onderdak.accounts.models import User
from onderdak.capacity.models import Facility, FacilityType, MonthlyFigure
from onderdak.capacity.months import (
    first_of_month,
    month_range,
    months_back,
    next_month,
    previous_month,
)
from onderdak.capacity.rules import is_capacity_reader, is_care_worker, is_planner, provider_ids
from onderdak.capacity.selectors.visibility import visible_facilities
from onderdak.region.models import Organisation, OrganisationKind, Region
from onderdak.region.selectors import without_boundaries

#: The months a facility's page shows (three years).
MONTHS_SHOWN = 36
#: The months the measured demand averages over.
DEMAND_MONTHS = 12


@dataclass(frozen=True)
class FacilityFilters:
    """The list's filters; empty values filter nothing. ``active``: "yes", "no" or "" (all)."""

    municipality: str = ""
    subregion: int | None = None
    facility_type: str = ""
    level: str = ""
    provider: int | None = None
    active: str = "yes"


def facility_list(
    *, user: User, region: Region | None, filters: FacilityFilters | None = None
) -> QuerySet[Facility]:
    """The facilities ``user`` sees in ``region``, filtered, with what the list shows of each
    (``latest_month``: the latest month with figures)."""
    latest = MonthlyFigure.objects.filter(facility=OuterRef("pk")).order_by("-month")
    facilities = (
        visible_facilities(user=user, region=region)
        .select_related("provider", "municipality", "municipality__subregion", "facility_type")
        .annotate(latest_month=Subquery(latest.values("month")[:1]))
    )
    facilities = without_boundaries(facilities, "municipality")
    return _filtered(facilities, filters or FacilityFilters()).order_by(
        "municipality__name", "facility_type__order", "name"
    )


def _filtered(facilities: QuerySet[Facility], filters: FacilityFilters) -> QuerySet[Facility]:
    conditions = {
        "municipality__cbs_code": filters.municipality,
        "municipality__subregion": filters.subregion,
        "facility_type__code": filters.facility_type,
        "level": filters.level,
        "provider": filters.provider,
    }
    facilities = facilities.filter(
        **{path: value for path, value in conditions.items() if value not in ("", None)}
    )
    if filters.active:
        facilities = facilities.filter(is_active=filters.active == "yes")
    return facilities


@dataclass(frozen=True)
class TypeTotal:
    facility_type: str
    facilities: int
    places: int


def places_per_type(facilities: QuerySet[Facility]) -> list[TypeTotal]:
    """The facilities and places of each type among ``facilities`` (one query)."""
    totals = (
        facilities.order_by()
        .values("facility_type__order", "facility_type__name", "facility_type__name_en")
        .annotate(facilities=Count("pk"), places=Sum("places"))
        .order_by("facility_type__order", "facility_type__name")
    )
    return [
        TypeTotal(
            facility_type=FacilityType(
                name=row["facility_type__name"], name_en=row["facility_type__name_en"]
            ).label,
            facilities=row["facilities"],
            places=row["places"] or 0,
        )
        for row in totals
    ]


def facility_or_404(*, user: User, region: Region | None, pk: int) -> Facility:
    """A facility ``user`` sees; any other (another care provider's, another region's) is not
    found."""
    facility = facility_list(user=user, region=region, filters=FacilityFilters(active="")).filter(
        pk=pk
    )
    found = facility.first()
    if found is None:
        raise Http404
    return found


def importable_facilities(*, user: User, region: Region | None) -> QuerySet[Facility]:
    """The facilities ``user`` may enter figures for: the region's for a planner, their own care
    provider's for a care worker (``capacity.change_monthlyfigure`` as a queryset)."""
    facilities = facility_list(user=user, region=region, filters=FacilityFilters(active=""))
    if is_planner(user):
        return facilities
    if is_care_worker(user):
        return facilities.filter(provider__in=provider_ids(user))
    return facilities.none()


def provider_choices(*, user: User, region: Region | None) -> QuerySet[Organisation]:
    """The care providers a user may filter the list by: the region's, or a care worker's own."""
    providers = Organisation.objects.filter(region=region, kind=OrganisationKind.CARE_PROVIDER)
    if not is_capacity_reader(user):
        providers = providers.filter(pk__in=provider_ids(user))
    return providers.order_by("name")


def latest_figures(*, facility: Facility, months: int = MONTHS_SHOWN) -> list[MonthlyFigure]:
    """The facility's figures of its latest ``months`` months with figures, oldest first."""
    figures = facility.monthly_figures.select_related("entered_by").order_by("-month")[:months]
    return list(reversed(figures))


def month_figures(
    *, facility: Facility, month: datetime.date
) -> tuple[MonthlyFigure | None, MonthlyFigure | None]:
    """The figures of ``month`` and of the month before it, as far as entered (one query)."""
    found = {
        figure.month: figure
        for figure in facility.monthly_figures.filter(month__in=[month, previous_month(month)])
    }
    return found.get(month), found.get(previous_month(month))


def year_figures(*, facility: Facility, year: int) -> dict[datetime.date, MonthlyFigure]:
    """The facility's figures of ``year`` and of the December before it, by month."""
    figures = facility.monthly_figures.filter(
        month__gte=datetime.date(year - 1, 12, 1), month__lte=datetime.date(year, 12, 1)
    )
    return {figure.month: figure for figure in figures}


def next_month_to_enter(*, facility: Facility, latest: MonthlyFigure | None) -> datetime.date:
    """The month after the latest with figures, or the contract's first; never a future month."""
    this_month = first_of_month(timezone.localdate())
    if latest is None:
        return min(first_of_month(facility.contract_start), this_month)
    return min(next_month(latest.month), this_month)


def entry_years(*, facility: Facility) -> list[int]:
    """The years figures may be entered for: from the contract's start to this year (or the
    contract's end), newest first."""
    last = timezone.localdate().year
    if facility.contract_end:
        last = min(last, facility.contract_end.year)
    return list(range(last, facility.contract_start.year - 1, -1))


def entry_months(*, facility: Facility, year: int) -> list[datetime.date]:
    """The months of ``year`` figures may be entered for: within the contract, up to now."""
    first = max(datetime.date(year, 1, 1), first_of_month(facility.contract_start))
    last = min(datetime.date(year, 12, 1), first_of_month(timezone.localdate()))
    if facility.contract_end:
        last = min(last, first_of_month(facility.contract_end))
    return month_range(first, last)


def facility_types(*, region: Region | None = None) -> QuerySet[FacilityType]:
    """Every facility type, with how many facilities of ``region`` have it (``facility_count``)."""
    return FacilityType.objects.annotate(
        facility_count=Count("facilities", filter=Q(facilities__region=region))
    )


# --- Measured demand -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasuredDemand:
    """The people a municipality's facilities of one type held or had waiting, on average over
    the months with figures in the window: ``occupied + waiting_list`` per month, summed over
    the facilities, then averaged over those months."""

    municipality: str  # CBS code
    facility_type: str  # the type's code
    months: int
    occupied: Decimal
    waiting_list: Decimal

    @property
    def demand(self) -> Decimal:
        return self.occupied + self.waiting_list


def measured_demand(
    *, region: Region, until: datetime.date | None = None, months: int = DEMAND_MONTHS
) -> dict[tuple[str, str], MeasuredDemand]:
    """The measured demand per (CBS code, type code) over the ``months`` months up to ``until``
    (default: last month), from every facility of ``region``, active or not (one query)."""
    last = first_of_month(until or previous_month(timezone.localdate()))
    first = months_back(last, months)
    rows = (
        MonthlyFigure.objects.filter(facility__region=region, month__gte=first, month__lte=last)
        .values("facility__municipality__cbs_code", "facility__facility_type__code")
        .annotate(
            months=Count("month", distinct=True),
            occupied=Sum(F("occupied")),
            waiting=Sum(F("waiting_list")),
        )
    )
    return {
        (row["facility__municipality__cbs_code"], row["facility__facility_type__code"]): (
            MeasuredDemand(
                municipality=row["facility__municipality__cbs_code"],
                facility_type=row["facility__facility_type__code"],
                months=row["months"],
                occupied=_average(row["occupied"], row["months"]),
                waiting_list=_average(row["waiting"], row["months"]),
            )
        )
        for row in rows
    }


def _average(total: int, months: int) -> Decimal:
    return (Decimal(total) / months).quantize(Decimal("0.1"), ROUND_HALF_UP)
