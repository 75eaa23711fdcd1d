"""The current state: each module's facts with date and source, small counts suppressed for
everyone, the demo label carried, and a page whose query count does not grow with the data."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.framework.selectors.current_state import current_state
from tests.capacity.factories import FacilityFactory, ScenarioFactory
from tests.capacity.in_english import english  # noqa: F401
from tests.capacity.plans_data import example_plan, plan_places
from tests.contingent.factories import ContingentYearFactory, PlacementFactory
from tests.framework.factories import FrameworkFactory
from tests.monitor.dashboard_data import LATER, count_with, seeded_rows

pytestmark = pytest.mark.usefixtures("english", "facility_types", "reference_values")


def sections(region, user=None) -> dict:
    return {section.key: section for section in current_state(region=region, user=user)}


def test_without_data_every_section_says_so(region):
    found = sections(region)
    assert list(found) == [
        "organisations",
        "contingent",
        "ethos",
        "facilities",
        "plan",
        "scenarios",
    ]
    assert found["organisations"].facts
    for key in ("contingent", "ethos", "facilities", "plan", "scenarios"):
        assert found[key].facts == []
        assert found[key].empty


def test_organisations_are_counted_per_kind(region):
    facts = sections(region)["organisations"].facts
    assert ("municipalities", "13") in {(f.label, f.value) for f in facts}
    assert all(f.date and f.source for f in facts)


def test_small_realised_contingent_counts_are_suppressed(region):
    PlacementFactory.create_batch(2)
    ContingentYearFactory(year=2024)
    facts = sections(region)["contingent"].facts
    assert [f.value for f in facts] == ["0 of 250", "<5 of 250"]
    assert facts[1].label == "Contingent 2025: placements realised of the target"


def test_the_latest_ethos_count_is_quoted_with_its_date_and_source(region):
    count = count_with(seeded_rows(3, cells=60, largest=12), is_demo=True, title="Telling 2024")
    facts = sections(region)["ethos"].facts
    assert facts[0].label == "People counted in Telling 2024"
    assert facts[0].value == f"{count.current_version.people_total:,}"
    assert facts[1].label == "People per 10,000 inhabitants"
    assert {f.date for f in facts} == {LATER}
    assert {f.source for f in facts} == {count.source}
    assert all(f.is_demo for f in facts)
    categories = [f.value for f in facts[2:]]
    assert categories
    assert all(v in ("<5", "x") or int(v.replace(",", "")) >= 5 for v in categories)


def test_facilities_plan_and_scenarios(region, make_member):
    FacilityFactory(places=12, is_demo=True)
    FacilityFactory(places=8)
    plan = example_plan(region)
    plan_places(plan, {2023: 30, 2032: 12})
    ScenarioFactory(name="Hoog", is_demo=True)
    found = sections(region, make_member(Role.POLICY_OFFICER))
    (facilities,) = found["facilities"].facts
    assert facilities.value == "20 places in 2 facilities"
    assert facilities.is_demo
    plan_fact = found["plan"].facts[0].value
    assert "in 2023" in plan_fact
    assert "in 2032" in plan_fact
    (scenario,) = found["scenarios"].facts
    assert (scenario.label, scenario.value, scenario.date) == ("Hoog", "not run", None)
    assert found["scenarios"].has_demo


def test_scenarios_only_for_whom_may_read_them(region, make_member):
    assert "scenarios" not in sections(region, make_member(Role.CARE_WORKER))


@pytest.mark.parametrize("role", [Role.POLICY_OFFICER, Role.MUNICIPALITY_OFFICER])
def test_the_page_shows_every_section(region, make_member, login, role):
    framework = FrameworkFactory(is_demo=True)
    response = login(make_member(role)).get(reverse("framework:current_state", args=[framework.pk]))
    assert response.status_code == 200
    assert [s.key for s in response.context["sections"]][:2] == ["organisations", "contingent"]
    assert "fictitious demo framework" in response.content.decode()


def test_the_page_query_count_does_not_grow(
    region, make_member, login, django_assert_max_num_queries
):
    """Measured after a first request at each size (the monitor keeps a count's cells)."""
    framework = FrameworkFactory()
    client = login(make_member(Role.POLICY_OFFICER))
    url = reverse("framework:current_state", args=[framework.pk])
    count_with(seeded_rows(1))
    PlacementFactory()
    FacilityFactory()
    ScenarioFactory()
    plan_places(example_plan(region), {2023: 4, 2032: 5})
    client.get(url)
    with django_assert_max_num_queries(30) as small:
        client.get(url)
    queries = len(small.captured_queries)
    PlacementFactory.create_batch(3)
    ContingentYearFactory(year=2023)
    FacilityFactory.create_batch(3)
    ScenarioFactory.create_batch(3)
    count_with(seeded_rows(2, cells=120), title="Nog een telling")
    plan_places(example_plan(region), {2023: 8, 2032: 9}, facility_type_code="housing-first")
    client.get(url)
    with django_assert_max_num_queries(queries):
        client.get(url)
