"""The register's demo: fictitious facilities of every type and care provider, three years of
figures whose stock follows month to month, imported through the pipeline, once."""

import datetime
from itertools import pairwise

import numpy as np
import pytest

from onderdak.accounts.models import Role
from onderdak.capacity import demo
from onderdak.capacity.models import Facility, FacilityType, MonthlyFigure
from onderdak.imports.models import ImportJob
from onderdak.region.models import Level, Organisation, OrganisationKind

pytestmark = pytest.mark.usefixtures("facility_types")
TODAY = datetime.date(2026, 12, 5)


@pytest.fixture
def loaded(region, make_member):
    officer = make_member(Role.POLICY_OFFICER)
    return officer, demo.load_demo(region=region, by=officer, today=TODAY)


def test_every_type_and_care_provider_has_fictitious_facilities(loaded, region):
    _officer, result = loaded
    facilities = Facility.objects.filter(region=region)
    assert result.facilities == facilities.count() == facilities.filter(is_demo=True).count()
    assert result.types == FacilityType.objects.count()
    providers = Organisation.objects.filter(region=region, kind=OrganisationKind.CARE_PROVIDER)
    assert result.providers == providers.count()
    assert all(f.name.startswith("Demo-") and f.name.endswith("(fictief)") for f in facilities)
    assert set(facilities.values_list("tariff_source", flat=True)) == {"fictief, demo"}
    assert facilities.filter(municipality__region=region).count() == facilities.count()


def test_regional_facilities_are_central_and_local_ones_everywhere(loaded, region):
    regional = Facility.objects.filter(facility_type__code="beschermd-wonen-24-7")
    assert set(regional.values_list("level", flat=True)) == {Level.REGIONAL}
    assert regional.values("municipality").distinct().count() == 3
    housing_first = Facility.objects.filter(facility_type__code="housing-first")
    assert housing_first.values("municipality").distinct().count() == region.municipalities.count()


def test_three_years_of_figures_up_to_last_month(loaded):
    _officer, result = loaded
    assert (result.first_month, result.last_month) == (
        datetime.date(2023, 12, 1),
        datetime.date(2026, 11, 1),
    )
    per_facility = {
        facility.monthly_figures.count() for facility in Facility.objects.filter(is_demo=True)
    }
    assert per_facility == {36}


def test_the_stock_follows_from_month_to_month_and_fits_the_places(loaded):
    for facility in Facility.objects.filter(is_demo=True):
        figures = list(facility.monthly_figures.order_by("month"))
        for before, after in pairwise(figures):
            assert after.occupied == before.occupied + after.inflow - after.outflow
        assert all(figure.occupied <= facility.places for figure in figures)


def test_night_shelters_keep_no_waiting_list_and_protected_housing_may(loaded):
    shelters = MonthlyFigure.objects.filter(facility__facility_type__when_full="unsheltered")
    assert set(shelters.values_list("waiting_list", flat=True)) == {0}
    housing = MonthlyFigure.objects.filter(facility__facility_type__code="beschermd-wonen-24-7")
    assert housing.filter(waiting_list__gt=0).exists()


def test_the_figures_came_in_through_the_import_by_the_officer(loaded):
    officer, _result = loaded
    job = ImportJob.objects.get(kind="monthly_figures")
    assert (job.created_by, job.status) == (officer, "done")
    assert job.outcome["created"] == 36 * Facility.objects.count()


def test_loading_twice_adds_nothing(loaded, region):
    officer, _result = loaded
    again = demo.load_demo(region=region, by=officer, today=TODAY)
    assert again.imported is False
    assert Facility.objects.count() == again.facilities
    assert ImportJob.objects.count() == 1


def test_the_flow_is_seeded(loaded):
    facility = Facility.objects.filter(is_demo=True).first()
    first = demo.flow(facility, 12, np.random.default_rng(1))
    assert first == demo.flow(facility, 12, np.random.default_rng(1))
