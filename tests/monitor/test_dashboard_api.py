"""API: the dashboard's series (``monitor-dashboard``), the indicators and the imported values,
with their filters, suppression and the one error shape."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.monitor.api.indicators import number
from onderdak.monitor.models import Indicator, IndicatorValue
from onderdak.monitor.selectors.dashboard import DashboardQuery, dashboard
from onderdak.region.models import Municipality, Region, Subregion
from tests.monitor.dashboard_data import (
    EARLIER,
    count_with,
    imported_indicator,
    seeded_rows,
    two_counts,
)

pytestmark = pytest.mark.usefixtures("reference_values")
DASHBOARD = reverse("monitor-dashboard-list")
INDICATORS = reverse("indicator-list")
VALUES = reverse("indicator-value-list")


@pytest.fixture
def policy_api(make_member, api_login):
    return api_login(make_member(Role.POLICY_OFFICER))


def indicator_url(code: str) -> str:
    return reverse("indicator-detail", args=[code])


def test_the_dashboard_series_are_the_pages_figures(region, policy_api):
    _earlier, later = two_counts()
    body = policy_api.get(DASHBOARD, {"subregion": "leidse-regio"}).json()
    board = dashboard(
        region=region, suppressed=True, query=DashboardQuery(subregion="leidse-regio")
    )
    assert body["suppressed"] is True
    assert body["count"]["id"] == later.pk
    assert body["subregion"] == "leidse-regio"
    assert [t["key"] for t in body["tables"]] == [t.key for t in board.tables]
    for table, data in zip(board.tables, body["tables"], strict=True):
        assert data["columns"] == list(table.columns)
        for row, item in zip(table.rows, data["rows"], strict=True):
            assert item["values"] == [number(cell.shown) for cell in row.cells]
            assert item["hidden"] == [str(cell.hidden) for cell in row.cells]
    hidden = [
        v
        for t in body["tables"]
        for r in t["rows"]
        for v, h in zip(r["values"], r["hidden"], strict=True)
        if h
    ]
    assert hidden
    assert set(hidden) == {None}
    assert len(body["map"]["rows"]) == 13


def test_the_map_follows_indicator_and_year(region, policy_api):
    two_counts()
    body = policy_api.get(DASHBOARD, {"indicator": "ethos-people", "year": EARLIER.year}).json()
    assert body["indicator"] == "ethos-people"
    assert body["year"] == EARLIER.year
    assert body["years"] == [EARLIER.year, 2024]
    assert body["map"]["indicator"]["code"] == "ethos-people"
    assert body["map"]["period"] is not None


def test_the_coordinator_gets_every_figure(make_member, api_login):
    count_with(seeded_rows(3))
    api = api_login(make_member(Role.REGIONAL_COORDINATOR))
    body = api.get(DASHBOARD).json()
    assert body["suppressed"] is False
    hidden = [h for t in body["tables"] for r in t["rows"] for h in r["hidden"] if h]
    assert hidden == []


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"count": 99999}, "count"),
        ({"count": "abc"}, "count"),
        ({"subregion": "nergens"}, "subregion"),
        ({"indicator": "geen-indicator"}, "indicator"),
        ({"year": 1990}, "year"),
    ],
)
def test_what_the_dashboard_cannot_show_is_refused_in_the_one_error_shape(policy_api, query, field):
    count_with(seeded_rows(4))
    response = policy_api.get(DASHBOARD, query)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert body["message"]
    assert list(body["fields"]) == [field]


def test_anonymous_callers_get_401_in_the_error_shape(api_client):
    response = api_client.get(DASHBOARD)
    assert response.status_code == 401
    assert set(response.json()) == {"code", "message", "fields"}


# --- indicators --------------------------------------------------------------------------------


def test_indicators_list_built_in_ones_first_then_the_imported(region, policy_api):
    count_with(seeded_rows(5))
    imported_indicator(region)
    body = policy_api.get(INDICATORS).json()
    codes = [item["code"] for item in body["results"]]
    assert body["count"] == len(codes) == 4 + 7 + 1
    assert codes[:2] == ["ethos-people", "ethos-per-10000"]
    assert codes[-1] == "ontruimingen"
    latest = {item["code"]: item["latest_period"] for item in body["results"]}
    assert latest["ethos-people"] == "2024-04-11"
    assert latest["ontruimingen"] == "2024"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "imported"}, ["ontruimingen"]),
        ({"kind": "count", "counts_people": "true"}, ["ethos-people"]),
        ({"counts_people": "true"}, ["ethos-people", "ontruimingen"]),
        ({"limit": 2, "offset": 1}, ["ethos-per-10000", "ethos-change"]),
    ],
)
def test_indicators_filter_and_paginate(region, policy_api, query, expected):
    count_with(seeded_rows(5))
    imported_indicator(region)
    body = policy_api.get(INDICATORS, query).json()
    assert [item["code"] for item in body["results"]] == expected


def test_an_unknown_kind_is_refused(policy_api):
    response = policy_api.get(INDICATORS, {"kind": "weet-niet"})
    assert response.status_code == 400
    assert "kind" in response.json()["fields"]


def test_a_built_in_indicator_is_read_only(policy_api):
    count_with(seeded_rows(6))
    assert policy_api.get(indicator_url("ethos-people")).json()["built_in"] is True
    response = policy_api.patch(indicator_url("ethos-people"), {"name": "x"}, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_an_imported_indicator_can_be_changed(region, policy_api):
    imported_indicator(region, counts_people=False)
    response = policy_api.patch(
        indicator_url("ontruimingen"),
        {"name": "Ontruimingen", "unit": "huishoudens", "counts_people": True},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["counts_people"] is True
    assert Indicator.objects.get(code="ontruimingen").counts_people is True
    invalid = policy_api.patch(indicator_url("ontruimingen"), {"name": ""}, format="json")
    assert invalid.status_code == 400
    assert list(invalid.json()["fields"]) == ["name"]


def test_an_unknown_indicator_is_not_found(policy_api):
    response = policy_api.get(indicator_url("bestaat-niet"))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert policy_api.patch(indicator_url("bestaat-niet"), {}, format="json").status_code == 404


# --- indicator values --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ({}, 26),
        ({"indicator": "ontruimingen"}, 26),
        ({"municipality": "GM0546"}, 2),
        ({"period": "2023"}, 13),
        ({"year": 2024, "municipality": "GM0484"}, 1),
        ({"indicator": "iets-anders"}, 0),
    ],
)
def test_values_filter(region, policy_api, query, count):
    imported_indicator(region)
    assert policy_api.get(VALUES, query).json()["count"] == count


def test_small_values_of_a_people_count_are_hidden_whatever_the_filter(region, policy_api):
    imported_indicator(region, seed=3)
    everything = {
        (v["municipality"], v["period"]): v
        for v in policy_api.get(VALUES, {"limit": 100}).json()["results"]
    }
    small = [v for v in everything.values() if v["hidden"] == "small"]
    assert small
    assert all(v["value"] is None for v in small)
    for municipality in ("GM0546", "GM0547", "GM0534"):
        for item in policy_api.get(VALUES, {"municipality": municipality}).json()["results"]:
            assert item == everything[(municipality, item["period"])]


def test_values_that_do_not_count_people_are_shown_as_imported(region, policy_api):
    imported_indicator(region, counts_people=False, seed=3)
    results = policy_api.get(VALUES, {"limit": 100}).json()["results"]
    stored = {
        (cbs, period): float(value)
        for cbs, period, value in IndicatorValue.objects.values_list(
            "municipality__cbs_code", "period", "value"
        )
    }
    assert len(results) == len(stored) == 26
    for item in results:
        assert item["hidden"] == ""
        assert item["value"] == stored[(item["municipality"], item["period"])]
    assert any(value < 5 for value in stored.values())  # small ones are shown: not people


def test_the_coordinator_sees_every_value(region, make_member, api_login):
    imported_indicator(region, seed=3)
    api = api_login(make_member(Role.REGIONAL_COORDINATOR))
    results = api.get(VALUES, {"limit": 100}).json()["results"]
    assert all(item["value"] is not None for item in results)


def test_another_regions_indicators_are_not_listed(region, policy_api):
    other = Region.objects.create(name="Elders", slug="elders")
    subregion = Subregion.objects.create(
        region=other, name="Elders", slug="elders", colour="#123456"
    )
    elsewhere = Municipality.objects.create(
        region=other, subregion=subregion, cbs_code="GM9999", name="Ergens"
    )
    indicator = Indicator.objects.create(region=other, code="elders", name="Elders", unit="x")
    IndicatorValue.objects.create(
        indicator=indicator, municipality=elsewhere, period="2024", year=2024, value=1, source="s"
    )
    assert policy_api.get(VALUES).json()["count"] == 0
    assert "elders" not in [i["code"] for i in policy_api.get(INDICATORS).json()["results"]]
    assert policy_api.get(indicator_url("elders")).status_code == 404
