"""Nomination pages: who sees what, the two-step form, bad input shown and nothing saved, the
steps with their buttons, stale forms, the export, access logging and fixed query counts."""

import io
import uuid

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.contingent.models import (
    EligibilityCriterion,
    Nomination,
    NominationStatus,
    Stream,
)
from onderdak.core.exports import HEADER_ROW
from tests.contingent.factories import (
    ContingentYearFactory,
    NominationFactory,
    care_provider,
    municipality,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(region):
    return ContingentYearFactory()


@pytest.fixture
def worker(make_member):
    return make_member(Role.CARE_WORKER)


@pytest.fixture
def officer(make_member):
    return make_member(Role.MUNICIPALITY_OFFICER)


def own_municipality(officer):
    return officer.organisations_for(Role.MUNICIPALITY_OFFICER)[0].municipality


def url(name, *args):
    return reverse(f"contingent:{name}", args=args)


def html(response) -> str:
    return response.content.decode()


# --- The list ------------------------------------------------------------------------------------


def test_care_worker_sees_only_own_providers_nominations(worker, login, year):
    own = NominationFactory(client__name="Eigen Cliënt (fictief)")
    NominationFactory(provider=care_provider(1), client__name="Andere Cliënt (fictief)")
    response = login(worker).get(url("nomination_list"))
    assert response.status_code == 200
    assert list(response.context["nominations"]) == [own]
    assert "Andere Cliënt" not in html(response)


def test_municipality_officer_sees_nominations_tied_to_them(officer, login, year):
    tied = NominationFactory(tie_municipality=own_municipality(officer))
    NominationFactory(tie_municipality=municipality("GM0537"))
    response = login(officer).get(url("nomination_list"))
    assert list(response.context["nominations"]) == [tied]


@pytest.mark.parametrize("role", [Role.CORPORATION_OFFICER, Role.POLICY_OFFICER])
def test_roles_without_cases_get_no_list(make_member, login, role):
    assert login(make_member(role)).get(url("nomination_list")).status_code == 403


def test_filters_and_search(worker, login, year):
    NominationFactory(client__client_number="K-777", submitted=True)
    NominationFactory(client__name="Zoekbaar Persoon (fictief)")
    browser = login(worker)
    assert len(browser.get(url("nomination_list"), {"zoek": "k-777"}).context["nominations"]) == 1
    assert (
        len(browser.get(url("nomination_list"), {"zoek": "zoekbaar"}).context["nominations"]) == 1
    )
    by_status = browser.get(url("nomination_list"), {"status": "submitted"})
    assert [n.status for n in by_status.context["nominations"]] == ["submitted"]
    assert not browser.get(url("nomination_list"), {"stroom": "prevention"}).context["nominations"]


def test_list_query_count_does_not_grow(worker, login, year, django_assert_max_num_queries):
    browser = login(worker)
    NominationFactory()
    browser.get(url("nomination_list"))  # warm the session and caches
    with django_assert_max_num_queries(12) as one:
        browser.get(url("nomination_list"))
    NominationFactory.create_batch(9)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = browser.get(url("nomination_list"))
    assert len(response.context["nominations"]) == 10


def test_export_has_the_same_rows(worker, login, year):
    NominationFactory(client__client_number="K-1")
    NominationFactory(provider=care_provider(1), client__client_number="K-2")
    response = login(worker).get(url("nomination_export"))
    assert response["Content-Disposition"].startswith("attachment")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert [row[4] for row in rows] == ["K-1"]


# --- Create --------------------------------------------------------------------------------------


def form_data(year, **changes) -> dict:
    data = {
        "provider": care_provider().pk,
        "client_name": "Nieuwe Cliënt (fictief)",
        "client_date_of_birth": "1990-03-04",
        "client_number": "K-900",
        "household_adults": "1",
        "household_children": "0",
        "income_band": "within_limit",
        "rooms_needed": "1",
        "tie_municipality": municipality().pk,
        "current_situation": "ambulant",
        "guidance_provider": care_provider().pk,
        "guidance_intensity": "medium",
        "guidance_months": "12",
        "submission_key": str(uuid.uuid4()),
    }
    return {**data, **changes}


def create_url(year, stream=Stream.OUTFLOW) -> str:
    return f"{url('nomination_create')}?jaar={year.pk}&stroom={stream}"


def test_create_starts_with_year_and_stream(worker, login, year):
    response = login(worker).get(url("nomination_create"))
    assert response.status_code == 200
    assert "contingent/nominations/start.html" in [t.name for t in response.templates]


def test_create_form_shows_the_streams_checklist(worker, login, year):
    EligibilityCriterion.objects.create(contingent_year=year, stream=Stream.OUTFLOW, text="Uit")
    EligibilityCriterion.objects.create(contingent_year=year, stream=Stream.PREVENTION, text="Pre")
    response = login(worker).get(create_url(year))
    criteria = response.context["form"].fields["criteria_met"].queryset
    assert [c.text for c in criteria] == ["Uit"]
    assert response.context["form"].initial["submission_key"]


def test_create_saves_a_draft_once(worker, login, year):
    browser = login(worker)
    data = form_data(year)
    data[f"exclude_{municipality('GM0537').pk}"] = "Veiligheid"
    response = browser.post(create_url(year), data)
    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert response.url == url("nomination_detail", nomination.pk)
    browser.post(create_url(year), data)  # the same form sent again
    assert Nomination.objects.count() == 1
    assert nomination.exclusions.get().reason == "Veiligheid"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"client_date_of_birth": "2020-01-01"}, "client_date_of_birth"),  # the service's check
        ({"household_adults": "0"}, "household_adults"),  # the form's
    ],
)
def test_create_shows_errors_and_saves_nothing(worker, login, year, changes, field):
    response = login(worker).post(create_url(year), form_data(year, **changes))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert 'aria-invalid="true"' in html(response)
    assert not Nomination.objects.exists()


