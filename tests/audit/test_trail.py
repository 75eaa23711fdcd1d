"""The one audit trail: web, API and admin writes, personal-data reads, and append-only storage."""

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, transaction
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.region.models import Organisation
from tests.accounts.helpers import token_client

CREATE, UPDATE, ACCESS = LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.ACCESS


def entries_for(instance, action):
    return LogEntry.objects.get_for_object(instance).filter(action=action)


def test_every_domain_model_is_tracked():
    tracked = {
        (item if isinstance(item, str) else item["model"]).lower()
        for item in settings.AUDITLOG_INCLUDE_TRACKING_MODELS
    }
    domain = {
        model._meta.label_lower
        for app in ("region", "accounts")
        for model in apps.get_app_config(app).get_models()
    }
    assert domain <= tracked


def test_web_write_is_logged_with_actor_and_after_values(region, make_member, login):
    coordinator = make_member(Role.REGIONAL_COORDINATOR)
    login(coordinator).post(
        reverse("region:organisation_create"), {"name": "Via het web", "kind": "care_provider"}
    )
    organisation = Organisation.objects.get(name="Via het web")
    entry = entries_for(organisation, CREATE).get()
    assert entry.actor == coordinator
    assert entry.changes_dict["name"] == [None, "Via het web"]


def test_api_write_with_token_is_logged_with_actor_and_before_after(
    region, make_member, api_client
):
    coordinator = make_member(Role.REGIONAL_COORDINATOR)
    client = token_client(api_client, coordinator)
    organisation = Organisation.objects.get(name="Portaal")
    response = client.patch(
        reverse("organisation-detail", args=[organisation.pk]),
        {"website": "https://www.portaal.nl"},
        format="json",
    )
    assert response.status_code == 200
    entry = entries_for(organisation, UPDATE).get()
    assert entry.actor == coordinator
    assert entry.changes_dict["website"] == ["", "https://www.portaal.nl"]


def test_admin_write_is_logged(region, make_member, login):
    administrator = make_member(Role.ADMINISTRATOR)
    organisation = Organisation.objects.get(name="Stek")
    url = reverse("admin:region_organisation_change", args=[organisation.pk])
    data = {"region": region.pk, "name": "Stek Wonen", "kind": "housing_corporation"}
    response = login(administrator).post(url, data | {"is_active": "on"})
    assert response.status_code == 302
    entry = entries_for(organisation, UPDATE).get()
    assert entry.actor == administrator
    assert entry.changes_dict["name"] == ["Stek", "Stek Wonen"]


def test_reading_a_user_record_is_logged_on_the_page_and_in_the_admin(region, make_member, login):
    administrator = make_member(Role.ADMINISTRATOR)
    person = make_member(Role.CARE_WORKER)
    client = login(administrator)
    client.get(reverse("accounts:user_detail", args=[person.pk]))
    client.get(reverse("admin:accounts_user_change", args=[person.pk]))
    reads = entries_for(person, ACCESS)
    assert reads.count() == 2
    assert {entry.actor for entry in reads} == {administrator}


def test_password_changes_are_masked(region, make_member):
    person = make_member(Role.CARE_WORKER)
    person.set_password("another-long-password-123")
    person.save()
    change = entries_for(person, UPDATE).get().changes_dict["password"]
    assert "another" not in str(change)
    assert "pbkdf2" not in str(change)
    assert "md5" not in str(change)


@pytest.mark.parametrize("operation", ["update", "delete"])
def test_the_database_refuses_to_change_or_delete_entries(region, operation):
    entry = LogEntry.objects.order_by("pk").first()
    assert entry is not None
    rows = LogEntry.objects.filter(pk=entry.pk)

    def tamper():
        return rows.update(changes_text="x") if operation == "update" else rows.delete()

    with pytest.raises(DatabaseError), transaction.atomic():
        tamper()
    assert LogEntry.objects.filter(pk=entry.pk, changes_text=entry.changes_text).exists()


def test_admin_offers_no_way_to_change_or_delete_entries(region, make_member, login):
    administrator = make_member(Role.ADMINISTRATOR)
    entry = LogEntry.objects.order_by("pk").first()
    client = login(administrator)
    assert client.get(reverse("admin:auditlog_logentry_changelist")).status_code == 200
    assert client.get(reverse("admin:auditlog_logentry_delete", args=[entry.pk])).status_code == 403
    response = client.post(reverse("admin:auditlog_logentry_change", args=[entry.pk]), {})
    assert response.status_code == 403
    assert LogEntry.objects.filter(pk=entry.pk).exists()


def test_trail_search_filters_by_user_and_kind(region, make_member, login):
    administrator = make_member(Role.ADMINISTRATOR)
    person = make_member(Role.CARE_WORKER)
    client = login(administrator)
    client.get(reverse("accounts:user_detail", args=[person.pk]))
    response = client.get(
        reverse("audit:search"), {"gebruiker": administrator.username, "soort": "inzage"}
    )
    entries = list(response.context["entries"])
    assert [e.action for e in entries] == [ACCESS]
    assert entries[0].object_pk == str(person.pk)


def test_trail_search_refuses_a_period_that_ends_before_it_starts(region, make_member, login):
    client = login(make_member(Role.REGIONAL_COORDINATOR))
    response = client.get(reverse("audit:search"), {"van": "2026-02-01", "tot": "2026-01-01"})
    assert response.status_code == 200
    assert "tot" in response.context["filter_form"].errors


def test_trail_page_shows_before_and_after_escaped(region, make_member, login):
    from onderdak.region import services

    organisation = Organisation.objects.get(name="Portaal")
    services.organisation_update(organisation=organisation, website="https://portaal.nl/<b>")
    client = login(make_member(Role.ADMINISTRATOR))
    html = client.get(reverse("audit:search"), {"objecttype": "", "soort": "bijwerken"}).content
    assert "website: ∅ → https://portaal.nl/&lt;b&gt;".encode() in html
