"""The contingent scheme in the management screens: read-only, scoped like the pages, and without
the client's name or date of birth."""

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.contingent.models import Client, Nomination
from onderdak.region.models import Organisation, OrganisationKind, Region
from tests.contingent.factories import (
    ContingentYearFactory,
    DeclineReasonFactory,
    NominationFactory,
    PlacementFactory,
)

CONTINGENT_MODELS = list(apps.get_app_config("contingent").get_models())
REFERENCE = ["contingentyear", "corporationstock", "corporationtarget", "spreadtarget"]
REFERENCE += ["eligibilitycriterion", "declinereason", "affordabilitylimit", "allocationrun"]
CASES = ["client", "nomination", "excludedmunicipality", "nominationdocument", "dwelling"]
CASES += ["proposal", "placement", "evaluation"]


def changelist(model: str) -> str:
    return reverse(f"admin:contingent_{model}_changelist")


@pytest.fixture
def coordinator(make_member, login):
    return login(make_member(Role.REGIONAL_COORDINATOR))


@pytest.fixture
def administrator(make_member, login):
    return login(make_member(Role.ADMINISTRATOR))


def test_every_contingent_model_is_registered():
    assert {m for m in CONTINGENT_MODELS if not admin.site.is_registered(m)} == set()
    assert len(CONTINGENT_MODELS) == len(REFERENCE + CASES)


@pytest.mark.parametrize("model", REFERENCE + CASES)
def test_the_coordinator_reads_every_model_and_changes_nothing(coordinator, model):
    assert coordinator.get(changelist(model)).status_code == 200
    assert coordinator.get(reverse(f"admin:contingent_{model}_add")).status_code == 403


@pytest.mark.parametrize("model", REFERENCE)
def test_the_administrator_reads_the_reference_data(administrator, model):
    assert administrator.get(changelist(model)).status_code == 200


@pytest.mark.parametrize("model", CASES)
def test_the_administrator_reads_no_cases(administrator, model):
    assert administrator.get(changelist(model)).status_code == 403


def test_a_year_opens_read_only(coordinator, region):
    year = ContingentYearFactory(region=region)
    url = reverse("admin:contingent_contingentyear_change", args=[year.pk])
    page = coordinator.get(url)
    assert page.status_code == 200
    assert not page.context["has_change_permission"]
    data = {"total": 1, "outflow_target": 1, "prevention_target": 0}
    assert coordinator.post(url, data).status_code == 403
    delete = reverse("admin:contingent_contingentyear_delete", args=[year.pk])
    assert coordinator.get(delete).status_code == 403
    year.refresh_from_db()
    assert year.total == 250


def test_reasons_to_decline_are_listed(coordinator, region):
    DeclineReasonFactory(label="Te ver van het netwerk")
    assert "Te ver van het netwerk" in coordinator.get(changelist("declinereason")).content.decode()


def test_no_name_or_date_of_birth_and_the_read_is_logged(coordinator, region):
    placement = PlacementFactory()
    client = placement.nomination.client
    pages = [
        changelist("client"),
        changelist("nomination"),
        changelist("placement"),
        reverse("admin:contingent_client_change", args=[client.pk]),
        reverse("admin:contingent_nomination_change", args=[placement.nomination.pk]),
        reverse("admin:contingent_placement_change", args=[placement.pk]),
        reverse("admin:contingent_client_history", args=[client.pk]),
    ]
    for url in pages:
        page = coordinator.get(url)
        assert page.status_code == 200
        text = page.content.decode()
        assert client.name not in text
        assert "17-05-1990" not in text
        assert "1990-05-17" not in text
    reads = LogEntry.objects.filter(action=LogEntry.Action.ACCESS)
    [read] = reads.filter(content_type__model="client", object_pk=str(client.pk))
    assert client.name not in read.object_repr
    assert reads.filter(content_type__model="nomination").count() == 1


def test_another_regions_cases_and_others_cases_stay_out(make_member, login, region):
    NominationFactory()
    worker = login(make_member(Role.CARE_WORKER))
    assert worker.get(changelist("nomination")).status_code == 302  # no management screens
    coordinator = make_member(Role.REGIONAL_COORDINATOR)
    other = Region.objects.create(name="Elders", slug="elders")
    team = Organisation.objects.create(
        region=other, kind=OrganisationKind.REGIONAL_BODY, name="Regioteam Elders"
    )
    coordinator.memberships.update(organisation=team)
    page = login(coordinator).get(changelist("nomination"))
    assert page.status_code == 200
    assert page.context["cl"].result_count == 0
    assert Nomination.objects.count() == 1
    assert Client.objects.count() == 1
