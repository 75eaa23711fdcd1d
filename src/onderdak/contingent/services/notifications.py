"""E-mail to the party whose turn it is, after each step (called in ``transaction.on_commit``).

Contract for every service of the scheme: after a step on a case commits, call
``step_taken(case=<Nomination|Dwelling|Proposal|Placement>, action=<the workflow action>)``, or
``case_created(case=...)`` for a new case that waits for someone (a submitted nomination is a
step; a new proposal is a case). The messages name the case by number and link to it; they never
hold personal data.
"""


def step_taken(*, case, action: str) -> None:
    """Tell the party whose turn it is now that ``action`` was taken on ``case``."""


def case_created(*, case) -> None:
    """Tell the party that must act on a new ``case`` (e.g. the care provider of a proposal)."""
