"""The contingentregeling: years, nominations, dwellings, proposals and placements."""

from onderdak.contingent.models.allocation import (
    AffordabilityLimit,
    AllocationRun,
    RunMode,
    RunStatus,
)
from onderdak.contingent.models.choices import (
    OPEN_PROPOSAL_STATUSES,
    CurrentSituation,
    DeclineParty,
    DocumentKind,
    DwellingStatus,
    DwellingStream,
    DwellingType,
    EndReason,
    GuidanceIntensity,
    IncomeBand,
    LeaseType,
    NominationStatus,
    PlacementStatus,
    ProposalOrigin,
    ProposalStatus,
    Rating,
    Stream,
)
from onderdak.contingent.models.documents import NominationDocument
from onderdak.contingent.models.dwellings import Dwelling, normalised_postcode
from onderdak.contingent.models.nominations import Client, ExcludedMunicipality, Nomination
from onderdak.contingent.models.placements import Evaluation, Placement
from onderdak.contingent.models.proposals import Proposal
from onderdak.contingent.models.years import (
    ContingentYear,
    CorporationStock,
    CorporationTarget,
    DeclineReason,
    EligibilityCriterion,
    SpreadTarget,
)

__all__ = [
    "OPEN_PROPOSAL_STATUSES",
    "AffordabilityLimit",
    "AllocationRun",
    "Client",
    "ContingentYear",
    "CorporationStock",
    "CorporationTarget",
    "CurrentSituation",
    "DeclineParty",
    "DeclineReason",
    "DocumentKind",
    "Dwelling",
    "DwellingStatus",
    "DwellingStream",
    "DwellingType",
    "EligibilityCriterion",
    "EndReason",
    "Evaluation",
    "ExcludedMunicipality",
    "GuidanceIntensity",
    "IncomeBand",
    "LeaseType",
    "Nomination",
    "NominationDocument",
    "NominationStatus",
    "Placement",
    "PlacementStatus",
    "Proposal",
    "ProposalOrigin",
    "ProposalStatus",
    "Rating",
    "RunMode",
    "RunStatus",
    "SpreadTarget",
    "Stream",
    "normalised_postcode",
]
