"""The transition tables of the scheme's four case types: one table each (DESIGN.md §4.2).

``tests/contingent/test_workflows.py`` walks every allowed and every forbidden step of each.
A step with permission ``None`` only follows from another step and is taken by a service.
"""

from django.utils.translation import gettext_lazy as _

from onderdak.contingent.models import (
    OPEN_PROPOSAL_STATUSES,
    Dwelling,
    DwellingStatus,
    Nomination,
    NominationStatus,
    Placement,
    PlacementStatus,
    Proposal,
    ProposalStatus,
)
from onderdak.core.workflow import Transition, Workflow

N = NominationStatus
NOMINATION = Workflow(
    Nomination,
    [
        Transition(
            "submit",
            (N.DRAFT, N.INFO_REQUESTED),
            N.SUBMITTED,
            "contingent.submit_nomination",
            _("submit"),
        ),
        Transition(
            "approve", (N.SUBMITTED,), N.APPROVED, "contingent.review_nomination", _("approve")
        ),
        Transition(
            "reject", (N.SUBMITTED,), N.REJECTED, "contingent.review_nomination", _("reject")
        ),
        Transition(
            "request_info",
            (N.SUBMITTED,),
            N.INFO_REQUESTED,
            "contingent.review_nomination",
            _("ask for more information about"),
        ),
        Transition(
            "withdraw",
            (N.DRAFT, N.SUBMITTED, N.INFO_REQUESTED, N.APPROVED, N.PROPOSED),
            N.WITHDRAWN,
            "contingent.withdraw_nomination",
            _("withdraw"),
        ),
        Transition("propose", (N.APPROVED,), N.PROPOSED, None, _("propose")),
        Transition("return_to_pool", (N.PROPOSED,), N.APPROVED, None, _("return to the pool")),
        Transition("place", (N.PROPOSED,), N.PLACED, None, _("place")),
        Transition("close", (N.APPROVED, N.PROPOSED), N.CLOSED, None, _("close")),
    ],
)

D = DwellingStatus
DWELLING = Workflow(
    Dwelling,
    [
        Transition("propose", (D.AVAILABLE,), D.PROPOSED, None, _("propose")),
        Transition("release", (D.PROPOSED,), D.AVAILABLE, None, _("make available again")),
        Transition("let", (D.PROPOSED,), D.LET, None, _("let")),
        Transition(
            "withdraw",
            (D.AVAILABLE, D.PROPOSED),
            D.WITHDRAWN,
            "contingent.withdraw_dwelling",
            _("withdraw"),
        ),
    ],
)

P = ProposalStatus
PROPOSAL = Workflow(
    Proposal,
    [
        Transition(
            "provider_accept",
            (P.AWAITING_PROVIDER,),
            P.AWAITING_CORPORATION,
            "contingent.answer_proposal_as_provider",
            _("accept"),
        ),
        Transition(
            "provider_decline",
            (P.AWAITING_PROVIDER,),
            P.DECLINED_BY_PROVIDER,
            "contingent.answer_proposal_as_provider",
            _("decline"),
        ),
        Transition(
            "corporation_accept",
            (P.AWAITING_CORPORATION,),
            P.ACCEPTED,
            "contingent.answer_proposal_as_corporation",
            _("accept"),
        ),
        Transition(
            "corporation_decline",
            (P.AWAITING_CORPORATION,),
            P.DECLINED_BY_CORPORATION,
            "contingent.answer_proposal_as_corporation",
            _("decline"),
        ),
        Transition(
            "cancel",
            tuple(OPEN_PROPOSAL_STATUSES),
            P.CANCELLED,
            "contingent.cancel_proposal",
            _("cancel"),
        ),
    ],
)

L = PlacementStatus
PLACEMENT = Workflow(
    Placement,
    [
        Transition("extend", (L.ACTIVE,), L.EXTENDED, "contingent.change_placement", _("extend")),
        Transition(
            "transfer",
            (L.ACTIVE, L.EXTENDED),
            L.TRANSFERRED,
            "contingent.transfer_lease",
            _("transfer the lease of"),
        ),
        Transition("end", (L.ACTIVE, L.EXTENDED), L.ENDED, "contingent.change_placement", _("end")),
    ],
)

WORKFLOWS = (NOMINATION, DWELLING, PROPOSAL, PLACEMENT)
