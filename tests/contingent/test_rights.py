"""Every role, every contingent page and endpoint, a case of their own and one of another.

The table below says, per URL, what each role gets for a case of its own organisation (or tied to
its own municipality) and for the same kind of case of another organisation: 200 (allowed; 400 for
an API step sent without a body, which is refused only after the rights check), 403 (the role sees
the case but may not take this step), 404 (the role may not see the case at all: its existence is
not revealed). Roles missing from an entry get 404 for cases and 403 for pages without a case;
anonymous visitors are sent to the login page (web) or get 401 (API). Lists are checked for their
content too: the own case is listed and the other one is not, on the page, in the Excel export and
in the API.
``tests/test_rights.py`` refers here for every URL of the scheme.
"""

import io
from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from openpyxl import load_workbook

from onderdak.accounts.models import Role
from onderdak.contingent.models import Evaluation, NominationDocument
from onderdak.contingent.services import allocation
from tests.conftest import verify_second_factor
from tests.contingent.factories import (
    ContingentYearFactory,
    DeclineReasonFactory,
    DwellingFactory,
    NominationFactory,
    PlacementFactory,
    ProposalFactory,
    care_provider,
    corporation,
)
from tests.factories import UserFactory, organisation_for

C = Role.REGIONAL_COORDINATOR
M = Role.MUNICIPALITY_OFFICER
W = Role.CARE_WORKER
K = Role.CORPORATION_OFFICER
P = Role.POLICY_OFFICER
G = Role.GOVERNANCE_READER
A = Role.ADMINISTRATOR
ANONYMOUS = "anonymous"
CALLERS = [*Role.values, ANONYMOUS]
REPORT_READERS = {C, M, W, K, P, G}


@dataclass(frozen=True)
class Endpoint:
    """A URL about one ``kind`` of case in ``state`` (factory keywords), or about none."""

    kind: str | None = None
    allowed: dict = field(default_factory=dict)  # role → (own, other), or a set of roles
    state: dict = field(default_factory=dict)
    api: bool = False
    method: str = "get"
    listing: str | None = None  # "page", "excel" or "api": check the rows, too
    ok: int = 200  # what an allowed role gets, for URLs without a case of an organisation


def roles(*allowed) -> set:
    return set(allowed)


# What a role gets on a case: (own, other's).
VIEW_NOMINATION = {C: (200, 200), W: (200, 404), M: (200, 404)}
PROVIDER_STEP = {C: (403, 403), W: (200, 404), M: (403, 404)}
REVIEW_STEP = {C: (200, 200), W: (403, 404), M: (200, 404)}
VIEW_DWELLING = {C: (200, 200), K: (200, 404)}
OWNER_STEP = {C: (403, 403), K: (200, 404)}
VIEW_CASE = {C: (200, 200), W: (200, 404), M: (200, 404), K: (200, 404)}
PROVIDER_ANSWER = {C: (403, 403), W: (200, 404), M: (403, 404), K: (403, 404)}
CORPORATION_ANSWER = {C: (403, 403), W: (403, 404), M: (403, 404), K: (200, 404)}
COORDINATOR_STEP = {C: (200, 200), W: (403, 404), M: (403, 404), K: (403, 404)}
PLACEMENT_STEP = {C: (200, 200), W: (200, 404), K: (200, 404), M: (403, 404)}
TRANSFER_STEP = {C: (200, 200), K: (200, 404), W: (403, 404), M: (403, 404)}

DRAFT = {}
SUBMITTED = {"submitted": True}
AWAITING_PROVIDER = {}
AWAITING_CORPORATION = {"awaiting_corporation": True}


def api_step(allowed: dict, kind: str, state: dict | None = None) -> Endpoint:
    """An API step posted without a body: allowed callers get 400 (the version is missing)."""
    bodyless = {role: tuple(400 if s == 200 else s for s in pair) for role, pair in allowed.items()}
    return Endpoint(kind, bodyless, state or {}, api=True, method="post")


