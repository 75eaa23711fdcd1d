"""Reads about users and memberships."""

from django.db.models import Count, Prefetch, Q, QuerySet

from onderdak.accounts.models import Membership, User
from onderdak.region.models import Region
from onderdak.region.selectors import default_region


def region_for_user(user: User) -> Region | None:
    """The region a user works in: that of their first active membership."""
    memberships = user.active_memberships if user.is_authenticated else []
    if memberships:
        return memberships[0].organisation.region
    return default_region()


def user_list(*, query: str = "", without_role: bool = False) -> QuerySet[User]:
    """Users with their memberships (one extra query), optionally searched or without a role."""
    memberships = Membership.objects.select_related("organisation").order_by("role")
    qs = User.objects.prefetch_related(Prefetch("memberships", queryset=memberships))
    if query:
        qs = qs.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
        )
    if without_role:
        qs = qs.filter(memberships__isnull=True)
    return qs


def user_counts() -> dict[str, int]:
    """Figures for the administrator's home page, in one query."""
    return User.objects.aggregate(
        users=Count("pk", filter=Q(is_active=True), distinct=True),
        active_memberships=Count("memberships", filter=Q(memberships__is_active=True)),
        without_role=Count("pk", filter=Q(is_active=True, memberships__isnull=True), distinct=True),
    )
