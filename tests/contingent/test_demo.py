"""The contingent demo data: reproducible, consistent, of the promised volume, fictitious."""

import datetime
import hashlib
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F, Q, Sum

from onderdak.accounts.models import Role
from onderdak.contingent.demo import (
    CLIENT_NUMBER_PREFIX,
    DEMO_SOURCE,
    NOMINATIONS_PER_YEAR,
    demo_homes,
    load_demo,
)
from onderdak.contingent.models import (
    OPEN_PROPOSAL_STATUSES,
    Client,
    ContingentYear,
    CorporationStock,
    CorporationTarget,
    DeclineReason,
    Dwelling,
    DwellingStatus,
    EligibilityCriterion,
    Evaluation,
    ExcludedMunicipality,
    Nomination,
    NominationStatus,
    Placement,
    PlacementStatus,
    Proposal,
    ProposalStatus,
    Stream,
)
from onderdak.contingent.selectors.visibility import (
    visible_nominations,
    visible_placements,
    visible_proposals,
)
from onderdak.core.bench.data import populate
from onderdak.region.services import DATA_DIR
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

AS_OF = datetime.date(2025, 12, 15)
ENTRIES = json.loads((DATA_DIR / "holland-rijnland" / "demo-users.json").read_text("utf-8"))
N, P, D = NominationStatus, ProposalStatus, DwellingStatus


@pytest.fixture
def homes(region):
    return demo_homes(region=region, entries=ENTRIES)


@pytest.fixture
def demo(region, homes):
    return load_demo(region=region, as_of=AS_OF, homes=homes)


def _digest(region) -> str:
    """A digest of the key fields of every generated record, primary keys left out."""
    rows = [
        Nomination.objects.order_by("client__client_number").values_list(
            "client__name",
            "client__client_number",
            "client__date_of_birth",
            "provider__name",
            "status",
            "status_changed_at",
            "submitted_at",
            "approved_at",
            "tie_municipality__cbs_code",
            "household_adults",
            "rooms_needed",
        ),
        Dwelling.objects.order_by("street", "house_number", "postcode", "status_changed_at")
        .values_list("street", "house_number", "postcode", "corporation__name", "status", "rent")
        .distinct(),
        Proposal.objects.order_by("nomination__client__client_number", "created_at").values_list(
            "nomination__client__client_number",
            "dwelling__street",
            "status",
            "provider_answered_at",
            "corporation_answered_at",
            "decline_reason__label",
        ),
        Placement.objects.order_by("nomination__client__client_number").values_list(
            "nomination__client__client_number", "status", "lease_start", "transfer_date"
        ),
        Evaluation.objects.order_by(
            "placement__nomination__client__client_number", "month"
        ).values_list("due_on", "held_on", "living", "goals"),
        CorporationStock.objects.order_by("contingent_year__year", "corporation__name").values_list(
            "dwellings"
        ),
    ]
    text = repr([list(queryset) for queryset in rows])
    return hashlib.sha256(text.encode()).hexdigest()


def _load_and_digest(region, homes, seed: int) -> str:
    with transaction.atomic():
        load_demo(region=region, as_of=AS_OF, homes=homes, seed=seed)
        digest = _digest(region)
        transaction.set_rollback(True)
    return digest


def test_two_loads_give_identical_data_and_another_seed_other_data(region, homes):
    first = _load_and_digest(region, homes, seed=3)
    assert _load_and_digest(region, homes, seed=3) == first
    assert _load_and_digest(region, homes, seed=4) != first


def test_about_350_nominations_a_year_from_every_care_provider(region, demo):
    per_year = dict(
        Nomination.objects.values_list("contingent_year__year").annotate(n=Count("pk")).order_by()
    )
    assert set(per_year) == {2023, 2024, 2025}
    for count in per_year.values():
        assert 0.9 * NOMINATIONS_PER_YEAR <= count <= 1.1 * NOMINATIONS_PER_YEAR
    providers = region.organisations.filter(kind="care_provider")
    assert Nomination.objects.values("provider").distinct().count() == providers.count() == 23
    assert demo[Nomination] == Nomination.objects.count()


def test_the_years_and_their_split_over_the_corporations(region, demo):
    years = {y.year: y for y in ContingentYear.objects.filter(region=region)}
    assert [(y.total, y.outflow_target, y.prevention_target) for y in years.values()] == [
        (250, 200, 50),
        (250, 200, 50),
        (200, 200, 0),
    ]
    corporations = region.organisations.filter(kind="housing_corporation").count()
    for contingent in years.values():
        assert contingent.key_source == DEMO_SOURCE
        assert contingent.stocks.count() == corporations
        for stream in Stream.values:
            targets = contingent.targets.filter(stream=stream)
            assert (targets.aggregate(n=Sum("target"))["n"] or 0) == contingent.stream_target(
                stream
            )
            assert not targets.exclude(target=F("computed")).exists()
    assert not Nomination.objects.filter(contingent_year__year=2023, stream=Stream.PREVENTION)
    assert Nomination.objects.filter(contingent_year__year=2024, stream=Stream.PREVENTION)
    assert not EligibilityCriterion.objects.filter(
        contingent_year__year=2023, stream=Stream.PREVENTION
    ).exists()
    assert DeclineReason.objects.filter(region=region, is_valid=False).exists()
    assert DeclineReason.objects.filter(region=region, is_valid=True).exists()


