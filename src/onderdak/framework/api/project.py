"""API of the project plan: ``framework-phases``, ``framework-milestones`` and
``framework-working-groups`` (with their members; ``POST …/add-member/`` adds an organisation's
seat, ``DELETE …/members/{member}/`` removes one). Who reads the working copy reads; editors
write (``services.project``): create, change (PATCH; a milestone is marked reached by its
``reached_on``) and delete (a phase others refer to or a group with members is refused: 400
``protected``)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from onderdak.framework.api.process import DeletableMixin, FrameworkField, ProcessViewSet
from onderdak.framework.models import GroupMember, Milestone, ProjectPhase, WorkingGroup
from onderdak.framework.services import project as services

VIEW = "framework.view_project"
CHANGE = "framework.change_project"
RULES = {
    "list": VIEW,
    "retrieve": VIEW,
    **dict.fromkeys(("create", "partial_update", "destroy"), CHANGE),
}


class FrameworkPhaseSerializer(serializers.ModelSerializer):
    framework = FrameworkField()

    class Meta:
        model = ProjectPhase
        fields = ["id", "framework", "name", "starts_on", "ends_on", "description"]
        validators = []  # the service says when the dates are out of order


class FrameworkPhaseViewSet(DeletableMixin, ProcessViewSet):
    serializer_class = FrameworkPhaseSerializer
    filterset_fields = ["framework"]
    permission_rules = RULES
    create_with = staticmethod(services.phase_create)
    record_name = "phase"
    update_with = staticmethod(services.phase_update)
    delete_with = staticmethod(services.phase_delete)

    def base_queryset(self):
        return ProjectPhase.objects.all()


class FrameworkMilestoneSerializer(serializers.ModelSerializer):
    framework = FrameworkField()

    class Meta:
        model = Milestone
        fields = ["id", "framework", "name", "due_on", "reached_on", "phase"]


class FrameworkMilestoneViewSet(DeletableMixin, ProcessViewSet):
    serializer_class = FrameworkMilestoneSerializer
    filterset_fields = ["framework", "phase"]
    permission_rules = RULES
    create_with = staticmethod(services.milestone_create)
    record_name = "milestone"
    update_with = staticmethod(services.milestone_update)
    delete_with = staticmethod(services.milestone_delete)

    def base_queryset(self):
        return Milestone.objects.all()


class FrameworkGroupMemberSerializer(serializers.ModelSerializer):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = GroupMember
        fields = ["id", "organisation", "organisation_name", "function"]
        read_only_fields = ["id"]


class FrameworkWorkingGroupSerializer(serializers.ModelSerializer):
    framework = FrameworkField()
    members = FrameworkGroupMemberSerializer(many=True, read_only=True)

    class Meta:
        model = WorkingGroup
        fields = ["id", "framework", "name", "is_project_group", "purpose", "members"]


class FrameworkWorkingGroupViewSet(DeletableMixin, ProcessViewSet):
    serializer_class = FrameworkWorkingGroupSerializer
    filterset_fields = ["framework", "is_project_group"]
    permission_rules = {**RULES, "add_member": CHANGE, "remove_member": CHANGE}
    create_with = staticmethod(services.group_create)
    record_name = "group"
    update_with = staticmethod(services.group_update)
    delete_with = staticmethod(services.group_delete)

    def base_queryset(self):
        return WorkingGroup.objects.prefetch_related("members__organisation")

    @extend_schema(
        request=FrameworkGroupMemberSerializer, responses=FrameworkWorkingGroupSerializer
    )
    @action(detail=True, methods=["post"], url_path="add-member")
    def add_member(self, request, pk=None):
        """Add an organisation of the registry to the group, with its function (no names)."""
        body = FrameworkGroupMemberSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        group = self.get_object()
        services.member_add(group=group, user=request.user, **body.validated_data)
        return self.shown(group)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["delete"], url_path=r"members/(?P<member>\d+)")
    def remove_member(self, request, pk=None, member=None):
        """Remove an organisation's seat (the member's ``id``) from the group."""
        seat = get_object_or_404(self.get_object().members, pk=member)
        services.member_remove(member=seat, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


def register(router) -> None:
    """Adds this part's viewsets to the module's router."""
    router.register("framework-phases", FrameworkPhaseViewSet, basename="framework-phase")
    router.register(
        "framework-milestones", FrameworkMilestoneViewSet, basename="framework-milestone"
    )
    router.register(
        "framework-working-groups",
        FrameworkWorkingGroupViewSet,
        basename="framework-working-group",
    )
