"""API of the contingent scheme: years, their key and split, spread and checklists, and the
reasons to decline.

Every contingent role reads the caller's region's years; the coordinator changes them. Writes go
through the same services as the pages; a part of a year (the key, the targets, ...) is replaced
as a whole by a ``PUT`` and answered with the whole year.
"""

import django_filters
from django.utils.functional import cached_property
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from onderdak.accounts.selectors import region_for_user
from onderdak.contingent.api import serializers_years as serializers
from onderdak.contingent.models import ContingentYear, DeclineParty, DeclineReason
from onderdak.contingent.selectors import years as selectors
from onderdak.contingent.selectors.reports import reads_unsuppressed
from onderdak.contingent.services import years as services

VIEW = "contingent.view_contingentyear"


class ContingentYearFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter()

    class Meta:
        model = ContingentYear
        fields = ["year"]


class DeclineReasonFilter(django_filters.FilterSet):
    party = django_filters.ChoiceFilter(
        choices=DeclineParty.choices,
        method="for_party",
        help_text="The reasons a party may choose: its own and those for both.",
    )
    is_active = django_filters.BooleanFilter()

    class Meta:
        model = DeclineReason
        fields = ["party", "is_active"]

    def for_party(self, queryset, name, value):
        return queryset.filter(party__in=(value, DeclineParty.BOTH))


class RegionScopedMixin:
    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "region": self.region}

    def _valid(self, serializer_class):
        serializer = serializer_class(data=self.request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data


class ContingentYearViewSet(
    RegionScopedMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    filterset_class = ContingentYearFilter
    serializer_class = serializers.ContingentYearSerializer
    permission_rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "create": "contingent.add_contingentyear",
        "partial_update": "contingent.change_contingentyear",
        "stocks": "contingent.change_corporationstock",
        "targets": "contingent.change_corporationtarget",
        "spread_targets": "contingent.change_spreadtarget",
        "criteria": "contingent.change_eligibilitycriterion",
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return ContingentYear.objects.none()
        return selectors.year_list(region=self.region)

    def _detail(self, year: ContingentYear, status_code: int = status.HTTP_200_OK) -> Response:
        detail = selectors.year_detail(
            region=self.region,
            year=year.year,
            with_realised=reads_unsuppressed(self.request.user),
        )
        context = {**self.get_serializer_context(), "detail": detail}
        body = serializers.ContingentYearDetailSerializer(detail.contingent_year, context=context)
        return Response(body.data, status=status_code)

    @extend_schema(responses=serializers.ContingentYearDetailSerializer)
    def retrieve(self, request, *args, **kwargs):
        """The year with its key, split, spread and checklists, and realised per corporation."""
        return self._detail(self.get_object())

    @extend_schema(responses={201: serializers.ContingentYearDetailSerializer})
    def create(self, request, *args, **kwargs):
        """A new year with its target per stream (together the total) and its policy."""
        data = self._valid(serializers.ContingentYearSerializer)
        year = services.contingent_year_create(region=self.region, by=request.user, **data)
        return self._detail(year, status.HTTP_201_CREATED)

    @extend_schema(
        request=serializers.ContingentYearUpdateSerializer,
        responses=serializers.ContingentYearDetailSerializer,
    )
    def partial_update(self, request, *args, **kwargs):
        """Change the targets, the key's source or the policy. A new stream target computes the
        split again by the key."""
        year = self.get_object()
        serializer = serializers.ContingentYearUpdateSerializer(
            year, data=request.data, partial=True, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        changes = dict(serializer.validated_data)
        updated = services.contingent_year_update(
            contingent_year=year,
            expected_version=changes.pop("version"),
            confirm_recompute=changes.pop("confirm_recompute", False),
            by=request.user,
            **changes,
        )
        return self._detail(updated)

    @extend_schema(
        request=serializers.StocksSerializer, responses=serializers.ContingentYearDetailSerializer
    )
    @action(detail=True, methods=["put"])
    def stocks(self, request, pk=None):
        """Replace the key (each corporation's social rental stock, one source) and compute every
        corporation's share of each stream again."""
        year = self.get_object()
        data = self._valid(serializers.StocksSerializer)
        services.stocks_replace(
            contingent_year=year,
            stocks=data["stocks"],
            key_source=data["key_source"],
            expected_version=data["version"],
            confirm_recompute=data["confirm_recompute"],
            by=request.user,
        )
        return self._detail(year)

    @extend_schema(
        request=serializers.TargetsSerializer, responses=serializers.ContingentYearDetailSerializer
    )
    @action(detail=True, methods=["put"])
    def targets(self, request, pk=None):
        """Change corporations' targets by hand: a target other than the key's share needs a
        reason; per stream the targets still add up to the stream's target."""
        year = self.get_object()
        data = self._valid(serializers.TargetsSerializer)
        services.targets_change(
            contingent_year=year,
            targets=data["targets"],
            expected_version=data["version"],
            by=request.user,
        )
        return self._detail(year)

    @extend_schema(
        request=serializers.SpreadTargetsSerializer,
        responses=serializers.ContingentYearDetailSerializer,
    )
    @action(detail=True, methods=["put"], url_path="spread-targets")
    def spread_targets(self, request, pk=None):
        """Replace the optional targets per municipality (by CBS code)."""
        year = self.get_object()
        data = self._valid(serializers.SpreadTargetsSerializer)
        services.spread_targets_replace(
            contingent_year=year,
            targets=data["targets"],
            expected_version=data["version"],
            by=request.user,
        )
        return self._detail(year)

    @extend_schema(
        request=serializers.CriteriaSerializer, responses=serializers.ContingentYearDetailSerializer
    )
    @action(detail=True, methods=["put"])
    def criteria(self, request, pk=None):
        """Replace one stream's eligibility checklist; a criterion ticked on a nomination stays."""
        year = self.get_object()
        data = self._valid(serializers.CriteriaSerializer)
        services.criteria_replace(
            contingent_year=year,
            stream=data["stream"],
            texts=data["texts"],
            expected_version=data["version"],
            by=request.user,
        )
        return self._detail(year)


class DeclineReasonViewSet(
    RegionScopedMixin,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = serializers.DeclineReasonSerializer
    filterset_class = DeclineReasonFilter
    permission_rules = {
        "list": "contingent.view_declinereason",
        "create": "contingent.add_declinereason",
        "partial_update": "contingent.change_declinereason",
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return DeclineReason.objects.none()
        return selectors.decline_reasons(region=self.region, active_only=False)

    def perform_create(self, serializer):
        serializer.instance = services.decline_reason_create(
            region=self.region, by=self.request.user, **serializer.validated_data
        )

    @extend_schema(request=serializers.DeclineReasonSerializer)
    def partial_update(self, request, *args, **kwargs):
        """Change a reason; put a reason out of use with ``is_active: false``."""
        reason = self.get_object()
        serializer = self.get_serializer(reason, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        updated = services.decline_reason_update(
            decline_reason=reason, by=request.user, **serializer.validated_data
        )
        return Response(self.get_serializer(updated).data)


def register(router) -> None:
    """Add this part's viewsets to the scheme's router (``onderdak.contingent.api.urls``)."""
    router.register("contingent-years", ContingentYearViewSet, basename="contingent-year")
    router.register("decline-reasons", DeclineReasonViewSet, basename="decline-reason")
