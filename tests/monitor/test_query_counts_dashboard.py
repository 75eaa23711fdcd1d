"""The dashboard's and the indicators' query counts are fixed and do not grow with the data.

Each page is requested once to warm up, then counted, then counted again after the data grew:
more and larger counts (more versions, rows and aggregates), more imported values, more
population figures and more contingent placements. A count that changes after ``grow`` means a
query inside a loop: fix the selector, not the number here. After ``grow`` a page is requested
once more before counting: the first request after an import reads the new versions' aggregates
(one query for all of them) to build their cubes, which the process keeps.

What the numbers hold, beyond the seven queries of every logged-in request (session, user, TOTP
device, memberships; saving the session in three) and the user's region: the dashboard's four
reads (municipalities with their subregions and boundaries, breakdown values, counts with their
current version, the population) and the catalogue's two (the contingent's years, the imported
indicators with their latest period). An imported indicator on
the map adds its years and its values; a contingent one reads each year's report (one year here,
at most five are looked back on). The list of indicators reads only the catalogue (breakdown
values, counts, years, indicators); the change page only the indicator. The API's values add
their count (pagination), the geography and the values of their periods.
"""

import datetime
from itertools import cycle, islice

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.region.models import Municipality, PopulationFigure
from tests.contingent.factories import ContingentYearFactory, PlacementFactory
from tests.monitor.dashboard_data import (
    RIGHTS_INDICATOR,
    count_with,
    imported_indicator,
    seeded_rows,
    two_counts,
)

pytestmark = pytest.mark.usefixtures("reference_values")

P, G, M, C = (
    Role.POLICY_OFFICER,
    Role.GOVERNANCE_READER,
    Role.MUNICIPALITY_OFFICER,
    Role.REGIONAL_COORDINATOR,
)
DASHBOARD = reverse("monitor:dashboard")
#: Page → (role, path, queries).
PAGES = {
    "dashboard (policy_officer)": (P, DASHBOARD, 14),
    "dashboard (regional_coordinator)": (C, DASHBOARD, 14),
    "dashboard, subregion (governance_reader)": (G, f"{DASHBOARD}?subregio=rijnstreek", 14),
    "dashboard, imported indicator (policy_officer)": (
        P,
        f"{DASHBOARD}?indicator={RIGHTS_INDICATOR}",
        16,
    ),
    "dashboard, contingent indicator (policy_officer)": (
        P,
        f"{DASHBOARD}?indicator=contingent-placements-per-10000",
        34,
    ),
    "dashboard excel (municipality_officer)": (
        M,
        reverse("monitor:dashboard_export", args=["categorieen"]),
        14,
    ),
    "indicators (municipality_officer)": (M, reverse("monitor:indicator_list"), 12),
    "built-in indicator (policy_officer)": (
        P,
        reverse("monitor:indicator_detail", args=["ethos-per-10000"]),
        14,
    ),
    "imported indicator (policy_officer)": (
        P,
        reverse("monitor:indicator_detail", args=[RIGHTS_INDICATOR]),
        14,
    ),
    "indicator change (policy_officer)": (
        P,
        reverse("monitor:indicator_update", args=[RIGHTS_INDICATOR]),
        9,
    ),
    "api dashboard (policy_officer)": (P, reverse("monitor-dashboard-list"), 14),
    "api indicators (governance_reader)": (G, reverse("indicator-list"), 12),
    "api indicator values (policy_officer)": (P, reverse("indicator-value-list"), 12),
}


def grow(region) -> None:
    """More of everything the dashboard reads."""
    for seed in range(3):
        count_with(seeded_rows(20 + seed, cells=150), count_date=datetime.date(2020 + seed, 3, 1))
    imported_indicator(region, code="meer", years=range(2015, 2025), counts_people=False)
    for i, municipality in enumerate(islice(cycle(Municipality.objects.all()), 40)):
        PopulationFigure.objects.create(
            municipality=municipality,
            reference_date=datetime.date(1990, 1, 1) - datetime.timedelta(days=i),
            population=10_000 + i,
            source_url="https://example.org/groei",
        )
    year = ContingentYearFactory(year=datetime.date.today().year)
    for _ in range(6):
        PlacementFactory(proposal__nomination__contingent_year=year)


@pytest.fixture
def data(region):
    two_counts()
    imported_indicator(region, code=RIGHTS_INDICATOR)
    ContingentYearFactory(year=datetime.date.today().year)
    PlacementFactory()


@pytest.mark.parametrize("name", list(PAGES))
def test_query_count_is_fixed_and_does_not_grow_with_the_data(
    name, region, data, make_member, login, django_assert_num_queries
):
    role, path, queries = PAGES[name]
    client = login(make_member(role))
    assert client.get(path).status_code == 200  # warm-up: per-process caches
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200
    grow(region)
    assert client.get(path).status_code == 200  # reads the new versions' aggregates once
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200
