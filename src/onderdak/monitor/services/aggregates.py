"""The groupings of a version's rows that the dashboards read (``CountAggregate``).

Computed once, in the transaction that stores the rows, so no page ever sums raw rows: a page's
time does not depend on the size of the counts (issue 4's benchmark: 10 counts of 100,000 rows).
"""

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from onderdak.monitor.models import Breakdown, CountAggregate, CountVersion


class RowIds(NamedTuple):
    """One count row by the primary keys of its municipality and breakdown values."""

    municipality: int
    category: int
    age_band: int
    gender: int
    finder: int
    people: int


def count_aggregates(*, version: CountVersion, rows: Iterable[RowIds]) -> list[CountAggregate]:
    """Unsaved aggregates of ``rows`` for ``version``: per municipality, category x age band,
    gender and finding organisation. Combinations without people are left out."""
    by_category_age: Counter = Counter()
    by_gender: Counter = Counter()
    by_finder: Counter = Counter()
    for row in rows:
        by_category_age[row.municipality, row.category, row.age_band] += row.people
        by_gender[row.municipality, row.gender] += row.people
        by_finder[row.municipality, row.finder] += row.people
    category_age = [
        CountAggregate(
            version=version,
            municipality_id=municipality,
            breakdown=Breakdown.CATEGORY_AGE,
            category_id=category,
            age_band_id=age_band,
            people=people,
        )
        for (municipality, category, age_band), people in sorted(by_category_age.items())
        if people
    ]
    return category_age + [
        CountAggregate(
            version=version,
            municipality_id=municipality,
            breakdown=breakdown,
            value_id=value,
            people=people,
        )
        for breakdown, counter in ((Breakdown.GENDER, by_gender), (Breakdown.FINDER, by_finder))
        for (municipality, value), people in sorted(counter.items())
        if people
    ]
