"""The framework module's data."""

from onderdak.framework.models.frameworks import (
    Action,
    ActionComment,
    ActionIndicator,
    ActionTarget,
    Ambition,
    Framework,
    FrameworkVersion,
    Theme,
)
from onderdak.framework.models.participation import (
    InputItem,
    ParticipationSession,
    Stakeholder,
    StakeholderLevel,
)
from onderdak.framework.models.project import GroupMember, Milestone, ProjectPhase, WorkingGroup
from onderdak.framework.models.reference import (
    ActionStatus,
    CommentKind,
    CommentStatus,
    DecisionBody,
    Ladder,
    Outcome,
    PolicyDomain,
    ResponseKind,
    StakeholderKind,
    VersionStatus,
)
from onderdak.framework.models.route import DecisionPaper, DecisionStep

__all__ = [
    "Action",
    "ActionComment",
    "ActionIndicator",
    "ActionStatus",
    "ActionTarget",
    "Ambition",
    "CommentKind",
    "CommentStatus",
    "DecisionBody",
    "DecisionPaper",
    "DecisionStep",
    "Framework",
    "FrameworkVersion",
    "GroupMember",
    "InputItem",
    "Ladder",
    "Milestone",
    "Outcome",
    "ParticipationSession",
    "PolicyDomain",
    "ProjectPhase",
    "ResponseKind",
    "Stakeholder",
    "StakeholderKind",
    "StakeholderLevel",
    "Theme",
    "VersionStatus",
    "WorkingGroup",
]
