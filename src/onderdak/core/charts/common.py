"""What the bar and line charts share: room for labels, the summary and the table."""

from collections.abc import Sequence
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from onderdak.core.charts.model import DataTable
from onderdak.core.charts.scale import Formatter, Number, as_decimal, plotted

WIDTH = 720.0
CHAR_WIDTH = 6.6  # average width of a 12-unit sans-serif character, for label room


def label_room(texts: Sequence[str]) -> float:
    return max((len(text) for text in texts), default=0) * CHAR_WIDTH


def summary(
    kind: str, categories: int, names: Sequence[str], low: Decimal, high: Decimal, fmt: Formatter
) -> str:
    return _(
        "%(kind)s of %(count)s values in %(series)s: %(names)s; from %(low)s to %(high)s. "
        "The table below the chart holds every figure."
    ) % {
        "kind": kind,
        "count": categories * len(names),
        "series": ngettext("%(n)d series", "%(n)d series", len(names)) % {"n": len(names)},
        "names": ", ".join(names),
        "low": fmt(low),
        "high": fmt(high),
    }


def data_table(
    caption: str, corner: str, columns: Sequence[str], rows, fmt: Formatter
) -> DataTable:
    return DataTable(
        caption=caption,
        headers=(corner, *columns),
        rows=tuple((str(head), tuple(fmt(as_decimal(v)) for v in values)) for head, values in rows),
    )


def extremes(values: Sequence[Number]) -> tuple[Decimal, Decimal]:
    decimals = [plotted(v) for v in values] or [Decimal(0)]
    return min(decimals), max(decimals)
