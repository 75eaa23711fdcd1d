"""The population a rate is computed with: per municipality the figure on or before the date,
else (for a date before the first figure) the nearest one after it."""

import datetime
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from onderdak.region.models import PopulationFigure, Region

#: The population of a year's rates (contingent placements, imported indicators): 1 January,
#: the reference date of CBS's population figures.
YEAR_START = (1, 1)


@dataclass(frozen=True)
class PopulationTable:
    """Per municipality (primary key) its figures as (date, population), oldest first."""

    figures: dict[int, tuple[tuple[datetime.date, int], ...]]

    def on(self, municipality: int, day: datetime.date) -> int | None:
        figures = self.figures.get(municipality, ())
        if not figures:
            return None
        at_or_before = bisect_right([date for date, _population in figures], day)
        return figures[at_or_before - 1][1] if at_or_before else figures[0][1]

    def total(self, municipalities: Iterable[int], day: datetime.date) -> int | None:
        """The sum over ``municipalities``; ``None`` when one of them has no figure at all."""
        populations = [self.on(pk, day) for pk in municipalities]
        if not populations or None in populations:
            return None
        return sum(populations)


def population_table(*, region: Region) -> PopulationTable:
    """Every population figure of the region's municipalities, in one query."""
    figures: dict[int, list] = defaultdict(list)
    rows = (
        PopulationFigure.objects.filter(municipality__region=region)
        .order_by("municipality_id", "reference_date")
        .values_list("municipality_id", "reference_date", "population")
    )
    for municipality, day, population in rows:
        figures[municipality].append((day, population))
    return PopulationTable({pk: tuple(items) for pk, items in figures.items()})


def year_start(year: int) -> datetime.date:
    return datetime.date(year, *YEAR_START)


def populations_by_area(
    table: PopulationTable, areas: dict[str, Sequence[int]], day: datetime.date
) -> dict[str, int | None]:
    """Per area key the population of its municipalities (``areas``: key → municipality pks)."""
    return {key: table.total(pks, day) for key, pks in areas.items()}
