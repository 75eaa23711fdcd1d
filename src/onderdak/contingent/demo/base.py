"""The scene of the story: its generators, its clock, the years and their lists."""

import datetime
import itertools
import random
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from faker import Faker

from onderdak.contingent.demo.texts import (
    CLIENT_NUMBER_PREFIX,
    CRITERIA,
    DECLINE_REASONS,
    DEMO_SOURCE,
    OUTFLOW_TARGET,
    PREVENTION_SINCE,
    PREVENTION_TARGET,
    REFUSALS_BEFORE_CLOSING,
)
from onderdak.contingent.models import (
    Client,
    ContingentYear,
    CorporationStock,
    CorporationTarget,
    DeclineReason,
    Dwelling,
    EligibilityCriterion,
    Nomination,
    ProposalStatus,
    Stream,
)
from onderdak.engines.apportion import apportion
from onderdak.region.models import Municipality, Organisation, OrganisationKind, Region
from onderdak.region.selectors import municipality_list


@dataclass(frozen=True)
class DemoHomes:
    """The organisations of the demo users: the named example cases are theirs."""

    provider: Organisation
    corporation: Organisation
    municipality: Municipality


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, 28))


@dataclass
class Offer:
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
class Plan:
    nomination: Nomination
    created: datetime.datetime
    preferred: list[Municipality]
    excluded: list[Municipality]
    criteria: list[EligibilityCriterion]
    offers: list[Offer] = field(default_factory=list)
    lease_start: datetime.date | None = None
    corporation: Organisation | None = None  # the example cases pick theirs
    keep_active: bool = False  # an example placement with its evaluation due

    @property
    def evaluation_months(self) -> list[int]:
        return self.nomination.contingent_year.evaluation_months


@dataclass
class Unit:
    """A dwelling and the nominations it was proposed to; free again after a decline."""

    dwelling: Dwelling
    paired: set[int] = field(default_factory=set)
    released: datetime.datetime | None = None
    taken: bool = False


class Scene:
    """What every part of the story shares: the generators, the region, the years, the cases."""

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
        self.criteria: dict[int, list[EligibilityCriterion]] = {}  # per contingent year
        self.years = [self._year(year) for year in years if datetime.date(year, 1, 2) < as_of]
        if not self.years:
            raise ValueError(f"No year of {years} starts before the reference date {as_of}.")
        self.sequence = itertools.count()  # ties in the heap of released dwellings
        self.plans: list[Plan] = []
        self.units: list[Unit] = []

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
            self.criteria[existing.pk] = list(existing.criteria.order_by("position", "pk"))
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
        self.criteria[contingent.pk] = self._criteria(contingent)
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
