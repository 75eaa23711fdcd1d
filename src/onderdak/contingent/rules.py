"""Permissions of the contingent scheme, per action (DESIGN.md §3).

- A care worker acts for their own care provider's clients and nominations.
- A municipality officer reviews the nominations tied to their municipality and follows their
  proposals and placements (reading only).
- A corporation officer manages the corporation's own dwellings and answers proposals for them.
- The regional coordinator sees and does everything in the region, and keeps the year and lists.
- Policy and governance roles read the reports, which show aggregates only.

Object predicates answer ``True`` for ``obj=None``: "may this role do this at all" (a list page,
a "new" button). The rows a user sees in a list come from ``selectors.visibility``, which applies
the same rules as querysets.
"""

import rules

from onderdak.accounts.models import Role
from onderdak.accounts.predicates import has_role

is_coordinator = has_role(Role.REGIONAL_COORDINATOR)
is_care_worker = has_role(Role.CARE_WORKER)
is_municipality_officer = has_role(Role.MUNICIPALITY_OFFICER)
is_corporation_officer = has_role(Role.CORPORATION_OFFICER)
is_report_reader = has_role(
    Role.REGIONAL_COORDINATOR,
    Role.MUNICIPALITY_OFFICER,
    Role.CARE_WORKER,
    Role.CORPORATION_OFFICER,
    Role.POLICY_OFFICER,
    Role.GOVERNANCE_READER,
)


def organisation_ids(user, role: str) -> frozenset[int]:
    return frozenset(o.pk for o in user.organisations_for(role))


def municipality_ids(user) -> frozenset[int]:
    """The municipalities a municipality officer works for."""
    return frozenset(
        o.municipality_id
        for o in user.organisations_for(Role.MUNICIPALITY_OFFICER)
        if o.municipality_id
    )


def region_ids(user, role: str = Role.REGIONAL_COORDINATOR) -> frozenset[int]:
    return frozenset(o.region_id for o in user.organisations_for(role))


# --- Object predicates (each takes the case itself; None means "in general") --------------------


@rules.predicate
def coordinates_region(user, obj) -> bool:
    """The coordinator of the region the case belongs to (``contingent_year`` is selected)."""
    if obj is None:
        return True
    year = obj.contingent_year if hasattr(obj, "contingent_year_id") else obj
    return year.region_id in region_ids(user)


@rules.predicate
def works_for_nominating_provider(user, nomination) -> bool:
    return nomination is None or nomination.provider_id in organisation_ids(user, Role.CARE_WORKER)


@rules.predicate
def works_for_tie_municipality(user, nomination) -> bool:
    return nomination is None or nomination.tie_municipality_id in municipality_ids(user)


@rules.predicate
def works_for_corporation(user, dwelling) -> bool:
    return dwelling is None or dwelling.corporation_id in organisation_ids(
        user, Role.CORPORATION_OFFICER
    )


@rules.predicate
def is_editable_nomination(user, nomination) -> bool:
    return nomination is None or nomination.status in ("draft", "info_requested")


@rules.predicate
def accepts_documents(user, nomination) -> bool:
    """Documents can be added until the review is done (``services.documents``)."""
    return nomination is None or nomination.status in ("draft", "info_requested", "submitted")


@rules.predicate
def provider_of_proposal(user, proposal) -> bool:
    return proposal is None or works_for_nominating_provider(user, proposal.nomination)


@rules.predicate
def corporation_of_proposal(user, proposal) -> bool:
    return proposal is None or works_for_corporation(user, proposal.dwelling)


@rules.predicate
def coordinates_proposal(user, proposal) -> bool:
    return proposal is None or coordinates_region(user, proposal.nomination)


@rules.predicate
def tie_of_case(user, case) -> bool:
    """A proposal or placement whose nomination is tied to the user's municipality."""
    return case is None or works_for_tie_municipality(user, case.nomination)


@rules.predicate
def provider_of_placement(user, placement) -> bool:
    return placement is None or works_for_nominating_provider(user, placement.nomination)


@rules.predicate
def corporation_of_placement(user, placement) -> bool:
    return placement is None or works_for_corporation(user, placement.dwelling)


