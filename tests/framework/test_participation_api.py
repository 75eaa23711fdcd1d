"""The participation and input API: a level outside the ladder refused with its message, the
``unanswered`` filter, a response through the service, texts stored clean."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.framework.models import ResponseKind
from tests.capacity.in_english import english  # noqa: F401
from tests.framework.process_data import (
    example_framework,
    example_item,
    example_phase,
    example_stakeholder,
)

pytestmark = pytest.mark.usefixtures("policy_domains", "english")


@pytest.fixture
def leader_api(region, make_member, api_login):
    return api_login(make_member(Role.POLICY_OFFICER))


def test_a_level_outside_the_ladder_is_refused(leader_api):
    url = reverse("framework-stakeholder-levels", args=[example_stakeholder().pk])
    body = {"levels": [{"phase": example_phase().pk, "level": "dictate"}]}
    response = leader_api.put(url, body, format="json")
    assert response.status_code == 400
    assert "ladder" in str(response.json())
    body["levels"][0]["level"] = "coproduce"
    response = leader_api.put(url, body, format="json")
    assert response.json()["levels"] == [{"phase": example_phase().pk, "level": "coproduce"}]


def test_unanswered_input_and_a_response(leader_api):
    framework, item = example_framework(), example_item()
    created = leader_api.post(
        reverse("framework-input-list"),
        {
            "framework": framework.pk,
            "stakeholder": example_stakeholder().pk,
            "received_on": "2025-04-03",
            "text": "<p>Meer<script>x()</script> begeleiding</p>",
        },
        format="json",
    )
    assert created.json()["text"] == "<p>Meer begeleiding</p>"
    listed = leader_api.get(reverse("framework-input-list"), {"unanswered": "true"}).json()
    assert listed["count"] == 2
    answer = leader_api.post(
        reverse("framework-input-respond", args=[item.pk]),
        {"response": "partly", "response_text": "Deels", "response_action": item.action_id},
        format="json",
    )
    assert answer.json()["response"] == ResponseKind.PARTLY
    listed = leader_api.get(reverse("framework-input-list"), {"unanswered": "true"}).json()
    assert listed["count"] == 1


def test_municipality_officers_read_but_do_not_write(region, make_member, api_login):
    client = api_login(make_member(Role.MUNICIPALITY_OFFICER))
    example_framework()
    assert client.get(reverse("framework-input-list")).json()["count"] == 1
    response = client.post(
        reverse("framework-input-respond", args=[example_item().pk]),
        {"response": "noted", "response_text": "x"},
        format="json",
    )
    assert response.status_code == 403
