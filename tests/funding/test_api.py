"""Funding API: writes through the services, the one error shape, region scoping, exact amounts,
the audit trail, and query counts that do not grow with the data.

Who may call what is in the rights table, ``tests/test_rights.py``.
"""

import re
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.funding import services
from onderdak.funding.models import BudgetLine, FundingScenario, KeyShare
from onderdak.region.models import Region
from tests.funding.helpers import SOURCE, key_shares_payload

SHAPE = {"code", "message", "fields"}
MONEY = re.compile(r"^-?\d+\.\d\d$")


@pytest.fixture
def policy(region, make_member, api_login):
    return api_login(make_member(Role.POLICY_OFFICER))


@pytest.fixture
def reader(region, make_member, api_login):
    return api_login(make_member(Role.GOVERNANCE_READER))


def url(name: str, *args, **kwargs) -> str:
    return reverse(f"funding-scenario-{name}", args=args, kwargs=kwargs or None)


def key_url(scenario, kind="historical") -> str:
    return url("key-shares", pk=scenario.pk, kind=kind)


def assert_error(response, status: int, field: str | None = None) -> dict:
    assert response.status_code == status, response.content[:300]
    body = response.json()
    assert set(body) == SHAPE
    if field:
        assert field in body["fields"], body
    return body


# --- Scenarios -----------------------------------------------------------------------------------


def test_create_records_who_made_it(policy, region):
    body = {"name": "Nieuw", "first_year": 2026, "last_year": 2031, "cap_percent": "5"}
    response = policy.post(url("list"), body, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["created_by"].startswith("user")
    assert (data["phase_in_start_year"], data["cap_percent"], data["is_demo"]) == (
        2026,
        "5.00",
        False,
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param({"last_year": 2060}, "last_year", id="more-than-30-years"),
        pytest.param({"last_year": 2020}, "last_year", id="ends-before-start"),
        pytest.param({"first_year": 1900}, "first_year", id="year-out-of-bounds"),
        pytest.param({"name": "x" * 151}, "name", id="name-too-long"),
        pytest.param({"name": "Scenario A"}, "name", id="duplicate-name"),
        pytest.param({"cap_percent": "0"}, "cap_percent", id="cap-zero"),
        pytest.param({"solidarity_population_weight": "2"}, "solidarity_population_weight"),
        pytest.param({"objective_method": "guess"}, "objective_method", id="unknown-method"),
    ],
)
def test_create_refuses_bad_input(policy, scenario, body, field):
    before = FundingScenario.objects.count()
    payload = {"name": "Nieuw", "first_year": 2026, "last_year": 2031} | body
    assert_error(policy.post(url("list"), payload, format="json"), 400, field)
    assert FundingScenario.objects.count() == before


def test_update_and_delete(policy, scenario):
    response = policy.patch(url("detail", scenario.pk), {"phase_in_years": 10}, format="json")
    assert response.json()["phase_in_years"] == 10
    assert policy.delete(url("detail", scenario.pk)).status_code == 204
    assert not FundingScenario.objects.filter(pk=scenario.pk).exists()


def test_copy_takes_the_inputs(policy, scenario):
    response = policy.post(url("copy", scenario.pk), {"name": "Variant B"}, format="json")
    assert response.status_code == 201
    copy = FundingScenario.objects.get(pk=response.json()["id"])
    assert copy.key_shares.count() == scenario.key_shares.count() == 26


def test_copy_refuses_a_taken_name(policy, scenario):
    assert_error(policy.post(url("copy", scenario.pk), {"name": scenario.name}), 400, "name")


def test_detail_shows_every_input_with_its_source(reader, scenario):
    data = reader.get(url("detail", scenario.pk)).json()
    assert len(data["budget_lines"]) == 12
    assert data["budget_lines"][0]["source"] == SOURCE
    assert {share["kind"] for share in data["key_shares"]} == {"historical", "objective"}
    assert data["planned_costs"][0]["municipality"].startswith("GM")
    assert data["subregional_pools"][0]["subregion"] in {
        "leidse-regio",
        "duin-en-bollenstreek",
        "rijnstreek",
    }


