"""What the home page shows of the framework (DESIGN.md §3a): to its editors, the framework's
status, its next decision step and the input without a response; to a governance reader, the
versions put to them. A fixed number of queries."""

from dataclasses import dataclass

from onderdak.framework.models import (
    DecisionStep,
    Framework,
    FrameworkVersion,
    Outcome,
    VersionStatus,
)
from onderdak.framework.selectors.input_account import open_input_count
from onderdak.region.models import Region

#: The versions a governance reader sees on the home page, newest first.
VERSIONS_SHOWN = 5


@dataclass(frozen=True)
class FrameworkStatus:
    framework: Framework
    version: FrameworkVersion | None  # the latest version, ``None`` before the first
    next_step: DecisionStep | None  # its first step without an outcome
    open_input: int


def current_framework(*, region: Region | None) -> Framework | None:
    """The region's framework with the latest period."""
    return Framework.objects.filter(region=region).order_by("-first_year", "title").first()


def framework_status(*, region: Region | None) -> FrameworkStatus | None:
    """The current framework's status for its editors (four queries)."""
    framework = current_framework(region=region)
    if framework is None:
        return None
    version = framework.versions.defer("content").order_by("-number").first()
    next_step = None
    if version is not None:
        next_step = (
            version.steps.filter(outcome=Outcome.PENDING)
            .select_related("municipality")
            .order_by("position", "pk")
            .first()
        )
    return FrameworkStatus(framework, version, next_step, open_input_count(framework=framework))


def versions_put_to_governance(*, region: Region | None) -> list[FrameworkVersion]:
    """The latest versions that left the draft stage, newest first (one query)."""
    return list(
        FrameworkVersion.objects.filter(framework__region=region)
        .exclude(status=VersionStatus.DRAFT)
        .select_related("framework")
        .defer("content")
        .order_by("-status_changed_at", "-created_at", "-pk")[:VERSIONS_SHOWN]
    )
