"""The monitor's indicators: the built-in ones (computed from Onderdak's own data, never stored)
and the imported ones, each with a code, a name in the interface's language, a unit and where
its figures come from; and a series, one indicator's figures per area in one period."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderdak.monitor.models import Indicator, ReferenceValue
from onderdak.monitor.selectors.dashboard_figures import PERCENT_DECIMALS, RATE_DECIMALS, Figure

PEOPLE = "ethos-people"
PER_10000 = "ethos-per-10000"
CHANGE = "ethos-change"
CHANGE_PERCENT = "ethos-change-percent"
SHARE_PREFIX = "ethos-share-"
PLACEMENTS = "contingent-placements-per-10000"
WAITING = "contingent-waiting-days"
#: Imported indicators may not take a code the built-in ones use or start with.
BUILT_IN_PREFIXES = ("ethos-", "contingent-")


def is_built_in_code(code: str) -> bool:
    return code.startswith(BUILT_IN_PREFIXES)


class IndicatorKind(models.TextChoices):
    """Where an indicator's figures come from (per count, per year, per imported period)."""

    COUNT = "count", gettext_lazy("the ETHOS counts")
    CONTINGENT = "contingent", gettext_lazy("Onderdak's contingent data")
    IMPORTED = "imported", gettext_lazy("imported")


class Level(models.TextChoices):
    """The smallest area the indicator has figures for."""

    MUNICIPALITY = "municipality", gettext_lazy("municipality")
    SUBREGION = "subregion", gettext_lazy("subregion")


@dataclass(frozen=True)
class IndicatorInfo:
    code: str
    name: str
    unit: str
    kind: IndicatorKind
    decimals: int = 0
    description: str = ""
    level: Level = Level.MUNICIPALITY
    counts_people: bool = False
    is_demo: bool = False
    latest_period: str = ""
    pk: int | None = None  # an imported indicator's primary key (its decimals: at most)
    category: int | None = None  # the ETHOS category of a share

    @property
    def built_in(self) -> bool:
        return self.kind != IndicatorKind.IMPORTED

    @property
    def source_kind(self) -> str:
        return str(IndicatorKind(self.kind).label)


@dataclass(frozen=True)
class Period:
    """A count (``key`` its date), a year of the contingent, or an imported period."""

    key: str
    label: str
    year: int
    source: str
    is_demo: bool = False


@dataclass(frozen=True)
class Series:
    """One indicator in one period: a figure per area key (``m:…``, ``s:…``, ``r``)."""

    period: Period
    figures: dict[str, Figure]


def short_date(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _count_indicators(latest: str) -> list[IndicatorInfo]:
    people = _("people")
    return [
        IndicatorInfo(
            PEOPLE,
            _("People counted"),
            people,
            IndicatorKind.COUNT,
            description=_("People counted as homeless in the ETHOS count."),
            counts_people=True,
            latest_period=latest,
        ),
        IndicatorInfo(
            PER_10000,
            _("Counted homeless per 10,000 inhabitants"),
            _("per 10,000 inhabitants"),
            IndicatorKind.COUNT,
            RATE_DECIMALS,
            _(
                "People counted per 10,000 inhabitants, with the population on the date of the "
                "count (or the nearest figure after it)."
            ),
            latest_period=latest,
        ),
        IndicatorInfo(
            CHANGE,
            _("Change since the previous count"),
            people,
            IndicatorKind.COUNT,
            description=_("People counted minus those counted in the region's previous count."),
            latest_period=latest,
        ),
        IndicatorInfo(
            CHANGE_PERCENT,
            _("Change since the previous count (%)"),
            "%",
            IndicatorKind.COUNT,
            PERCENT_DECIMALS,
            _("The change as a percentage of the people counted in the previous count."),
            latest_period=latest,
        ),
    ]


def _share_indicator(category: ReferenceValue, latest: str) -> IndicatorInfo:
    return IndicatorInfo(
        f"{SHARE_PREFIX}{category.code}",
        _("Share of category %(code)s: %(name)s") % {"code": category.code, "name": category},
        "%",
        IndicatorKind.COUNT,
        PERCENT_DECIMALS,
        _("The people counted in this ETHOS category as a percentage of all people counted."),
        latest_period=latest,
        category=category.pk,
    )


def _contingent_indicators(latest: str) -> list[IndicatorInfo]:
    return [
        IndicatorInfo(
            PLACEMENTS,
            _("Contingent placements per 10,000 inhabitants"),
            _("per 10,000 inhabitants"),
            IndicatorKind.CONTINGENT,
            RATE_DECIMALS,
            _(
                "Placements in the year's contingent dwellings per municipality of the dwelling, "
                "per 10,000 inhabitants on 1 January."
            ),
            latest_period=latest,
        ),
        IndicatorInfo(
            WAITING,
            _("Waiting time from approval to lease start (median)"),
            _("days"),
            IndicatorKind.CONTINGENT,
            1,
            _(
                "Median number of days from a nomination's approval to the lease start, per "
                "subregion of the dwelling, as in the contingent report."
            ),
            level=Level.SUBREGION,
            latest_period=latest,
        ),
    ]


def built_in_indicators(
    *, categories: Sequence[ReferenceValue], latest_count: str, latest_year: str
) -> list[IndicatorInfo]:
    """The computed indicators; count-based ones only once there is a count, contingent ones
    only once there is a contingent year."""
    found = []
    if latest_count:
        found += _count_indicators(latest_count)
        found += [_share_indicator(category, latest_count) for category in categories]
    if latest_year:
        found += _contingent_indicators(latest_year)
    return found


def imported_indicator(indicator: Indicator, latest: str | None) -> IndicatorInfo:
    return IndicatorInfo(
        indicator.code,
        indicator.name,
        indicator.unit,
        IndicatorKind.IMPORTED,
        0 if indicator.counts_people else 4,
        indicator.description,
        counts_people=indicator.counts_people,
        is_demo=indicator.is_demo,
        latest_period=latest or "",
        pk=indicator.pk,
    )