def test_lists_and_details_hold_only_the_own_region(reader, scenario):
    elsewhere = Region.objects.create(name="Elders", slug="elders")
    other = services.scenario_create(region=elsewhere, name="Daar", first_year=2026, last_year=2027)
    names = [item["name"] for item in reader.get(url("list")).json()["results"]]
    assert names == [scenario.name]
    assert_error(reader.get(url("detail", other.pk)), 404)
    assert_error(reader.get(url("compare"), {"a": scenario.pk, "b": other.pk}), 404)


def test_list_filters_by_name(reader, make_scenario):
    make_scenario("Vijf jaar")
    make_scenario("Tien jaar")
    results = reader.get(url("list"), {"name": "tien"}).json()["results"]
    assert [item["name"] for item in results] == ["Tien jaar"]


# --- Inputs --------------------------------------------------------------------------------------


def test_a_key_that_does_not_add_up_is_refused_and_nothing_changes(policy, scenario):
    before = list(KeyShare.objects.order_by("pk").values_list("pk", flat=True))
    payload = key_shares_payload()
    payload["shares"][0]["share_percent"] = "50"
    body = assert_error(policy.put(key_url(scenario), payload, format="json"), 400, "shares")
    assert "%" in body["fields"]["shares"][0]
    assert list(KeyShare.objects.order_by("pk").values_list("pk", flat=True)) == before


@pytest.mark.parametrize(
    ("change", "field"),
    [
        pytest.param({"municipality": "GM9999"}, "shares.0.municipality", id="unknown-code"),
        pytest.param({"share_percent": "-1"}, "shares.0.share_percent", id="negative"),
        pytest.param({"share_percent": "abc"}, "shares.0.share_percent", id="not-a-number"),
        pytest.param({"municipality": "GM0546"}, "shares", id="named-twice"),
    ],
)
def test_bad_key_shares_are_refused(policy, scenario, change, field):
    payload = key_shares_payload()
    payload["shares"][0].update(change)
    assert_error(policy.put(key_url(scenario), payload, format="json"), 400, field)


def test_a_key_of_an_unknown_kind_is_not_found(policy, scenario):
    response = policy.put(f"/api/v1/funding-scenarios/{scenario.pk}/key-shares/guess/", {})
    assert_error(response, 404)


def test_a_key_is_replaced(policy, scenario, municipalities):
    response = policy.put(key_url(scenario, "use"), key_shares_payload(), format="json")
    assert response.status_code == 200, response.content
    assert len(response.json()["shares"]) == 13
    assert scenario.key_shares.filter(kind="use").count() == 13


@pytest.mark.parametrize(
    ("line", "field"),
    [
        pytest.param({"amount": "-1.00"}, "lines.0.amount", id="negative"),
        pytest.param({"amount": "1.001"}, "lines.0.amount", id="below-a-cent"),
        pytest.param({"year": 2040}, "lines.0.year", id="outside-the-scenario"),
        pytest.param({"source": ""}, "lines.0.source", id="no-source"),
        pytest.param({"source": "x" * 501}, "lines.0.source", id="source-too-long"),
    ],
)
def test_bad_budget_lines_are_refused_and_nothing_changes(policy, scenario, line, field):
    before = BudgetLine.objects.count()
    good = {"year": 2026, "funding_source": "DU MO", "amount": "1.00", "source": SOURCE}
    response = policy.put(url("budget-lines", scenario.pk), {"lines": [good | line]}, format="json")
    assert_error(response, 400, field)
    assert BudgetLine.objects.count() == before


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("regional-costs", {"costs": [{"year": 2026, "amount": "1.00", "source": SOURCE}]}),
        (
            "subregional-pools",
            {
                "pools": [
                    {"subregion": "rijnstreek", "year": 2026, "amount": "1.00", "source": SOURCE}
                ]
            },
        ),
        (
            "planned-costs",
            {
                "costs": [
                    {"municipality": "GM0546", "year": 2026, "amount": "1.00", "source": SOURCE}
                ]
            },
        ),
        ("phase-in-steps", {"steps": [{"year": 2027, "objective_weight": "1"}]}),
        (
            "indicator-weights",
            {"weights": [{"indicator": "population", "weight": "1", "explanation": "Inwoners"}]},
        ),
    ],
)
def test_inputs_are_replaced_and_echoed(policy, scenario, name, body):
    response = policy.put(url(name, scenario.pk), body, format="json")
    assert response.status_code == 200, response.content
    ((key, items),) = body.items()
    assert response.json() == {key: [item | _stored(item) for item in items]}


