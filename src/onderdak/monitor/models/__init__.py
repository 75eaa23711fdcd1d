"""The monitor's data: breakdowns (reference data), ETHOS counts with their versions, rows and
aggregates, other indicators, and the kinds of import file."""

from onderdak.monitor.models.counts import (
    Breakdown,
    Count,
    CountAggregate,
    CountRow,
    CountVersion,
)
from onderdak.monitor.models.imports import ImportKind
from onderdak.monitor.models.indicators import Indicator, IndicatorValue
from onderdak.monitor.models.reference import Dimension, ReferenceValue

__all__ = [
    "Breakdown",
    "Count",
    "CountAggregate",
    "CountRow",
    "CountVersion",
    "Dimension",
    "ImportKind",
    "Indicator",
    "IndicatorValue",
    "ReferenceValue",
]
