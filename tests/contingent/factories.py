"""factory_boy factories of the contingent scheme, with traits for each state.

The region must be loaded (the session's ``django_db_setup`` does that). Organisations default to
the first of their kind; pass ``provider=``, ``corporation=`` or ``tie_municipality=`` to pick
another (e.g. to test what another organisation may not see).
"""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from onderdak.contingent.models import (
    Client,
    ContingentYear,
    CurrentSituation,
    DeclineParty,
    DeclineReason,
    Dwelling,
    DwellingStatus,
    DwellingStream,
    DwellingType,
    GuidanceIntensity,
    IncomeBand,
    LeaseType,
    Nomination,
    NominationStatus,
    Placement,
    Proposal,
    ProposalOrigin,
    ProposalStatus,
    Stream,
)
from onderdak.region.models import Municipality, Organisation, OrganisationKind, Region

LEIDEN = "GM0546"


def first_region() -> Region:
    return Region.objects.order_by("pk").first()


def organisation(kind: str, index: int = 0) -> Organisation:
    """The ``index``-th organisation of ``kind`` in the region, by primary key."""
    return Organisation.objects.filter(kind=kind).order_by("pk")[index]


def care_provider(index: int = 0) -> Organisation:
    return organisation(OrganisationKind.CARE_PROVIDER, index)


def corporation(index: int = 0) -> Organisation:
    return organisation(OrganisationKind.HOUSING_CORPORATION, index)


def municipality(cbs_code: str = LEIDEN) -> Municipality:
    return Municipality.objects.get(cbs_code=cbs_code)


class ContingentYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContingentYear
        django_get_or_create = ("region", "year")

    region = factory.LazyFunction(first_region)
    year = 2025
    total = 250
    outflow_target = 200
    prevention_target = 50
    key_source = "Testbron: sociale huurvoorraad (fictief)"


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    provider = factory.LazyFunction(care_provider)
    name = factory.Sequence(lambda n: f"Testcliënt {n} (fictief)")
    date_of_birth = datetime.date(1990, 5, 17)
    client_number = factory.Sequence(lambda n: f"K-{n:05d}")


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination
        skip_postgeneration_save = True

    contingent_year = factory.SubFactory(ContingentYearFactory)
    provider = factory.LazyFunction(care_provider)
    client = factory.SubFactory(ClientFactory, provider=factory.SelfAttribute("..provider"))
    stream = Stream.OUTFLOW
    status = NominationStatus.DRAFT
    household_adults = 1
    household_children = 0
    income_band = IncomeBand.WITHIN_LIMIT
    rooms_needed = 1
    needs_ground_floor_or_lift = False
    needs_wheelchair_access = False
    tie_municipality = factory.LazyFunction(municipality)
    current_situation = CurrentSituation.AMBULANT
    guidance_provider = factory.SelfAttribute("provider")
    guidance_intensity = GuidanceIntensity.MEDIUM
    guidance_months = 12

    class Params:
        submitted = factory.Trait(
            status=NominationStatus.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now)
        )
        info_requested = factory.Trait(
            status=NominationStatus.INFO_REQUESTED,
            submitted_at=factory.LazyFunction(timezone.now),
            decision_reason="Het begeleidingsplan ontbreekt.",
        )
        approved = factory.Trait(
            status=NominationStatus.APPROVED,
            submitted_at=factory.LazyFunction(timezone.now),
            approved_at=factory.LazyFunction(timezone.now),
        )
        proposed = factory.Trait(
            status=NominationStatus.PROPOSED,
            submitted_at=factory.LazyFunction(timezone.now),
            approved_at=factory.LazyFunction(timezone.now),
        )
        placed = factory.Trait(
            status=NominationStatus.PLACED,
            submitted_at=factory.LazyFunction(timezone.now),
            approved_at=factory.LazyFunction(timezone.now),
        )


class DwellingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dwelling

    corporation = factory.LazyFunction(corporation)
    contingent_year = factory.SubFactory(ContingentYearFactory)
    street = "Teststraat"
    house_number = factory.Sequence(lambda n: str(n + 1))
    postcode = "2311 AB"
    place = "Leiden"
    municipality = factory.LazyFunction(municipality)
    dwelling_type = DwellingType.APARTMENT
    rooms = 2
    floor = 0
    rent = Decimal("600.00")
    available_from = factory.LazyFunction(datetime.date.today)
    stream = DwellingStream.EITHER
    status = DwellingStatus.AVAILABLE

    class Params:
        proposed = factory.Trait(status=DwellingStatus.PROPOSED)
        let = factory.Trait(status=DwellingStatus.LET)


class DeclineReasonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeclineReason
        django_get_or_create = ("region", "label")

    region = factory.LazyFunction(first_region)
    label = "De woning past niet bij de zorgvraag"
    party = DeclineParty.BOTH
    is_valid = True


class ProposalFactory(factory.django.DjangoModelFactory):
    """An open proposal: the nomination is ``proposed`` and the dwelling ``proposed``."""

    class Meta:
        model = Proposal

    nomination = factory.SubFactory(NominationFactory, proposed=True)
    dwelling = factory.SubFactory(
        DwellingFactory,
        proposed=True,
        contingent_year=factory.SelfAttribute("..nomination.contingent_year"),
    )
    status = ProposalStatus.AWAITING_PROVIDER
    origin = ProposalOrigin.MANUAL
    reason = "Handmatig voorstel in een test"

    class Params:
        awaiting_corporation = factory.Trait(
            status=ProposalStatus.AWAITING_CORPORATION,
            provider_answered_at=factory.LazyFunction(timezone.now),
        )


class PlacementFactory(factory.django.DjangoModelFactory):
    """A placement after an accepted proposal: nomination ``placed``, dwelling ``let``."""

    class Meta:
        model = Placement

    proposal = factory.SubFactory(
        ProposalFactory,
        status=ProposalStatus.ACCEPTED,
        nomination__placed=True,
        dwelling__let=True,
        provider_answered_at=factory.LazyFunction(timezone.now),
        corporation_answered_at=factory.LazyFunction(timezone.now),
    )
    nomination = factory.SelfAttribute("proposal.nomination")
    dwelling = factory.SelfAttribute("proposal.dwelling")
    lease_type = LeaseType.TRANSFER
    lease_start = factory.LazyFunction(datetime.date.today)
    guidance_end = factory.LazyAttribute(lambda p: p.lease_start + datetime.timedelta(days=365))
