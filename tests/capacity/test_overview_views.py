"""The capacity overview: what needs each role first, and links to the pages they may use."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from onderdak.accounts.models import Role
from onderdak.region.models import Organisation, OrganisationKind
from tests.capacity.factories import FacilityFactory, MonthlyFigureFactory
from tests.capacity.plans_data import example_plan, facility_with_figures, plan_places
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.usefixtures("facility_types")
OVERVIEW = reverse("capacity:overview")


def last_month() -> datetime.date:
    this = timezone.localdate().replace(day=1)
    return (this - datetime.timedelta(days=1)).replace(day=1)


def test_a_planner_sees_the_checks_and_facilities_without_last_months_figures(
    region, make_member, login
):
    plan = example_plan(region)
    facility_with_figures(occupied=30)
    plan_places(plan, dict.fromkeys(plan.years, 5))
    complete = FacilityFactory(name="Compleet")
    MonthlyFigureFactory(facility=complete, month=last_month())
    FacilityFactory(name="Gesloten", is_active=False)
    client = login(make_member(Role.POLICY_OFFICER))
    response = client.get(OVERVIEW)
    overview = response.context["overview"]
    assert overview.checks.checks
    assert "Compleet" not in {f.name for f in overview.missing}
    assert "Gesloten" not in {f.name for f in overview.missing}
    assert len(overview.missing) == 1
    check_links = [check.municipality.cbs_code for check in overview.checks.checks]
    page = response.content.decode()
    assert all(reverse("capacity:plan_municipality", args=[c]) in page for c in check_links)


def test_a_reader_sees_the_checks_but_not_the_missing_figures(region, make_member, login):
    example_plan(region)
    FacilityFactory()
    client = login(make_member(Role.GOVERNANCE_READER))
    overview = client.get(OVERVIEW).context["overview"]
    assert overview.plan is not None
    assert overview.missing == ()


def test_a_care_worker_sees_only_their_own_providers_facilities(region, login):
    providers = Organisation.objects.filter(kind=OrganisationKind.CARE_PROVIDER).order_by("pk")
    own, other = providers[0], providers[1]
    mine = FacilityFactory(name="Eigen huis", provider=own)
    FacilityFactory(name="Ander huis", provider=other)
    worker = UserFactory()
    MembershipFactory(user=worker, role=Role.CARE_WORKER, organisation=own)
    response = login(worker).get(OVERVIEW)
    overview = response.context["overview"]
    assert [f.name for f in overview.own_facilities] == ["Eigen huis"]
    assert overview.plan is None
    page = response.content.decode()
    assert "Ander huis" not in page
    assert reverse("capacity:figure_month", args=[mine.pk]) in page
    assert reverse("capacity:plan") not in page


def test_the_nav_links_to_capacity_only_for_those_with_a_capacity_right(make_member, login):
    assert (
        OVERVIEW
        in login(make_member(Role.POLICY_OFFICER)).get(reverse("core:home")).content.decode()
    )
    other = login(make_member(Role.CORPORATION_OFFICER)).get(reverse("core:home"))
    assert OVERVIEW not in other.content.decode()
