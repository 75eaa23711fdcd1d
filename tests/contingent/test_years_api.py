"""API of contingent years and reasons to decline: rights per action, each write through the
services, 409 for stale versions and unconfirmed recomputes, and the one error shape."""

import pytest

from onderdak.accounts.models import Role
from onderdak.contingent.models import ContingentYear, CorporationTarget, EligibilityCriterion
from onderdak.contingent.selectors.years import corporations as corporation_list
from onderdak.contingent.services import years as services
from onderdak.region.models import Region
from tests.contingent.factories import (
    ContingentYearFactory,
    DeclineReasonFactory,
    NominationFactory,
    PlacementFactory,
)

YEARS = "/api/v1/contingent-years/"
REASONS = "/api/v1/decline-reasons/"
READERS = [
    Role.CARE_WORKER,
    Role.CORPORATION_OFFICER,
    Role.MUNICIPALITY_OFFICER,
    Role.POLICY_OFFICER,
    Role.GOVERNANCE_READER,
]


@pytest.fixture
def coordinator(make_member):
    return make_member(Role.REGIONAL_COORDINATOR)


@pytest.fixture
def api(coordinator, api_login):
    return api_login(coordinator)


@pytest.fixture
def year(region):
    return ContingentYearFactory(region=region)


@pytest.fixture
def corporations(region):
    return list(corporation_list(region=region))


def stocks_body(corporations, version=1, **extra) -> dict:
    stocks = [{"corporation": c.pk, "dwellings": (i + 1) * 100} for i, c in enumerate(corporations)]
    return {"key_source": "Fictieve bron", "stocks": stocks, "version": version, **extra}