TABLE: dict[str, Endpoint] = {
    # Overview and reports: aggregates for every contingent role
    "contingent:overview": Endpoint(allowed=REPORT_READERS),
    "contingent:report_current": Endpoint("year", REPORT_READERS, ok=302),
    "contingent:report": Endpoint("year", REPORT_READERS),
    "contingent:report_export": Endpoint("year", REPORT_READERS),
    "contingent-report-detail": Endpoint("year", REPORT_READERS, api=True),
    # The year and the coordinator's lists
    "contingent:year_list": Endpoint(allowed=REPORT_READERS),
    "contingent:year_detail": Endpoint("year", REPORT_READERS),
    "contingent:year_export": Endpoint("year", REPORT_READERS),
    "contingent:year_create": Endpoint(allowed=roles(C)),
    **{
        f"contingent:year_{name}": Endpoint("year", roles(C))
        for name in ("update", "stocks", "targets", "spread", "criteria")
    },
    "contingent-year-list": Endpoint(allowed=REPORT_READERS, api=True),
    "contingent-year-detail": Endpoint("year", REPORT_READERS, api=True),
    **{
        f"contingent-year-{name}": Endpoint("year", roles(C), api=True, method="put", ok=400)
        for name in ("stocks", "targets", "spread-targets", "criteria")
    },
    "contingent:decline_reason_list": Endpoint(allowed=REPORT_READERS),
    "contingent:decline_reason_create": Endpoint(allowed=roles(C)),
    "contingent:decline_reason_update": Endpoint("reason", roles(C)),
    "decline-reason-list": Endpoint(allowed=REPORT_READERS, api=True),
    "decline-reason-detail": Endpoint("reason", roles(C), api=True, method="patch"),
    # Nominations
    "contingent:nomination_list": Endpoint("nomination", VIEW_NOMINATION, listing="page"),
    "contingent:nomination_export": Endpoint("nomination", VIEW_NOMINATION, listing="excel"),
    "contingent:nomination_create": Endpoint(allowed=roles(W)),
    "contingent:nomination_detail": Endpoint("nomination", VIEW_NOMINATION),
    "contingent:nomination_update": Endpoint("nomination", PROVIDER_STEP, DRAFT),
    "contingent:nomination_submit": Endpoint("nomination", PROVIDER_STEP, DRAFT),
    "contingent:nomination_withdraw": Endpoint("nomination", PROVIDER_STEP, SUBMITTED),
    "contingent:document_upload": Endpoint("nomination", PROVIDER_STEP, DRAFT),
    "contingent:document_download": Endpoint("document", VIEW_NOMINATION),
    **{
        f"contingent:nomination_{name}": Endpoint("nomination", REVIEW_STEP, SUBMITTED)
        for name in ("approve", "reject", "request_info")
    },
    "nomination-list": Endpoint("nomination", VIEW_NOMINATION, api=True, listing="api"),
    "nomination-detail": Endpoint("nomination", VIEW_NOMINATION, api=True),
    "nomination-documents": Endpoint("nomination", VIEW_NOMINATION, api=True),
    "nomination-document-detail": Endpoint("document", VIEW_NOMINATION, api=True),
    "nomination-document-download": Endpoint("document", VIEW_NOMINATION, api=True),
    "nomination-submit": api_step(PROVIDER_STEP, "nomination"),
    "nomination-withdraw": api_step(PROVIDER_STEP, "nomination", SUBMITTED),
    **{
        f"nomination-{name}": api_step(REVIEW_STEP, "nomination", SUBMITTED)
        for name in ("approve", "reject", "request-info")
    },
    # Dwellings
    "contingent:dwelling_list": Endpoint("dwelling", VIEW_DWELLING, listing="page"),
    "contingent:dwelling_export": Endpoint("dwelling", VIEW_DWELLING, listing="excel"),
    "contingent:dwelling_create": Endpoint(allowed=roles(K)),
    "contingent:dwelling_detail": Endpoint("dwelling", VIEW_DWELLING),
    "contingent:dwelling_update": Endpoint("dwelling", OWNER_STEP),
    "contingent:dwelling_withdraw": Endpoint("dwelling", OWNER_STEP),
    "dwelling-list": Endpoint("dwelling", VIEW_DWELLING, api=True, listing="api"),
    "dwelling-detail": Endpoint("dwelling", VIEW_DWELLING, api=True),
    "dwelling-withdraw": api_step(OWNER_STEP, "dwelling"),
    # Proposals
    "contingent:proposal_list": Endpoint("proposal", VIEW_CASE, listing="page"),
    "contingent:proposal_export": Endpoint("proposal", VIEW_CASE, listing="excel"),
    "contingent:proposal_create": Endpoint(allowed=roles(C)),
    "contingent:proposal_detail": Endpoint("proposal", VIEW_CASE),
    "contingent:proposal_provider_accept": Endpoint("proposal", PROVIDER_ANSWER),
    "contingent:proposal_provider_decline": Endpoint("proposal", PROVIDER_ANSWER),
    "contingent:proposal_corporation_accept": Endpoint(
        "proposal", CORPORATION_ANSWER, AWAITING_CORPORATION
    ),
    "contingent:proposal_corporation_decline": Endpoint(
        "proposal", CORPORATION_ANSWER, AWAITING_CORPORATION
    ),
    "contingent:proposal_cancel": Endpoint("proposal", COORDINATOR_STEP),
    "proposal-list": Endpoint("proposal", VIEW_CASE, api=True, listing="api"),
    "proposal-detail": Endpoint("proposal", VIEW_CASE, api=True),
    "proposal-provider-accept": api_step(PROVIDER_ANSWER, "proposal"),
    "proposal-provider-decline": api_step(PROVIDER_ANSWER, "proposal"),
    "proposal-corporation-accept": api_step(CORPORATION_ANSWER, "proposal", AWAITING_CORPORATION),
    "proposal-corporation-decline": api_step(CORPORATION_ANSWER, "proposal", AWAITING_CORPORATION),
    "proposal-cancel": api_step(COORDINATOR_STEP, "proposal"),
    # Placements and evaluations
    "contingent:placement_list": Endpoint("placement", VIEW_CASE, listing="page"),
    "contingent:placement_export": Endpoint("placement", VIEW_CASE, listing="excel"),
    "contingent:placement_detail": Endpoint("placement", VIEW_CASE),
    "contingent:placement_extend": Endpoint("placement", PLACEMENT_STEP),
    "contingent:placement_end": Endpoint("placement", PLACEMENT_STEP),
    "contingent:placement_transfer": Endpoint("placement", TRANSFER_STEP),
    "contingent:evaluation_record": Endpoint("evaluation", PLACEMENT_STEP),
    "placement-list": Endpoint("placement", VIEW_CASE, api=True, listing="api"),
    "placement-detail": Endpoint("placement", VIEW_CASE, api=True),
    "placement-extend": api_step(PLACEMENT_STEP, "placement"),
    "placement-end": api_step(PLACEMENT_STEP, "placement"),
    "placement-transfer": api_step(TRANSFER_STEP, "placement"),
    "placement-record-evaluation": api_step(PLACEMENT_STEP, "evaluation"),
    # Allocation: the coordinator's
    "contingent:year_limits": Endpoint("year", roles(C)),
    "contingent:allocation_list": Endpoint(allowed=roles(C)),
    "contingent:allocation_start": Endpoint(allowed=roles(C)),
    **{
        f"contingent:allocation_{name}": Endpoint("run", roles(C))
        for name in ("detail", "change", "publish")
    },
    "allocation-run-list": Endpoint(allowed=roles(C), api=True),
    "allocation-run-detail": Endpoint("run", roles(C), api=True),
    "allocation-run-change": Endpoint("run", roles(C), api=True, method="post", ok=400),
    "allocation-run-publish": Endpoint("run", roles(C), api=True, method="post"),
    "contingent:allocation_replay": Endpoint("run", roles(C), method="post", ok=302),
    "allocation-run-replay": Endpoint("run", roles(C), api=True, method="post"),
    "affordability-limit-list": Endpoint(allowed=roles(C), api=True),
    "affordability-limit-detail": Endpoint("limit", roles(C), api=True, method="patch", ok=400),
}


