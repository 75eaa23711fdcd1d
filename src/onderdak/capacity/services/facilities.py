"""Writes of the facility register: a facility created, changed, deactivated or made active again.

A facility is never deleted: its monthly figures and the plans that count it stay history.
Every write checks what a model cannot say clearly (limits with the numbers in the message, a
type or care provider no longer in use) before the model's own checks (the municipality and the
care provider in the facility's region, the contract's dates in order).
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from onderdak.capacity.models import Facility, FacilityType
from onderdak.capacity.models.facilities import MAX_PLACES, MAX_TARIFF
from onderdak.core.errors import Conflict, DomainError
from onderdak.core.formatting import localized_number
from onderdak.core.validation import save_validated
from onderdak.region.models import Municipality, Organisation, OrganisationKind, Region

#: What a planner may change; ``region`` and ``is_demo`` stay as made, ``is_active`` has its own
#: services.
EDITABLE = (
    "name",
    "provider",
    "municipality",
    "facility_type",
    "level",
    "places",
    "contract_start",
    "contract_end",
    "tariff_per_day",
    "tariff_source",
    "notes",
)


@transaction.atomic
def facility_create(
    *,
    region: Region,
    name: str,
    provider: Organisation,
    municipality: Municipality,
    facility_type: FacilityType,
    places: int,
    contract_start: datetime.date,
    tariff_per_day: Decimal,
    tariff_source: str,
    level: str = "",
    contract_end: datetime.date | None = None,
    notes: str = "",
    is_demo: bool = False,
) -> Facility:
    """A new facility of ``region``; ``level`` defaults to the type's usual level."""
    facility = Facility(
        region=region,
        name=name,
        provider=provider,
        municipality=municipality,
        facility_type=facility_type,
        level=level or facility_type.default_level,
        places=places,
        contract_start=contract_start,
        contract_end=contract_end,
        tariff_per_day=tariff_per_day,
        tariff_source=tariff_source,
        notes=notes,
        is_demo=is_demo,
    )
    _check(facility, changed=set(EDITABLE))
    return save_validated(facility)


@transaction.atomic
def facility_update(*, facility: Facility, **changes) -> Facility:
    """Change a facility's details (see :data:`EDITABLE`); an empty ``level`` is the type's
    usual level."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise DomainError(fields={name: [_("This field cannot be changed.")] for name in unknown})
    facility = _locked(facility)
    changed = {name for name, value in changes.items() if getattr(facility, name) != value}
    for name, value in changes.items():
        setattr(facility, name, value)
    if "level" in changes and not changes["level"]:
        facility.level = facility.facility_type.default_level
    _check(facility, changed=changed)
    return save_validated(facility)


@transaction.atomic
def facility_deactivate(*, facility: Facility) -> Facility:
    """Take a facility out of use: it stays in the register with its figures, marked inactive."""
    return _set_active(facility, False, _("The facility is inactive already."))


@transaction.atomic
def facility_reactivate(*, facility: Facility) -> Facility:
    return _set_active(facility, True, _("The facility is active already."))


def _locked(facility: Facility) -> Facility:
    return Facility.objects.select_for_update().select_related("facility_type").get(pk=facility.pk)


def _set_active(facility: Facility, active: bool, already: str) -> Facility:
    facility = _locked(facility)
    if facility.is_active == active:
        raise Conflict(already, code="already_active" if active else "already_inactive")
    facility.is_active = active
    facility.save(update_fields=["is_active", "updated_at"])
    return facility


# --- Checks --------------------------------------------------------------------------------------


def _check(facility: Facility, *, changed: set[str]) -> None:
    """The checks with messages of their own; a type or care provider out of use is refused only
    when it is chosen now (a facility keeps the type it has)."""
    errors = {
        "places": _places_error(facility.places),
        "tariff_per_day": _tariff_error(facility.tariff_per_day),
        "contract_end": contract_error(facility.contract_start, facility.contract_end),
        "facility_type": _type_error(facility) if "facility_type" in changed else None,
        "provider": _provider_error(facility, chosen="provider" in changed),
    }
    found = {name: [message] for name, message in errors.items() if message}
    if found:
        raise DomainError(_("The input is not valid."), fields=found)


def _places_error(places) -> str | None:
    if places is not None and not 0 <= places <= MAX_PLACES:
        return _("Enter a number of places from 0 to %(limit)s.") % {
            "limit": localized_number(MAX_PLACES, 0, grouped=True)
        }
    return None


def _tariff_error(tariff) -> str | None:
    if tariff is not None and not 0 <= tariff <= MAX_TARIFF:
        return _("Enter a tariff from € 0 to € %(limit)s per place per day.") % {
            "limit": localized_number(MAX_TARIFF, 0, grouped=True)
        }
    return None


def contract_error(start, end) -> str | None:
    if start and end and end < start:
        return _("The contract cannot end before it starts.")
    return None


def _type_error(facility: Facility) -> str | None:
    if facility.facility_type_id and not facility.facility_type.is_active:
        return _("This type is no longer used for new facilities.")
    return None


def _provider_error(facility: Facility, *, chosen: bool) -> str | None:
    if not facility.provider_id:
        return None
    if facility.provider.kind != OrganisationKind.CARE_PROVIDER:
        return _("Choose a care provider.")
    if chosen and not facility.provider.is_active:
        return _("This care provider is no longer active.")
    return None
