"""A page's query count is a fixed number and does not grow with the data (DESIGN.md §4.12).

The pages are those of ``onderdak bench pages`` (one table for both); each is requested by a
member with a role that may see it, once to warm up, then counted before and after the data grows.
A count that changes after ``grow`` means a query inside a loop: fix the selector
(``select_related``, ``prefetch_related``, an annotation), not the number here.
"""

import datetime
from itertools import cycle, islice

import pytest

from onderdak.accounts.models import Role, User
from onderdak.audit.services import record_access
from onderdak.core.bench.framework import framework_targets, populate_framework
from onderdak.core.bench.pages import (
    CONTINGENT_PAGES,
    FRAMEWORK_PAGES,
    PAGES,
    Page,
    Targets,
    contingent_targets,
)
from onderdak.funding.demo import load_demo
from onderdak.funding.services import scenario_create
from onderdak.region.models import OrganisationKind, Region
from onderdak.region.services import organisation_create, population_figure_record
from tests.contingent.factories import (
    DwellingFactory,
    NominationFactory,
    PlacementFactory,
    ProposalFactory,
)
from tests.factories import member

#: Queries per request. Every logged-in request reads the session, the user, the TOTP device and
#: the memberships, and saves the session (three statements: begin or savepoint, update, commit or
#: release). Region pages add the user's region; paginated lists add their count. A funding
#: scenario adds its seven kinds of input (one query each); its result adds the municipalities
#: with their population and their names; a comparison loads both scenarios in those same queries.
#: The funding result and comparison pages (and downloads) cost one more than their API
#: counterparts: the subregion names of the totals, the scenarios to choose from; the input pages
#: add the municipalities or subregions they list. The home page of a role that acts in the
#: contingent scheme adds its figures there: the current year, then a count or a count per
#: status for each figure (the coordinator's stalled steps: the years' policies and five counts).
#: The home page of a policy, governance or municipality role adds the monitor's latest count:
#: the municipalities, the breakdown values and the counts (and the count's aggregates, once
#: there is one; these pages have none). An editor of the framework (policy officer, coordinator)
#: adds the region's current framework (and, once there is one, its latest version, its next step
#: and its open input); a governance reader the versions put to them.
#: Contingent lists add the user's region and their count; a case's page adds its related rows
#: (the client, the year, documents, exclusions, evaluations) and, for a client's record, the
#: access-log entry; the report adds one aggregate query per table.
#: A framework's current state adds the user's region and the framework, then per section its
#: aggregates (organisations; contingent years and placements; the monitor's municipalities,
#: breakdowns and counts; facilities' demo flag and places per type; the capacity plan; the
#: scenarios). Its document adds the tree (themes, ambitions, actions, partners, domains,
#: indicators, targets), the policy domains' names and the input (themes, items); a version's
#: document reads its frozen tree instead (one query) but finds the version first.
QUERIES = {
    "home (regional_coordinator)": 21,
    "home (municipality_officer)": 15,
    "home (care_worker)": 13,
    "home (corporation_officer)": 14,
    "home (policy_officer)": 13,
    "home (governance_reader)": 13,
    "home (administrator)": 11,
    "region overview (policy_officer)": 12,
    "municipality detail (municipality_officer)": 11,
    "organisation list (care_worker)": 10,
    "governance (governance_reader)": 10,
    "audit search (administrator)": 10,
    "profile (corporation_officer)": 8,
    "user list (administrator)": 10,
    "user detail (administrator)": 10,
    "api me (care_worker)": 7,
    "api municipalities (regional_coordinator)": 10,
    "api municipality (regional_coordinator)": 10,
    "api organisations (regional_coordinator)": 10,
    "api subregions (regional_coordinator)": 11,
    "api governance bodies (regional_coordinator)": 11,
    "api funding scenarios (policy_officer)": 10,
    "api funding scenario (policy_officer)": 16,
    "api funding result (governance_reader)": 18,
    "api funding comparison (municipality_officer)": 19,
    "funding scenarios (policy_officer)": 10,
    "funding result (governance_reader)": 19,
    "funding result excel (municipality_officer)": 19,
    "funding comparison (regional_coordinator)": 20,
    "funding comparison excel (administrator)": 20,
    "funding new scenario (policy_officer)": 7,
    "funding scenario update (policy_officer)": 16,
    "funding scenario copy (policy_officer)": 16,
    "funding scenario delete (policy_officer)": 16,
    "funding budget lines (policy_officer)": 16,
    "funding regional costs (policy_officer)": 16,
    "funding subregional pools (policy_officer)": 18,
    "funding planned costs (policy_officer)": 17,
    "funding key (policy_officer)": 17,
    "funding indicator weights (policy_officer)": 16,
    "funding phase in steps (policy_officer)": 16,
    "healthz (anonymous)": 1,
    "contingent overview (regional_coordinator)": 18,
    "contingent overview (care_worker)": 12,
    "contingent overview (corporation_officer)": 13,
    "contingent overview (municipality_officer)": 11,
    "contingent report (regional_coordinator)": 21,
    "contingent report (policy_officer)": 21,
    "contingent report excel (governance_reader)": 19,
    "contingent years (regional_coordinator)": 10,
    "contingent year (regional_coordinator)": 14,
    "contingent year excel (regional_coordinator)": 14,
    "decline reasons (regional_coordinator)": 9,
    "allocation runs (regional_coordinator)": 9,
    "nominations (regional_coordinator)": 12,
    "nominations (care_worker)": 12,
    "nominations (municipality_officer)": 11,
    "nominations excel (care_worker)": 10,
    "nomination (care_worker)": 15,
    "new nomination (care_worker)": 11,
    "dwellings (regional_coordinator)": 12,
    "dwellings (corporation_officer)": 12,
    "dwellings excel (corporation_officer)": 11,
    "dwelling (corporation_officer)": 9,
    "proposals (regional_coordinator)": 12,
    "proposals (corporation_officer)": 12,
    "proposals excel (care_worker)": 11,
    "proposal (care_worker)": 10,
    "proposal (corporation_officer)": 9,
    "new proposal (regional_coordinator)": 8,
    "placements (regional_coordinator)": 12,
    "placements (care_worker)": 12,
    "placements excel (corporation_officer)": 11,
    "placement (care_worker)": 10,
    "api contingent years (regional_coordinator)": 10,
    "api contingent year (regional_coordinator)": 15,
    "api contingent report (policy_officer)": 19,
    "api decline reasons (regional_coordinator)": 9,
    "api nominations (regional_coordinator)": 10,
    "api nominations (care_worker)": 10,
    "api nomination (care_worker)": 14,
    "api dwellings (regional_coordinator)": 9,
    "api dwellings (corporation_officer)": 9,
    "api proposals (regional_coordinator)": 9,
    "api proposals (corporation_officer)": 9,
    "api proposal (corporation_officer)": 8,
    "api placements (regional_coordinator)": 10,
    "api placements (care_worker)": 10,
    "frameworks (policy_officer)": 9,
    "framework (policy_officer)": 13,
    "framework tree (policy_officer)": 12,
    "framework matrix (policy_officer)": 11,
    "framework matrix excel (policy_officer)": 11,
    "framework versions (policy_officer)": 10,
    "framework version (governance_reader)": 10,
    "framework diff (policy_officer)": 18,
    "framework participation (policy_officer)": 14,
    "framework input log (policy_officer)": 14,
    "framework input without response (municipality_officer)": 14,
    "framework input excel (policy_officer)": 13,
    "framework route (policy_officer)": 11,
    "framework route of a version (governance_reader)": 12,
    "framework project plan (policy_officer)": 12,
    "api frameworks (policy_officer)": 10,
    "api framework tree (policy_officer)": 16,
    "api framework actions (policy_officer)": 14,
    "api framework input (policy_officer)": 10,
    "framework current state (policy_officer)": 19,
    "framework print view (policy_officer)": 29,
    "framework word export (policy_officer)": 29,
    "framework version print view (governance_reader)": 22,
    "framework version word export (governance_reader)": 22,
}