def test_every_name_is_marked_fictitious(demo):
    assert not Client.objects.exclude(name__endswith="(fictief)").exists()
    assert not Client.objects.exclude(client_number__startswith=CLIENT_NUMBER_PREFIX).exists()


def test_each_status_has_the_dates_and_reasons_that_belong_to_it(demo):
    nominations = Nomination.objects.all()
    assert not nominations.filter(status=N.DRAFT, submitted_at__isnull=False).exists()
    assert not nominations.exclude(status=N.DRAFT).filter(submitted_at__isnull=True).exists()
    reviewed = (N.APPROVED, N.PROPOSED, N.PLACED, N.CLOSED)
    assert not nominations.filter(status__in=reviewed, approved_at__isnull=True).exists()
    assert not nominations.filter(approved_at__lt=F("submitted_at")).exists()
    assert not nominations.filter(status=N.REJECTED, decision_reason="").exists()
    assert not nominations.filter(status=N.WITHDRAWN, withdrawal_reason="").exists()
    assert not nominations.filter(status=N.CLOSED, refusals__lt=3).exists()
    assert not Proposal.objects.filter(created_at__isnull=True).exists()
    declined = Proposal.objects.filter(
        status__in=(P.DECLINED_BY_PROVIDER, P.DECLINED_BY_CORPORATION)
    )
    assert declined.exists()
    assert not declined.filter(decline_reason__isnull=True).exists()
    assert not Proposal.objects.filter(status=P.ACCEPTED, corporation_answered_at=None).exists()
    assert not Proposal.objects.filter(provider_answered_at__lt=F("nomination__approved_at"))
    placements = Placement.objects.all()
    assert not placements.filter(status=PlacementStatus.TRANSFERRED, transfer_date=None).exists()
    assert not placements.filter(status=PlacementStatus.ENDED, end_reason="").exists()
    assert not placements.filter(lease_start__lt=F("proposal__corporation_answered_at__date"))
    held = Evaluation.objects.filter(held_on__isnull=False)
    assert held.exists()
    assert not held.filter(Q(living="") | Q(goals="")).exists()


def test_nothing_happens_after_the_reference_date(demo):
    end = datetime.datetime(2025, 12, 16, tzinfo=datetime.UTC)
    for model in (Nomination, Dwelling, Proposal, Placement):
        assert not model.objects.filter(status_changed_at__gte=end).exists(), model
    assert not Evaluation.objects.filter(held_on__gt=AS_OF).exists()
    assert not Placement.objects.filter(Q(transfer_date__gt=AS_OF) | Q(ended_on__gt=AS_OF))


def test_a_placed_nomination_has_its_accepted_proposal_and_its_placement(demo):
    placed = Nomination.objects.filter(status=N.PLACED)
    assert placed.count() == Placement.objects.count() > 0
    assert not placed.filter(placement__isnull=True).exists()
    placements = Placement.objects.all()
    assert not placements.exclude(proposal__status=P.ACCEPTED).exists()
    assert not placements.exclude(proposal__nomination=F("nomination")).exists()
    assert not placements.exclude(proposal__dwelling=F("dwelling")).exists()
    assert not Proposal.objects.filter(status=P.ACCEPTED, placement__isnull=True).exists()
    let = Dwelling.objects.filter(status=D.LET)
    assert let.count() == placements.count()
    assert not let.filter(placement__isnull=True).exists()


def test_open_proposals_match_the_states_of_nomination_and_dwelling(demo):
    open_ = Q(proposals__status__in=OPEN_PROPOSAL_STATUSES)
    for model, proposed in ((Nomination, N.PROPOSED), (Dwelling, D.PROPOSED)):
        counted = model.objects.annotate(open=Count("proposals", filter=open_))
        assert not counted.filter(open__gt=1).exists()
        assert not counted.filter(status=proposed).exclude(open=1).exists()
        assert not counted.exclude(status=proposed).filter(open__gt=0).exists()
    assert Proposal.objects.filter(status=P.AWAITING_PROVIDER).exists()
    assert Proposal.objects.filter(status=P.AWAITING_CORPORATION).exists()


