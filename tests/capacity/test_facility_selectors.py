"""The register's selectors on constructed data: the measured demand per municipality and type,
each facility's history for the calibration, and which months a page offers."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from onderdak.capacity.months import first_of_month, next_month
from onderdak.capacity.selectors import facilities as selectors
from onderdak.capacity.selectors.history import facility_history
from onderdak.engines.flow import WhenFull, calibrate
from onderdak.region.models import Municipality
from tests.capacity.factories import FacilityFactory, MonthlyFigureFactory, facility_type

pytestmark = pytest.mark.usefixtures("facility_types")
JUNE = datetime.date(2024, 6, 1)


def months(facility, figures: dict[datetime.date, tuple[int, int]]) -> None:
    for month, (occupied, waiting) in figures.items():
        MonthlyFigureFactory(
            facility=facility, month=month, occupied=occupied, waiting_list=waiting
        )


def test_measured_demand_sums_the_facilities_and_averages_the_months(region):
    leiden = Municipality.objects.get(cbs_code="GM0546")
    one = FacilityFactory(municipality=leiden)
    two = FacilityFactory(municipality=leiden)
    months(one, {datetime.date(2024, 5, 1): (10, 2), JUNE: (12, 4)})
    months(two, {JUNE: (5, 0)})
    months(one, {datetime.date(2023, 5, 1): (99, 99)})  # outside the 12 months
    lisse = FacilityFactory(
        municipality=Municipality.objects.get(cbs_code="GM0553"),
        facility_type=facility_type("housing-first"),
    )
    months(lisse, {JUNE: (3, 1)})
    demand = selectors.measured_demand(region=region, until=JUNE)
    cell = demand[("GM0546", "beschermd-wonen-24-7")]
    assert (cell.months, cell.occupied, cell.waiting_list) == (2, Decimal("13.5"), Decimal("3"))
    assert cell.demand == Decimal("16.5")
    assert demand[("GM0553", "housing-first")].demand == Decimal("4")
    assert len(demand) == 2


def test_measured_demand_up_to_last_month_by_default(region):
    this_month = first_of_month(timezone.localdate())
    facility = FacilityFactory(contract_start=datetime.date(2020, 1, 1))
    months(facility, {this_month: (50, 0)})
    assert selectors.measured_demand(region=region) == {}


def test_the_history_of_each_facility_oldest_first_as_the_calibration_takes_it(region):
    facility = FacilityFactory(places=12)
    months(facility, {JUNE: (11, 1), datetime.date(2024, 4, 1): (9, 0)})
    FacilityFactory(name="Zonder cijfers")
    (history,) = facility_history(region=region)
    assert (history.key, history.when_full) == (str(facility.pk), WhenFull.WAITING_LIST)
    assert history.cell == f"{facility.municipality.cbs_code}/beschermd-wonen-24-7"
    assert [m.month for m in history.months] == [datetime.date(2024, 4, 1), JUNE]
    first, last = history.months
    assert (first.places, first.occupied, last.waiting, last.outflow) == (12, 9, 1, 2)


def test_the_history_calibrates(region):
    facility = FacilityFactory(places=20, contract_start=datetime.date(2023, 1, 1))
    month = datetime.date(2023, 1, 1)
    for _ in range(12):
        MonthlyFigureFactory(facility=facility, month=month)  # 18 occupied, 2 in, 2 out
        month = next_month(month)
    estimate = calibrate(facility_history(region=region)).facilities[str(facility.pk)]
    assert estimate.complete
    assert estimate.stay.estimate == pytest.approx(9.0)  # 18 present, 2 leaving a month


def test_the_history_from_a_month_and_of_a_type(region):
    facility = FacilityFactory()
    months(facility, {JUNE: (11, 1), datetime.date(2024, 4, 1): (9, 0)})
    (history,) = facility_history(region=region, since=datetime.date(2024, 5, 1))
    assert len(history.months) == 1
    assert facility_history(region=region, facility_type="housing-first") == []


def test_the_month_to_enter_next(region):
    facility = FacilityFactory(contract_start=datetime.date(2024, 1, 15))
    assert selectors.next_month_to_enter(facility=facility, latest=None) == datetime.date(
        2024, 1, 1
    )
    latest = MonthlyFigureFactory(facility=facility, month=JUNE)
    assert selectors.next_month_to_enter(facility=facility, latest=latest) == next_month(JUNE)
    this_month = first_of_month(timezone.localdate())
    current = MonthlyFigureFactory(facility=facility, month=this_month)
    assert selectors.next_month_to_enter(facility=facility, latest=current) == this_month


def test_the_years_to_enter_run_from_the_contract_to_now_or_its_end(region):
    facility = FacilityFactory(contract_start=datetime.date(2023, 3, 1))
    assert selectors.entry_years(facility=facility)[-1] == 2023
    assert selectors.entry_years(facility=facility)[0] == timezone.localdate().year
    facility.contract_end = datetime.date(2024, 6, 30)
    assert selectors.entry_years(facility=facility) == [2024, 2023]


def test_the_latest_months_shown(region):
    facility = FacilityFactory(contract_start=datetime.date(2020, 1, 1))
    month = datetime.date(2020, 1, 1)
    for _ in range(40):
        MonthlyFigureFactory(facility=facility, month=month)
        month = next_month(month)
    shown = selectors.latest_figures(facility=facility)
    assert len(shown) == 36
    assert shown[0].month < shown[-1].month  # oldest first
    assert shown[-1].month == datetime.date(2023, 4, 1)
