"""Facilities with monthly figures, plans with lines, and scenarios, for the capacity tests."""

import datetime
from decimal import Decimal

import factory

from onderdak.capacity.models import (
    CapacityPlan,
    Facility,
    FacilityType,
    MonthlyFigure,
    PlanLine,
    Scenario,
)
from onderdak.region.models import Level, Municipality, Organisation, OrganisationKind, Region


def first_region() -> Region:
    return Region.objects.order_by("pk").first()


def facility_type(code: str = "beschermd-wonen-24-7") -> FacilityType:
    """A bundled type (the ``facility_types`` fixture loads them after a flush)."""
    return FacilityType.objects.get(code=code)


class FacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facility

    region = factory.LazyFunction(first_region)
    name = factory.Sequence(lambda n: f"Voorziening {n}")
    provider = factory.LazyAttribute(
        lambda f: (
            Organisation.objects.filter(region=f.region, kind=OrganisationKind.CARE_PROVIDER)
            .order_by("pk")
            .first()
        )
    )
    municipality = factory.LazyAttribute(
        lambda f: Municipality.objects.filter(region=f.region).order_by("cbs_code").first()
    )
    facility_type = factory.LazyFunction(facility_type)
    level = Level.REGIONAL
    places = 20
    contract_start = datetime.date(2023, 1, 1)
    tariff_per_day = Decimal("150.00")
    tariff_source = "Testtarief"


class MonthlyFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonthlyFigure

    facility = factory.SubFactory(FacilityFactory)
    month = datetime.date(2024, 1, 1)
    occupied = 18
    waiting_list = 3
    inflow = 2
    outflow_contingent = 1
    outflow_housing = 1
    outflow_institution = 0
    outflow_unknown = 0


class CapacityPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CapacityPlan
        django_get_or_create = ("region",)

    region = factory.LazyFunction(first_region)
    first_year = 2023
    last_year = 2032


class PlanLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanLine

    plan = factory.SubFactory(CapacityPlanFactory)
    municipality = factory.LazyAttribute(
        lambda line: (
            Municipality.objects.filter(region=line.plan.region).order_by("cbs_code").first()
        )
    )
    facility_type = factory.LazyFunction(facility_type)
    year = 2023
    places = 10


class ScenarioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scenario

    region = factory.LazyFunction(first_region)
    name = factory.Sequence(lambda n: f"Scenario {n}")
    parameters = factory.LazyFunction(dict)
