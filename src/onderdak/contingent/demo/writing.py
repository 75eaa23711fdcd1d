"""Placements, evaluations, and writing the whole story to the database in bulk."""

import datetime
import itertools
from collections.abc import Iterable

from django.db import connection, models

from onderdak.contingent.demo.base import Offer, Plan, add_months
from onderdak.contingent.demo.dwellings import DwellingStories
from onderdak.contingent.demo.nominations import NominationStories
from onderdak.contingent.demo.texts import (
    BATCH,
    EXCLUSION,
    MANUAL_PROPOSAL,
    RECENT_DAYS,
)
from onderdak.contingent.models import (
    Client,
    Dwelling,
    EndReason,
    Evaluation,
    ExcludedMunicipality,
    LeaseType,
    Nomination,
    NominationStatus,
    Placement,
    PlacementStatus,
    Proposal,
    ProposalOrigin,
    ProposalStatus,
    Rating,
)


class Builder(NominationStories, DwellingStories):
    """The whole story, told and written."""

    def _placement(self, plan: Plan, proposal: Proposal) -> Placement:
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
            guidance_end=add_months(lease_start, plan.nomination.guidance_months),
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
            placement.guidance_end = add_months(placement.guidance_end, 6)
        transfer = placement.guidance_end + datetime.timedelta(days=self.rng.randint(0, 45))
        if transfer <= self.as_of:
            placement.transfer_date = transfer
            self._change(placement, PlacementStatus.TRANSFERRED, transfer)

    def _change(self, placement: Placement, status: str, on: datetime.date) -> None:
        placement.status, placement.status_changed_at = status, self._moment(on)

    def _evaluations(self, placement: Placement, months: Iterable[int], held: bool) -> list:
        """The evaluation moments up to the end of the placement; those due were held, but for
        a few late ones, mostly recent."""
        stop = placement.ended_on or placement.transfer_date
        trouble = placement.status == PlacementStatus.ENDED
        evaluations = []
        for month in months:
            due = add_months(placement.lease_start, month)
            if stop and due > stop:
                break
            evaluation = Evaluation(placement=placement, month=month, due_on=due)
            held_on = due + datetime.timedelta(days=self.rng.randint(-7, 21))
            recent = (self.as_of - due).days < RECENT_DAYS  # a late one is still in the works
            if held and held_on <= self.as_of and self.rng.random() < (0.85 if recent else 0.99):
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
        self.find_dwellings()
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

    def _proposal(self, offer: Offer, plan: Plan) -> Proposal:
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
