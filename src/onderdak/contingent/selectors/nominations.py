"""Reads of nominations: the list with its filters, one nomination with all it holds, its steps.

Every read starts from ``visibility.visible_nominations``: a nomination the user may not open
never shows, in a list, a count, a search or an export.
"""

from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, Q, QuerySet

from onderdak.contingent.models import (
    EligibilityCriterion,
    ExcludedMunicipality,
    Nomination,
    NominationDocument,
)
from onderdak.contingent.selectors.visibility import visible_nominations
from onderdak.core.errors import NotFound
from onderdak.region.selectors import without_boundaries

#: The related rows a list row shows (client, provider, tie municipality, year).
LIST_RELATED = ("client", "provider", "tie_municipality", "contingent_year")


@dataclass(frozen=True)
class NominationFilters:
    """The list's filters, as the GET parameters name them (``status``, ``jaar``, ...)."""

    status: str = ""
    year: int | None = None
    stream: str = ""
    municipality: str = ""  # CBS code of the tie municipality
    query: str = ""  # client number (exact) or part of the name


def nomination_list(*, user, filters: NominationFilters | None = None) -> QuerySet[Nomination]:
    """The nominations ``user`` may see, newest first, with what a list row shows."""
    filters = filters or NominationFilters()
    qs = without_boundaries(
        visible_nominations(user).select_related(*LIST_RELATED), "tie_municipality"
    )
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.year:
        qs = qs.filter(contingent_year__year=filters.year)
    if filters.stream:
        qs = qs.filter(stream=filters.stream)
    if filters.municipality:
        qs = qs.filter(tie_municipality__cbs_code=filters.municipality)
    if filters.query.strip():
        qs = qs.filter(client_search(filters.query))
    return qs.order_by("-created_at", "-pk")


def client_search(query: str) -> Q:
    """A client number (whole) or part of a client's name."""
    query = query.strip()
    return Q(client__client_number__iexact=query) | Q(client__name__icontains=query)


def nomination_details(user) -> QuerySet[Nomination]:
    """The nominations ``user`` may see, each with everything its page shows (a fixed number of
    queries, whatever it holds)."""
    return (
        visible_nominations(user)
        .select_related(
            *LIST_RELATED,
            "contingent_year__region",
            "guidance_provider",
            "created_by",
        )
        .prefetch_related(
            "preferred_municipalities",
            "criteria_met",
            Prefetch(
                "exclusions",
                queryset=ExcludedMunicipality.objects.select_related("municipality"),
            ),
            Prefetch(
                "documents",
                queryset=NominationDocument.objects.select_related("uploaded_by"),
            ),
        )
    )


def nomination_detail(*, user, pk: int) -> Nomination:
    try:
        return nomination_details(user).get(pk=pk)
    except Nomination.DoesNotExist as error:
        raise NotFound() from error


def nomination_status_counts(*, user) -> dict[str, int]:
    """How many nominations ``user`` sees per status, in one query."""
    rows = visible_nominations(user).order_by().values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def checklist(*, contingent_year_id: int, stream: str) -> QuerySet[EligibilityCriterion]:
    """The criteria a nomination of ``stream`` in the year must meet, in their order."""
    return EligibilityCriterion.objects.filter(
        contingent_year_id=contingent_year_id, stream=stream
    ).order_by("position", "pk")


def nomination_steps(*, nomination: Nomination) -> QuerySet[LogEntry]:
    """The nomination's status changes from the audit trail, oldest first, with who took them."""
    return (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Nomination),
            object_pk=str(nomination.pk),
            changes__has_key="status",
        )
        .select_related("actor")
        .order_by("timestamp", "pk")
    )


def visible_documents(user) -> QuerySet[NominationDocument]:
    """Documents of the nominations ``user`` may see, with their nomination (for the rights)."""
    return NominationDocument.objects.filter(
        nomination__in=visible_nominations(user)
    ).select_related("nomination", "nomination__contingent_year", "uploaded_by")