def _stored(item: dict) -> dict:
    """Decimals come back with their stored number of places."""
    places = {"amount": 2, "objective_weight": 4, "weight": 4}
    return {k: f"{Decimal(v):.{places[k]}f}" for k, v in item.items() if k in places}


# --- Result and comparison -----------------------------------------------------------------------


def test_result_gives_exact_amounts_as_strings(reader, scenario):
    data = reader.get(url("result", scenario.pk)).json()
    assert len(data["rows"]) == 6 * 13
    row = data["rows"][0]
    assert row["municipality"] == "Alphen aan den Rijn"
    for field in ("allocation", "regional_contribution", "planned_costs", "balance"):
        assert MONEY.match(row[field]), row
    regions = [total for total in data["totals"] if total["scope"] == "region"]
    assert [total["allocation"] for total in regions] == ["42000000.01"] * 6
    assert data["conflicts"] == []


def test_result_of_an_incomplete_scenario_says_what_is_missing(reader, region):
    scenario = services.scenario_create(region=region, name="Leeg", first_year=2026, last_year=2027)
    body = assert_error(reader.get(url("result", scenario.pk)), 400, "historical")
    assert body["code"] == "incomplete"


def test_compare_two_scenarios(reader, scenario):
    slower = services.scenario_copy(scenario=scenario, name="Tien jaar", phase_in_years=10)
    data = reader.get(url("compare"), {"a": scenario.pk, "b": slower.pk}).json()
    assert (data["a"], data["b"], len(data["rows"])) == (scenario.pk, slower.pk, 6 * 13)
    row = data["rows"][0]
    assert Decimal(row["difference"]) == Decimal(row["allocation_b"]) - Decimal(row["allocation_a"])


def test_compare_needs_two_scenarios(reader, scenario):
    assert_error(reader.get(url("compare"), {"a": scenario.pk}), 400, "b")


# --- Audit trail ---------------------------------------------------------------------------------


def test_api_writes_are_in_the_audit_trail_with_the_actor(region, make_member, api_login, scenario):
    officer = make_member(Role.POLICY_OFFICER)
    client = api_login(officer)
    response = client.put(key_url(scenario), key_shares_payload(), format="json")
    assert response.status_code == 200
    share = scenario.key_shares.filter(kind="historical").first()
    entry = LogEntry.objects.get_for_object(share).get(action=LogEntry.Action.CREATE)
    assert entry.actor == officer
    assert entry.changes_dict["source"] == [None, SOURCE]
    removed = LogEntry.objects.filter(action=LogEntry.Action.DELETE, actor=officer)
    assert removed.count() == 13  # the key it replaced


# --- Query counts --------------------------------------------------------------------------------


def queries(client, path: str) -> int:
    """Queries of one request, after a warm-up request (per-process caches)."""
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_list_queries_do_not_grow_with_the_scenarios(reader, region):
    services.scenario_create(region=region, name="Eén", first_year=2026, last_year=2031)
    one = queries(reader, url("list"))
    for i in range(10):
        services.scenario_create(region=region, name=f"S{i}", first_year=2026, last_year=2045)
    assert queries(reader, url("list")) == one


def test_detail_and_result_queries_do_not_grow_with_the_years(reader, make_scenario):
    short, long = (
        make_scenario("Twee jaar", last_year=2027),
        make_scenario("Twintig", last_year=2045),
    )
    for name in ("detail", "result"):
        assert queries(reader, url(name, short.pk)) == queries(reader, url(name, long.pk))
