"""Versions of a framework: a numbered frozen copy of the working copy, and the steps of its
transition table (``workflows.VERSION_WORKFLOW``)."""

from django.db import transaction
from django.db.models import Max

from onderdak.core.validation import save_validated
from onderdak.framework.models import Framework, FrameworkVersion
from onderdak.framework.selectors.content import framework_content
from onderdak.framework.workflows import VERSION_WORKFLOW


@transaction.atomic
def version_create(*, framework: Framework, user, label: str = "") -> FrameworkVersion:
    """Freezes the working copy as the next version, a draft."""
    framework = Framework.objects.select_for_update().get(pk=framework.pk)
    last = framework.versions.aggregate(n=Max("number"))["n"] or 0
    return save_validated(
        FrameworkVersion(
            framework=framework,
            number=last + 1,
            label=label.strip(),
            content=framework_content(framework),
            created_by=user,
        )
    )


@transaction.atomic
def version_transition(
    *, version: FrameworkVersion, action: str, expected_version: int | None = None
) -> FrameworkVersion:
    """Takes step ``action`` of the version's transition table (consult, propose, rework,
    adopt); refused with a clear message when the version is not in a state it starts from."""
    return VERSION_WORKFLOW.apply(version, action, expected_version=expected_version)
