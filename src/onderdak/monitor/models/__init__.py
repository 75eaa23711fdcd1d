"""The monitor's data: breakdowns (reference data), ETHOS counts with their versions, rows and
aggregates, other indicators, and import jobs."""

from onderdak.monitor.models.counts import (
    Breakdown,
    Count,
    CountAggregate,
    CountRow,
    CountVersion,
)
from onderdak.monitor.models.imports import ImportJob, ImportKind, ImportStatus
from onderdak.monitor.models.indicators import Indicator, IndicatorValue
from onderdak.monitor.models.reference import Dimension, ReferenceValue

__all__ = [
    "Breakdown",
    "Count",
    "CountAggregate",
    "CountRow",
    "CountVersion",
    "Dimension",
    "ImportJob",
    "ImportKind",
    "ImportStatus",
    "Indicator",
    "IndicatorValue",
    "ReferenceValue",
]
