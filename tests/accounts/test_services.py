import itertools

import pytest

from onderdak.accounts import selectors, services
from onderdak.accounts.models import ROLE_ORGANISATION_KINDS, Membership, Role
from onderdak.core.errors import DomainError
from onderdak.region.models import Organisation, OrganisationKind
from tests.factories import UserFactory

COMBINATIONS = list(itertools.product(Role.values, OrganisationKind.values))


@pytest.mark.parametrize(("role", "kind"), COMBINATIONS)
def test_a_role_fits_only_its_kinds_of_organisation(region, role, kind):
    user = UserFactory()
    organisation = Organisation.objects.filter(kind=kind).first()
    if kind in ROLE_ORGANISATION_KINDS[role]:
        assert services.membership_create(user=user, organisation=organisation, role=role).pk
    else:
        with pytest.raises(DomainError) as error:
            services.membership_create(user=user, organisation=organisation, role=role)
        assert "organisation" in error.value.fields
        assert not Membership.objects.filter(user=user).exists()


def test_the_same_membership_twice_is_refused(region):
    user = UserFactory()
    organisation = Organisation.objects.filter(kind=OrganisationKind.CARE_PROVIDER).first()
    services.membership_create(user=user, organisation=organisation, role=Role.CARE_WORKER)
    with pytest.raises(DomainError):
        services.membership_create(user=user, organisation=organisation, role=Role.CARE_WORKER)


def test_a_deactivated_membership_gives_no_role(region, make_member):
    user = make_member(Role.CARE_WORKER)
    services.membership_deactivate(membership=user.memberships.get())
    user.refresh_from_db()
    fresh = type(user).objects.get(pk=user.pk)
    assert fresh.roles == frozenset()


def test_an_inactive_organisation_gives_no_role(region, make_member):
    user = make_member(Role.CARE_WORKER)
    user.memberships.get().organisation.__class__.objects.filter(
        pk=user.memberships.get().organisation_id
    ).update(is_active=False)
    assert type(user).objects.get(pk=user.pk).roles == frozenset()


def test_user_list_searches_and_finds_users_without_role(region, make_member):
    make_member(Role.CARE_WORKER, username="zoekmij")
    lonely = UserFactory(username="alleen")
    assert [u.username for u in selectors.user_list(query="zoek")] == ["zoekmij"]
    assert lonely in selectors.user_list(without_role=True)


def test_demo_users_are_refused_outside_demo_mode(region, settings):
    settings.DEMO = False
    entry = {
        "username": "demo-x",
        "first_name": "X",
        "last_name": "Y",
        "role": "policy_officer",
        "organisation": "Holland Rijnland",
    }
    with pytest.raises(DomainError):
        services.demo_users_load(entries=[entry], password="demo-onderdak-2026")
