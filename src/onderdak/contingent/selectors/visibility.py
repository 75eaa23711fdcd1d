"""Who sees which cases: the rules of ``contingent.rules`` as querysets (DESIGN.md §3, §4.3).

Every list, search, export, API list and report of the scheme starts from one of these, so a
row the user may not open never appears anywhere. Policy and governance roles get no cases at
all: they read the reports, which are aggregates.
"""

from django.db.models import Q, QuerySet

from onderdak.accounts.models import Role
from onderdak.contingent.models import Dwelling, Nomination, Placement, Proposal
from onderdak.contingent.rules import municipality_ids, organisation_ids, region_ids

NOTHING = Q(pk__in=[])


def _any(*conditions: Q) -> Q:
    combined = NOTHING
    for condition in conditions:
        combined |= condition
    return combined


def nomination_condition(user, prefix: str = "") -> Q:
    """The nominations ``user`` may open: own provider's, tied to own municipality, or (for the
    coordinator) the region's. ``prefix`` reaches them from a related model (``nomination__``)."""
    conditions = []
    if user.has_role(Role.REGIONAL_COORDINATOR):
        conditions.append(Q(**{f"{prefix}contingent_year__region__in": region_ids(user)}))
    if user.has_role(Role.CARE_WORKER):
        providers = organisation_ids(user, Role.CARE_WORKER)
        conditions.append(Q(**{f"{prefix}provider__in": providers}))
    if user.has_role(Role.MUNICIPALITY_OFFICER):
        conditions.append(Q(**{f"{prefix}tie_municipality__in": municipality_ids(user)}))
    return _any(*conditions)


def dwelling_condition(user, prefix: str = "") -> Q:
    """The dwellings ``user`` may open: own corporation's, or (coordinator) the region's."""
    conditions = []
    if user.has_role(Role.REGIONAL_COORDINATOR):
        conditions.append(Q(**{f"{prefix}contingent_year__region__in": region_ids(user)}))
    if user.has_role(Role.CORPORATION_OFFICER):
        corporations = organisation_ids(user, Role.CORPORATION_OFFICER)
        conditions.append(Q(**{f"{prefix}corporation__in": corporations}))
    return _any(*conditions)


def visible_nominations(user) -> QuerySet[Nomination]:
    return Nomination.objects.filter(nomination_condition(user))


def visible_dwellings(user) -> QuerySet[Dwelling]:
    return Dwelling.objects.filter(dwelling_condition(user))


def _case_parties(user) -> Q:
    """Proposals and placements: the nomination's side (provider, coordinator) or the dwelling's
    side (corporation). A municipality officer follows the nominations tied to them too."""
    return _any(nomination_condition(user, "nomination__"), dwelling_condition(user, "dwelling__"))


def visible_proposals(user) -> QuerySet[Proposal]:
    return Proposal.objects.filter(_case_parties(user))


def visible_placements(user) -> QuerySet[Placement]:
    return Placement.objects.filter(_case_parties(user))
