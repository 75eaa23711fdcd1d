"""The story of each nomination, and the named example cases of the demo users."""

import datetime

from onderdak.contingent.demo.base import DemoHomes, Offer, Plan, Scene, add_months
from onderdak.contingent.demo.texts import (
    CLIENT_NUMBER_PREFIX,
    CLOSED,
    FACILITIES,
    FATES,
    INFO,
    INFO_REQUEST,
    NOMINATIONS_PER_YEAR,
    REJECTED,
    REJECTION,
    WAITING,
    WITHDRAWAL,
    WITHDRAWN,
)
from onderdak.contingent.models import (
    Client,
    ContingentYear,
    CurrentSituation,
    DeclineParty,
    GuidanceIntensity,
    IncomeBand,
    Nomination,
    NominationStatus,
    ProposalStatus,
    Stream,
)
from onderdak.region.models import Municipality, Organisation


class NominationStories(Scene):
    """Each nomination from its draft to where its fate has taken it by the reference date."""

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
    ) -> Plan:
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
        criteria = [c for c in self.criteria[contingent.pk] if c.stream == stream]
        plan = Plan(nomination, created, *self._wishes(tie), criteria)
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

    def _tell(self, plan: Plan, fate: str) -> None:
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

    def _propose(self, plan: Plan, fate: str, since: datetime.datetime) -> None:
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
        self, plan: Plan, created: datetime.datetime, *, decline: bool, closing: bool
    ) -> datetime.datetime | None:
        """One proposal and its answers; the moment it was settled, or None while open."""
        offer = Offer(created)
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
        self, plan: Plan, offer: Offer, at: datetime.datetime, party: str, closing: bool
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

    def _example(
        self,
        contingent: ContingentYear,
        provider: Organisation,
        tie: Municipality,
        submitted: datetime.datetime,
    ) -> Plan:
        created = submitted - datetime.timedelta(days=7)
        return self._plan(contingent, Stream.OUTFLOW, created, provider, tie)

    def _approved_example(
        self, contingent: ContingentYear, provider: Organisation, tie: Municipality, days: int
    ) -> Plan:
        approved = self.until - datetime.timedelta(days=days)
        plan = self._example(contingent, provider, tie, approved - datetime.timedelta(days=5))
        self._submit(plan.nomination, approved - datetime.timedelta(days=5))
        plan.nomination.approved_at = approved
        self._set(plan.nomination, NominationStatus.APPROVED, approved)
        return plan

    def _placed_example(self, contingent: ContingentYear, homes: DemoHomes) -> None:
        """A placement whose first evaluation fell due yesterday."""
        first = contingent.evaluation_months[0]
        lease_start = add_months(self.as_of - datetime.timedelta(days=1), -first)
        start = self._moment(lease_start)
        plan = self._approved_example(
            contingent, homes.provider, homes.municipality, (self.until - start).days + 40
        )
        plan.corporation, plan.keep_active = homes.corporation, True
        offer = Offer(start - datetime.timedelta(days=30), ProposalStatus.ACCEPTED)
        offer.provider_answered = start - datetime.timedelta(days=27)
        offer.corporation_answered = start - datetime.timedelta(days=25)
        plan.offers.append(offer)
        plan.lease_start = lease_start
        self._set(plan.nomination, NominationStatus.PLACED, offer.corporation_answered)

    def _open_offer(
        self,
        plan: Plan,
        created: datetime.datetime,
        provider_answered: datetime.datetime | None = None,
    ) -> None:
        """A proposal awaiting the provider or, once it answered, the corporation."""
        offer = Offer(created, provider_answered=provider_answered)
        if provider_answered:
            offer.status = ProposalStatus.AWAITING_CORPORATION
        plan.offers.append(offer)
        self._set(plan.nomination, NominationStatus.PROPOSED, created)
