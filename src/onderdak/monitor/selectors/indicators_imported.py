"""Imported indicators per period: a figure per municipality, and for indicators that count
people also per subregion and region, with small values hidden for aggregate roles.

An indicator that counts people is suppressed per period over its municipalities and the totals
the monitor publishes (a subregion's when all its municipalities have a value, the region's when
all subregions have one), so no total gives a hidden value away. Its values are whole numbers
(rounded half up). Other indicators (rates, amounts) are shown as imported, without totals.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from onderdak.core.formatting import rounded
from onderdak.engines.suppression import Group, suppress
from onderdak.monitor.models import IndicatorValue
from onderdak.monitor.selectors.dashboard_cube import REGION_KEY, Geography
from onderdak.monitor.selectors.dashboard_figures import Figure, count_figure
from onderdak.monitor.selectors.indicators_catalogue import IndicatorInfo, Period, Series

MAX_DECIMALS = 4
#: A stored value as read: municipality pk, period, year, value, source.
ValueRow = tuple[int, str, int, Decimal, str]


def value_rows(
    indicator_pks: Iterable[int], periods: Iterable[str] | None = None
) -> dict[int, list[ValueRow]]:
    """The values of the indicators (of ``periods`` only, if given), per indicator; one query."""
    rows: dict[int, list[ValueRow]] = defaultdict(list)
    values = IndicatorValue.objects.filter(indicator_id__in=list(indicator_pks))
    if periods is not None:
        values = values.filter(period__in=list(periods))
    for indicator, *row in values.order_by("period").values_list(
        "indicator_id", "municipality_id", "period", "year", "value", "source"
    ):
        rows[indicator].append(tuple(row))
    return dict(rows)


def decimals_of(values: Iterable[Decimal]) -> int:
    """The decimals the values need (trailing zeros of the stored four left out)."""
    exponents = [value.normalize().as_tuple().exponent for value in values]
    return min(MAX_DECIMALS, max([0, *(-e for e in exponents if isinstance(e, int))]))


def _totals(counts: dict[str, int], geography: Geography) -> tuple[dict[str, int], list[Group]]:
    """Subregion totals where every municipality has a value, the region's where every subregion
    has one; and the groups that sum them."""
    totals, groups = {}, []
    for subregion in geography.subregions:
        parts = tuple(m.key for m in geography.parts(subregion.key))
        if parts and all(key in counts for key in parts):
            totals[subregion.key] = sum(counts[key] for key in parts)
            groups.append(Group(total=subregion.key, parts=parts))
    subregions = tuple(s.key for s in geography.subregions)
    if subregions and all(key in totals for key in subregions):
        totals[REGION_KEY] = sum(totals[key] for key in subregions)
        groups.append(Group(total=REGION_KEY, parts=subregions))
    return totals, groups


def people_cells(counts: dict[str, int], geography: Geography):
    """The cells the monitor publishes of one period of a people count (its whole numbers
    from 0 up, and the totals), and the groups that relate them."""
    valid = {key: value for key, value in counts.items() if value >= 0}
    totals, groups = _totals(valid, geography)
    return valid | totals, groups


def _people_figures(info, counts: dict[str, int], geography, suppressed, period) -> dict:
    values, groups = people_cells(counts, geography)
    hidden = suppress(values, groups) if suppressed else {}
    shown = counts | values
    return {
        key: count_figure(("indicator", info.code, period, key), value, hidden.get(key, ""))
        for key, value in shown.items()
    }


def period_figures(
    info: IndicatorInfo,
    items: Sequence[ValueRow],
    geography: Geography,
    *,
    suppressed: bool,
    decimals: int,
) -> dict[str, Figure]:
    """The figures of one period: per municipality, plus totals for people counts."""
    period = items[0][1]
    by_key = {
        geography.by_pk[m].key: value for m, _p, _y, value, _s in items if m in geography.by_pk
    }
    if info.counts_people:
        counts = {key: int(rounded(value, 0)) for key, value in by_key.items()}
        return _people_figures(info, counts, geography, suppressed, period)
    return {
        key: Figure(value, "", decimals, key=("indicator", info.code, period, key))
        for key, value in by_key.items()
    }


def imported_series(
    info: IndicatorInfo, rows: Sequence[ValueRow], geography: Geography, *, suppressed: bool
) -> list[Series]:
    """The indicator's series, one per period, oldest first."""
    by_period: dict[str, list[ValueRow]] = defaultdict(list)
    for row in rows:
        by_period[row[1]].append(row)
    decimals = decimals_of(row[3] for row in rows)
    series = []
    for period, items in sorted(by_period.items()):
        source = "; ".join(sorted({row[4] for row in items}))
        figures = period_figures(info, items, geography, suppressed=suppressed, decimals=decimals)
        series.append(Series(Period(period, period, items[0][2], source, info.is_demo), figures))
    return series
