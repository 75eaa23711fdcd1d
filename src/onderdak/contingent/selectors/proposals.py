"""Reads of proposals: lists within the user's rights, what a party may see of one, and the
candidates for a proposal by hand.

A corporation officer decides on a proposal with only the household, the needs and the guidance
arrangement (DESIGN.md §3): ``ProposalSummary`` carries exactly that, and ``client_visible`` (an
annotation from the same rules as ``selectors.visibility``) says per row whether the user may
also see the client.
"""

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.utils.translation import gettext as _

from onderdak.contingent.models import (
    Dwelling,
    DwellingStatus,
    DwellingStream,
    Nomination,
    NominationStatus,
    Proposal,
)
from onderdak.contingent.rules import region_ids
from onderdak.contingent.selectors.dwellings import CASE_FILTERS, filtered
from onderdak.contingent.selectors.visibility import (
    nomination_condition,
    visible_dwellings,
    visible_nominations,
    visible_proposals,
)
from onderdak.region.selectors import without_boundaries

PROPOSAL_RELATED = (
    "nomination__client",
    "nomination__contingent_year",
    "nomination__guidance_provider",
    "nomination__tie_municipality",
    "dwelling__corporation",
    "dwelling__municipality",
    "dwelling__contingent_year",
    "decline_reason",
)


@dataclass(frozen=True)
class ProposalSummary:
    """What every party of a proposal may see of the household: size, needs and guidance.

    Never the client's name, date of birth, client number, documents, ties or reasons.
    """

    household_adults: int
    household_children: int
    rooms_needed: int
    needs_ground_floor_or_lift: bool
    needs_wheelchair_access: bool
    stream: str
    guidance_provider: str
    guidance_intensity: str
    guidance_months: int

    @property
    def household_size(self) -> int:
        return self.household_adults + self.household_children

    @classmethod
    def of(cls, nomination: Nomination) -> "ProposalSummary":
        return cls(
            household_adults=nomination.household_adults,
            household_children=nomination.household_children,
            rooms_needed=nomination.rooms_needed,
            needs_ground_floor_or_lift=nomination.needs_ground_floor_or_lift,
            needs_wheelchair_access=nomination.needs_wheelchair_access,
            stream=nomination.get_stream_display(),
            guidance_provider=nomination.guidance_provider.name,
            guidance_intensity=nomination.get_guidance_intensity_display(),
            guidance_months=nomination.guidance_months,
        )


def with_client_visibility(queryset: QuerySet[Proposal], user) -> QuerySet[Proposal]:
    """Annotate ``client_visible``: whether ``user`` may open the nomination (and so the client)."""
    condition = nomination_condition(user, "nomination__")
    return queryset.annotate(
        client_visible=ExpressionWrapper(condition, output_field=BooleanField())
    )


def proposal_queryset(user) -> QuerySet[Proposal]:
    """The proposals ``user`` may see, with what their pages show, in one query."""
    queryset = with_client_visibility(visible_proposals(user), user).select_related(
        *PROPOSAL_RELATED
    )
    return without_boundaries(queryset, "nomination__tie_municipality", "dwelling__municipality")


def proposal_list(*, user, **filters: Any) -> QuerySet[Proposal]:
    """Visible proposals, newest first; ``filters`` as in ``CASE_FILTERS``."""
    return filtered(proposal_queryset(user), CASE_FILTERS, filters)


def client_visible(proposal: Proposal) -> bool:
    """Set by ``proposal_queryset``; a proposal read otherwise shows no client."""
    return bool(getattr(proposal, "client_visible", False))


# --- Does a dwelling fit a nomination? -----------------------------------------------------------


def fit_problems(
    nomination: Nomination, dwelling: Dwelling, excluded: Collection[int]
) -> list[str]:
    """Why ``dwelling`` does not suit ``nomination`` (empty: it does). ``excluded`` holds the ids
    of the municipalities the nomination excludes."""
    checks = (
        (
            nomination.contingent_year.region_id == dwelling.contingent_year.region_id,
            _("The dwelling and the nomination belong to different regions."),
        ),
        (
            dwelling.stream in (nomination.stream, DwellingStream.EITHER),
            _("The dwelling is offered for the other stream."),
        ),
        (
            dwelling.rooms >= nomination.rooms_needed,
            _("The dwelling has fewer rooms than the household needs."),
        ),
        (
            dwelling.ground_floor_or_lift or not nomination.needs_ground_floor_or_lift,
            _("The household needs a ground floor or a lift."),
        ),
        (
            dwelling.wheelchair_accessible or not nomination.needs_wheelchair_access,
            _("The household needs a wheelchair-accessible dwelling."),
        ),
        (
            dwelling.municipality_id not in excluded,
            _("The nomination excludes the dwelling's municipality."),
        ),
    )
    return [message for fits, message in checks if not fits]


def fitting_dwellings_condition(nomination: Nomination, excluded: Collection[int]) -> Q:
    """``fit_problems`` as a query condition on dwellings, so choices need no query per row."""
    condition = Q(
        contingent_year__region=nomination.contingent_year.region_id,
        stream__in=(nomination.stream, DwellingStream.EITHER),
        rooms__gte=nomination.rooms_needed,
    ) & ~Q(municipality__in=excluded)
    if nomination.needs_ground_floor_or_lift:
        condition &= Q(floor__lte=0) | Q(has_lift=True)
    if nomination.needs_wheelchair_access:
        condition &= Q(wheelchair_accessible=True)
    return condition


# --- Candidates for a proposal by hand -----------------------------------------------------------


def pool(user) -> QuerySet[Nomination]:
    """Approved nominations in the coordinator's regions, longest waiting first."""
    return (
        visible_nominations(user)
        .filter(
            status=NominationStatus.APPROVED,
            contingent_year__region__in=region_ids(user),
        )
        .select_related("client", "contingent_year")
        .order_by("approved_at", "pk")
    )


def candidate_dwellings(*, user, nomination: Nomination) -> QuerySet[Dwelling]:
    """Available dwellings of the coordinator's regions that fit ``nomination`` and were never
    proposed for it."""
    excluded = list(nomination.exclusions.values_list("municipality_id", flat=True))
    return (
        visible_dwellings(user)
        .filter(status=DwellingStatus.AVAILABLE, contingent_year__region__in=region_ids(user))
        .filter(fitting_dwellings_condition(nomination, excluded))
        .exclude(proposals__nomination=nomination)
        .select_related("corporation", "municipality")
        .order_by("available_from", "pk")
    )
