"""Who sees which frameworks, versions and tree items: the rules of ``framework.rules`` as
querysets, so that a list, a page or an API list never shows what its reader may not open.

Everyone who may read frameworks sees those of their own region. The working copy (the tree, its
items, the comments) is for the editors and the municipality officers; a governance reader sees
only the versions put to them (every version that left the draft stage).
"""

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from onderdak.framework.models import (
    Action,
    ActionComment,
    Ambition,
    Framework,
    FrameworkVersion,
    Theme,
    VersionStatus,
)
from onderdak.region.models import Region

NOTHING = Q(pk__in=[])


def _framework_condition(user, *, working_copy: bool) -> Q:
    permission = "framework.view_workingcopy" if working_copy else "framework.view_framework"
    return Q() if user.has_perm(permission) else NOTHING


def visible_frameworks(*, user, region: Region | None) -> QuerySet[Framework]:
    return Framework.objects.filter(_framework_condition(user, working_copy=False), region=region)


def visible_versions(*, user, region: Region | None) -> QuerySet[FrameworkVersion]:
    versions = FrameworkVersion.objects.filter(
        _framework_condition(user, working_copy=False), framework__region=region
    )
    if not user.has_perm("framework.view_workingcopy"):
        versions = versions.exclude(status=VersionStatus.DRAFT)
    return versions


def visible_themes(*, user, region: Region | None) -> QuerySet[Theme]:
    return Theme.objects.filter(
        _framework_condition(user, working_copy=True), framework__region=region
    )


def visible_ambitions(*, user, region: Region | None) -> QuerySet[Ambition]:
    return Ambition.objects.filter(
        _framework_condition(user, working_copy=True), theme__framework__region=region
    )


def visible_actions(*, user, region: Region | None) -> QuerySet[Action]:
    return Action.objects.filter(
        _framework_condition(user, working_copy=True), ambition__theme__framework__region=region
    )


def visible_comments(*, user, region: Region | None) -> QuerySet[ActionComment]:
    return ActionComment.objects.filter(
        _framework_condition(user, working_copy=True),
        action__ambition__theme__framework__region=region,
    )


def framework_or_404(*, user, region, pk) -> Framework:
    return get_object_or_404(
        visible_frameworks(user=user, region=region).select_related("region"), pk=pk
    )


def version_or_404(*, user, region, pk) -> FrameworkVersion:
    return get_object_or_404(
        visible_versions(user=user, region=region).select_related(
            "framework__region", "created_by"
        ),
        pk=pk,
    )
