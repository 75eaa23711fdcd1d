"""The Gantt-like timeline (``framework.gantt``): its month axis, where bars and marks sit, and
the legend that tells marks apart by shape and fill, not colour alone."""

import datetime

from django.utils import translation

from onderdak.core.charts import DataTable
from onderdak.framework import gantt

FEB, JUN = datetime.date(2025, 2, 1), datetime.date(2025, 6, 30)


def drawn(rows, period=None) -> gantt.Timeline:
    with translation.override("en"):
        return gantt.timeline(
            id="t",
            title="T",
            description="D",
            rows=rows,
            table=DataTable("c", ("a",), ()),
            period=period,
            bar_label="phase",
        )


def test_the_axis_runs_from_the_first_month_to_past_the_last_date():
    months = gantt.months_between(datetime.date(2025, 2, 14), datetime.date(2025, 4, 2))
    assert months == [datetime.date(2025, m, 1) for m in (2, 3, 4, 5)]


def test_a_bar_spans_its_dates_and_marks_sit_on_theirs():
    chart = drawn(
        [
            gantt.Row("Fase", spans=[gantt.Span(FEB, JUN, "Fase")]),
            gantt.Row("Stap", marks=[gantt.Mark(datetime.date(2025, 4, 1), gantt.HELD, "Stap")]),
        ]
    )
    [bar] = chart.bars
    assert bar.x == chart.month_lines[0].x1
    assert bar.x + bar.width < chart.month_lines[-1].x1
    assert chart.month_labels[0].text == "Feb 2025"
    assert [item.label for item in chart.legend] == ["phase", "held"]


def test_many_months_are_labelled_sparsely_and_the_period_is_shaded():
    period = gantt.Period(FEB, datetime.date(2027, 2, 1), "The assignment's period")
    chart = drawn([gantt.Row("Stap", marks=[gantt.Mark(FEB, gantt.PLANNED, "x")])], period)
    assert len(chart.month_labels) <= gantt.MAX_MONTH_LABELS
    assert chart.period.width > 0
    assert chart.legend[-1].label == "The assignment's period"