def assert_error_shape(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.json()
    body = response.json()
    assert set(body) == {"code", "message", "fields"}
    assert body["code"] == code
    return body


# --- Reading -------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", READERS)
def test_every_contingent_role_reads_years_and_changes_nothing(role, make_member, api_login, year):
    client = api_login(make_member(role))
    listed = client.get(YEARS)
    assert listed.status_code == 200
    assert [row["year"] for row in listed.json()["results"]] == [year.year]
    assert client.get(f"{YEARS}{year.pk}/").status_code == 200
    assert client.get(REASONS).status_code == 200
    assert_error_shape(client.patch(f"{YEARS}{year.pk}/", {"version": 1}), 403, "permission_denied")
    assert client.put(f"{YEARS}{year.pk}/stocks/", {}, format="json").status_code == 403
    assert client.post(YEARS, {}, format="json").status_code == 403
    assert client.post(REASONS, {}, format="json").status_code == 403


def test_an_anonymous_caller_gets_nothing(api_client, year):
    assert_error_shape(api_client.get(YEARS), 401, "not_authenticated")


def test_a_year_in_detail(api, year, corporations, coordinator):
    services.stocks_replace(
        contingent_year=year,
        stocks=[{"corporation": corporations[0], "dwellings": 10}],
        key_source="Bron",
        by=coordinator,
    )
    PlacementFactory(proposal__dwelling__corporation=corporations[0])
    body = api.get(f"{YEARS}{year.pk}/").json()
    assert body["version"] == 2
    assert body["stocks"] == [
        {
            "corporation": corporations[0].pk,
            "corporation_name": corporations[0].name,
            "dwellings": 10,
        }
    ]
    assert {(t["stream"], t["computed"], t["target"]) for t in body["targets"]} == {
        ("outflow", 200, 200),
        ("prevention", 50, 50),
    }
    assert body["streams"][0] == {
        "stream": "outflow",
        "target": 200,
        "assigned": 200,
        "realised": 1,
    }
    realised = {(r["corporation"], r["stream"]): r["realised"] for r in body["realised"]}
    assert realised[(corporations[0].pk, "outflow")] == 1


def test_others_get_no_realised_counts(make_member, api_login, year, corporations):
    PlacementFactory(proposal__dwelling__corporation=corporations[0])
    body = api_login(make_member(Role.POLICY_OFFICER)).get(f"{YEARS}{year.pk}/").json()
    assert body["realised"] == []
    assert [s["realised"] for s in body["streams"]] == [None, None]


def test_filter_years(api, region):
    ContingentYearFactory(region=region, year=2024)
    ContingentYearFactory(region=region, year=2025)
    body = api.get(YEARS, {"year": 2024}).json()
    assert [row["year"] for row in body["results"]] == [2024]


def test_the_year_list_has_a_fixed_number_of_queries(api, region, django_assert_max_num_queries):
    ContingentYearFactory(region=region, year=2010)
    with django_assert_max_num_queries(20) as one:
        api.get(YEARS)
    for year in range(2011, 2020):
        ContingentYearFactory(region=region, year=year)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert api.get(YEARS).json()["count"] == 10


# --- The year ------------------------------------------------------------------------------------


def test_create_a_year(api, region):
    body = {"year": 2027, "total": 30, "outflow_target": 20, "prevention_target": 10}
    response = api.post(YEARS, {**body, "evaluation_months": [6, 12]}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["evaluation_months"] == [6, 12]
    assert ContingentYear.objects.filter(region=region, year=2027).exists()


def test_targets_that_do_not_add_up_are_refused(api):
    body = {"year": 2027, "total": 30, "outflow_target": 20, "prevention_target": 5}
    error = assert_error_shape(api.post(YEARS, body, format="json"), 400, "invalid")
    assert "not to the total of 30" in error["fields"]["total"][0]
    assert not ContingentYear.objects.filter(year=2027).exists()


def test_a_year_twice_is_refused(api, year):
    body = {"year": year.year, "total": 2, "outflow_target": 1, "prevention_target": 1}
    error = assert_error_shape(api.post(YEARS, body, format="json"), 400, "invalid")
    assert error["fields"] == {"year": ["There is already a contingent for this year."]}


def test_change_a_year_with_its_version(api, year):
    response = api.patch(f"{YEARS}{year.pk}/", {"version": 1, "review_days": 3}, format="json")
    assert response.status_code == 200
    assert (response.json()["review_days"], response.json()["version"]) == (3, 2)
    stale = api.patch(f"{YEARS}{year.pk}/", {"version": 1, "review_days": 4}, format="json")
    assert_error_shape(stale, 409, "stale")


def test_a_change_without_version_is_refused(api, year):
    error = assert_error_shape(api.patch(f"{YEARS}{year.pk}/", {"review_days": 3}), 400, "invalid")
    assert "version" in error["fields"]


def test_a_year_of_another_region_is_not_found(api, year):
    other = ContingentYear.objects.create(
        region=Region.objects.create(name="Elders", slug="elders"),
        year=2025,
        total=2,
        outflow_target=1,
        prevention_target=1,
    )
    assert_error_shape(api.get(f"{YEARS}{other.pk}/"), 404, "not_found")
    assert_error_shape(api.patch(f"{YEARS}{other.pk}/", {"version": 1}), 404, "not_found")


# --- The key, the targets, the spread, the criteria ----------------------------------------------


def test_replace_the_key(api, year, corporations):
    response = api.put(f"{YEARS}{year.pk}/stocks/", stocks_body(corporations), format="json")
    assert response.status_code == 200, response.json()
    targets = response.json()["targets"]
    assert sum(t["target"] for t in targets if t["stream"] == "outflow") == 200
    assert sum(t["target"] for t in targets if t["stream"] == "prevention") == 50
    assert response.json()["key_source"] == "Fictieve bron"


def test_a_corporation_of_the_key_must_exist_in_the_region(api, year, make_member):
    provider = make_member(Role.CARE_WORKER).active_memberships[0].organisation
    body = {
        "key_source": "x",
        "stocks": [{"corporation": provider.pk, "dwellings": 4}],
        "version": 1,
    }
    error = assert_error_shape(
        api.put(f"{YEARS}{year.pk}/stocks/", body, format="json"), 400, "invalid"
    )
    assert "stocks.0.corporation" in error["fields"]


def test_change_targets_with_reasons(api, year, corporations):
    api.put(f"{YEARS}{year.pk}/stocks/", stocks_body(corporations[:2]), format="json")
    a, b = corporations[:2]
    current = {
        (t.corporation_id, t.stream): t.target
        for t in CorporationTarget.objects.filter(contingent_year=year)
    }
    body = {
        "version": 2,
        "targets": [
            {
                "corporation": a.pk,
                "stream": "outflow",
                "target": current[(a.pk, "outflow")] + 1,
                "change_reason": "Ruil",
            },
            {
                "corporation": b.pk,
                "stream": "outflow",
                "target": current[(b.pk, "outflow")] - 1,
                "change_reason": "Ruil",
            },
        ],
    }
    response = api.put(f"{YEARS}{year.pk}/targets/", body, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["version"] == 3

    body["targets"][1]["target"] += 5
    body["version"] = 3
    error = assert_error_shape(
        api.put(f"{YEARS}{year.pk}/targets/", body, format="json"), 400, "invalid"
    )
    assert "target of 200" in error["fields"]["targets"][0]

    recompute = api.put(
        f"{YEARS}{year.pk}/stocks/", stocks_body(corporations[:2], 3), format="json"
    )
    assert_error_shape(recompute, 409, "confirm_recompute")
    confirmed = stocks_body(corporations[:2], 3, confirm_recompute=True)
    assert api.put(f"{YEARS}{year.pk}/stocks/", confirmed, format="json").status_code == 200


def test_a_stale_key_is_refused(api, year, corporations):
    body = stocks_body(corporations, version=7)
    assert_error_shape(api.put(f"{YEARS}{year.pk}/stocks/", body, format="json"), 409, "stale")
    del body["version"]
    error = assert_error_shape(
        api.put(f"{YEARS}{year.pk}/stocks/", body, format="json"), 400, "invalid"
    )
    assert "version" in error["fields"]


def test_replace_the_spread(api, year):
    body = {"targets": [{"municipality": "GM0546", "target": 25}], "version": 1}
    response = api.put(f"{YEARS}{year.pk}/spread-targets/", body, format="json")
    assert response.status_code == 200
    assert response.json()["spread_targets"] == [{"municipality": "GM0546", "target": 25}]
    unknown = {"targets": [{"municipality": "GM9999", "target": 1}], "version": 2}
    error = assert_error_shape(
        api.put(f"{YEARS}{year.pk}/spread-targets/", unknown, format="json"), 400, "invalid"
    )
    assert "targets.0.municipality" in error["fields"]


def test_replace_a_checklist(api, year):
    body = {
        "stream": "prevention",
        "texts": ["Ambulante begeleiding", "Huurschuld geregeld"],
        "version": 1,
    }
    response = api.put(f"{YEARS}{year.pk}/criteria/", body, format="json")
    assert response.status_code == 200
    assert [c["text"] for c in response.json()["criteria"]] == body["texts"]


def test_a_ticked_criterion_cannot_be_removed(api, year, coordinator):
    [ticked] = services.criteria_replace(
        contingent_year=year, stream="outflow", texts=["Woonvaardig"], by=coordinator
    )
    NominationFactory(contingent_year=year).criteria_met.add(ticked)
    body = {"stream": "outflow", "texts": [], "version": 2}
    error = assert_error_shape(
        api.put(f"{YEARS}{year.pk}/criteria/", body, format="json"), 409, "criterion_in_use"
    )
    assert "Woonvaardig" in error["message"]
    assert EligibilityCriterion.objects.filter(pk=ticked.pk).exists()


# --- Reasons to decline --------------------------------------------------------------------------


def test_create_change_and_filter_decline_reasons(api, region):
    DeclineReasonFactory(label="Voor beide", party="both")
    response = api.post(
        REASONS, {"label": "Te duur", "party": "provider", "is_valid": False}, format="json"
    )
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    changed = api.patch(f"{REASONS}{pk}/", {"is_active": False}, format="json")
    assert changed.json()["is_active"] is False
    for_corporation = api.get(REASONS, {"party": "corporation"}).json()["results"]
    assert [r["label"] for r in for_corporation] == ["Voor beide"]
    active = api.get(REASONS, {"is_active": True}).json()["results"]
    assert [r["label"] for r in active] == ["Voor beide"]


def test_a_decline_reason_twice_is_refused(api, region):
    DeclineReasonFactory(label="Dubbel")
    error = assert_error_shape(
        api.post(REASONS, {"label": "Dubbel", "party": "both"}, format="json"), 400, "invalid"
    )
    assert error["fields"] == {"label": ["This reason is already on the list."]}
