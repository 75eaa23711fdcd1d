"""Records the register's tests, the rights table and the browser's page check request pages for,
made on first use (a test that flushed the database gets them again).

A care worker made by ``tests.factories.member`` works for the region's first care provider
(``own_provider``); ``example_facility`` is one of its facilities, ``other_facility`` one of
another care provider's.
"""

import datetime

from django.core.files.base import ContentFile

from onderdak.accounts.models import Role
from onderdak.capacity.models import Facility, FacilityType
from onderdak.capacity.services.figure_imports import KEY
from onderdak.capacity.services.reference import facility_types_load
from onderdak.imports.models import ImportJob
from onderdak.imports.services import import_job_start
from onderdak.region.models import Organisation, OrganisationKind, Region
from tests.capacity.factories import FacilityFactory, MonthlyFigureFactory
from tests.factories import member
from tests.imports.files import csv_bytes

EXAMPLE = "Voorbeeldvoorziening (fictief)"
OTHER = "Voorziening van een ander (fictief)"
HEADER = (
    "voorziening",
    "maand",
    "bezet",
    "wachtlijst",
    "instroom",
    "uitstroom contingent",
    "uitstroom woning",
    "uitstroom instelling",
    "uitstroom onbekend",
)


def region() -> Region:
    return Region.objects.order_by("pk").first()


def providers() -> list[Organisation]:
    return list(
        Organisation.objects.filter(region=region(), kind=OrganisationKind.CARE_PROVIDER).order_by(
            "pk"
        )
    )


def own_provider() -> Organisation:
    """The care provider of every care worker ``member`` makes."""
    return providers()[0]


def other_provider() -> Organisation:
    return providers()[1]


def example_facility() -> Facility:
    """A facility of ``own_provider`` with figures for January and February 2024."""
    facility_types_load()
    facility = Facility.objects.filter(name=EXAMPLE).first()
    if facility is None:
        facility = FacilityFactory(name=EXAMPLE, provider=own_provider(), places=20)
        MonthlyFigureFactory(facility=facility, month=datetime.date(2024, 1, 1))
        MonthlyFigureFactory(
            facility=facility, month=datetime.date(2024, 2, 1), occupied=18, inflow=2
        )
    return facility


def other_facility() -> Facility:
    facility_types_load()
    return Facility.objects.filter(name=OTHER).first() or FacilityFactory(
        name=OTHER, provider=other_provider()
    )


def figure_file(rows, **options) -> bytes:
    return csv_bytes([HEADER, *rows], **options)


def good_rows(facility: Facility | None = None) -> list[tuple]:
    facility = facility or example_facility()
    return [(facility.pk, "2024-03", 19, 2, 3, 1, 1, 0, 0)]


def bad_rows() -> list[tuple]:
    return [(example_facility().pk, "2099-01", -1, 2, 3, 1, 1, 0, 0)]


def example_job(name: str = "afgekeurd.csv", role: str = Role.POLICY_OFFICER) -> ImportJob:
    """A rejected job (``afgekeurd.csv``) or a done one (any other name) of monthly figures."""
    job = ImportJob.objects.filter(file_name=name, kind=KEY).first()
    if job is None:
        rows = bad_rows() if "afgekeurd" in name else good_rows()
        job = import_job_start(
            region=region(),
            kind=KEY,
            uploaded=ContentFile(figure_file(rows), name=name),
            by=member(role),
        )
    return job


def facility_payload() -> dict:
    """The form fields of a new facility, with a name not used before."""
    facility_types_load()
    municipality = region().municipalities.order_by("cbs_code").first()
    return {
        "name": f"Nieuwe voorziening {Facility.objects.count() + 1}",
        "provider": own_provider().pk,
        "municipality": municipality.pk,
        "facility_type": FacilityType.objects.get(code="housing-first").pk,
        "level": "",
        "places": 12,
        "contract_start": "2024-01-01",
        "contract_end": "",
        "tariff_per_day": "55",  # the same in Dutch and English notation
        "tariff_source": "Contract 2024 (test)",
        "notes": "",
    }


def figure_payload() -> dict:
    """One month's form fields: March 2024."""
    return {
        "month": "2024-03",
        "occupied": 19,
        "waiting_list": 2,
        "inflow": 3,
        "outflow_contingent": 1,
        "outflow_housing": 1,
        "outflow_institution": 0,
        "outflow_unknown": 0,
    }


def upload_payload() -> dict:
    return {"file": ContentFile(figure_file(good_rows()), name="maandcijfers.csv")}
