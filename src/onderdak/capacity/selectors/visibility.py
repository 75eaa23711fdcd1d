"""Who sees which facilities and monthly figures: the rules of ``capacity.rules`` as querysets.

Every list, page, export and API list of the register starts from these, so a facility the user
may not open (another care provider's, for a care worker: tariffs are one provider's business)
never appears anywhere. ``tests/capacity/test_visibility.py`` checks that these and the object
permissions agree for every role.
"""

from django.db.models import Q, QuerySet

from onderdak.accounts.models import Role, User
from onderdak.capacity.models import Facility, MonthlyFigure
from onderdak.capacity.rules import is_capacity_reader, provider_ids
from onderdak.region.models import Region

NOTHING = Q(pk__in=[])


def facility_condition(user: User, prefix: str = "") -> Q:
    """The facilities ``user`` may open: all of the region for readers, their own care
    provider's for a care worker. ``prefix`` reaches them from a related model (``facility__``)."""
    if is_capacity_reader(user):
        return Q()
    if user.has_role(Role.CARE_WORKER):
        return Q(**{f"{prefix}provider__in": provider_ids(user)})
    return NOTHING


def visible_facilities(*, user: User, region: Region | None) -> QuerySet[Facility]:
    return Facility.objects.filter(facility_condition(user), region=region)


def visible_figures(*, user: User, region: Region | None) -> QuerySet[MonthlyFigure]:
    return MonthlyFigure.objects.filter(
        facility_condition(user, "facility__"), facility__region=region
    )
