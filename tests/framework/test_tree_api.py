"""The framework API: the same services and rights as the pages."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from onderdak.accounts.models import Role
from onderdak.framework.models import Action
from tests.conftest import verify_second_factor
from tests.framework.tree_data import example_ambition, example_framework, put_version

pytestmark = pytest.mark.usefixtures("policy_domains")
ATTACK = '<p>Goed<script>alert(1)</script><img src=x onerror="alert(2)"></p>'


@pytest.fixture
def leader_api(region, make_member, api_login):
    return api_login(make_member(Role.POLICY_OFFICER))


def test_actions_are_made_through_the_service(region, leader_api):
    ambition = example_ambition()
    url = reverse("framework-action-list")
    refused = leader_api.post(
        url,
        {"ambition": ambition.pk, "title": "X", "level": "local", "owned_by_region": True},
        format="json",
    )
    assert refused.status_code == 400
    assert "owner" in refused.json()["fields"]
    made = leader_api.post(
        url,
        {
            "ambition": ambition.pk,
            "title": "Regionaal",
            "level": "regional",
            "owned_by_region": True,
            "description": ATTACK,
        },
        format="json",
    )
    assert made.status_code == 201, made.json()
    assert made.json()["description"] == "<p>Goed</p>"
    listed = leader_api.get(url, {"framework": ambition.theme.framework_id, "level": "regional"})
    assert {a["title"] for a in listed.json()["results"]} == {"Regionaal", "Lokaal loket!"}


def test_no_stored_xss_comes_back_from_the_api(region, leader_api):
    framework = example_framework()
    leader_api.patch(
        reverse("framework-detail", args=[framework.pk]), {"vision": ATTACK}, format="json"
    )
    for name in ("framework-detail", "framework-tree"):
        body = leader_api.get(reverse(name, args=[framework.pk])).content.decode()
        assert "<script" not in body
        assert "alert(1)" not in body
        assert "onerror" not in body


def test_the_matrix_flags_the_double_claim(region, leader_api):
    framework = example_framework()
    matrix = leader_api.get(reverse("framework-matrix", args=[framework.pk])).json()
    [group] = matrix["claimed_twice"]
    titles = set(Action.objects.filter(pk__in=group).values_list("title", flat=True))
    assert titles == {"Lokaal loket", "Lokaal loket!"}
    assert set(matrix["rows"][0]["cells"]) == {"local", "subregional", "regional", ""}


def test_versions_for_governance_and_their_steps(region, make_member, leader_api):
    version = put_version()
    reader = APIClient()
    verify_second_factor(reader, make_member(Role.GOVERNANCE_READER))
    listed = reader.get(reverse("framework-version-list")).json()["results"]
    assert [v["id"] for v in listed] == [version.pk]
    assert reader.get(reverse("framework-tree", args=[version.framework_id])).status_code == 403
    step = reverse("framework-version-propose", args=[version.pk])
    stale = leader_api.post(step, {"expected_version": version.version + 5}, format="json")
    assert stale.status_code == 409
    done = leader_api.post(step, {"expected_version": version.version}, format="json")
    assert done.json()["status"] == "proposed"
    again = leader_api.post(reverse("framework-version-consult", args=[version.pk]), format="json")
    assert again.status_code == 409


def test_filters_and_a_refused_period(region, leader_api):
    framework = example_framework()
    own = leader_api.get(
        reverse("framework-action-list"),
        {"framework": framework.pk, "owner_municipality": "GM0484"},
    ).json()["results"]
    assert [a["title"] for a in own] == ["Lokaal loket"]
    refused = leader_api.patch(
        reverse("framework-detail", args=[framework.pk]), {"first_year": 2028}, format="json"
    )
    assert refused.status_code == 400
    assert "first_year" in refused.json()["fields"]
    made = leader_api.post(
        reverse("framework-version-list"),
        {"framework": framework.pk, "label": "API"},
        format="json",
    )
    assert (made.status_code, made.json()["number"], made.json()["status"]) == (201, 3, "draft")
    assert made.json()["content"]["themes"][0]["ambitions"][0]["actions"]
