"""The fixed vocabularies of the contingent scheme (DESIGN.md glossary)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stream(models.TextChoices):
    """Uitstroom (leaving an institution) or preventie (ambulant, to prevent inflow)."""

    OUTFLOW = "outflow", _("outflow (uitstroom)")
    PREVENTION = "prevention", _("prevention (preventie)")


class DwellingStream(models.TextChoices):
    OUTFLOW = Stream.OUTFLOW.value, Stream.OUTFLOW.label
    PREVENTION = Stream.PREVENTION.value, Stream.PREVENTION.label
    EITHER = "either", _("either stream")


class IncomeBand(models.TextChoices):
    """Where the household's income lies against the limit of passend toewijzen."""

    WITHIN_LIMIT = "within_limit", _("at or below the income limit of passend toewijzen")
    ABOVE_LIMIT = "above_limit", _("above the income limit of passend toewijzen")


class CurrentSituation(models.TextChoices):
    INSTITUTION = "institution", _("living in a facility")
    AMBULANT = "ambulant", _("ambulant guidance")


class GuidanceIntensity(models.TextChoices):
    LIGHT = "light", _("light (a few hours a week)")
    MEDIUM = "medium", _("medium (several contacts a week)")
    INTENSIVE = "intensive", _("intensive (daily)")


class DwellingType(models.TextChoices):
    STUDIO = "studio", _("studio")
    APARTMENT = "apartment", _("apartment")
    GROUND_FLOOR_APARTMENT = "ground_floor_apartment", _("ground-floor apartment")
    HOUSE = "house", _("single-family house")


class NominationStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("awaiting review")
    INFO_REQUESTED = "info_requested", _("more information requested")
    APPROVED = "approved", _("approved, in the pool")
    PROPOSED = "proposed", _("proposed for a dwelling")
    PLACED = "placed", _("placed")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("withdrawn")
    CLOSED = "closed", _("closed after refusals")


class DwellingStatus(models.TextChoices):
    AVAILABLE = "available", _("available")
    PROPOSED = "proposed", _("proposed")
    LET = "let", _("let")
    WITHDRAWN = "withdrawn", _("withdrawn")


class ProposalStatus(models.TextChoices):
    AWAITING_PROVIDER = "awaiting_provider", _("awaiting the care provider")
    AWAITING_CORPORATION = "awaiting_corporation", _("awaiting the corporation")
    ACCEPTED = "accepted", _("accepted")
    DECLINED_BY_PROVIDER = "declined_by_provider", _("declined by the care provider")
    DECLINED_BY_CORPORATION = "declined_by_corporation", _("declined by the corporation")
    CANCELLED = "cancelled", _("cancelled")


#: A proposal in one of these states still waits for an answer.
OPEN_PROPOSAL_STATUSES = (ProposalStatus.AWAITING_PROVIDER, ProposalStatus.AWAITING_CORPORATION)


class ProposalOrigin(models.TextChoices):
    MANUAL = "manual", _("by hand, by the coordinator")
    ALLOCATION = "allocation", _("by an allocation run")


class DeclineParty(models.TextChoices):
    PROVIDER = "provider", _("care provider")
    CORPORATION = "corporation", _("corporation")
    BOTH = "both", _("both")


class LeaseType(models.TextChoices):
    TRANSFER = "transfer", _("omklapcontract (lease transferred later)")
    TRIPARTITE = "tripartite", _("driehoekscontract (tripartite lease)")
    REGULAR = "regular", _("regular lease with a guidance agreement")


class PlacementStatus(models.TextChoices):
    ACTIVE = "active", _("guidance period")
    EXTENDED = "extended", _("guidance extended")
    TRANSFERRED = "transferred", _("lease transferred: independent tenant")
    ENDED = "ended", _("ended")


class EndReason(models.TextChoices):
    EVICTED = "evicted", _("evicted")
    MOVED = "moved", _("moved")
    INSTITUTION = "institution", _("back to an institution")
    OTHER = "other", _("other")


class Rating(models.TextChoices):
    GOOD = "good", _("going well")
    ATTENTION = "attention", _("needs attention")
    CONCERN = "concern", _("serious concern")


class DocumentKind(models.TextChoices):
    GUIDANCE_PLAN = "guidance_plan", _("guidance plan")
    CONSENT = "consent", _("the client's consent")
    OTHER = "other", _("other document")
