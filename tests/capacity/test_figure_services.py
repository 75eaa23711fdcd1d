"""Monthly figure services: a month entered and entered again (replaced), every check, both
warnings with what is off, a year's grid all or nothing, and an imported file's rows stored."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.utils import timezone, translation

from onderdak.accounts.models import Role
from onderdak.capacity.models import MonthlyFigure
from onderdak.capacity.months import first_of_month, next_month
from onderdak.capacity.services import figures as services
from onderdak.capacity.services.figures import FigureRow, FigureValues
from onderdak.core.errors import DomainError
from tests.capacity.factories import FacilityFactory

pytestmark = pytest.mark.usefixtures("facility_types")
MARCH = datetime.date(2024, 3, 1)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def facility(region):
    return FacilityFactory(places=20, contract_start=datetime.date(2024, 1, 15))


@pytest.fixture
def officer(make_member):
    return make_member(Role.POLICY_OFFICER)


def values(occupied=18, waiting_list=3, inflow=2, *outflows) -> FigureValues:
    return FigureValues(occupied, waiting_list, inflow, *(outflows or (1, 1, 0, 0)))


def record(facility, month, figures, by=None):
    return services.monthly_figure_record(facility=facility, month=month, values=figures, by=by)


def test_a_new_month_is_stored_and_entering_it_again_replaces_it(facility, officer):
    first = record(facility, MARCH, values(), officer)
    assert (first.created, first.figure.occupied, first.figure.entered_by) == (True, 18, officer)
    again = record(facility, datetime.date(2024, 3, 17), values(occupied=17))
    assert (again.created, again.figure.pk, again.figure.month) == (False, first.figure.pk, MARCH)
    assert MonthlyFigure.objects.get().occupied == 17
    entries = LogEntry.objects.get_for_object(first.figure).values_list("action", flat=True)
    assert sorted(entries) == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE]


def this_month() -> datetime.date:
    return first_of_month(timezone.localdate())


@pytest.mark.parametrize(
    ("month", "message"),
    [
        (lambda: next_month(this_month()), "lies in the future"),
        (lambda: datetime.date(2023, 12, 1), "The contract starts in January 2024"),
    ],
)
def test_a_month_outside_the_contract_or_to_come_is_refused(facility, month, message):
    with pytest.raises(DomainError) as raised:
        record(facility, month(), values())
    assert message in raised.value.fields["month"][0]
    assert not MonthlyFigure.objects.exists()


def test_this_month_and_the_contracts_first_month_may_be_entered(facility):
    assert record(facility, this_month(), values()).created
    assert record(facility, datetime.date(2024, 1, 1), values()).created


def test_a_month_after_the_contract_ended_is_refused(facility):
    facility.contract_end = datetime.date(2024, 6, 30)
    facility.save()
    with pytest.raises(DomainError) as raised:
        record(facility, datetime.date(2024, 7, 1), values())
    assert "ended in June 2024" in raised.value.fields["month"][0]
    assert record(facility, datetime.date(2024, 6, 1), values()).created


@pytest.mark.parametrize("bad", [-1, 100_001, 2.5, True, None])
def test_a_figure_out_of_range_is_refused(facility, bad):
    with pytest.raises(DomainError) as raised:
        record(facility, MARCH, FigureValues(18, bad, 2, 1, 1, 0, 0))
    assert raised.value.fields == {"waiting_list": ["Enter a whole number from 0 to 100,000."]}


def test_no_warning_when_the_stock_follows_and_fits(facility):
    record(facility, datetime.date(2024, 2, 1), values(occupied=18))
    assert record(facility, MARCH, values(occupied=18, inflow=2)).warnings == []


def test_more_occupied_than_places_is_a_warning_not_an_error(facility):
    recorded = record(facility, MARCH, values(occupied=23))
    assert recorded.created
    assert recorded.warnings == ["23 places are occupied, more than the facility's 20 places."]


def test_a_stock_that_does_not_follow_says_what_is_off(facility):
    record(facility, datetime.date(2024, 2, 1), values(occupied=18))
    recorded = record(facility, MARCH, values(17, 0, 4, 1, 1, 1, 0))
    assert recorded.warnings == [
        "The stock does not follow from last month's: 18 occupied + 4 inflow - 3 outflow = 19, "
        "not 17."
    ]


def test_without_last_months_figures_the_stock_is_not_compared(facility):
    assert record(facility, MARCH, values(occupied=5)).warnings == []


def test_the_warnings_pure_function_names_both(facility):
    warnings = services.figure_warnings(
        values(occupied=25, inflow=10), places=20, previous=values(occupied=10)
    )
    assert len(warnings) == 2


# --- A year's grid -------------------------------------------------------------------------------


def test_a_grid_stores_every_month_it_holds_with_their_warnings(facility):
    months = {
        datetime.date(2024, 1, 1): values(occupied=16),
        datetime.date(2024, 2, 1): values(occupied=16, inflow=2),
        datetime.date(2024, 3, 1): values(occupied=21, inflow=2),
    }
    recorded = services.monthly_figures_record_months(facility=facility, months=months, by=None)
    assert [r.figure.month for r in recorded] == sorted(months)
    assert [len(r.warnings) for r in recorded] == [
        0,
        0,
        2,
    ]  # March: over the places, and 16 + 2 - 2
    assert MonthlyFigure.objects.count() == 3


def test_a_grid_with_any_error_stores_nothing_and_names_the_row(facility):
    months = {
        datetime.date(2024, 1, 1): values(),
        datetime.date(2023, 12, 1): values(),
        datetime.date(2024, 2, 1): FigureValues(1, -1, 0, 0, 0, 0, 0),
    }
    with pytest.raises(DomainError) as raised:
        services.monthly_figures_record_months(facility=facility, months=months, by=None)
    assert set(raised.value.fields) == {"months.2023-12", "months.2024-02.waiting_list"}
    assert not MonthlyFigure.objects.exists()


# --- An imported file's rows ---------------------------------------------------------------------


def test_stored_rows_count_new_and_replaced_months_and_warn_per_row(facility, officer):
    record(facility, datetime.date(2024, 1, 1), values(occupied=10))
    rows = [
        FigureRow(2, facility.pk, datetime.date(2024, 1, 1), values(occupied=16)),
        FigureRow(3, facility.pk, datetime.date(2024, 2, 1), values(occupied=16, inflow=2)),
        FigureRow(4, facility.pk, datetime.date(2024, 3, 1), values(occupied=30, inflow=2)),
    ]
    stored = services.monthly_figures_store(rows=rows, by=officer)
    assert (stored.created, stored.replaced) == (2, 1)
    assert [row for row, _message in stored.warnings] == [4, 4]
    january = MonthlyFigure.objects.get(month=datetime.date(2024, 1, 1))
    assert (january.occupied, january.entered_by) == (16, officer)
    assert MonthlyFigure.objects.count() == 3


def test_storing_no_rows_stores_nothing():
    stored = services.monthly_figures_store(rows=[], by=None)
    assert (stored.created, stored.replaced, stored.warnings) == (0, 0, [])
