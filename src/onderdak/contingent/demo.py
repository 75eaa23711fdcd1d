"""Demo and benchmark data of the contingent scheme: fictitious years, cases and their outcomes.

``load_demo`` tells the story of every nomination from a seeded random generator and a seeded
Faker: submission, review, proposals and their answers, the placement, its evaluations and its
outcome. The story stops at a reference date (``as_of``): what would happen later has not
happened yet, so the latest year holds drafts, reviews and open proposals, the older years mostly
placements, lease transfers and ended placements. The same seed, years, scale, reference date and
starting database give the same data.

Everything is fictitious and says so: client names end in "(fictief)", client numbers start with
"DEMO-", the years' key source is "Fictieve voorraadcijfers (demo)". Rows are written with
``bulk_create`` (scale 20, the whole country's order of magnitude, loads in seconds), which
skips django-auditlog: generated data has no history of changes, as nobody made them.
"""

import datetime
import heapq
import itertools
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, models, transaction
from django.utils import timezone
from faker import Faker

from onderdak.contingent.models import (
    Client,
    ContingentYear,
    CorporationStock,
    CorporationTarget,
    CurrentSituation,
    DeclineParty,
    DeclineReason,
    Dwelling,
    DwellingStatus,
    DwellingStream,
    DwellingType,
    EligibilityCriterion,
    EndReason,
    Evaluation,
    ExcludedMunicipality,
    GuidanceIntensity,
    IncomeBand,
    LeaseType,
    Nomination,
    NominationStatus,
    Placement,
    PlacementStatus,
    Proposal,
    ProposalOrigin,
    ProposalStatus,
    Rating,
    Stream,
)
from onderdak.engines.apportion import apportion
from onderdak.region.models import Municipality, Organisation, OrganisationKind, Region
from onderdak.region.selectors import municipality_list

DEMO_SOURCE = "Fictieve voorraadcijfers (demo)"
CLIENT_NUMBER_PREFIX = "DEMO-"
DEFAULT_YEARS = (2023, 2024, 2025)
DEFAULT_SEED = 3
NOMINATIONS_PER_YEAR = 350
OUTFLOW_TARGET, PREVENTION_TARGET = 200, 50
PREVENTION_SINCE = 2024  # the preventie stream started in 2024
LAST_DAY = (12, 15)  # the story of the last year stops here, unless today is earlier
#: Unused dwellings offered in the last year, per unit of scale, waiting for an allocation run.
SPARE_DWELLINGS = 10
REFUSALS_BEFORE_CLOSING = 3
BATCH = 1000
#: Passend toewijzen: the highest rent for a household within the income limit, by its size.
RENT_LIMIT_SMALL, RENT_LIMIT_LARGE = 680, 730
MIN_RENT, MAX_RENT = 450, 880

CRITERIA = {
    Stream.OUTFLOW: [
        "Cliënt verblijft in een voorziening voor maatschappelijke opvang of beschermd wonen",
        "Cliënt is volgens de zorgaanbieder toe aan zelfstandig wonen met begeleiding",
        "Cliënt heeft een begeleidingsovereenkomst voor ten minste 12 maanden",
        "Cliënt heeft regiobinding met een gemeente in de regio",
    ],
    Stream.PREVENTION: [
        "Cliënt krijgt ambulante begeleiding van een gecontracteerde zorgaanbieder",
        "Zonder passende woning dreigt instroom in een voorziening of de opvang",
        "Cliënt heeft een begeleidingsovereenkomst voor ten minste 12 maanden",
        "Cliënt heeft regiobinding met een gemeente in de regio",
    ],
}
#: (label, party, valid)
DECLINE_REASONS = [
    ("Woning te ver van het netwerk", DeclineParty.PROVIDER, True),
    ("Woning past niet bij de zorgvraag", DeclineParty.BOTH, True),
    ("Huur niet betaalbaar voor de cliënt", DeclineParty.PROVIDER, True),
    ("Begeleiding is nog niet geregeld", DeclineParty.CORPORATION, True),
    ("Eerdere huurschuld bij de corporatie", DeclineParty.CORPORATION, True),
    ("Cliënt wacht liever op een woning in een andere gemeente", DeclineParty.PROVIDER, False),
    ("Cliënt niet bereikbaar", DeclineParty.PROVIDER, False),
    ("Geen reden opgegeven", DeclineParty.BOTH, False),
]
FACILITIES = ["Maatschappelijke opvang", "Beschermd wonen", "Kamertrainingscentrum", "Crisisopvang"]
INFO_REQUEST = "Het begeleidingsplan ontbreekt; stuur het mee met de aanmelding."
REJECTION = "Cliënt voldoet niet aan de criteria van de stroom (demo)."
WITHDRAWAL = "Cliënt heeft zelf een woning gevonden (demo)."
EXCLUSION = "Veiligheid: afstand tot een eerder risicovol netwerk (demo)."
MANUAL_PROPOSAL = "Handmatig voorstel: de woning past bij de urgente zorgvraag (demo)."
OUT_OF_SCHEME = "De corporatie heeft de woning buiten het contingent verhuurd (demo)."
POSTCODE_LETTERS = "ABCDEGHJKLMNPRTVWXZ"