def test_preferred_and_excluded_is_explained(worker, login, year):
    leiden = municipality()
    data = form_data(year, preferred_municipalities=[leiden.pk])
    data[f"exclude_{leiden.pk}"] = "Veiligheid"
    response = login(worker).post(create_url(year), data)
    assert "both preferred and excluded" in html(response)
    assert not Nomination.objects.exists()


def test_corporation_officer_cannot_create(make_member, login, year):
    response = login(make_member(Role.CORPORATION_OFFICER)).get(create_url(year))
    assert response.status_code == 403


# --- One nomination ------------------------------------------------------------------------------


def test_detail_is_logged_once_and_shows_the_steps(worker, login, year):
    nomination = NominationFactory()
    response = login(worker).get(url("nomination_detail", nomination.pk))
    assert response.status_code == 200
    actions = [step.action for step, _ in response.context["steps"]]
    assert actions == ["submit", "withdraw"]
    assert response.context["can_change"]
    reads = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(nomination.pk))
    assert reads.count() == 1


def test_reviewer_gets_the_review_buttons(officer, login, year):
    nomination = NominationFactory(submitted=True, tie_municipality=own_municipality(officer))
    response = login(officer).get(url("nomination_detail", nomination.pk))
    actions = [step.action for step, _ in response.context["steps"]]
    assert actions == ["approve", "reject", "request_info"]
    assert not response.context["can_change"]


def test_another_providers_nomination_is_not_found(worker, login, year):
    nomination = NominationFactory(provider=care_provider(1))
    assert login(worker).get(url("nomination_detail", nomination.pk)).status_code == 404


def test_detail_query_count_does_not_grow(worker, login, year, django_assert_max_num_queries):
    browser = login(worker)
    nomination = NominationFactory()
    browser.get(url("nomination_detail", nomination.pk))
    with django_assert_max_num_queries(30) as few:
        browser.get(url("nomination_detail", nomination.pk))
    nomination.preferred_municipalities.set(nomination.contingent_year.region.municipalities.all())
    with django_assert_max_num_queries(len(few.captured_queries)):
        browser.get(url("nomination_detail", nomination.pk))


def test_update_with_a_stale_version_shows_a_conflict(worker, login, year):
    nomination = NominationFactory()
    data = form_data(year, version="1", client_number=nomination.client.client_number)
    data["client_name"] = nomination.client.name
    data["client_date_of_birth"] = nomination.client.date_of_birth.isoformat()
    browser = login(worker)
    assert browser.post(url("nomination_update", nomination.pk), data).status_code == 302
    response = browser.post(url("nomination_update", nomination.pk), data)  # version 1 again
    assert response.status_code == 200
    assert "Someone else changed" in html(response)


# --- Steps ---------------------------------------------------------------------------------------


def test_reviewer_approves(officer, login, year):
    nomination = NominationFactory(submitted=True, tie_municipality=own_municipality(officer))
    response = login(officer).post(url("nomination_approve", nomination.pk), {"version": "1"})
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.APPROVED


def test_submit_without_consent_explains_why(worker, login, year):
    nomination = NominationFactory()
    response = login(worker).post(url("nomination_submit", nomination.pk), {"version": "1"})
    assert response.status_code == 200
    assert "consent" in html(response)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.DRAFT


def test_care_worker_may_not_approve(worker, login, year):
    nomination = NominationFactory(submitted=True)
    assert login(worker).get(url("nomination_approve", nomination.pk)).status_code == 403


def test_withdraw_needs_a_reason(worker, login, year):
    nomination = NominationFactory(approved=True)
    browser = login(worker)
    response = browser.post(url("nomination_withdraw", nomination.pk), {"version": "1"})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    response = browser.post(
        url("nomination_withdraw", nomination.pk), {"version": "1", "reason": "Verhuisd"}
    )
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.WITHDRAWN


def test_upload_page_stores_and_refuses(worker, login, year, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    nomination = NominationFactory()
    browser = login(worker)
    bad = SimpleUploadedFile("plan.pdf", b"MZ not a pdf")
    response = browser.post(url("document_upload", nomination.pk), {"kind": "consent", "file": bad})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    good = SimpleUploadedFile("plan.pdf", b"%PDF-1.7 fictief")
    response = browser.post(
        url("document_upload", nomination.pk), {"kind": "consent", "file": good}
    )
    assert response.status_code == 302
    assert nomination.documents.count() == 1
