"""The built-in indicators of the ETHOS counts, per count: people, per 10,000 inhabitants,
change since the previous count (absolute and %), and the share of each category.

Every figure comes from the count's cube, so it is hidden exactly when the cube hides the
count it is computed from.
"""

from collections.abc import Sequence

from django.utils.translation import gettext as _

from onderdak.monitor.selectors.dashboard_cube import CellKey, Cube
from onderdak.monitor.selectors.dashboard_data import CountInfo, MonitorData
from onderdak.monitor.selectors.dashboard_figures import (
    Figure,
    change,
    change_percent,
    no_data,
    per_10000,
    share,
)
from onderdak.monitor.selectors.indicators_catalogue import (
    CHANGE,
    CHANGE_PERCENT,
    PER_10000,
    IndicatorInfo,
    Period,
    Series,
    short_date,
)


def count_period(count: CountInfo) -> Period:
    source = _("%(title)s of %(date)s (source: %(source)s)") % {
        "title": count.title,
        "date": short_date(count.count_date),
        "source": count.source,
    }
    return Period(
        count.count_date.isoformat(),
        short_date(count.count_date),
        count.year,
        source,
        count.is_demo,
    )


def _areas(data: MonitorData) -> list[str]:
    geography = data.geography
    places = (*geography.municipalities, *geography.subregions, geography.region)
    return [place.key for place in places]


def _people(data: MonitorData, count: CountInfo | None, area: str) -> Figure:
    return data.cube(count).total(area) if count else no_data()


def _share(cube: Cube, area: str, category: int | None) -> Figure:
    key = CellKey(area, category)
    if key not in cube.values:  # a count without this category
        return share(no_data(), cube.total(area))
    return share(cube.figure(key), cube.total(area))


def count_figures(info: IndicatorInfo, data: MonitorData, count: CountInfo) -> dict[str, Figure]:
    """The indicator's figure per area for ``count``."""
    cube, previous = data.cube(count), data.previous(count)
    figures = {}
    for area in _areas(data):
        people = cube.total(area)
        if info.code == PER_10000:
            figures[area] = per_10000(people, data.population(area, count.count_date))
        elif info.code in (CHANGE, CHANGE_PERCENT):
            compare = change if info.code == CHANGE else change_percent
            earlier = _people(data, previous, area)
            figures[area] = compare(people, earlier) if previous else no_data(info.decimals)
        elif info.category is not None:
            figures[area] = _share(cube, area, info.category)
        else:
            figures[area] = people
    return figures


def count_series(
    info: IndicatorInfo, data: MonitorData, counts: Sequence[CountInfo]
) -> list[Series]:
    return [Series(count_period(c), count_figures(info, data, c)) for c in counts]
