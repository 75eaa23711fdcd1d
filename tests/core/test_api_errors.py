"""One error shape for every API error, in the request's language, and never a partial write."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.region.models import Organisation

SHAPE = {"code", "message", "fields"}


@pytest.fixture
def coordinator_api(region, make_member, api_login):
    return api_login(make_member(Role.REGIONAL_COORDINATOR))


def organisations_url():
    return reverse("organisation-list")


BAD_BODIES = [
    pytest.param({"kind": "care_provider"}, "name", id="missing-name"),
    pytest.param({"name": "x" * 151, "kind": "care_provider"}, "name", id="too-long"),
    pytest.param({"name": "Ok", "kind": "bakery"}, "kind", id="unknown-choice"),
    pytest.param({"name": ["a"], "kind": "care_provider"}, "name", id="wrong-type"),
    pytest.param(
        {"name": "Ok", "kind": "care_provider", "is_active": "maybe"},
        "is_active",
        id="wrong-boolean",
    ),
    pytest.param(
        {"name": "Ok", "kind": "care_provider", "municipality": "GM9999"},
        "municipality",
        id="unknown-municipality",
    ),
    pytest.param(
        {"name": "Ok", "kind": "care_provider", "website": "nope"}, "website", id="bad-url"
    ),
    pytest.param({"name": "De Brug", "kind": "care_provider"}, "non_field_errors", id="duplicate"),
]


@pytest.mark.parametrize(("body", "field"), BAD_BODIES)
def test_bad_input_gives_400_with_field_errors_and_writes_nothing(coordinator_api, body, field):
    before = Organisation.objects.count()
    response = coordinator_api.post(organisations_url(), body, format="json")
    assert response.status_code == 400
    assert set(response.json()) == SHAPE
    assert field in response.json()["fields"]
    assert Organisation.objects.count() == before


def test_malformed_json_gives_400_parse_error(coordinator_api):
    response = coordinator_api.post(
        organisations_url(), '{"name": "x"', content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_unsupported_media_type_gives_415(coordinator_api):
    response = coordinator_api.post(organisations_url(), "name=x", content_type="text/plain")
    assert response.status_code == 415
    assert set(response.json()) == SHAPE


@pytest.mark.parametrize(
    "url",
    ["/api/v1/organisations/999999/", "/api/v1/municipalities/GM9999/", "/api/v1/nothing/"],
)
def test_unknown_ids_and_paths_give_404_in_the_shape(coordinator_api, url):
    response = coordinator_api.get(url)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_wrong_method_gives_405(coordinator_api):
    response = coordinator_api.delete(reverse("organisation-detail", args=[1]))
    assert response.status_code == 405
    assert set(response.json()) == SHAPE


def test_unauthenticated_gives_401_and_forbidden_gives_403(
    region, make_member, api_client, api_login
):
    assert api_client.get(organisations_url()).json()["code"] == "not_authenticated"
    reader = api_login(make_member(Role.GOVERNANCE_READER))
    response = reader.post(organisations_url(), {"name": "x", "kind": "care_provider"})
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_bad_filter_value_gives_400(coordinator_api):
    response = coordinator_api.get(organisations_url(), {"kind": "bakery"})
    assert response.status_code == 400
    assert "kind" in response.json()["fields"]


@pytest.mark.parametrize(("language", "word"), [("nl", "ongeldig"), ("en", "not valid")])
def test_messages_are_in_the_requests_language(coordinator_api, language, word):
    response = coordinator_api.post(
        organisations_url(),
        {"kind": "care_provider"},
        format="json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert word in response.json()["message"].lower()


def test_a_municipality_outside_the_region_is_refused(coordinator_api, region):
    from onderdak.region.models import Municipality, Region, Subregion

    other = Region.objects.create(name="Elders", slug="elders")
    subregion = Subregion.objects.create(region=other, name="Zuid", slug="zuid", colour="#000000")
    Municipality.objects.create(region=other, subregion=subregion, cbs_code="GM0999", name="Ver")
    response = coordinator_api.post(
        organisations_url(),
        {"name": "Buiten", "kind": "care_provider", "municipality": "GM0999"},
        format="json",
    )
    assert response.status_code == 400
    assert "municipality" in response.json()["fields"]


def test_population_figure_bad_input(coordinator_api):
    url = reverse("municipality-population-figures", args=["GM0546"])
    response = coordinator_api.post(
        url, {"reference_date": "2025-13-01", "population": -5, "source_url": "x"}, format="json"
    )
    assert response.status_code == 400
    assert {"reference_date", "population", "source_url"} <= set(response.json()["fields"])
