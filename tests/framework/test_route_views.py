"""The decision route's pages: governance readers see only versions put to them, papers only
through the checked download, the timeline against the period, a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.framework.models import DecisionStep
from onderdak.framework.selectors.route import ASSIGNMENT_PERIOD, route_period
from tests.capacity.in_english import english  # noqa: F401
from tests.framework.factories import FrameworkFactory
from tests.framework.process_counts import queries
from tests.framework.process_data import (
    consulted_version,
    draft_version,
    example_framework,
    example_paper,
)

pytestmark = pytest.mark.usefixtures("policy_domains", "english")


def test_a_governance_reader_sees_only_the_versions_put_to_them(region, make_member, login):
    client = login(make_member(Role.GOVERNANCE_READER))
    framework = example_framework()
    page = client.get(reverse("framework:route", args=[framework.pk]))
    assert [v.pk for v in page.context["versions"]] == [consulted_version().pk]
    draft = reverse("framework:route_version", args=[framework.pk, draft_version().pk])
    assert client.get(draft).status_code == 404
    paper = reverse(
        "framework:paper_download", args=[framework.pk, consulted_version().pk, example_paper().pk]
    )
    response = client.get(paper)
    assert response["Content-Disposition"].startswith('attachment; filename="Voorstel.pdf"')
    assert response["X-Content-Type-Options"] == "nosniff"
    wrong = reverse(
        "framework:paper_download", args=[framework.pk, draft_version().pk, example_paper().pk]
    )
    assert client.get(wrong).status_code == 404


def test_the_timeline_shows_planned_and_held_against_the_plans_period(region, make_member, login):
    client = login(make_member(Role.POLICY_OFFICER))
    framework, version = example_framework(), consulted_version()
    page = client.get(reverse("framework:route_version", args=[framework.pk, version.pk]))
    chart = page.context["chart"]
    assert chart.table.rows[0][1][:2] == ("1 Sep 2025", "\u2013")
    period = page.context["period"]
    assert (period.start, period.end) == (datetime.date(2025, 2, 1), datetime.date(2026, 1, 31))
    assert b'role="img"' in page.content
    assert (route_period(FrameworkFactory()).start, route_period(FrameworkFactory()).end) == (
        ASSIGNMENT_PERIOD
    )


def test_the_route_takes_the_same_queries_with_more_steps(region, make_member, login):
    client = login(make_member(Role.POLICY_OFFICER))
    framework, version = example_framework(), consulted_version()
    urls = [
        reverse("framework:route", args=[framework.pk]),
        reverse("framework:route_version", args=[framework.pk, version.pk]),
    ]
    small = [queries(client, url) for url in urls]
    DecisionStep.objects.bulk_create(
        DecisionStep(
            version=version, position=10 + n, body="council", planned_on=datetime.date(2025, 12, 1)
        )
        for n in range(30)
    )
    assert [queries(client, url) for url in urls] == small


def test_a_step_form_refuses_a_date_before_its_predecessor(region, make_member, login):
    client = login(make_member(Role.POLICY_OFFICER))
    framework, version = example_framework(), consulted_version()
    url = reverse("framework:step_create", args=[framework.pk, version.pk])
    response = client.post(url, {"body": "directors", "planned_on": "2025-08-01"})
    assert response.status_code == 200
    assert "before" in response.context["form"].errors["planned_on"][0]
    assert version.steps.count() == 1
