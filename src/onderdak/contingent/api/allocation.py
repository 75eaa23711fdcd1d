"""API of allocation, for the coordinator: the rent limits of passend toewijzen, and the
allocation runs (start, read with their results, change by hand, publish)."""

import dataclasses

import django_filters
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from onderdak.accounts.selectors import region_for_user
from onderdak.contingent.api.dwellings import ViewSetHelpers
from onderdak.contingent.models import (
    AffordabilityLimit,
    AllocationRun,
    ContingentYear,
    RunMode,
    Stream,
)
from onderdak.contingent.models.base import REASON_LENGTH, SOURCE_LENGTH
from onderdak.contingent.models.dwellings import MAX_RENT, MIN_RENT
from onderdak.contingent.selectors import allocation as selectors
from onderdak.contingent.services import allocation as services
from onderdak.region.models import Subregion

MANAGE = "contingent.change_affordabilitylimit"


class AffordabilityLimitSerializer(serializers.ModelSerializer):
    class Meta:
        model = AffordabilityLimit
        fields = [
            "id",
            "year",
            "income_band",
            "household_from",
            "household_to",
            "max_rent",
            "source",
        ]
        read_only_fields = ["id", "year", "income_band", "household_from", "household_to"]


class AffordabilityLimitUpdateSerializer(serializers.Serializer):
    max_rent = serializers.DecimalField(
        max_digits=7, decimal_places=2, min_value=MIN_RENT, max_value=MAX_RENT
    )
    source = serializers.CharField(max_length=SOURCE_LENGTH)


class AffordabilityLimitFilter(django_filters.FilterSet):
    class Meta:
        model = AffordabilityLimit
        fields = ["year", "income_band"]


class AffordabilityLimitViewSet(
    ViewSetHelpers, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The rent limits of passend toewijzen of the caller's region, per year; the band above the
    income limit has no rent limit, so no rows."""

    serializer_class = AffordabilityLimitSerializer
    filterset_class = AffordabilityLimitFilter
    permission_rules = {
        "list": "contingent.view_affordabilitylimit",
        "retrieve": "contingent.view_affordabilitylimit",
        "partial_update": MANAGE,
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AffordabilityLimit.objects.none()
        return AffordabilityLimit.objects.filter(region=region_for_user(self.request.user))

    @extend_schema(
        request=AffordabilityLimitUpdateSerializer, responses=AffordabilityLimitSerializer
    )
    def partial_update(self, request, *args, **kwargs):
        limit = self.get_object()
        data = self._valid(AffordabilityLimitUpdateSerializer).validated_data
        limit = services.affordability_limit_update(limit=limit, by=request.user, **data)
        return Response(AffordabilityLimitSerializer(limit).data)


class AllocationRunSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="contingent_year.year", read_only=True)

    class Meta:
        model = AllocationRun
        fields = [
            "id",
            "year",
            "stream",
            "subregion",
            "approved_from",
            "approved_to",
            "weights",
            "mode",
            "status",
            "progress",
            "error",
            "result",
            "baseline",
            "changes",
            "created_at",
            "finished_at",
            "published_at",
        ]
        read_only_fields = fields


class AllocationRunStartSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    stream = serializers.ChoiceField(choices=Stream.choices, required=False, allow_blank=True)
    subregion = serializers.PrimaryKeyRelatedField(
        queryset=Subregion.objects.all(), required=False, allow_null=True
    )
    approved_from = serializers.DateField(required=False, allow_null=True)
    approved_to = serializers.DateField(required=False, allow_null=True)
    weights = serializers.DictField(
        child=serializers.IntegerField(min_value=0, max_value=100), required=False
    )
    mode = serializers.ChoiceField(choices=RunMode.choices, default=RunMode.HOUSED_THEN_SCORE)


class AllocationRunChangeSerializer(serializers.Serializer):
    nomination = serializers.IntegerField(min_value=1)
    dwelling = serializers.IntegerField(
        min_value=1,
        allow_null=True,
        help_text="An unused dwelling of the run; null takes the nomination's assignment out.",
    )
    reason = serializers.CharField(max_length=REASON_LENGTH)


class AllocationRunReplaySerializer(serializers.Serializer):
    same = serializers.BooleanField(
        help_text="Whether the engine gives the run's original answer (before changes by hand)."
    )
    housed = serializers.IntegerField()
    total_score = serializers.IntegerField()
    original_housed = serializers.IntegerField()
    original_total_score = serializers.IntegerField(allow_null=True)


class AllocationRunViewSet(
    ViewSetHelpers, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Allocation runs of the caller's region: the engine's result and the greedy baseline's,
    with an explanation per assignment, unmatched nomination and unused dwelling."""

    serializer_class = AllocationRunSerializer
    permission_rules = {
        "list": "contingent.view_allocationrun",
        "retrieve": "contingent.view_allocationrun",
        "create": "contingent.add_allocationrun",
        "change": "contingent.change_allocationrun",
        "publish": "contingent.publish_allocationrun",
        "replay": "contingent.change_allocationrun",
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AllocationRun.objects.none()
        return selectors.run_list(self.request.user)

    @extend_schema(request=AllocationRunStartSerializer, responses={201: AllocationRunSerializer})
    def create(self, request, *args, **kwargs):
        data = dict(self._valid(AllocationRunStartSerializer).validated_data)
        year = ContingentYear.objects.filter(
            region=region_for_user(request.user), year=data.pop("year")
        ).first()
        if year is None:
            message = _("There is no contingent for this year.")
            raise serializers.ValidationError({"year": [message]})
        run = services.allocation_run_start(contingent_year=year, by=request.user, **data)
        return Response(AllocationRunSerializer(run).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AllocationRunChangeSerializer, responses=AllocationRunSerializer)
    @action(detail=True, methods=["post"])
    def change(self, request, pk=None):
        """Change the answer by hand, with a reason: give a nomination of the run (assigned or
        unmatched) an unused dwelling of the run, or take its assignment out (``dwelling``
        null). A new pair must pass every hard rule and no quota of the run may be exceeded."""
        run = self.get_object()
        data = self._valid(AllocationRunChangeSerializer).validated_data
        run = services.allocation_run_change(
            run=run,
            nomination_id=data["nomination"],
            dwelling_id=data["dwelling"],
            reason=data["reason"],
            by=request.user,
        )
        return Response(AllocationRunSerializer(run).data)

    @extend_schema(request=None, responses=AllocationRunSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Make a proposal of every assignment: all of them, or none."""
        run = self.get_object()
        services.allocation_run_publish(run=run, by=request.user)
        run.refresh_from_db()
        return Response(AllocationRunSerializer(run).data)

    @extend_schema(request=None, responses=AllocationRunReplaySerializer)
    @action(detail=True, methods=["post"])
    def replay(self, request, pk=None):
        """Solve the run's stored input again and compare with its original answer; 409 when a
        rule or criterion has another version now."""
        outcome = services.allocation_run_replay(run=self.get_object())
        return Response(AllocationRunReplaySerializer(dataclasses.asdict(outcome)).data)


def register(router) -> None:
    """Add this part's viewsets to the scheme's router (``onderdak.contingent.api.urls``)."""
    router.register("allocation-runs", AllocationRunViewSet, basename="allocation-run")
    router.register(
        "affordability-limits", AffordabilityLimitViewSet, basename="affordability-limit"
    )