# --- Making the cases --------------------------------------------------------------------------


def _sides(region) -> dict[str, dict]:
    """The members' organisations (``make_member`` takes the first of each kind) and others."""
    own_municipality = organisation_for(M, region).municipality
    other_municipality = region.municipalities.exclude(pk=own_municipality.pk).first()
    return {
        "own": {
            "provider": care_provider(0),
            "tie_municipality": own_municipality,
            "corporation": corporation(0),
        },
        "other": {
            "provider": care_provider(1),
            "tie_municipality": other_municipality,
            "corporation": corporation(1),
        },
    }


def _nomination_fields(side: dict, prefix: str) -> dict:
    return {f"{prefix}{name}": side[name] for name in ("provider", "tie_municipality")}


def _make(kind: str, side: dict, state: dict):
    if kind == "nomination":
        return NominationFactory(**_nomination_fields(side, ""), **state)
    if kind == "dwelling":
        return DwellingFactory(corporation=side["corporation"], **state)
    if kind == "proposal":
        return ProposalFactory(
            **_nomination_fields(side, "nomination__"),
            dwelling__corporation=side["corporation"],
            **state,
        )
    placement = PlacementFactory(
        **_nomination_fields(side, "proposal__nomination__"),
        proposal__dwelling__corporation=side["corporation"],
    )
    if kind == "placement":
        return placement
    return Evaluation.objects.create(placement=placement, month=3, due_on=placement.lease_start)


def _document(side: dict, settings, tmp_path) -> NominationDocument:
    settings.MEDIA_ROOT = tmp_path
    nomination = NominationFactory(**_nomination_fields(side, ""))
    return NominationDocument.objects.create(
        nomination=nomination,
        kind="consent",
        file=ContentFile(b"%PDF-1.4\n%fictief\n", name="toestemming.pdf"),
        original_name="toestemming.pdf",
        content_type="application/pdf",
        size=18,
        uploaded_by=UserFactory(),
    )


