"""A facility's monthly figures as a chart with its table (``core/charts``), and as Excel rows."""

import math
from collections.abc import Sequence
from dataclasses import replace

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from onderdak.capacity.models import Facility, MonthlyFigure
from onderdak.capacity.months import month_label
from onderdak.capacity.services.figures import FIGURE_FIELDS
from onderdak.core import charts
from onderdak.core.formatting import localized_number

#: At most this many month labels under the chart (every month is in its table).
MONTH_LABELS = 9


def figure_headers() -> list[str]:
    """The figures' names, as the model has them, for the heads of columns."""
    return [capfirst(MonthlyFigure._meta.get_field(name).verbose_name) for name in FIGURE_FIELDS]


def figures_chart(facility: Facility, figures: Sequence[MonthlyFigure]) -> charts.LineChart | None:
    """Occupied places, the waiting list and the places, month by month; its table holds every
    figure of every month shown."""
    if not figures:
        return None
    chart = charts.line_chart(
        id="maandcijfers-grafiek",
        title=_("Occupied places, waiting list and places of %(name)s") % {"name": facility.name},
        x_values=[f"{figure.month:%Y-%m}" for figure in figures],
        series=[
            charts.Series(_("Occupied places"), [figure.occupied for figure in figures]),
            charts.Series(_("Waiting list"), [figure.waiting_list for figure in figures]),
            charts.Series(_("Places"), [facility.places] * len(figures)),
        ],
        table=figures_table(facility, figures),
    )
    step = math.ceil(len(chart.x_labels) / MONTH_LABELS)
    return replace(chart, x_labels=chart.x_labels[::step])


def figures_table(facility: Facility, figures: Sequence[MonthlyFigure]) -> charts.DataTable:
    """Every month shown, newest first: the places and the month's figures."""
    return charts.DataTable(
        caption=_("Monthly figures of %(name)s, newest first") % {"name": facility.name},
        headers=(_("Month"), _("Places"), *figure_headers()),
        rows=tuple(
            (
                month_label(figure.month),
                tuple(
                    localized_number(value, 0, grouped=True)
                    for value in (facility.places, *figure_values(figure))
                ),
            )
            for figure in reversed(figures)
        ),
    )


def figure_values(figure: MonthlyFigure) -> list[int]:
    return [getattr(figure, name) for name in FIGURE_FIELDS]