# The fate of a nomination: what would happen to it, given time.
PLACED, WAITING, REJECTED, WITHDRAWN, CLOSED, INFO = (
    "placed",
    "waiting",
    "rejected",
    "withdrawn",
    "closed",
    "info",
)
DECLINED = (ProposalStatus.DECLINED_BY_PROVIDER, ProposalStatus.DECLINED_BY_CORPORATION)
FATES = {PLACED: 64, WAITING: 6, REJECTED: 10, WITHDRAWN: 9, CLOSED: 2, INFO: 9}


@dataclass(frozen=True)
class DemoHomes:
    """The organisations of the demo users: the named example cases are theirs."""

    provider: Organisation
    corporation: Organisation
    municipality: Municipality


def demo_homes(*, region: Region, entries: Sequence[dict] = ()) -> DemoHomes:
    """The demo users' organisations from ``demo-users.json`` entries; the first of each kind
    (by primary key) where an entry is missing."""
    names = {entry["role"]: entry["organisation"] for entry in entries}
    organisations = Organisation.objects.filter(region=region).select_related("municipality")

    def home(role: str, kind: str) -> Organisation:
        named = organisations.filter(kind=kind, name=names.get(role, "")).first()
        return named or organisations.filter(kind=kind).order_by("pk").first()

    return DemoHomes(
        provider=home("care_worker", OrganisationKind.CARE_PROVIDER),
        corporation=home("corporation_officer", OrganisationKind.HOUSING_CORPORATION),
        municipality=home("municipality_officer", OrganisationKind.MUNICIPALITY).municipality,
    )


def default_as_of(years: Sequence[int]) -> datetime.date:
    """The reference date: 15 December of the last year, or today when that is earlier."""
    return min(timezone.localdate(), datetime.date(max(years), *LAST_DAY))


@transaction.atomic
def load_demo(
    *,
    region: Region,
    years: Sequence[int] = DEFAULT_YEARS,
    scale: int = 1,
    seed: int = DEFAULT_SEED,
    as_of: datetime.date | None = None,
    homes: DemoHomes | None = None,
) -> dict[type[models.Model], int]:
    """Add ``scale`` times the demo volume of ``years`` to ``region``; the rows added per model.

    Years that exist already are reused (their volume grows); missing ones are made with their
    split over the corporations and their criteria. With ``homes``, also the named example cases
    that put work on the demo users' home pages. Scale 0 makes only the years and the examples.
    """
    builder = _Builder(region, sorted(years), seed, as_of or default_as_of(years))
    for year in builder.years:
        builder.tell_year(year, scale)
    if homes:
        builder.tell_examples(homes)
    builder.add_spare_dwellings(SPARE_DWELLINGS * scale)
    return builder.write()


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, 28))


@dataclass
class _Offer:
    """A proposal in the story of a nomination; its dwelling is found afterwards."""

    created: datetime.datetime
    status: str = ProposalStatus.AWAITING_PROVIDER
    provider_answered: datetime.datetime | None = None
    corporation_answered: datetime.datetime | None = None
    reason: DeclineReason | None = None
    dwelling: Dwelling | None = None

    @property
    def changed(self) -> datetime.datetime:
        return self.corporation_answered or self.provider_answered or self.created


@dataclass
class _Plan:
    nomination: Nomination
    created: datetime.datetime
    preferred: list[Municipality]
    excluded: list[Municipality]
    criteria: list[EligibilityCriterion]
    offers: list[_Offer] = field(default_factory=list)
    lease_start: datetime.date | None = None
    corporation: Organisation | None = None  # the example cases pick theirs
    keep_active: bool = False  # an example placement with its evaluation due

    @property
    def evaluation_months(self) -> list[int]:
        return self.nomination.contingent_year.evaluation_months


@dataclass
class _Unit:
    """A dwelling and the nominations it was proposed to; free again after a decline."""

    dwelling: Dwelling
    paired: set[int] = field(default_factory=set)
    released: datetime.datetime | None = None
    taken: bool = False


