"""A Gantt-like timeline drawn on the server as inline SVG, in the manner of
``onderdak.core.charts`` (no script, no inline style, a title and summary for ``role="img"``,
the figures as a table).

Rows down the side, months along the top; a row holds bars (a phase from its start to its end)
and marks on a date (a milestone due or reached, a decision step planned or held). Marks differ in
shape and fill, not only colour: planned and due are hollow, held and reached are solid. A period
(the assignment's, or the project plan's) is shaded behind the rows.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from onderdak.core.charts import DataTable, Label, Segment, marker_path
from onderdak.core.charts.common import WIDTH, label_room

ROW_HEIGHT = 28.0
TOP = 34.0
MAX_LABEL = 36
MAX_MONTH_LABELS = 12
#: What a table shows for a date or figure that is not there (an en dash).
NOTHING = "\u2013"


def day_label(on: datetime.date | None) -> str:
    return date_format(on, "j M Y") if on else NOTHING


@dataclass(frozen=True)
class MarkKind:
    name: str
    label: str
    shape: str
    colour: str
    solid: bool


PLANNED = MarkKind("planned", _("planned"), "circle", "#0072B2", False)
HELD = MarkKind("held", _("held"), "diamond", "#D55E00", True)
DUE = MarkKind("due", _("due"), "triangle", "#332288", False)
REACHED = MarkKind("reached", _("reached"), "square", "#117733", True)


@dataclass(frozen=True)
class Span:
    start: datetime.date
    end: datetime.date
    title: str


@dataclass(frozen=True)
class Mark:
    on: datetime.date
    kind: MarkKind
    title: str


@dataclass(frozen=True)
class Row:
    label: str
    spans: Sequence[Span] = ()
    marks: Sequence[Mark] = ()


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    label: str


@dataclass(frozen=True)
class DrawnBar:
    x: float
    y: float
    width: float
    height: float
    title: str


@dataclass(frozen=True)
class DrawnMark:
    path: str
    kind: MarkKind
    title: str


@dataclass(frozen=True)
class LegendItem:
    label: str
    path: str
    kind: MarkKind | None


@dataclass(frozen=True)
class Timeline:
    id: str
    title: str
    description: str
    width: float
    height: float
    month_labels: tuple[Label, ...]
    month_lines: tuple[Segment, ...]
    row_labels: tuple[Label, ...]
    bars: tuple[DrawnBar, ...]
    marks: tuple[DrawnMark, ...]
    period: DrawnBar | None
    legend: tuple[LegendItem, ...]
    table: DataTable

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width:g} {self.height:g}"


def months_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The first days of the months from ``start``'s month up to the month after ``end``."""
    month = start.replace(day=1)
    months = [month]
    while month <= end:
        month = (month + datetime.timedelta(days=32)).replace(day=1)
        months.append(month)
    return months


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def timeline(
    *,
    id: str,
    title: str,
    description: str,
    rows: Sequence[Row],
    table: DataTable,
    period: Period | None = None,
    bar_label: str = "",
) -> Timeline:
    """The rows drawn on a month axis wide enough for every date in them and the period."""
    dates = [d for r in rows for s in r.spans for d in (s.start, s.end)]
    dates += [m.on for r in rows for m in r.marks]
    dates += [period.start, period.end] if period else []
    today = datetime.date.today()
    months = months_between(min(dates, default=today), max(dates, default=today))
    left = min(label_room([_short(r.label) for r in rows]), 250.0) + 16
    right = WIDTH - 16
    first, last = months[0], months[-1]
    span_days = (last - first).days or 1

    def x(on: datetime.date) -> float:
        return round(left + (on - first).days / span_days * (right - left), 2)

    height = TOP + ROW_HEIGHT * max(len(rows), 1) + 8
    step = -(-len(months) // MAX_MONTH_LABELS)
    month_labels = tuple(
        Label(x(m) + 2, TOP - 10, text, "start")
        for m in months[:-1:step]
        if x(m) + label_room([text := date_format(m, "M Y")]) <= WIDTH
    )
    month_lines = tuple(Segment(x(m), TOP - 4, x(m), height - 8) for m in months[::step])
    row_labels, bars, marks = [], [], []
    for index, row in enumerate(rows):
        top = TOP + index * ROW_HEIGHT
        middle = top + ROW_HEIGHT / 2
        row_labels.append(Label(left - 8, middle + 4, _short(row.label), "end"))
        bars += [
            DrawnBar(x(s.start), top + 6, max(x(s.end) - x(s.start), 2.0), ROW_HEIGHT - 12, s.title)
            for s in row.spans
        ]
        marks += [
            DrawnMark(marker_path(m.kind.shape, x(m.on), middle, 5.5), m.kind, m.title)
            for m in row.marks
        ]
    drawn_period = (
        DrawnBar(
            x(period.start),
            TOP - 4,
            x(period.end) - x(period.start),
            height - TOP - 4,
            period.label,
        )
        if period
        else None
    )
    return Timeline(
        id=id,
        title=title,
        description=description,
        width=WIDTH,
        height=height,
        month_labels=month_labels,
        month_lines=month_lines,
        row_labels=tuple(row_labels),
        bars=tuple(bars),
        marks=tuple(marks),
        period=drawn_period,
        legend=_legend(rows, period, bar_label),
        table=table,
    )


def _legend(rows: Sequence[Row], period: Period | None, bar_label: str) -> tuple[LegendItem, ...]:
    kinds = {m.kind.name: m.kind for r in rows for m in r.marks}
    items = [LegendItem(k.label, marker_path(k.shape, 8, 8, 5), k) for k in kinds.values()]
    if any(r.spans for r in rows):
        items.insert(0, LegendItem(bar_label, "M1,4 h14 v8 h-14 Z", None))
    if period:
        items.append(LegendItem(period.label, "", None))
    return tuple(items)
