"""Facility services: create (the type's level by default), every check with its message, change,
deactivate and reactivate, and the audit trail of each."""

import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.utils import translation

from onderdak.capacity.models import Facility, FacilityType
from onderdak.capacity.services import facilities as services
from onderdak.core.errors import Conflict, DomainError
from onderdak.region.models import (
    Level,
    Municipality,
    Organisation,
    OrganisationKind,
    Region,
    Subregion,
)
from tests.capacity.facilities_data import other_provider, own_provider
from tests.capacity.factories import first_region

pytestmark = pytest.mark.usefixtures("facility_types")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def fields(region, **changes) -> dict:
    return {
        "region": region,
        "name": "De Haven",
        "provider": own_provider(),
        "municipality": Municipality.objects.get(cbs_code="GM0546"),
        "facility_type": FacilityType.objects.get(code="housing-first"),
        "places": 12,
        "contract_start": datetime.date(2024, 1, 1),
        "tariff_per_day": Decimal("55.50"),
        "tariff_source": "Contract 2024",
        **changes,
    }


def refused(**changes) -> dict[str, list[str]]:
    with pytest.raises(DomainError) as raised:
        services.facility_create(**fields(first_region(), **changes))
    assert not Facility.objects.filter(name=changes.get("name", "De Haven")).exists()
    return raised.value.fields


def test_a_new_facility_gets_its_types_usual_level(region):
    facility = services.facility_create(**fields(region))
    assert (facility.level, facility.is_active, facility.is_demo) == (Level.LOCAL, True, False)
    chosen = services.facility_create(**fields(region, name="Elders", level=Level.REGIONAL))
    assert chosen.level == Level.REGIONAL


def test_creating_and_changing_is_in_the_audit_trail(region):
    facility = services.facility_create(**fields(region))
    services.facility_update(facility=facility, places=14)
    actions = list(
        LogEntry.objects.get_for_object(facility).order_by("pk").values_list("action", flat=True)
    )
    assert actions == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"places": -1}, "places", "Enter a number of places from 0 to 10,000."),
        ({"places": 10_001}, "places", "Enter a number of places from 0 to 10,000."),
        ({"tariff_per_day": Decimal("-0.01")}, "tariff_per_day", "from € 0 to € 10,000"),
        ({"tariff_per_day": Decimal("10000.01")}, "tariff_per_day", "from € 0 to € 10,000"),
        (
            {"contract_end": datetime.date(2023, 12, 31)},
            "contract_end",
            "The contract cannot end before it starts.",
        ),
        ({"tariff_source": ""}, "tariff_source", "This field cannot be blank."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(region, changes, field, message):
    assert message in refused(**changes)[field][0]


def test_the_municipality_and_care_provider_are_the_regions(region):
    other = Region.objects.create(name="Elders", slug="elders")
    subregion = Subregion.objects.create(region=other, name="Elders", slug="elders")
    elsewhere = Municipality.objects.create(
        region=other, subregion=subregion, cbs_code="GM9999", name="Ergens"
    )
    provider = Organisation.objects.create(
        region=other, kind=OrganisationKind.CARE_PROVIDER, name="Zorg elders"
    )
    assert "not part of the region" in refused(municipality=elsewhere)["municipality"][0]
    assert "not part of the region" in refused(provider=provider)["provider"][0]


def test_the_care_provider_must_be_a_care_provider(region):
    corporation = Organisation.objects.filter(kind=OrganisationKind.HOUSING_CORPORATION).first()
    assert refused(provider=corporation)["provider"] == ["Choose a care provider."]


def test_a_type_or_care_provider_out_of_use_is_refused_for_a_new_facility(region):
    FacilityType.objects.filter(code="housing-first").update(is_active=False)
    assert "no longer used" in refused()["facility_type"][0]
    FacilityType.objects.update(is_active=True)
    Organisation.objects.filter(pk=own_provider().pk).update(is_active=False)
    assert "no longer active" in refused()["provider"][0]


def test_a_facility_keeps_a_type_that_went_out_of_use(region):
    facility = services.facility_create(**fields(region))
    FacilityType.objects.filter(code="housing-first").update(is_active=False)
    changed = services.facility_update(
        facility=facility, facility_type=FacilityType.objects.get(code="housing-first"), places=9
    )
    assert changed.places == 9
    with pytest.raises(DomainError) as raised:
        services.facility_update(
            facility=services.facility_create(
                **fields(
                    region, name="Ander", facility_type=FacilityType.objects.get(code="time-out")
                )
            ),
            facility_type=FacilityType.objects.get(code="housing-first"),
        )
    assert "facility_type" in raised.value.fields


def test_the_same_name_twice_for_one_care_provider_is_refused(region):
    services.facility_create(**fields(region))
    with pytest.raises(DomainError) as raised:
        services.facility_create(**fields(region))
    assert "already has a facility by this name" in str(raised.value.fields)
    services.facility_create(**fields(region, provider=other_provider()))  # another's may


def test_an_update_changes_what_it_names_and_an_empty_level_is_the_types(region):
    facility = services.facility_create(**fields(region, level=Level.REGIONAL))
    changed = services.facility_update(facility=facility, places=15, level="")
    assert (changed.places, changed.level, changed.name) == (15, Level.LOCAL, "De Haven")


def test_an_update_of_a_field_that_cannot_change_is_refused(region):
    facility = services.facility_create(**fields(region))
    with pytest.raises(DomainError) as raised:
        services.facility_update(facility=facility, region=region, is_active=False)
    assert set(raised.value.fields) == {"region", "is_active"}


def test_a_refused_update_changes_nothing(region):
    facility = services.facility_create(**fields(region))
    with pytest.raises(DomainError):
        services.facility_update(facility=facility, places=-5, name="Anders")
    facility.refresh_from_db()
    assert (facility.places, facility.name) == (12, "De Haven")


def test_deactivate_and_reactivate(region):
    facility = services.facility_create(**fields(region))
    assert services.facility_deactivate(facility=facility).is_active is False
    with pytest.raises(Conflict) as raised:
        services.facility_deactivate(facility=facility)
    assert raised.value.code == "already_inactive"
    assert services.facility_reactivate(facility=facility).is_active is True
    with pytest.raises(Conflict):
        services.facility_reactivate(facility=facility)
    assert Facility.objects.filter(pk=facility.pk).exists()  # never deleted
    updates = LogEntry.objects.get_for_object(facility).filter(action=LogEntry.Action.UPDATE)
    assert updates.count() == 2
