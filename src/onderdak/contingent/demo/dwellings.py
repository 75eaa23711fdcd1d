"""The dwellings the proposals were made for, and what became of them."""

import datetime
import heapq
from decimal import Decimal

from onderdak.contingent.demo.base import Offer, Plan, Scene, Unit
from onderdak.contingent.demo.texts import (
    DECLINED,
    MAX_RENT,
    MIN_RENT,
    OUT_OF_SCHEME,
    POSTCODE_DIGITS,
    POSTCODE_LETTERS,
    RENT_LIMIT_LARGE,
    RENT_LIMIT_SMALL,
)
from onderdak.contingent.models import (
    Dwelling,
    DwellingStatus,
    DwellingStream,
    DwellingType,
    IncomeBand,
    Nomination,
    ProposalStatus,
)
from onderdak.region.models import Municipality, Organisation


class DwellingStories(Scene):
    """The corporations' dwellings: offered for a proposal, let, declined and offered again."""

    def find_dwellings(self) -> None:
        """Give every proposal a dwelling, in time order: a dwelling declined earlier goes to a
        later nomination it suits (never again to the same one), or a new dwelling is offered."""
        offers = sorted(
            ((o.created, i, plan, o) for i, plan in enumerate(self.plans) for o in plan.offers),
            key=lambda item: (item[0], item[1]),
        )
        released: list[tuple[datetime.datetime, int, Unit]] = []
        free: list[Unit] = []
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
    def _take(unit: Unit, offer: Offer) -> None:
        """Let after an accepted proposal, proposed while one is open."""
        unit.taken = True
        accepted = offer.status == ProposalStatus.ACCEPTED
        unit.dwelling.status = DwellingStatus.LET if accepted else DwellingStatus.PROPOSED
        unit.dwelling.status_changed_at = offer.changed if accepted else offer.created

    def _reusable(self, free: list[Unit], plan: Plan) -> Unit | None:
        for index, unit in enumerate(free[:50]):
            if id(plan) not in unit.paired and self._suits(unit.dwelling, plan):
                return free.pop(index)
        return None

    def _suits(self, dwelling: Dwelling, plan: Plan) -> bool:
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

    def _new_unit(self, plan: Plan, offered: datetime.datetime) -> Unit:
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
        self,
        corporation: Organisation,
        municipality: Municipality,
        offered: datetime.datetime,
        stream: str,
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
            postcode=f"{self.rng.randint(*POSTCODE_DIGITS)} {letters}",
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

    def _unit(self, dwelling: Dwelling) -> Unit:
        unit = Unit(dwelling)
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
            if dwelling.contingent_year != last_year and withdrawn <= self.until:
                dwelling.status, dwelling.status_changed_at = DwellingStatus.WITHDRAWN, withdrawn
                dwelling.withdrawal_reason = OUT_OF_SCHEME
            else:
                dwelling.status_changed_at = unit.released