GROWTH_SOURCE = "https://example.org/groei"


def grow(region: Region) -> None:
    """More of everything a page lists or counts; every write also adds an audit entry."""
    users = [member(role) for role in islice(cycle(Role.values), 30)]
    municipalities = list(region.municipalities.order_by("pk"))
    kinds = cycle(OrganisationKind.values)
    for i, municipality in enumerate(islice(cycle(municipalities), 20)):
        organisation_create(
            region=region, kind=next(kinds), name=f"Groei {i}", municipality=municipality
        )
    for i, municipality in enumerate(islice(cycle(municipalities), 50)):
        population_figure_record(
            municipality=municipality,
            reference_date=datetime.date(2000, 1, 1) - datetime.timedelta(days=i),
            population=1000 + i,
            source_url=GROWTH_SOURCE,
        )
    for user in users[:10]:
        record_access(instance=user)
    for i in range(10):
        scenario_create(region=region, name=f"Groei {i}", first_year=2026, last_year=2045)
        contingent_cases()


def contingent_cases() -> None:
    """A case of each kind for the members' organisations (the factories' defaults)."""
    NominationFactory(submitted=True)
    DwellingFactory()
    ProposalFactory()
    PlacementFactory()


@pytest.fixture
def targets(region, make_member, page) -> Targets:
    """What the pages are requested for; funding scenarios only for the pages that need them."""
    scenarios = load_demo(region=region) if "funding" in page.url_name else []
    a, b = (s.pk for s in scenarios) if scenarios else (0, 0)
    person = make_member(Role.CARE_WORKER)
    contingent_cases()  # every page, so that the home pages' contingent figures are there too
    contingent = {}
    if page in CONTINGENT_PAGES:
        contingent = contingent_targets(
            region, care_worker=person, corporation_officer=make_member(Role.CORPORATION_OFFICER)
        )
    if page in FRAMEWORK_PAGES:
        populate_framework(region=region, by=person, actions=12, input_items=40)
        contingent = framework_targets(region)
    return Targets(
        municipality="GM0546", person=person.pk, scenario=a, other_scenario=b, **contingent
    )


@pytest.fixture
def browser_for(client, login, make_member):
    """``browser_for(page)`` → a client logged in with a role that may see it (or anonymous)."""

    def _browser(page: Page):
        return login(make_member(page.role)) if page.role else client

    return _browser


def test_every_page_has_a_query_count():
    assert set(QUERIES) == {page.key for page in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.key)
def test_query_count_is_fixed_and_does_not_grow_with_the_data(
    page, region, targets, browser_for, django_assert_num_queries
):
    browser, path = browser_for(page), page.path(targets)
    assert browser.get(path).status_code == 200  # warm-up: per-process caches (content types)
    with django_assert_num_queries(QUERIES[page.key]):
        assert browser.get(path).status_code == 200
    grow(region)
    assert User.objects.count() > 30
    with django_assert_num_queries(QUERIES[page.key]):
        assert browser.get(path).status_code == 200
