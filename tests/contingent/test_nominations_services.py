"""Nomination services: creation with its checks, idempotent submission, edits, every step,
and withdrawal of a proposed nomination (the proposal cancelled, the dwelling offered again)."""

import datetime
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from onderdak.accounts.models import Role
from onderdak.contingent.models import (
    Client,
    DocumentKind,
    DwellingStatus,
    EligibilityCriterion,
    Nomination,
    NominationStatus,
    ProposalStatus,
    Stream,
)
from onderdak.contingent.services import nominations as services
from onderdak.contingent.services.documents import document_upload
from onderdak.core.errors import Conflict, DomainError, Forbidden
from onderdak.region.models import Municipality, Region, Subregion
from tests.contingent.factories import (
    LEIDEN,
    ContingentYearFactory,
    NominationFactory,
    ProposalFactory,
    care_provider,
    municipality,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%fictief\n"
KATWIJK = "GM0537"


@pytest.fixture
def worker(make_member):
    return make_member(Role.CARE_WORKER)


@pytest.fixture
def reviewer(make_member):
    """A municipality officer: ``submitted`` ties nominations to their municipality."""
    return make_member(Role.MUNICIPALITY_OFFICER)


def submitted(reviewer, **kwargs) -> Nomination:
    """A nomination awaiting review, tied to ``reviewer``'s municipality."""
    tie = reviewer.organisations_for(Role.MUNICIPALITY_OFFICER)[0].municipality
    return NominationFactory(submitted=True, tie_municipality=tie, **kwargs)


@pytest.fixture
def year(region):
    return ContingentYearFactory()


@pytest.fixture
def criterion(year):
    return EligibilityCriterion.objects.create(
        contingent_year=year, stream=Stream.OUTFLOW, text="Verblijft in een instelling"
    )


def details(**changes) -> dict:
    data = {
        "household_adults": 1,
        "household_children": 0,
        "income_band": "within_limit",
        "rooms_needed": 1,
        "needs_ground_floor_or_lift": False,
        "needs_wheelchair_access": False,
        "tie_municipality": municipality(),
        "current_situation": "ambulant",
        "guidance_provider": care_provider(),
        "guidance_intensity": "medium",
        "guidance_months": 12,
    }
    return {**data, **changes}


def client(**changes) -> dict:
    return {
        "name": "Testcliënt Jansen (fictief)",
        "date_of_birth": datetime.date(1990, 1, 2),
        "client_number": "K-123",
        **changes,
    }


def create(worker, year, **kwargs):
    arguments = {
        "contingent_year": year,
        "provider": care_provider(),
        "stream": Stream.OUTFLOW,
        "client": client(),
        "data": details(),
        "by": worker,
    }
    arguments.update(kwargs)
    return services.nomination_create(**arguments)


def other_than(reviewer) -> Municipality:
    own = reviewer.organisations_for(Role.MUNICIPALITY_OFFICER)[0].municipality
    return Municipality.objects.exclude(pk=own.pk).order_by("pk").first()


def outside_municipality() -> Municipality:
    other = Region.objects.create(name="Elders", slug="elders")
    subregion = Subregion.objects.create(region=other, name="Elders", slug="elders")
    return Municipality.objects.create(
        region=other, subregion=subregion, name="Buitenstad", cbs_code="GM9999"
    )


def errors_of(raised) -> dict:
    return raised.value.fields


# --- Create --------------------------------------------------------------------------------------


def test_create_makes_a_draft_with_its_client_and_choices(worker, year, criterion):
    katwijk = municipality(KATWIJK)
    nomination = create(
        worker,
        year,
        preferred_municipalities=[municipality()],
        exclusions=[{"municipality": katwijk, "reason": "Veiligheid"}],
        criteria_met=[criterion],
    )
    assert nomination.status == NominationStatus.DRAFT
    assert nomination.created_by == worker
    assert nomination.client.client_number == "K-123"
    assert list(nomination.preferred_municipalities.all()) == [municipality()]
    assert [(e.municipality, e.reason) for e in nomination.exclusions.all()] == [
        (katwijk, "Veiligheid")
    ]
    assert list(nomination.criteria_met.all()) == [criterion]


def test_same_submission_key_gives_the_first_nomination(worker, year):
    key = uuid.uuid4()
    first = create(worker, year, submission_key=key)
    second = create(worker, year, submission_key=key)
    assert first.pk == second.pk
    assert Nomination.objects.count() == 1


def test_someone_elses_submission_key_is_refused(worker, year, make_member):
    key = uuid.uuid4()
    create(worker, year, submission_key=key)
    with pytest.raises(Conflict):
        create(make_member(Role.CARE_WORKER), year, submission_key=key)


def test_a_known_client_number_reuses_the_client(worker, year):
    first = create(worker, year)
    second = create(worker, year, client=client(name="  testcliënt  JANSEN (fictief) "))
    assert first.client_id == second.client_id
    assert Client.objects.count() == 1


@pytest.mark.parametrize(
    "changes",
    [{"name": "Iemand Anders"}, {"date_of_birth": datetime.date(1991, 1, 2)}],
    ids=["other-name", "other-date-of-birth"],
)
def test_a_client_number_of_another_person_is_refused(worker, year, changes):
    create(worker, year)
    with pytest.raises(DomainError) as raised:
        create(worker, year, client=client(**changes))
    assert "client.client_number" in errors_of(raised)
    assert Nomination.objects.count() == 1


def test_only_for_the_users_own_provider(worker, year):
    with pytest.raises(Forbidden):
        create(worker, year, provider=care_provider(1))
    assert not Nomination.objects.exists()


@pytest.mark.parametrize(
    ("date_of_birth", "message"),
    [
        (datetime.date.today() + datetime.timedelta(days=1), "past"),
        (datetime.date.today() - datetime.timedelta(days=365 * 10), "at least 16"),
        (datetime.date(1900, 1, 1), "over 110"),
    ],
    ids=["future", "too-young", "too-old"],
)
def test_date_of_birth_must_be_plausible(worker, year, date_of_birth, message):
    with pytest.raises(DomainError) as raised:
        create(worker, year, client=client(date_of_birth=date_of_birth))
    assert message in errors_of(raised)["client.date_of_birth"][0]
    assert not Client.objects.exists()


def test_every_error_at_once_and_nothing_saved(worker, year):
    with pytest.raises(DomainError) as raised:
        create(
            worker,
            year,
            client=client(name=""),
            data=details(household_adults=0, household_children=16, rooms_needed=9),
        )
    fields = errors_of(raised)
    assert {"client.name", "household_adults", "household_children", "rooms_needed"} <= set(fields)
    assert not Client.objects.exists()
    assert not Nomination.objects.exists()


def test_municipality_outside_the_region_is_refused(worker, year):
    outside = outside_municipality()
    with pytest.raises(DomainError) as raised:
        create(
            worker,
            year,
            data=details(tie_municipality=outside),
            preferred_municipalities=[outside],
        )
    assert {"tie_municipality", "preferred_municipalities"} <= set(errors_of(raised))


def test_preferred_and_excluded_at_once_is_refused(worker, year):
    leiden = municipality(LEIDEN)
    with pytest.raises(DomainError) as raised:
        create(
            worker,
            year,
            preferred_municipalities=[leiden],
            exclusions=[{"municipality": leiden, "reason": "Veiligheid"}],
        )
    assert "both preferred and excluded" in errors_of(raised)["exclusions"][0]


def test_an_exclusion_needs_a_reason(worker, year):
    with pytest.raises(DomainError) as raised:
        create(worker, year, exclusions=[{"municipality": municipality(KATWIJK), "reason": " "}])
    assert "reason" in errors_of(raised)["exclusions"][0]


def test_criteria_of_another_stream_are_refused(worker, year):
    prevention = EligibilityCriterion.objects.create(
        contingent_year=year, stream=Stream.PREVENTION, text="Ambulante begeleiding"
    )
    with pytest.raises(DomainError) as raised:
        create(worker, year, criteria_met=[prevention])
    assert "criteria_met" in errors_of(raised)


def test_a_facility_is_named_when_living_in_one(worker, year):
    with pytest.raises(DomainError) as raised:
        create(worker, year, data=details(current_situation="institution"))
    assert "current_facility" in errors_of(raised)


# --- Update --------------------------------------------------------------------------------------


def test_update_changes_details_and_bumps_the_version(worker, year):
    nomination = create(worker, year)
    changed = services.nomination_update(
        nomination=nomination,
        expected_version=1,
        by=worker,
        data={"rooms_needed": 2},
        client=client(name="Testcliënt Jansen-de Vries (fictief)"),
    )
    assert (changed.rooms_needed, changed.version) == (2, 2)
    assert changed.client.name == "Testcliënt Jansen-de Vries (fictief)"
    assert Client.objects.count() == 1


def test_update_keeps_what_is_not_sent(worker, year, criterion):
    katwijk = municipality(KATWIJK)
    nomination = create(
        worker,
        year,
        exclusions=[{"municipality": katwijk, "reason": "Veiligheid"}],
        criteria_met=[criterion],
    )
    services.nomination_update(
        nomination=nomination, expected_version=1, by=worker, data={"urgent": True}
    )
    nomination.refresh_from_db()
    assert nomination.urgent
    assert [e.municipality for e in nomination.exclusions.all()] == [katwijk]
    assert list(nomination.criteria_met.all()) == [criterion]


def test_update_with_a_stale_version_is_refused(worker, year):
    nomination = create(worker, year)
    with pytest.raises(Conflict) as raised:
        services.nomination_update(
            nomination=nomination, expected_version=2, by=worker, data={"rooms_needed": 2}
        )
    assert raised.value.code == "stale"


def test_a_submitted_nomination_cannot_be_changed(worker):
    nomination = NominationFactory(submitted=True)
    with pytest.raises(Conflict):
        services.nomination_update(
            nomination=nomination, expected_version=1, by=worker, data={"rooms_needed": 2}
        )


def test_another_providers_nomination_cannot_be_changed(worker):
    nomination = NominationFactory(provider=care_provider(1))
    with pytest.raises(Forbidden):
        services.nomination_update(
            nomination=nomination, expected_version=1, by=worker, data={"rooms_needed": 2}
        )


# --- Steps ---------------------------------------------------------------------------------------


def consent(nomination, worker):
    upload = SimpleUploadedFile("toestemming.pdf", PDF, content_type="application/pdf")
    document_upload(
        nomination=nomination, kind=DocumentKind.CONSENT, uploaded_file=upload, by=worker
    )


def test_submit_needs_the_checklist_and_the_consent(worker, year, criterion, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    nomination = create(worker, year)
    with pytest.raises(DomainError) as raised:
        services.nomination_submit(nomination=nomination, expected_version=1, by=worker)
    fields = errors_of(raised)
    assert fields["criteria_met"] == ["Not met: Verblijft in een instelling"]
    assert "consent" in fields["documents"][0]
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.DRAFT


def test_submit_when_complete(
    worker, year, criterion, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    nomination = create(worker, year, criteria_met=[criterion])
    consent(nomination, worker)
    with django_capture_on_commit_callbacks() as callbacks:
        submitted = services.nomination_submit(nomination=nomination, expected_version=1, by=worker)
    assert submitted.status == NominationStatus.SUBMITTED
    assert submitted.submitted_at is not None
    assert len(callbacks) == 1


def test_approve_starts_the_waiting_time(reviewer):
    nomination = submitted(reviewer)
    approved = services.nomination_approve(nomination=nomination, expected_version=1, by=reviewer)
    assert approved.status == NominationStatus.APPROVED
    assert approved.approved_at is not None


def test_only_the_tie_municipality_reviews(reviewer):
    nomination = NominationFactory(submitted=True, tie_municipality=other_than(reviewer))
    with pytest.raises(Forbidden):
        services.nomination_approve(nomination=nomination, expected_version=1, by=reviewer)


def test_the_care_worker_cannot_approve(worker):
    nomination = NominationFactory(submitted=True)
    with pytest.raises(Forbidden):
        services.nomination_approve(nomination=nomination, expected_version=1, by=worker)


@pytest.mark.parametrize(
    ("service", "status"),
    [
        (services.nomination_reject, NominationStatus.REJECTED),
        (services.nomination_request_info, NominationStatus.INFO_REQUESTED),
    ],
)
def test_review_with_a_reason(reviewer, service, status):
    nomination = submitted(reviewer)
    reviewed = service(
        nomination=nomination, reason=" Plan ontbreekt ", expected_version=1, by=reviewer
    )
    assert (reviewed.status, reviewed.decision_reason) == (status, "Plan ontbreekt")


@pytest.mark.parametrize(
    "service",
    [services.nomination_reject, services.nomination_request_info, services.nomination_withdraw],
)
def test_a_reason_is_required(reviewer, worker, service):
    nomination = submitted(reviewer)
    by = worker if service is services.nomination_withdraw else reviewer
    with pytest.raises(DomainError) as raised:
        service(nomination=nomination, reason="  ", expected_version=1, by=by)
    assert "reason" in errors_of(raised)


def test_approving_twice_is_a_conflict(reviewer):
    nomination = submitted(reviewer)
    services.nomination_approve(nomination=nomination, expected_version=1, by=reviewer)
    with pytest.raises(Conflict) as raised:
        services.nomination_approve(nomination=nomination, expected_version=2, by=reviewer)
    assert raised.value.code == "invalid_transition"


def test_withdraw_a_proposed_nomination_cancels_the_proposal(worker):
    proposal = ProposalFactory()
    nomination = proposal.nomination
    withdrawn = services.nomination_withdraw(
        nomination=nomination, reason="Verhuisd", expected_version=1, by=worker
    )
    proposal.refresh_from_db()
    proposal.dwelling.refresh_from_db()
    assert (withdrawn.status, withdrawn.withdrawal_reason) == (
        NominationStatus.WITHDRAWN,
        "Verhuisd",
    )
    assert proposal.status == ProposalStatus.CANCELLED
    assert proposal.dwelling.status == DwellingStatus.AVAILABLE


def test_a_placed_nomination_cannot_be_withdrawn(worker):
    nomination = NominationFactory(placed=True)
    with pytest.raises(Conflict):
        services.nomination_withdraw(
            nomination=nomination, reason="Verhuisd", expected_version=1, by=worker
        )