class _Builder:
    def __init__(self, region: Region, years: list[int], seed: int, as_of: datetime.date):
        self.region = region
        self.added: dict[type[models.Model], int] = {}
        known = Client.objects.filter(client_number__startswith=CLIENT_NUMBER_PREFIX).count()
        self.numbers = itertools.count(known + 1)
        # Added to earlier demo data, the story differs from it, yet stays reproducible.
        story = f"{seed}+{known}" if known else seed
        self.rng = random.Random(story)  # noqa: S311 -- reproducible demo data, not secrets
        self.fake = Faker("nl_NL")
        self.fake.seed_instance(story)
        self.as_of = as_of
        self.until = self._moment(as_of, 18)
        self.municipalities = list(municipality_list(region=region).order_by("cbs_code"))
        self.population = [m.population or 1 for m in self.municipalities]
        organisations = Organisation.objects.filter(region=region, is_active=True).order_by("pk")
        self.providers = list(organisations.filter(kind=OrganisationKind.CARE_PROVIDER))
        self.provider_weights = [self.rng.randint(1, 10) for _ in self.providers]
        self.corporations = list(organisations.filter(kind=OrganisationKind.HOUSING_CORPORATION))
        self.stock = {c.pk: self.rng.randint(15, 160) * 100 for c in self.corporations}
        self.reasons = self._decline_reasons()
        self.years = [self._year(year) for year in years if datetime.date(year, 1, 2) < as_of]
        self.sequence = itertools.count()  # ties in the heap of released dwellings
        self.plans: list[_Plan] = []
        self.units: list[_Unit] = []

    # --- time ----------------------------------------------------------------------------------

    def _moment(self, day: datetime.date, hour: int | None = None) -> datetime.datetime:
        hour = self.rng.randint(9, 16) if hour is None else hour
        minute = self.rng.randrange(0, 60, 5)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))

    def _after(self, moment: datetime.datetime, low: int, high: int) -> datetime.datetime:
        return self._moment(moment.date() + datetime.timedelta(days=self.rng.randint(low, high)))

    def _year_of(self, moment: datetime.datetime) -> ContingentYear:
        """The contingent year a dwelling offered at ``moment`` counts towards."""
        earlier = [y for y in self.years if y.year <= moment.year]
        return earlier[-1] if earlier else self.years[0]

    # --- years and lists -----------------------------------------------------------------------

    def _decline_reasons(self) -> list[DeclineReason]:
        existing = {r.label: r for r in DeclineReason.objects.filter(region=self.region)}
        missing = [
            DeclineReason(region=self.region, label=label, party=party, is_valid=valid, position=i)
            for i, (label, party, valid) in enumerate(DECLINE_REASONS)
            if label not in existing
        ]
        self._count(DeclineReason, DeclineReason.objects.bulk_create(missing))
        existing.update((r.label, r) for r in missing)
        return [existing[label] for label, _, _ in DECLINE_REASONS]

    def _year(self, year: int) -> ContingentYear:
        existing = ContingentYear.objects.filter(region=self.region, year=year).first()
        if existing:
            existing.demo_criteria = list(existing.criteria.order_by("position", "pk"))
            return existing
        prevention = PREVENTION_TARGET if year >= PREVENTION_SINCE else 0
        contingent = ContingentYear.objects.create(
            region=self.region,
            year=year,
            total=OUTFLOW_TARGET + prevention,
            outflow_target=OUTFLOW_TARGET,
            prevention_target=prevention,
            key_source=DEMO_SOURCE,
            refusals_before_closing=REFUSALS_BEFORE_CLOSING,
        )
        self._count(ContingentYear, [contingent])
        self._split(contingent)
        contingent.demo_criteria = self._criteria(contingent)
        return contingent

    def _split(self, contingent: ContingentYear) -> None:
        """Fictitious stock figures that drift a little each year, and the split they give."""
        for pk in self.stock:
            self.stock[pk] = round(self.stock[pk] * self.rng.uniform(0.98, 1.03))
        stocks = [
            CorporationStock(contingent_year=contingent, corporation=c, dwellings=self.stock[c.pk])
            for c in self.corporations
        ]
        self._count(CorporationStock, CorporationStock.objects.bulk_create(stocks))
        weights = [self.stock[c.pk] for c in self.corporations]
        targets = [
            CorporationTarget(
                contingent_year=contingent, corporation=c, stream=stream, computed=n, target=n
            )
            for stream in Stream.values
            if contingent.stream_target(stream)
            for c, n in zip(
                self.corporations,
                apportion(contingent.stream_target(stream), weights),
                strict=True,
            )
        ]
        self._count(CorporationTarget, CorporationTarget.objects.bulk_create(targets))

    def _criteria(self, contingent: ContingentYear) -> list[EligibilityCriterion]:
        criteria = [
            EligibilityCriterion(contingent_year=contingent, stream=stream, text=text, position=i)
            for stream in self._streams(contingent)
            for i, text in enumerate(CRITERIA[stream])
        ]
        self._count(EligibilityCriterion, EligibilityCriterion.objects.bulk_create(criteria))
        return criteria

    @staticmethod
    def _streams(contingent: ContingentYear) -> list[str]:
        return [s for s in Stream.values if contingent.stream_target(s)]

    # --- nominations ---------------------------------------------------------------------------

    def tell_year(self, contingent: ContingentYear, scale: int) -> None:
        """The nominations made in a year, each told up to the reference date, in time order."""
        first = datetime.date(contingent.year, 1, 2)
        last = min(datetime.date(contingent.year, 12, 31), self.as_of - datetime.timedelta(days=1))
        days = (last - first).days
        count = round(NOMINATIONS_PER_YEAR * scale * (days + 1) / 365)
        moments = sorted(
            self._moment(first + datetime.timedelta(days=self.rng.randint(0, days)))
            for _ in range(count)
        )
        streams = self._streams(contingent)
        weights = [contingent.stream_target(s) for s in streams]
        for created in moments:
            stream = self.rng.choices(streams, weights)[0]
            plan = self._plan(contingent, stream, created, self._provider())
            self._tell(plan, self.rng.choices(list(FATES), list(FATES.values()))[0])

    def _provider(self) -> Organisation:
        return self.rng.choices(self.providers, self.provider_weights)[0]

    def _plan(
        self,
        contingent: ContingentYear,
        stream: str,
        created: datetime.datetime,
        provider: Organisation,
        tie: Municipality | None = None,
    ) -> _Plan:
        tie = tie or self.rng.choices(self.municipalities, self.population)[0]
        adults = self.rng.choices([1, 2], [85, 15])[0]
        children = self.rng.choices([0, 1, 2, 3], [75, 12, 9, 4])[0]
        wheelchair = self.rng.random() < 0.03
        institution = stream == Stream.OUTFLOW and self.rng.random() < 0.9
        nomination = Nomination(
            created_at=created,
            contingent_year=contingent,
            client=self._client(provider, created),
            provider=provider,
            stream=stream,
            status=NominationStatus.DRAFT,
            status_changed_at=created,
            household_adults=adults,
            household_children=children,
            income_band=self.rng.choices(IncomeBand.values, [85, 15])[0],
            rooms_needed=min(adults + children, 4),
            needs_ground_floor_or_lift=wheelchair or self.rng.random() < 0.15,
            needs_wheelchair_access=wheelchair,
            urgent=self.rng.random() < 0.08,
            tie_municipality=tie,
            current_situation=(
                CurrentSituation.INSTITUTION if institution else CurrentSituation.AMBULANT
            ),
            current_facility=f"{self.rng.choice(FACILITIES)} {provider.name}"
            if institution
            else "",
            guidance_provider=provider if self.rng.random() < 0.9 else self._provider(),
            guidance_intensity=self.rng.choices(GuidanceIntensity.values, [30, 50, 20])[0],
            guidance_months=self.rng.choice([12, 12, 18, 24]),
        )
        plan = _Plan(nomination, created, *self._wishes(tie), contingent.demo_criteria)
        plan.criteria = [c for c in plan.criteria if c.stream == stream]
        self.plans.append(plan)
        return plan

    def _client(self, provider: Organisation, created: datetime.datetime) -> Client:
        age_in_days = self.rng.randint(19 * 365, 66 * 365)
        return Client(
            created_at=created,
            provider=provider,
            name=f"{self.fake.last_name()}, {self.fake.first_name()[0]}. (fictief)",
            date_of_birth=created.date() - datetime.timedelta(days=age_in_days),
            client_number=f"{CLIENT_NUMBER_PREFIX}{next(self.numbers):06d}",
        )

    def _wishes(self, tie: Municipality) -> tuple[list[Municipality], list[Municipality]]:
        """Preferred municipalities (the tie and some of its subregion) and, rarely, one
        excluded municipality elsewhere."""
        preferred, excluded = [], []
        if self.rng.random() < 0.6:
            near = [m for m in self.municipalities if m.subregion_id == tie.subregion_id]
            preferred = [tie, *self.rng.sample(near, self.rng.randint(0, 2))]
            preferred = list({m.pk: m for m in preferred}.values())
        if self.rng.random() < 0.08:
            others = [m for m in self.municipalities if m not in preferred and m != tie]
            excluded = [self.rng.choice(others)]
        return preferred, excluded

    def _set(self, nomination: Nomination, status: str, at: datetime.datetime) -> None:
        nomination.status, nomination.status_changed_at = status, at

    def _submit(self, nomination: Nomination, at: datetime.datetime) -> None:
        nomination.submitted_at = at
        self._set(nomination, NominationStatus.SUBMITTED, at)

    def _tell(self, plan: _Plan, fate: str) -> None:
        """Take the nomination as far as its fate goes by the reference date."""
        nomination = plan.nomination
        submitted = self._after(plan.created, 1, 21)
        if submitted > self.until:
            return
        self._submit(nomination, submitted)
        if fate == INFO and not (submitted := self._more_information(nomination, submitted)):
            return
        reviewed = self._after(submitted, 1, 18)
        if reviewed > self.until:
            return
        if fate == REJECTED:
            nomination.decision_reason = REJECTION
            self._set(nomination, NominationStatus.REJECTED, reviewed)
            return
        nomination.approved_at = reviewed
        self._set(nomination, NominationStatus.APPROVED, reviewed)
        if fate == WITHDRAWN:
            self._withdraw(nomination, self._after(reviewed, 5, 80))
        else:
            self._propose(plan, fate, reviewed)

    def _more_information(
        self, nomination: Nomination, submitted: datetime.datetime
    ) -> datetime.datetime | None:
        """Asked for more information and submitted again; None while the answer is awaited."""
        asked = self._after(submitted, 1, 12)
        if asked > self.until:
            return None
        nomination.decision_reason = INFO_REQUEST
        self._set(nomination, NominationStatus.INFO_REQUESTED, asked)
        again = self._after(asked, 2, 20)
        if again > self.until:
            return None
        self._submit(nomination, again)
        return again

    def _withdraw(self, nomination: Nomination, at: datetime.datetime) -> None:
        if at <= self.until:
            nomination.withdrawal_reason = WITHDRAWAL
            self._set(nomination, NominationStatus.WITHDRAWN, at)

    def _propose(self, plan: _Plan, fate: str, since: datetime.datetime) -> None:
        """Proposals until one is accepted, or until the refusals close the nomination."""
        if fate == CLOSED:
            declines = plan.nomination.contingent_year.refusals_before_closing or 1
        elif fate == WAITING:
            declines = self.rng.choice([0, 0, 1])
        else:
            declines = self.rng.choices([0, 1, 2], [70, 22, 8])[0]
        offers = declines + (fate not in (WAITING, CLOSED))
        moment = since
        for i in range(offers):
            created = self._after(moment, 14, 120) if i == 0 else self._after(moment, 7, 45)
            if created > self.until:
                return
            moment = self._offer(plan, created, decline=i < declines, closing=fate == CLOSED)
            if not moment:
                return
        if fate == CLOSED:
            self._set(plan.nomination, NominationStatus.CLOSED, moment)

    def _offer(
        self, plan: _Plan, created: datetime.datetime, *, decline: bool, closing: bool
    ) -> datetime.datetime | None:
        """One proposal and its answers; the moment it was settled, or None while open."""
        offer = _Offer(created)
        plan.offers.append(offer)
        nomination = plan.nomination
        self._set(nomination, NominationStatus.PROPOSED, created)
        answered = self._after(created, 1, 9)
        if answered > self.until:
            return None
        if decline and (closing or self.rng.random() < 0.7):
            return self._decline(plan, offer, answered, DeclineParty.PROVIDER, closing)
        offer.provider_answered, offer.status = answered, ProposalStatus.AWAITING_CORPORATION
        answered = self._after(answered, 1, 6)
        if answered > self.until:
            return None
        if decline:
            return self._decline(plan, offer, answered, DeclineParty.CORPORATION, False)
        offer.corporation_answered, offer.status = answered, ProposalStatus.ACCEPTED
        self._set(nomination, NominationStatus.PLACED, answered)
        plan.lease_start = answered.date() + datetime.timedelta(days=self.rng.randint(7, 30))
        return answered

    def _decline(
        self, plan: _Plan, offer: _Offer, at: datetime.datetime, party: str, closing: bool
    ) -> datetime.datetime:
        reasons = [r for r in self.reasons if r.party in (party, DeclineParty.BOTH)]
        if closing:
            reasons = [r for r in reasons if not r.is_valid]
        offer.reason = self.rng.choices(reasons, [4 if r.is_valid else 1 for r in reasons])[0]
        if party == DeclineParty.PROVIDER:
            offer.provider_answered, offer.status = at, ProposalStatus.DECLINED_BY_PROVIDER
            plan.nomination.refusals += not offer.reason.is_valid
        else:
            offer.corporation_answered, offer.status = at, ProposalStatus.DECLINED_BY_CORPORATION
        self._set(plan.nomination, NominationStatus.APPROVED, at)
        return at

    # --- the named examples --------------------------------------------------------------------

    def tell_examples(self, homes: DemoHomes) -> None:
        """Work waiting for the demo users: reviews for the municipality, a proposal for the
        provider, one for the corporation, and an evaluation due."""
        contingent = self.years[-1]
        for days in (1, 4, 13):
            submitted = self.until - datetime.timedelta(days=days)
            plan = self._example(contingent, homes.provider, homes.municipality, submitted)
            self._submit(plan.nomination, submitted)
        plan = self._approved_example(contingent, homes.provider, homes.municipality, 40)
        self._open_offer(plan, self.until - datetime.timedelta(days=2))
        other = next(p for p in self.providers if p != homes.provider)
        plan = self._approved_example(contingent, other, homes.municipality, 60)
        plan.corporation = homes.corporation
        self._open_offer(
            plan, self.until - datetime.timedelta(days=6), self.until - datetime.timedelta(days=1)
        )
        self._placed_example(contingent, homes)

    def _example(self, contingent, provider, tie, submitted) -> _Plan:
        created = submitted - datetime.timedelta(days=7)
        return self._plan(contingent, Stream.OUTFLOW, created, provider, tie)

    def _approved_example(self, contingent, provider, tie, days: int) -> _Plan:
        approved = self.until - datetime.timedelta(days=days)
        plan = self._example(contingent, provider, tie, approved - datetime.timedelta(days=5))
        self._submit(plan.nomination, approved - datetime.timedelta(days=5))
        plan.nomination.approved_at = approved
        self._set(plan.nomination, NominationStatus.APPROVED, approved)
        return plan

    def _placed_example(self, contingent: ContingentYear, homes: DemoHomes) -> None:
        """A placement whose first evaluation fell due yesterday."""
        first = contingent.evaluation_months[0]
        lease_start = _add_months(self.as_of - datetime.timedelta(days=1), -first)
        start = self._moment(lease_start)
        plan = self._approved_example(
            contingent, homes.provider, homes.municipality, (self.until - start).days + 40
        )
        plan.corporation, plan.keep_active = homes.corporation, True
        offer = _Offer(start - datetime.timedelta(days=30), ProposalStatus.ACCEPTED)
        offer.provider_answered = start - datetime.timedelta(days=27)
        offer.corporation_answered = start - datetime.timedelta(days=25)
        plan.offers.append(offer)
        plan.lease_start = lease_start
        self._set(plan.nomination, NominationStatus.PLACED, offer.corporation_answered)

    def _open_offer(self, plan: _Plan, created: datetime.datetime, provider_answered=None) -> None:
        """A proposal awaiting the provider or, once it answered, the corporation."""
        offer = _Offer(created, provider_answered=provider_answered)
        if provider_answered:
            offer.status = ProposalStatus.AWAITING_CORPORATION
        plan.offers.append(offer)
        self._set(plan.nomination, NominationStatus.PROPOSED, created)

    # --- dwellings -----------------------------------------------------------------------------

    def _find_dwellings(self) -> None:
        """Give every proposal a dwelling, in time order: a dwelling declined earlier goes to a
        later nomination it suits (never again to the same one), or a new dwelling is offered."""
        offers = sorted(
            ((o.created, i, plan, o) for i, plan in enumerate(self.plans) for o in plan.offers),
            key=lambda item: (item[0], item[1]),
        )
        released: list[tuple[datetime.datetime, int, _Unit]] = []
        free: list[_Unit] = []
        for created, _, plan, offer in offers:
            while released and released[0][0] <= created:
                free.append(heapq.heappop(released)[2])
            unit = None if plan.corporation else self._reusable(free, plan)
            unit = unit or self._new_unit(plan, created)
            unit.paired.add(id(plan))
            offer.dwelling = unit.dwelling
            if offer.status in DECLINED:
                unit.released = offer.changed
                heapq.heappush(released, (offer.changed, next(self.sequence), unit))
            else:
                self._take(unit, offer)
        self._settle_dwellings()

    @staticmethod
    def _take(unit: _Unit, offer: _Offer) -> None:
        """Let after an accepted proposal, proposed while one is open."""
        unit.taken = True
        accepted = offer.status == ProposalStatus.ACCEPTED
        unit.dwelling.status = DwellingStatus.LET if accepted else DwellingStatus.PROPOSED
        unit.dwelling.status_changed_at = offer.changed if accepted else offer.created

    def _reusable(self, free: list[_Unit], plan: _Plan) -> _Unit | None:
        for index, unit in enumerate(free[:50]):
            if id(plan) not in unit.paired and self._suits(unit.dwelling, plan):
                return free.pop(index)
        return None

    def _suits(self, dwelling: Dwelling, plan: _Plan) -> bool:
        nomination = plan.nomination
        return (
            dwelling.stream in (DwellingStream.EITHER, nomination.stream)
            and dwelling.rooms >= nomination.rooms_needed
            and (dwelling.ground_floor_or_lift or not nomination.needs_ground_floor_or_lift)
            and (dwelling.wheelchair_accessible or not nomination.needs_wheelchair_access)
            and dwelling.municipality not in plan.excluded
            and dwelling.rent <= self._rent_limit(nomination)
        )

    @staticmethod
    def _rent_limit(nomination: Nomination) -> int:
        if nomination.income_band == IncomeBand.ABOVE_LIMIT:
            return MAX_RENT
        return RENT_LIMIT_SMALL if nomination.household_size <= 2 else RENT_LIMIT_LARGE

    def _new_unit(self, plan: _Plan, offered: datetime.datetime) -> _Unit:
        nomination = plan.nomination
        wanted = plan.preferred or [nomination.tie_municipality]
        allowed = [m for m in wanted if m not in plan.excluded]
        if not allowed or self.rng.random() < 0.3:
            allowed = [m for m in self.municipalities if m not in plan.excluded]
        municipality = self.rng.choice(allowed)
        corporation = plan.corporation or self._corporation(municipality)
        stream = self.rng.choice([DwellingStream.EITHER, nomination.stream])
        dwelling = self._dwelling(corporation, municipality, offered, stream)
        dwelling.rooms = nomination.rooms_needed + self.rng.choice([0, 0, 1])
        dwelling.dwelling_type = self._dwelling_type(dwelling.rooms)
        if nomination.needs_ground_floor_or_lift:
            dwelling.floor, dwelling.has_lift = self.rng.choice([(0, False), (2, True)])
        dwelling.wheelchair_accessible = (
            nomination.needs_wheelchair_access or dwelling.wheelchair_accessible
        )
        dwelling.rent = Decimal(self.rng.randint(MIN_RENT, self._rent_limit(nomination)))
        return self._unit(dwelling)

    def _corporation(self, municipality: Municipality) -> Organisation:
        local = [c for c in self.corporations if c.municipality_id == municipality.pk]
        if local and self.rng.random() < 0.7:
            return self.rng.choice(local)
        return self.rng.choices(self.corporations, [self.stock[c.pk] for c in self.corporations])[0]

    def _dwelling_type(self, rooms: int) -> str:
        if rooms == 1:
            return DwellingType.STUDIO
        if rooms == 2:
            return self.rng.choice([DwellingType.APARTMENT, DwellingType.GROUND_FLOOR_APARTMENT])
        return self.rng.choice([DwellingType.APARTMENT, DwellingType.HOUSE])

    def _dwelling(
        self, corporation: Organisation, municipality: Municipality, offered, stream: str
    ) -> Dwelling:
        available = offered.date() - datetime.timedelta(days=self.rng.randint(3, 40))
        entered = self._moment(available - datetime.timedelta(days=self.rng.randint(1, 20)))
        floor = self.rng.choice([0, 0, 1, 2, 3, 4])
        letters = "".join(self.rng.choices(POSTCODE_LETTERS, k=2))
        rooms = self.rng.randint(1, 3)
        return Dwelling(
            corporation=corporation,
            contingent_year=self._year_of(offered),
            street=self.fake.street_name(),
            house_number=str(self.rng.randint(1, 250)) + self.rng.choice(["", "", "", "a", "b"]),
            postcode=f"{self.rng.randint(2100, 2499)} {letters}",
            place=municipality.name,
            municipality=municipality,
            dwelling_type=self._dwelling_type(rooms),
            rooms=rooms,
            floor=floor,
            has_lift=floor >= 3 and self.rng.random() < 0.8,
            wheelchair_accessible=self.rng.random() < 0.05,
            rent=Decimal(self.rng.randint(MIN_RENT, MAX_RENT)),
            available_from=available,
            stream=stream,
            status=DwellingStatus.AVAILABLE,
            status_changed_at=entered,
            created_at=entered,
        )

    def _unit(self, dwelling: Dwelling) -> _Unit:
        unit = _Unit(dwelling)
        self.units.append(unit)
        return unit

    def add_spare_dwellings(self, count: int) -> None:
        """Dwellings offered in the last weeks that no proposal has reached yet."""
        for _ in range(count):
            offered = self.until - datetime.timedelta(days=self.rng.randint(1, 20))
            municipality = self.rng.choices(self.municipalities, self.population)[0]
            stream = self.rng.choice(DwellingStream.values)
            self._unit(
                self._dwelling(self._corporation(municipality), municipality, offered, stream)
            )

    def _settle_dwellings(self) -> None:
        """A dwelling declined and never proposed again is still available in the last year;
        in an older one the corporation let it outside the scheme."""
        last_year = self.years[-1]
        for unit in self.units:
            dwelling = unit.dwelling
            if unit.taken or not unit.released:
                continue
            withdrawn = self._after(unit.released, 14, 60)
            if dwelling.contingent_year is not last_year and withdrawn <= self.until:
                dwelling.status, dwelling.status_changed_at = DwellingStatus.WITHDRAWN, withdrawn
                dwelling.withdrawal_reason = OUT_OF_SCHEME
            else:
                dwelling.status_changed_at = unit.released

    # --- placements and evaluations ------------------------------------------------------------

    def _placement(self, plan: _Plan, proposal: Proposal) -> Placement:
        lease_start = plan.lease_start
        placement = Placement(
            created_at=proposal.status_changed_at,
            proposal=proposal,
            nomination=plan.nomination,
            dwelling=proposal.dwelling,
            status=PlacementStatus.ACTIVE,
            status_changed_at=proposal.status_changed_at,
            lease_type=self.rng.choices(LeaseType.values, [55, 30, 15])[0],
            lease_start=lease_start,
            guidance_end=_add_months(lease_start, plan.nomination.guidance_months),
        )
        if not plan.keep_active:
            self._outcome(placement)
        return placement

    def _outcome(self, placement: Placement) -> None:
        """Some placements end early; most leases are transferred after the guidance period,
        some after an extension of six months."""
        roll = self.rng.random()
        ended = placement.lease_start + datetime.timedelta(days=self.rng.randint(45, 720))
        if roll < 0.12 and ended <= self.as_of:
            placement.ended_on = ended
            placement.end_reason = self.rng.choices(EndReason.values, [25, 35, 25, 15])[0]
            self._change(placement, PlacementStatus.ENDED, ended)
            return
        if roll < 0.27 and placement.guidance_end <= self.as_of:
            self._change(placement, PlacementStatus.EXTENDED, placement.guidance_end)
            placement.guidance_end = _add_months(placement.guidance_end, 6)
        transfer = placement.guidance_end + datetime.timedelta(days=self.rng.randint(0, 45))
        if transfer <= self.as_of:
            placement.transfer_date = transfer
            self._change(placement, PlacementStatus.TRANSFERRED, transfer)

    def _change(self, placement: Placement, status: str, on: datetime.date) -> None:
        placement.status, placement.status_changed_at = status, self._moment(on)

    def _evaluations(self, placement: Placement, months: Iterable[int], held: bool) -> list:
        """The evaluation moments up to the end of the placement; most of those due were held."""
        stop = placement.ended_on or placement.transfer_date
        trouble = placement.status == PlacementStatus.ENDED
        evaluations = []
        for month in months:
            due = _add_months(placement.lease_start, month)
            if stop and due > stop:
                break
            evaluation = Evaluation(placement=placement, month=month, due_on=due)
            held_on = due + datetime.timedelta(days=self.rng.randint(-7, 21))
            if held and held_on <= self.as_of and self.rng.random() < 0.93:
                self._rate(evaluation, held_on, trouble)
            evaluations.append(evaluation)
        return evaluations

    def _rate(self, evaluation: Evaluation, held_on: datetime.date, trouble: bool) -> None:
        weights = [30, 40, 30] if trouble else [75, 20, 5]
        evaluation.held_on = held_on
        for aspect in ("living", "rent_payment", "tenancy", "guidance", "goals"):
            setattr(evaluation, aspect, self.rng.choices(Rating.values, weights)[0])

    # --- writing -------------------------------------------------------------------------------

    def write(self) -> dict[type[models.Model], int]:
        """Insert everything in bulk, parents first, each table in time order."""
        self._find_dwellings()
        self.plans.sort(key=lambda plan: plan.created)
        self._bulk(Client, [plan.nomination.client for plan in self.plans])
        self._bulk(Nomination, [plan.nomination for plan in self.plans])
        self._write_wishes()
        self.units.sort(key=lambda unit: unit.dwelling.available_from)
        self._bulk(Dwelling, [unit.dwelling for unit in self.units])
        proposals = self._write_proposals()
        placed = [
            (plan, self._placement(plan, proposals[id(plan.offers[-1])]))
            for plan in self.plans
            if plan.offers and plan.offers[-1].status == ProposalStatus.ACCEPTED
        ]
        self._bulk(Placement, [placement for _, placement in placed])
        evaluations = [
            self._evaluations(placement, plan.evaluation_months, held=not plan.keep_active)
            for plan, placement in placed
        ]
        self._bulk(Evaluation, list(itertools.chain.from_iterable(evaluations)))
        return self.added

    def _write_wishes(self) -> None:
        preferred = Nomination.preferred_municipalities.through
        criteria = Nomination.criteria_met.through
        self._bulk(
            preferred,
            [
                preferred(nomination=plan.nomination, municipality=municipality)
                for plan in self.plans
                for municipality in plan.preferred
            ],
        )
        self._bulk(
            ExcludedMunicipality,
            [
                ExcludedMunicipality(nomination=plan.nomination, municipality=m, reason=EXCLUSION)
                for plan in self.plans
                for m in plan.excluded
            ],
        )
        self._bulk(
            criteria,
            [
                criteria(nomination=plan.nomination, eligibilitycriterion=criterion)
                for plan in self.plans
                if plan.nomination.status != NominationStatus.DRAFT
                for criterion in plan.criteria
            ],
        )

    def _write_proposals(self) -> dict[int, Proposal]:
        """The proposals in the order they were made, by the offers they come from."""
        offers = sorted(
            ((offer, plan) for plan in self.plans for offer in plan.offers),
            key=lambda pair: pair[0].created,
        )
        proposals = {id(offer): self._proposal(offer, plan) for offer, plan in offers}
        self._bulk(Proposal, list(proposals.values()))
        return proposals

    def _proposal(self, offer: _Offer, plan: _Plan) -> Proposal:
        manual = plan.nomination.urgent and self.rng.random() < 0.5
        return Proposal(
            created_at=offer.created,
            nomination=plan.nomination,
            dwelling=offer.dwelling,
            status=offer.status,
            status_changed_at=offer.changed,
            origin=ProposalOrigin.MANUAL if manual else ProposalOrigin.ALLOCATION,
            reason=MANUAL_PROPOSAL if manual else "",
            provider_answered_at=offer.provider_answered,
            corporation_answered_at=offer.corporation_answered,
            decline_reason=offer.reason,
        )

    def _bulk(self, model, rows: list) -> None:
        """Insert ``rows``, then give them back the creation moments of the story, which
        ``auto_now_add`` replaced by the present."""
        stamps = [getattr(row, "created_at", None) for row in rows]
        self._count(model, model.objects.bulk_create(rows, batch_size=BATCH))
        if any(stamps):
            _set_created_at(
                model, [(stamp, row.pk) for stamp, row in zip(stamps, rows, strict=True)]
            )

    def _count(self, model, rows: list) -> None:
        """Rows added per model (links between two records are not counted)."""
        if not model._meta.auto_created:
            self.added[model] = self.added.get(model, 0) + len(rows)


def _set_created_at(model: type[models.Model], stamps: list[tuple[datetime.datetime, int]]) -> None:
    """One prepared UPDATE for all rows: ``bulk_update`` (a CASE per batch) is far slower."""
    field = model._meta.get_field("created_at")
    quote = connection.ops.quote_name
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {quote(field.column)} = %s "  # noqa: S608 -- names from the model
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.executemany(
            sql, [(field.get_db_prep_value(stamp, connection), pk) for stamp, pk in stamps]
        )