@rules.predicate
def coordinates_placement(user, placement) -> bool:
    return placement is None or coordinates_region(user, placement.nomination)


nomination_provider = is_care_worker & works_for_nominating_provider
nomination_reviewer = (is_municipality_officer & works_for_tie_municipality) | (
    is_coordinator & coordinates_region
)
dwelling_owner = is_corporation_officer & works_for_corporation
proposal_provider = is_care_worker & provider_of_proposal
proposal_corporation = is_corporation_officer & corporation_of_proposal
proposal_coordinator = is_coordinator & coordinates_proposal
placement_parties = (
    (is_care_worker & provider_of_placement)
    | (is_corporation_officer & corporation_of_placement)
    | (is_coordinator & coordinates_placement)
)

# --- The year, its split and its lists ------------------------------------------------------------
rules.add_perm("contingent", is_coordinator)  # the management screens
rules.add_perm("contingent.view_contingentyear", is_report_reader)
for model in ("contingentyear", "corporationstock", "corporationtarget", "spreadtarget"):
    for action in ("add", "change", "delete"):
        rules.add_perm(f"contingent.{action}_{model}", is_coordinator)
for model in ("eligibilitycriterion", "declinereason"):
    rules.add_perm(f"contingent.view_{model}", is_report_reader)
    for action in ("add", "change", "delete"):
        rules.add_perm(f"contingent.{action}_{model}", is_coordinator)

# --- Nominations (and their clients and documents) ------------------------------------------------
rules.add_perm("contingent.view_nomination", nomination_provider | nomination_reviewer)
rules.add_perm("contingent.add_nomination", is_care_worker)
rules.add_perm("contingent.change_nomination", nomination_provider & is_editable_nomination)
rules.add_perm("contingent.submit_nomination", nomination_provider)
rules.add_perm("contingent.withdraw_nomination", nomination_provider)
rules.add_perm("contingent.review_nomination", nomination_reviewer)
rules.add_perm("contingent.view_nominationdocument", nomination_provider | nomination_reviewer)
rules.add_perm("contingent.add_nominationdocument", nomination_provider & accepts_documents)

# --- Dwellings ----------------------------------------------------------------------------------
rules.add_perm("contingent.view_dwelling", dwelling_owner | (is_coordinator & coordinates_region))
rules.add_perm("contingent.add_dwelling", is_corporation_officer)
rules.add_perm("contingent.change_dwelling", dwelling_owner)
rules.add_perm("contingent.withdraw_dwelling", dwelling_owner)

# --- Proposals ----------------------------------------------------------------------------------
municipality_follows_case = is_municipality_officer & tie_of_case
rules.add_perm(
    "contingent.view_proposal",
    proposal_provider | proposal_corporation | proposal_coordinator | municipality_follows_case,
)
rules.add_perm("contingent.add_proposal", is_coordinator)
rules.add_perm("contingent.answer_proposal_as_provider", proposal_provider)
rules.add_perm("contingent.answer_proposal_as_corporation", proposal_corporation)
rules.add_perm("contingent.cancel_proposal", proposal_coordinator)

# --- Placements and evaluations -----------------------------------------------------------------
rules.add_perm("contingent.view_placement", placement_parties | municipality_follows_case)
rules.add_perm("contingent.change_placement", placement_parties)
rules.add_perm(
    "contingent.transfer_lease",
    (is_corporation_officer & corporation_of_placement) | (is_coordinator & coordinates_placement),
)
rules.add_perm("contingent.view_evaluation", placement_parties | municipality_follows_case)
rules.add_perm("contingent.change_evaluation", placement_parties)

# --- Reports: aggregates, small counts suppressed for everyone but the coordinator ---------------
rules.add_perm("contingent.view_report", is_report_reader)

# --- Allocation: rent limits and allocation runs, the coordinator's -------------------------------
rules.add_perm("contingent.view_affordabilitylimit", is_coordinator)
rules.add_perm("contingent.change_affordabilitylimit", is_coordinator)
for action in ("view", "add", "change", "publish"):
    rules.add_perm(f"contingent.{action}_allocationrun", is_coordinator)
