"""Stalled steps: a case that has waited longer than its year's policy allows.

- a submitted nomination waiting for its review longer than ``review_days``;
- an open proposal waiting for the care provider's or the corporation's answer longer than
  ``answer_days``;
- an accepted proposal whose lease has not started ``placement_days`` after the acceptance (no
  placement yet, or a placement whose lease starts later than today);
- an evaluation past its due date and not held, of a placement still in its guidance period.

The waiting starts at ``status_changed_at``. The day counts are the year's, so the condition is
built per contingent year (a handful of rows, read in one query); every function returns a
queryset, so callers count or list in SQL.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from onderdak.accounts.models import Role
from onderdak.contingent.models import (
    OPEN_PROPOSAL_STATUSES,
    ContingentYear,
    Evaluation,
    Nomination,
    NominationStatus,
    Placement,
    PlacementStatus,
    Proposal,
    ProposalStatus,
)
from onderdak.contingent.selectors import visibility
from onderdak.region.models import Organisation

NOTHING = Q(pk__in=[])
GUIDANCE_STATUSES = (PlacementStatus.ACTIVE, PlacementStatus.EXTENDED)


POLICIES = ("review_days", "answer_days", "placement_days")


def year_policies() -> list[dict]:
    """Every contingent year's day counts, in one query; pass them on to count several kinds."""
    return list(ContingentYear.objects.values("pk", *POLICIES))


def _waited_too_long(policy: str, year_path: str, now, policies: list[dict] | None) -> Q:
    """Cases of each year whose current state began more than the year's ``policy`` days ago."""
    condition = NOTHING
    for year in year_policies() if policies is None else policies:
        since = now - datetime.timedelta(days=year[policy])
        condition |= Q(**{year_path: year["pk"], "status_changed_at__lt": since})
    return condition


def stalled_reviews(
    nominations: QuerySet[Nomination], *, now=None, policies=None
) -> QuerySet[Nomination]:
    now = now or timezone.now()
    return nominations.filter(
        _waited_too_long("review_days", "contingent_year", now, policies),
        status=NominationStatus.SUBMITTED,
    )


def stalled_answers(
    proposals: QuerySet[Proposal],
    *,
    status: str | Iterable[str] = OPEN_PROPOSAL_STATUSES,
    now=None,
    policies=None,
) -> QuerySet[Proposal]:
    """Open proposals (or those in ``status``) waiting longer than the year's answer days."""
    now = now or timezone.now()
    statuses = [status] if isinstance(status, str) else list(status)
    return proposals.filter(
        _waited_too_long("answer_days", "nomination__contingent_year", now, policies),
        status__in=statuses,
    )


def stalled_lease_starts(
    proposals: QuerySet[Proposal], *, now=None, policies=None
) -> QuerySet[Proposal]:
    """Accepted proposals whose lease has not started within the year's placement days."""
    now = now or timezone.now()
    not_started = Q(placement__isnull=True) | Q(placement__lease_start__gt=timezone.localdate(now))
    return proposals.filter(
        _waited_too_long("placement_days", "nomination__contingent_year", now, policies),
        not_started,
        status=ProposalStatus.ACCEPTED,
    )


def overdue_evaluations(placements, *, now=None) -> QuerySet[Evaluation]:
    """Evaluations of ``placements`` (a queryset) past their due date and not held."""
    today = timezone.localdate(now or timezone.now())
    return Evaluation.objects.filter(
        placement__in=placements.filter(status__in=GUIDANCE_STATUSES),
        held_on__isnull=True,
        due_on__lt=today,
    ).select_related("placement")


@dataclass(frozen=True)
class StalledSteps:
    """The stalled steps of one reader or one organisation, each kind a queryset."""

    reviews: QuerySet[Nomination]
    provider_answers: QuerySet[Proposal]
    corporation_answers: QuerySet[Proposal]
    lease_starts: QuerySet[Proposal]
    evaluations: QuerySet[Evaluation]

    def counts(self) -> dict[str, int]:
        """Per kind, the number of stalled steps (one query per kind)."""
        return {kind: getattr(self, kind).count() for kind in KINDS}

    @property
    def total(self) -> int:
        return sum(self.counts().values())


KINDS = ("reviews", "provider_answers", "corporation_answers", "lease_starts", "evaluations")

#: The kinds of stalled step that wait for an organisation acting in a role (the digest).
ROLE_KINDS: dict[str, tuple[str, ...]] = {
    Role.REGIONAL_COORDINATOR: KINDS,
    Role.MUNICIPALITY_OFFICER: ("reviews",),
    Role.CARE_WORKER: ("provider_answers", "evaluations"),
    Role.CORPORATION_OFFICER: ("corporation_answers", "lease_starts"),
}


def _steps(nominations, proposals, placements, now, kinds=KINDS) -> StalledSteps:
    waiting = {"now": now, "policies": year_policies() if kinds else []}
    steps = {
        "reviews": stalled_reviews(nominations, **waiting),
        "provider_answers": stalled_answers(
            proposals, status=ProposalStatus.AWAITING_PROVIDER, **waiting
        ),
        "corporation_answers": stalled_answers(
            proposals, status=ProposalStatus.AWAITING_CORPORATION, **waiting
        ),
        "lease_starts": stalled_lease_starts(proposals, **waiting),
        "evaluations": overdue_evaluations(placements, now=now),
    }
    return StalledSteps(**{k: qs if k in kinds else qs.none() for k, qs in steps.items()})


def stalled_for_user(user, *, now=None) -> StalledSteps:
    """Every stalled step among the cases ``user`` may see (``selectors.visibility``)."""
    return _steps(
        visibility.visible_nominations(user),
        visibility.visible_proposals(user),
        visibility.visible_placements(user),
        now or timezone.now(),
    )


def _nomination_scope(organisation: Organisation, role: str, prefix: str = "") -> Q:
    """The nominations an organisation acts on in ``role``; a corporation acts on none."""
    if role == Role.REGIONAL_COORDINATOR:
        return Q(**{f"{prefix}contingent_year__region": organisation.region_id})
    if role == Role.MUNICIPALITY_OFFICER and organisation.municipality_id:
        return Q(**{f"{prefix}tie_municipality": organisation.municipality_id})
    if role == Role.CARE_WORKER:
        return Q(**{f"{prefix}provider": organisation.pk})
    return NOTHING


def _case_scope(organisation: Organisation, role: str) -> Q:
    """Proposals and placements: by the nomination, or a corporation's by the dwelling."""
    if role == Role.CORPORATION_OFFICER:
        return Q(dwelling__corporation=organisation.pk)
    return _nomination_scope(organisation, role, "nomination__")


def stalled_for_organisation(organisation: Organisation, role: str, *, now=None) -> StalledSteps:
    """The stalled steps waiting for ``organisation`` acting in ``role`` (the daily digest).

    A municipality reviews the nominations tied to it; a care provider answers proposals and holds
    evaluations; a corporation answers proposals and starts leases; the coordinator watches every
    stalled step of the region.
    """
    cases = _case_scope(organisation, role)
    return _steps(
        Nomination.objects.filter(_nomination_scope(organisation, role)),
        Proposal.objects.filter(cases),
        Placement.objects.filter(cases),
        now or timezone.now(),
        ROLE_KINDS.get(role, ()),
    )
