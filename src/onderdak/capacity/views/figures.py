"""Pages of monthly figures: entering one month of a facility (with the month before it beside the
form), a year of months as a grid, and importing a file of monthly figures, with the import's
pages (the shared ones of ``onderdak.imports``, under ``/capaciteit/voorzieningen/importen/``).

Planners enter figures for every facility of the region; a care worker for their own care
provider's facilities only (another's is "not found"). Figures are stored whatever their
warnings, which are shown after saving.
"""

import datetime

from django.contrib import messages
from django.http import Http404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView

from onderdak.capacity import figure_charts
from onderdak.capacity.forms.figures import MonthChoiceForm, MonthlyFigureForm, YearGridForm
from onderdak.capacity.models import Facility
from onderdak.capacity.months import first_of_month, month_label, next_month, previous_month
from onderdak.capacity.selectors import facilities as selectors
from onderdak.capacity.services import figures as services
from onderdak.capacity.services.figure_imports import KEY
from onderdak.capacity.services.figures import FIGURE_FIELDS
from onderdak.capacity.views.register import FacilityMixin
from onderdak.core.views import ServiceFormMixin
from onderdak.imports import views as shared


class FigureMixin(FacilityMixin, ServiceFormMixin):
    """A page entering figures of a facility the user may enter them for."""

    permission_required = "capacity.change_monthlyfigure"

    @cached_property
    def facility(self) -> Facility:
        facilities = selectors.importable_facilities(user=self.request.user, region=self.region)
        found = facilities.filter(pk=self.kwargs["pk"]).first()
        if found is None:
            raise Http404
        return found

    def perform(self, form):
        with form.service_errors():
            return self.save(form)

    def show_warnings(self, recorded: list[services.RecordedMonth]) -> None:
        for month in recorded:
            for warning in month.warnings:
                label = month_label(month.figure.month)
                messages.warning(self.request, f"{label}: {warning}")

    def get_success_url(self):
        return reverse("capacity:facility_detail", args=[self.facility.pk]) + "#maandcijfers"


class FigureMonthView(FigureMixin, FormView):
    """One month's figures, the month chosen with ``?maand=2024-06`` (by default the month after
    the latest entered)."""

    template_name = "capacity/figure_month.html"
    form_class = MonthlyFigureForm

    @cached_property
    def choice(self) -> MonthChoiceForm:
        return MonthChoiceForm(self.request.GET or None)

    @cached_property
    def month(self) -> datetime.date:
        if self.choice.is_valid():
            return self.choice.cleaned_data["maand"]
        latest = selectors.latest_figures(facility=self.facility, months=1)
        return selectors.next_month_to_enter(
            facility=self.facility, latest=latest[0] if latest else None
        )

    @cached_property
    def figures(self):
        return selectors.month_figures(facility=self.facility, month=self.month)

    def get_initial(self):
        current, _previous = self.figures
        if current is None:
            return {"month": self.month}
        return {"month": self.month, **{name: getattr(current, name) for name in FIGURE_FIELDS}}

    def get_context_data(self, **kwargs):
        current, previous = self.figures
        after = next_month(self.month)
        return super().get_context_data(
            month=self.month,
            month_before=previous_month(self.month),
            month_after=after if after <= first_of_month(timezone.localdate()) else None,
            current=current,
            previous=previous,
            previous_values=previous and figure_charts.figure_values(previous),
            figure_headers=figure_charts.figure_headers(),
            **kwargs,
        )

    def save(self, form):
        recorded = services.monthly_figure_record(
            facility=self.facility,
            month=form.cleaned_data["month"],
            values=form.values(),
            by=self.request.user,
        )
        self.show_warnings([recorded])
        messages.success(
            self.request,
            _("The figures of %(month)s have been saved.")
            % {"month": month_label(recorded.figure.month)},
        )
        return recorded.figure


class FigureYearView(FigureMixin, FormView):
    """A year of figures as a grid: every month of the year within the contract, up to now."""

    template_name = "capacity/figure_year.html"
    form_class = YearGridForm

    @cached_property
    def months(self) -> list[datetime.date]:
        months = selectors.entry_months(facility=self.facility, year=self.kwargs["year"])
        if not months:
            raise Http404
        return months

    def get_form_kwargs(self):
        entered = selectors.year_figures(facility=self.facility, year=self.kwargs["year"])
        return {**super().get_form_kwargs(), "months": self.months, "entered": entered}

    def get_context_data(self, **kwargs):
        year = self.kwargs["year"]
        years = selectors.entry_years(facility=self.facility)
        return super().get_context_data(
            year=year, other_years=[other for other in years if other != year], **kwargs
        )

    def save(self, form):
        recorded = services.monthly_figures_record_months(
            facility=self.facility, months=form.entries(), by=self.request.user
        )
        self.show_warnings(recorded)
        messages.success(
            self.request,
            ngettext(
                "%(n)s month of %(year)s has been saved.",
                "%(n)s months of %(year)s have been saved.",
                len(recorded),
            )
            % {"n": len(recorded), "year": self.kwargs["year"]},
        )
        return self.facility


# --- Importing a file ----------------------------------------------------------------------------


class FigureImportView(shared.UploadView):
    """Upload a file of monthly figures; the job's page follows the import."""

    module = "capacity"
    permission_required = "capacity.import_monthlyfigure"
    template_name = "capacity/import_figures.html"
    kind = KEY


routes = [
    path(
        "voorzieningen/<int:pk>/maandcijfers/",
        FigureMonthView.as_view(),
        name="figure_month",
    ),
    path(
        "voorzieningen/<int:pk>/maandcijfers/<int:year>/",
        FigureYearView.as_view(),
        name="figure_year",
    ),
    path("voorzieningen/importeren/", FigureImportView.as_view(), name="figure_import"),
    *shared.job_routes(
        module="capacity",
        prefix="voorzieningen/importen/",
        permission="capacity.view_figureimport",
        template_permission="capacity.import_monthlyfigure",
        list_template="capacity/import_list.html",
    ),
]
