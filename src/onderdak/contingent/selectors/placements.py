"""Reads of placements: the list within the user's rights, and one with its evaluations."""

from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, Prefetch, QuerySet

from onderdak.contingent.models import Evaluation, Placement
from onderdak.contingent.selectors.dwellings import CASE_FILTERS, filtered
from onderdak.contingent.selectors.visibility import nomination_condition, visible_placements
from onderdak.region.selectors import without_boundaries

PLACEMENT_RELATED = (
    "nomination__client",
    "nomination__contingent_year",
    "nomination__guidance_provider",
    "dwelling__corporation",
    "dwelling__municipality",
    "dwelling__contingent_year",
)


def placement_queryset(user) -> QuerySet[Placement]:
    """The placements ``user`` may see; ``client_visible`` says whether the user may also see the
    client (not so for the corporation, which sees household, needs and guidance only)."""
    condition = nomination_condition(user, "nomination__")
    queryset = (
        visible_placements(user)
        .annotate(client_visible=ExpressionWrapper(condition, output_field=BooleanField()))
        .select_related(*PLACEMENT_RELATED)
    )
    return without_boundaries(queryset, "dwelling__municipality")


def placement_list(*, user, **filters: Any) -> QuerySet[Placement]:
    """Visible placements, latest lease start first; ``filters`` as in ``CASE_FILTERS``."""
    return filtered(placement_queryset(user), CASE_FILTERS, filters)


def with_evaluations(queryset: QuerySet[Placement]) -> QuerySet[Placement]:
    """Placements with their evaluation moments in order (one more query)."""
    evaluations = Evaluation.objects.select_related("recorded_by").order_by("month")
    return queryset.prefetch_related(Prefetch("evaluations", queryset=evaluations))


def evaluation_of(placement: Placement, month: int) -> Evaluation | None:
    return next((e for e in placement.evaluations.all() if e.month == month), None)


def placement_detail_queryset(user) -> QuerySet[Placement]:
    """As ``placement_queryset``, with the evaluations: for a placement's own pages."""
    return with_evaluations(placement_queryset(user))