# --- Calling the URLs --------------------------------------------------------------------------


def _url(name: str, case) -> str:
    if case is None or name == "contingent:report_current":
        return reverse(name)
    if name in ("contingent:report", "contingent:report_export") or name.startswith(
        "contingent:year_"
    ):
        return reverse(name, args=[case.year])
    if name == "contingent-report-detail":
        return reverse(name, kwargs={"year": case.year})
    if isinstance(case, Evaluation):
        if name.startswith("contingent:"):
            return reverse(name, args=[case.placement_id, case.month])
        return reverse(name, kwargs={"pk": case.placement_id, "month": case.month})
    return reverse(name, args=[case.pk])


def _expected(endpoint: Endpoint, caller: str, side: str) -> int:
    if caller == ANONYMOUS:
        return 401 if endpoint.api else 302
    if isinstance(endpoint.allowed, set):
        return endpoint.ok if caller in endpoint.allowed else 403
    if endpoint.listing:
        return 200 if endpoint.allowed.get(caller, (403,))[0] == 200 else 403
    own, other = endpoint.allowed.get(caller, (404, 404))
    if (endpoint.api and caller not in endpoint.allowed) or own == 403:
        # The API refuses a role that may never take the action before it looks for the case.
        return 403 if endpoint.api else own if side == "own" else other
    return own if side == "own" else other


CASES = [
    pytest.param(name, caller, side, id=f"{name}-{caller}-{side}")
    for name, endpoint in TABLE.items()
    for caller in CALLERS
    for side in (
        ("own", "other")
        if endpoint.kind and not isinstance(endpoint.allowed, set) and not endpoint.listing
        else ("own",)
    )
]


def _client(caller, client, api_client, make_member, api: bool):
    chosen = api_client if api else client
    if caller != ANONYMOUS:
        verify_second_factor(chosen, make_member(caller))
    return chosen


def _case_for(endpoint: Endpoint, side: str, region, settings, tmp_path):
    if endpoint.kind is None:
        return None
    if endpoint.kind == "year":
        return ContingentYearFactory()
    if endpoint.kind == "reason":
        return DeclineReasonFactory()
    if endpoint.kind == "limit":
        year = ContingentYearFactory()
        allocation.affordability_limits_load(region=year.region, year=year.year)
        return year.region.affordability_limits.first()
    if endpoint.kind == "run":
        year = ContingentYearFactory()
        allocation.affordability_limits_load(region=year.region, year=year.year)
        return allocation.allocation_run_start(contingent_year=year, by=UserFactory())
    sides = _sides(region)
    if endpoint.kind == "document":
        return _document(sides[side], settings, tmp_path)
    return _make(endpoint.kind, sides[side], endpoint.state)


@pytest.mark.parametrize(("name", "caller", "side"), CASES)
def test_rights(name, caller, side, region, client, api_client, make_member, settings, tmp_path):
    endpoint = TABLE[name]
    case = _case_for(endpoint, side, region, settings, tmp_path)
    http = _client(caller, client, api_client, make_member, endpoint.api)
    call = getattr(http, endpoint.method)
    response = call(_url(name, None if endpoint.listing else case), {})
    assert response.status_code == _expected(endpoint, caller, side), response.content[:300]


# --- What lists hold -----------------------------------------------------------------------------

LISTINGS = [
    pytest.param(name, caller, id=f"{name}-{caller}")
    for name, endpoint in TABLE.items()
    if endpoint.listing
    for caller, pair in endpoint.allowed.items()
    if pair[0] == 200
]


def _listed_ids(response, endpoint: Endpoint, cases: dict) -> set[str]:
    """Which of the cases (by side) the list shows: in the API by id, in Excel by the number in
    the first column, on a page by the link to the case."""
    if endpoint.listing == "page":
        text = response.content.decode()
        return {side for side, case in cases.items() if case.get_absolute_url() in text}
    if endpoint.listing == "api":
        ids = {row["id"] for row in response.json()["results"]}
    else:
        sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
        ids = {row[0] for row in sheet.values if isinstance(row[0], int)}
    return {side for side, case in cases.items() if case.pk in ids}


@pytest.mark.parametrize(("name", "caller"), LISTINGS)
def test_lists_hold_only_what_the_role_may_see(
    name, caller, region, client, api_client, make_member
):
    endpoint = TABLE[name]
    sides = _sides(region)
    cases = {side: _make(endpoint.kind, fields, endpoint.state) for side, fields in sides.items()}
    http = _client(caller, client, api_client, make_member, endpoint.api)
    response = http.get(reverse(name))
    assert response.status_code == 200
    expected = {side for side in cases if endpoint.allowed[caller][side == "other"] == 200}
    assert _listed_ids(response, endpoint, cases) == expected
