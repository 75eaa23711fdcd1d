"""API of the participation plan and the input log.

- ``framework-stakeholders``: stakeholders with their level per phase; ``PUT …/levels/`` sets
  the levels (a level outside the ladder is refused with the ladder's rungs in the message).
- ``framework-sessions``: the sessions held, with who took part.
- ``framework-input``: the input log, filtered by framework, stakeholder, session, theme,
  response and ``unanswered=true``; ``POST …/respond/`` records the response, PATCH corrects the
  contribution.

Stakeholders and sessions are changed with PATCH and deleted with DELETE (refused, 400
``protected``, while input refers to them).

Who reads the working copy reads; editors write, through ``services.participation``.
"""

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action

from onderdak.framework.api.process import DeletableMixin, FrameworkField, ProcessViewSet
from onderdak.framework.models import (
    Action,
    InputItem,
    Ladder,
    ParticipationSession,
    ProjectPhase,
    ResponseKind,
    Stakeholder,
    StakeholderLevel,
    Theme,
)
from onderdak.framework.selectors.participation import about_theme
from onderdak.framework.services import participation as services

VIEW = "framework.view_participation"
CHANGE = "framework.change_participation"
READ = {"list": VIEW, "retrieve": VIEW}
WRITE = dict.fromkeys(("create", "partial_update", "destroy"), CHANGE)


class FrameworkStakeholderLevelSerializer(serializers.ModelSerializer):
    phase = serializers.PrimaryKeyRelatedField(queryset=ProjectPhase.objects.all())
    level = serializers.ChoiceField(
        choices=Ladder.choices,
        allow_blank=True,
        error_messages={"invalid_choice": services.ladder_error()},
        help_text="A rung of the ladder; empty removes the level.",
    )

    class Meta:
        model = StakeholderLevel
        fields = ["phase", "level"]


class FrameworkStakeholderLevelsSerializer(serializers.Serializer):
    levels = FrameworkStakeholderLevelSerializer(many=True)


class FrameworkStakeholderSerializer(serializers.ModelSerializer):
    framework = FrameworkField()
    levels = FrameworkStakeholderLevelSerializer(many=True, read_only=True)
    display_name = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = Stakeholder
        fields = [
            "id",
            "framework",
            "kind",
            "organisation",
            "name",
            "display_name",
            "policy_domain",
            "notes",
            "levels",
        ]


class FrameworkStakeholderViewSet(DeletableMixin, ProcessViewSet):
    serializer_class = FrameworkStakeholderSerializer
    filterset_fields = ["framework", "kind"]
    permission_rules = {**READ, **WRITE, "levels": CHANGE}
    create_with = staticmethod(services.stakeholder_create)
    record_name = "stakeholder"
    update_with = staticmethod(services.stakeholder_update)
    delete_with = staticmethod(services.stakeholder_delete)

    def base_queryset(self):
        return Stakeholder.objects.select_related("organisation").prefetch_related("levels")

    @extend_schema(
        request=FrameworkStakeholderLevelsSerializer, responses=FrameworkStakeholderSerializer
    )
    @action(detail=True, methods=["put"])
    def levels(self, request, pk=None):
        """Set the stakeholder's level per phase (the phases named; others stay)."""
        stakeholder = self.get_object()
        body = FrameworkStakeholderLevelsSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        levels = {row["phase"]: row["level"] for row in body.validated_data["levels"]}
        services.stakeholder_levels_set(stakeholder=stakeholder, user=request.user, levels=levels)
        return self.shown(stakeholder)


class FrameworkSessionSerializer(serializers.ModelSerializer):
    framework = FrameworkField()

    class Meta:
        model = ParticipationSession
        fields = ["id", "framework", "title", "held_on", "phase", "participants", "topics"]


class FrameworkSessionViewSet(DeletableMixin, ProcessViewSet):
    serializer_class = FrameworkSessionSerializer
    filterset_fields = ["framework", "phase"]
    permission_rules = {**READ, **WRITE}
    create_with = staticmethod(services.session_create)
    record_name = "session"
    update_with = staticmethod(services.session_update)
    delete_with = staticmethod(services.session_delete)

    def base_queryset(self):
        return ParticipationSession.objects.prefetch_related("participants")


class FrameworkInputSerializer(serializers.ModelSerializer):
    framework = FrameworkField()

    class Meta:
        model = InputItem
        fields = [
            "id",
            "framework",
            "stakeholder",
            "session",
            "received_on",
            "theme",
            "action",
            "text",
            "response",
            "response_text",
            "response_theme",
            "response_action",
            "responded_at",
        ]
        read_only_fields = [
            "response",
            "response_text",
            "response_theme",
            "response_action",
            "responded_at",
        ]


class FrameworkInputResponseSerializer(serializers.Serializer):
    response = serializers.ChoiceField(
        choices=[c for c in ResponseKind.choices if c[0] != ResponseKind.OPEN]
    )
    response_text = serializers.CharField()
    response_theme = serializers.PrimaryKeyRelatedField(
        queryset=Theme.objects.all(), required=False, allow_null=True
    )
    response_action = serializers.PrimaryKeyRelatedField(
        queryset=Action.objects.all(), required=False, allow_null=True
    )


class FrameworkInputFilter(django_filters.FilterSet):
    unanswered = django_filters.BooleanFilter(
        method="filter_unanswered", help_text="true: only input without a response."
    )
    theme = django_filters.NumberFilter(
        method="filter_theme", help_text="A theme's id: input about it or its actions."
    )

    class Meta:
        model = InputItem
        fields = ["framework", "stakeholder", "session", "response", "unanswered", "theme"]

    def filter_unanswered(self, items, name, value):
        return items.filter(response=ResponseKind.OPEN) if value else items

    def filter_theme(self, items, name, value):
        return about_theme(items, value)


class FrameworkInputViewSet(ProcessViewSet):
    serializer_class = FrameworkInputSerializer
    filterset_class = FrameworkInputFilter
    permission_rules = {**READ, "create": CHANGE, "partial_update": CHANGE, "respond": CHANGE}
    create_with = staticmethod(services.input_create)
    record_name = "item"
    update_with = staticmethod(services.input_update)

    def base_queryset(self):
        return InputItem.objects.select_related("framework").order_by("-received_on", "-pk")

    @extend_schema(request=FrameworkInputResponseSerializer, responses=FrameworkInputSerializer)
    @action(detail=True, methods=["post"])
    def respond(self, request, pk=None):
        """Record what was done with the contribution and where in the framework."""
        body = FrameworkInputResponseSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = services.input_respond(
            item=self.get_object(), user=request.user, **body.validated_data
        )
        return self.shown(item)


def register(router) -> None:
    """Adds this part's viewsets to the module's router."""
    router.register(
        "framework-stakeholders", FrameworkStakeholderViewSet, basename="framework-stakeholder"
    )
    router.register("framework-sessions", FrameworkSessionViewSet, basename="framework-session")
    router.register("framework-input", FrameworkInputViewSet, basename="framework-input")
