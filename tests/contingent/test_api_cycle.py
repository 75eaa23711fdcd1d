"""The whole cycle through the API alone, each step by the role that takes it, with the version
each caller read: nomination, consent, submission, approval, dwelling, proposal, both answers,
evaluation, lease transfer. Every write also leaves its entry in the audit trail."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from onderdak.accounts.models import Role
from onderdak.contingent.models import Nomination, Placement
from tests.conftest import verify_second_factor
from tests.contingent.factories import ContingentYearFactory, care_provider
from tests.factories import member, organisation_for

pytestmark = pytest.mark.django_db
API = "/api/v1"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def ok(response, status: int = 200) -> dict:
    assert response.status_code == status, response.content[:500]
    return response.json()


def signed_in(role: str) -> APIClient:
    """A client of its own per role (the ``api_login`` fixture shares one)."""
    client = APIClient()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    verify_second_factor(client, member(role))
    return client


def test_the_whole_cycle(region, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    year = ContingentYearFactory()
    tie = organisation_for(Role.MUNICIPALITY_OFFICER, region).municipality
    care, municipality, corporation, coordinator = (
        signed_in(role)
        for role in (
            Role.CARE_WORKER,
            Role.MUNICIPALITY_OFFICER,
            Role.CORPORATION_OFFICER,
            Role.REGIONAL_COORDINATOR,
        )
    )
    # The care worker nominates, uploads the consent and submits.
    nomination = ok(
        care.post(
            f"{API}/nominations/",
            {
                "contingent_year": year.year,
                "provider": care_provider().pk,
                "stream": "outflow",
                "client": {
                    "name": "API-cyclus (fictief)",
                    "date_of_birth": "1990-02-03",
                    "client_number": "CYCLUS-1",
                },
                "household_adults": 1,
                "household_children": 1,
                "income_band": "within_limit",
                "rooms_needed": 2,
                "needs_ground_floor_or_lift": False,
                "needs_wheelchair_access": False,
                "tie_municipality": tie.cbs_code,
                "current_situation": "institution",
                "current_facility": "Fictieve instelling",
                "guidance_provider": care_provider().pk,
                "guidance_intensity": "medium",
                "guidance_months": 18,
            },
            format="json",
        ),
        201,
    )
    pk = nomination["id"]
    upload = SimpleUploadedFile("toestemming.pdf", PDF, content_type="application/pdf")
    documents = f"{API}/nominations/{pk}/documents/"
    ok(care.post(documents, {"kind": "consent", "file": upload}, format="multipart"), 201)
    submitted = ok(care.post(f"{API}/nominations/{pk}/submit/", {"version": 1}, format="json"))
    # The tie municipality approves: the waiting time starts.
    approved = ok(
        municipality.post(
            f"{API}/nominations/{pk}/approve/", {"version": submitted["version"]}, format="json"
        )
    )
    assert approved["status"] == "approved"
    assert Nomination.objects.get(pk=pk).approved_at is not None
    # The corporation offers a dwelling; the coordinator proposes it by hand.
    dwelling = ok(
        corporation.post(
            f"{API}/dwellings/",
            {
                "contingent_year": year.pk,
                "street": "Cyclusweg",
                "house_number": "12",
                "postcode": "2312dk",
                "place": tie.name,
                "municipality": tie.cbs_code,
                "dwelling_type": "apartment",
                "rooms": 2,
                "floor": 1,
                "rent": "598.40",
                "available_from": datetime.date.today().isoformat(),
                "stream": "outflow",
            },
            format="json",
        ),
        201,
    )
    proposal = ok(
        coordinator.post(
            f"{API}/proposals/",
            {"nomination": pk, "dwelling": dwelling["id"], "reason": "Past bij de zorgvraag."},
            format="json",
        ),
        201,
    )
    base = f"{API}/proposals/{proposal['id']}"
    # The care worker (with the client), then the corporation accept, with the lease.
    answered = ok(care.post(f"{base}/provider-accept/", {"version": 1}, format="json"))
    start = datetime.date.today()
    ok(
        corporation.post(
            f"{base}/corporation-accept/",
            {
                "version": answered["version"],
                "lease_type": "transfer",
                "lease_start": start.isoformat(),
                "guidance_end": (start + datetime.timedelta(days=540)).isoformat(),
            },
            format="json",
        )
    )
    placement = Placement.objects.get(proposal_id=proposal["id"])
    assert placement.nomination.status == "placed"
    assert placement.dwelling.status == "let"
    # The first evaluation, then the lease transfer (omklap) by the corporation.
    marks = dict.fromkeys(("living", "rent_payment", "tenancy", "guidance", "goals"), "good")
    ok(
        care.post(
            f"{API}/placements/{placement.pk}/evaluations/3/",
            {"held_on": start.isoformat(), **marks},
            format="json",
        )
    )
    transferred = ok(
        corporation.post(
            f"{API}/placements/{placement.pk}/transfer/",
            {"version": placement.version, "transfer_date": start.isoformat()},
            format="json",
        )
    )
    assert transferred["status"] == "transferred"
    logged = set(LogEntry.objects.values_list("content_type__model", flat=True))
    assert {"nomination", "dwelling", "proposal", "placement", "evaluation"} <= logged
