"""factory_boy factories, and ``member(role)`` for a user with one membership in a role."""

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from onderdak.accounts.models import Membership, Role, User
from onderdak.region.models import Organisation, OrganisationKind, Region

#: The kind of organisation each role is given in tests.
ROLE_KIND = {
    Role.REGIONAL_COORDINATOR: OrganisationKind.REGIONAL_BODY,
    Role.MUNICIPALITY_OFFICER: OrganisationKind.MUNICIPALITY,
    Role.CARE_WORKER: OrganisationKind.CARE_PROVIDER,
    Role.CORPORATION_OFFICER: OrganisationKind.HOUSING_CORPORATION,
    Role.POLICY_OFFICER: OrganisationKind.REGIONAL_BODY,
    Role.GOVERNANCE_READER: OrganisationKind.REGIONAL_BODY,
    Role.ADMINISTRATOR: OrganisationKind.REGIONAL_BODY,
}
TEST_PASSWORD = "correct-horse-battery-staple-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Persoon {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(TEST_PASSWORD)


def organisation_for(role: str, region: Region) -> Organisation:
    return Organisation.objects.filter(region=region, kind=ROLE_KIND[role]).order_by("pk").first()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.CARE_WORKER
    organisation = factory.LazyAttribute(
        lambda m: organisation_for(m.role, Region.objects.order_by("pk").first())
    )


def member(role: str, **user_fields) -> User:
    """A user with one active membership in ``role`` (the region must be loaded)."""
    membership = MembershipFactory(role=role, user=UserFactory(**user_fields))
    return membership.user


def totp_device(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="test", confirmed=True)
