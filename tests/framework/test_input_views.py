"""The input log's pages: filters (input without a response first of all), a fixed number of
queries with 2,000 items, the Excel download, forms refusing bad input, no stored XSS."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.framework.models import (
    InputItem,
    ResponseKind,
    Stakeholder,
    StakeholderKind,
    StakeholderLevel,
)
from tests.capacity.in_english import english  # noqa: F401
from tests.framework.process_counts import queries
from tests.framework.process_data import example_framework, example_item, example_stakeholder

pytestmark = pytest.mark.usefixtures("policy_domains", "english")


@pytest.fixture
def leader_client(region, make_member, login):
    return login(make_member(Role.POLICY_OFFICER))


def grow(count: int) -> None:
    framework, stakeholder = example_framework(), example_stakeholder()
    InputItem.objects.bulk_create(
        InputItem(
            framework=framework,
            stakeholder=stakeholder,
            session=example_item().session,
            action=example_item().action,
            received_on=datetime.date(2025, 4, 1),
            text=f"<p>Inbreng {n}</p>",
            response=ResponseKind.NOTED if n % 2 else ResponseKind.OPEN,
            response_text="Gezien" if n % 2 else "",
        )
        for n in range(count)
    )


def test_the_log_takes_the_same_queries_with_2000_items(leader_client):
    framework = example_framework()
    url = reverse("framework:input_list", args=[framework.pk])
    filtered = f"{url}?zonder_reactie=on&belanghebbende={example_stakeholder().pk}"
    grow(10)
    small = queries(leader_client, url), queries(leader_client, filtered)
    grow(2000)
    assert (queries(leader_client, url), queries(leader_client, filtered)) == small


def test_without_response_shows_only_open_input(leader_client):
    framework = example_framework()
    grow(3)
    url = reverse("framework:input_list", args=[framework.pk]) + "?zonder_reactie=on"
    items = leader_client.get(url).context["items"]
    assert {i.response for i in items} == {ResponseKind.OPEN}
    assert len(items) == 3  # the example item and two of the three grown


def test_the_download_holds_the_filtered_log_without_markup(leader_client):
    framework = example_framework()
    url = reverse("framework:input_export", args=[framework.pk]) + "?zonder_reactie=on"
    response = leader_client.get(url)
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    texts = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "Meer woningen voor uitstroom." in texts


def test_pasted_scripts_never_reach_the_page(leader_client):
    framework = example_framework()
    response = leader_client.post(
        reverse("framework:input_create", args=[framework.pk]),
        {
            "stakeholder": example_stakeholder().pk,
            "received_on": "2025-04-02",
            "text": '<p>Goed<script>alert("xss")</script></p><img src=x onerror=alert(1)>',
        },
    )
    assert response.status_code == 302
    page = leader_client.get(reverse("framework:input_list", args=[framework.pk]))
    assert b"alert" not in page.content
    assert b"<p>Goed</p>" in page.content


def test_a_response_form_refuses_no_response_and_saves_nothing(leader_client):
    framework, item = example_framework(), example_item()
    url = reverse("framework:input_respond", args=[framework.pk, item.pk])
    response = leader_client.post(url, {"response": "open", "response_text": ""})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"response", "response_text"}
    item.refresh_from_db()
    assert item.response == ResponseKind.OPEN


def test_a_level_outside_the_ladder_is_refused_on_the_form(leader_client):
    framework, stakeholder = example_framework(), example_stakeholder()
    phase = framework.phases.order_by("starts_on").first()
    url = reverse("framework:stakeholder_levels", args=[framework.pk, stakeholder.pk])
    response = leader_client.post(url, {f"phase_{phase.pk}": "dictate"})
    assert response.status_code == 200
    assert "ladder" in response.context["form"].errors[f"phase_{phase.pk}"][0]
    assert stakeholder.levels.get().level == "advise"


def test_participation_page_shows_the_grid(leader_client):
    framework = example_framework()
    response = leader_client.get(reverse("framework:participation", args=[framework.pk]))
    [row] = response.context["rows"]
    assert row.levels == ("advise", None)
    assert [p.name for p in response.context["phases"]] == ["Verkennen", "Schrijven"]


def test_the_participation_page_takes_the_same_queries_with_more_stakeholders(leader_client):
    framework = example_framework()
    url = reverse("framework:participation", args=[framework.pk])
    small = queries(leader_client, url)
    phase = framework.phases.order_by("starts_on").first()
    for n in range(15):
        stakeholder = Stakeholder.objects.create(
            framework=framework, kind=StakeholderKind.RESIDENTS, name=f"Bewoners {n}"
        )
        StakeholderLevel.objects.create(stakeholder=stakeholder, phase=phase, level="inform")
        session = framework.sessions.create(title=f"Sessie {n}", held_on=datetime.date(2025, 4, 1))
        session.participants.add(stakeholder)
    assert queries(leader_client, url) == small