def test_proposals_respect_the_needs_and_the_exclusions(demo):
    pairs = Proposal.objects.values("nomination", "dwelling")
    assert pairs.annotate(n=Count("pk")).filter(n__gt=1).count() == 0
    proposals = Proposal.objects.all()
    assert not proposals.filter(dwelling__rooms__lt=F("nomination__rooms_needed")).exists()
    assert not proposals.filter(
        nomination__needs_wheelchair_access=True, dwelling__wheelchair_accessible=False
    ).exists()
    assert not proposals.filter(
        nomination__needs_ground_floor_or_lift=True, dwelling__floor__gt=0, dwelling__has_lift=False
    ).exists()
    excluded = ExcludedMunicipality.objects.filter(
        nomination__proposals__dwelling__municipality=F("municipality")
    )
    assert ExcludedMunicipality.objects.exists()
    assert not excluded.exists()
    assert not proposals.filter(dwelling__available_from__gt=F("created_at__date")).exists()


def test_the_story_looks_like_a_running_scheme(demo):
    current = dict(
        Nomination.objects.filter(contingent_year__year=2025)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for status in (N.DRAFT, N.SUBMITTED, N.APPROVED, N.PLACED, N.REJECTED, N.WITHDRAWN):
        assert current.get(status), status
    older = Nomination.objects.filter(contingent_year__year=2023)
    assert older.filter(status=N.PLACED).count() > older.count() / 2
    outcomes = set(Placement.objects.values_list("status", flat=True))
    assert outcomes == set(PlacementStatus.values)


MODELS = [
    ContingentYear,
    CorporationStock,
    CorporationTarget,
    EligibilityCriterion,
    DeclineReason,
    Client,
    Nomination,
    ExcludedMunicipality,
    Dwelling,
    Proposal,
    Placement,
    Evaluation,
]


def test_a_sample_of_every_model_passes_full_clean(demo):
    for model in MODELS:
        sample = list(model.objects.order_by("?")[:40])
        assert sample, model
        for instance in sample:
            instance.full_clean()


def test_the_demo_users_find_work_waiting(region, homes, demo):
    def user(role, organisation):
        return MembershipFactory(role=role, organisation=organisation).user

    care = user(Role.CARE_WORKER, homes.provider)
    corporation = user(Role.CORPORATION_OFFICER, homes.corporation)
    municipality = user(
        Role.MUNICIPALITY_OFFICER,
        region.organisations.get(kind="municipality", municipality=homes.municipality),
    )
    waiting = visible_nominations(municipality).filter(
        status=N.SUBMITTED, contingent_year__year=2025
    )
    assert waiting.count() >= 3
    assert visible_proposals(care).filter(status=P.AWAITING_PROVIDER).exists()
    assert visible_proposals(corporation).filter(status=P.AWAITING_CORPORATION).exists()
    due = visible_placements(care).filter(
        evaluations__held_on=None, evaluations__due_on__lte=AS_OF, status=PlacementStatus.ACTIVE
    )
    assert due.exists()


def test_scale_zero_makes_the_years_and_the_examples_only(region, homes):
    added = load_demo(region=region, as_of=AS_OF, homes=homes, scale=0)
    assert added[ContingentYear] == 3
    assert Nomination.objects.count() == added[Nomination] == 6  # 3 reviews, 2 proposals, 1 placed


def test_more_volume_goes_into_the_existing_years_with_new_client_numbers(region, demo):
    before = Nomination.objects.count()
    load_demo(region=region, as_of=AS_OF, years=(2025,))
    assert ContingentYear.objects.filter(region=region).count() == 3
    assert Nomination.objects.count() > before
    assert Client.objects.values("client_number").distinct().count() == Client.objects.count()


def test_the_demo_command_loads_the_contingent_once(region, settings, tmp_path):
    settings.DEMO, settings.VAR_DIR, settings.STATIC_ROOT = True, tmp_path, tmp_path / "static"
    out = StringIO()
    call_command("demo", "--no-serve", stdout=out)
    assert "Contingent demo data, all fictitious" in out.getvalue()
    count = Nomination.objects.count()
    assert ContingentYear.objects.filter(region=region).count() == 3
    assert count > 2 * 0.9 * NOMINATIONS_PER_YEAR  # two whole years and this one so far
    call_command("demo", "--no-serve", stdout=out)
    assert Nomination.objects.count() == count
    assert "none added" in out.getvalue()


def test_the_bench_users_work_where_the_example_cases_are(region):
    bench = populate(region_dir="holland-rijnland", scale=0)
    users = bench.users
    coordinator = users[Role.REGIONAL_COORDINATOR]
    assert visible_nominations(users[Role.MUNICIPALITY_OFFICER]).exists()
    assert visible_nominations(users[Role.CARE_WORKER]).exists()
    assert visible_proposals(users[Role.CORPORATION_OFFICER]).exists()
    assert visible_nominations(coordinator).count() == Nomination.objects.count() > 0
