"""The project plan's pages: the Gantt-like view with its table, the Excel download, a form
refusing a phase that ends before it starts, a fixed number of queries."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.framework.models import Milestone, ProjectPhase
from tests.capacity.in_english import english  # noqa: F401
from tests.framework.process_counts import queries
from tests.framework.process_data import example_framework

pytestmark = pytest.mark.usefixtures("policy_domains", "english")


@pytest.fixture
def leader_client(region, make_member, login):
    return login(make_member(Role.POLICY_OFFICER))


def test_the_plan_draws_phases_and_milestones_with_a_table(leader_client):
    framework = example_framework()
    page = leader_client.get(reverse("framework:project_plan", args=[framework.pk]))
    chart = page.context["chart"]
    assert [head for head, _ in chart.table.rows] == ["Verkennen", "Schrijven", "Startnotitie"]
    assert (len(chart.bars), len(chart.marks)) == (2, 1)
    assert chart.month_labels[0].text == "Feb 2025"


def test_the_plan_as_excel(leader_client):
    framework = example_framework()
    response = leader_client.get(reverse("framework:project_export", args=[framework.pk]))
    book = load_workbook(io.BytesIO(response.content))
    phases = [row[0] for row in book.worksheets[0].iter_rows(values_only=True)]
    assert "Verkennen" in phases


def test_a_phase_that_ends_before_it_starts_is_refused(leader_client):
    framework = example_framework()
    response = leader_client.post(
        reverse("framework:phase_create", args=[framework.pk]),
        {"name": "Omgekeerd", "starts_on": "2025-05-01", "ends_on": "2025-04-01"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not framework.phases.filter(name="Omgekeerd").exists()


def test_the_plan_takes_the_same_queries_with_more_data(leader_client):
    framework = example_framework()
    url = reverse("framework:project_plan", args=[framework.pk])
    small = queries(leader_client, url)
    day = datetime.date(2025, 6, 1)
    ProjectPhase.objects.bulk_create(
        ProjectPhase(framework=framework, name=f"Fase {n}", starts_on=day, ends_on=day)
        for n in range(20)
    )
    Milestone.objects.bulk_create(
        Milestone(framework=framework, name=f"Mijlpaal {n}", due_on=day) for n in range(20)
    )
    assert queries(leader_client, url) == small
