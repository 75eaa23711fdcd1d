"""The decision route's API: governance readers list the steps of the versions put to them, an
outcome moves the version, a refused outcome says why."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.framework.models import VersionStatus
from onderdak.framework.services import route
from tests.capacity.in_english import english  # noqa: F401
from tests.framework.process_data import draft_version, example_step, leader

pytestmark = pytest.mark.usefixtures("policy_domains", "english")


def test_governance_readers_see_only_steps_of_versions_put_to_them(region, make_member, api_login):
    route.step_create(
        version=draft_version(),
        user=leader(),
        body="directors",
        planned_on=example_step().planned_on,
    )
    client = api_login(make_member(Role.GOVERNANCE_READER))
    steps = client.get(reverse("framework-decision-step-list")).json()["results"]
    assert [s["id"] for s in steps] == [example_step().pk]


def test_an_outcome_without_a_date_is_refused_and_sent_back_reworks(region, make_member, api_login):
    client = api_login(make_member(Role.POLICY_OFFICER))
    step = example_step()
    url = reverse("framework-decision-step-record-outcome", args=[step.pk])
    refused = client.post(url, {"outcome": "agreed"}, format="json")
    assert refused.status_code == 400
    assert "held_on" in str(refused.json())
    done = client.post(url, {"outcome": "sent_back", "held_on": "2025-09-02"}, format="json")
    assert done.json()["outcome"] == "sent_back"
    step.version.refresh_from_db()
    assert step.version.status == VersionStatus.DRAFT
