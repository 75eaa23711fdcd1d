"""Monitor API: counts and their versions, their rows (regional coordinator only), and the
breakdown values a file may name. Count and indicator files come in through the shared
``imports`` endpoint (``onderdak.imports.api``).

Lists hold only the caller's region. Writes go through the same services as the pages. People
totals from 1 to 4 are ``null`` for every reader but the regional coordinator.
"""

import django_filters
from django.utils.functional import cached_property
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from onderdak.accounts.selectors import region_for_user
from onderdak.monitor.models import (
    Count,
    CountRow,
    CountVersion,
    Dimension,
    ReferenceValue,
)
from onderdak.monitor.selectors import counts as selectors
from onderdak.monitor.selectors.counts import SMALLEST_SHOWN
from onderdak.monitor.services import counts as services

VIEW = "monitor.view_count"
CHANGE = "monitor.change_count"
PEOPLE_HELP = "People counted; null when 1 to 4 and the caller may not see small numbers."


class RegionMixin:
    @cached_property
    def region(self):
        return region_for_user(self.request.user)


class PeopleField(serializers.IntegerField):
    """A people total, ``null`` when small and the caller may not see small numbers."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, help_text=PEOPLE_HELP, **kwargs)

    def to_representation(self, value):
        request = self.context.get("request")
        hidden = 0 < value < SMALLEST_SHOWN and not (
            request and request.user.has_perm("monitor.view_unsuppressed")
        )
        return None if hidden else value


# --- Counts and versions -------------------------------------------------------------------------


class CountVersionSerializer(serializers.ModelSerializer):
    people_total = PeopleField()
    imported_by = serializers.CharField(source="imported_by.username", default=None)
    is_current = serializers.SerializerMethodField()

    class Meta:
        model = CountVersion
        fields = [
            "id",
            "count",
            "number",
            "file_name",
            "row_count",
            "people_total",
            "imported_by",
            "imported_at",
            "is_current",
        ]
        read_only_fields = fields

    def get_is_current(self, version) -> bool:
        return version.count.current_version_id == version.pk


class CurrentVersionSerializer(serializers.ModelSerializer):
    people_total = PeopleField()

    class Meta:
        model = CountVersion
        fields = ["id", "number", "row_count", "people_total", "imported_at"]
        read_only_fields = fields


class CountSerializer(serializers.ModelSerializer):
    current_version = CurrentVersionSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Count
        fields = [
            "id",
            "title",
            "count_date",
            "area",
            "method",
            "source",
            "notes",
            "is_demo",
            "current_version",
            "created_at",
        ]
        read_only_fields = ["id", "is_demo", "current_version", "created_at"]


class CountFilter(django_filters.FilterSet):
    class Meta:
        model = Count
        fields = ["is_demo"]


class CountViewSet(
    RegionMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The region's counts: details and current version. Figures come in through ``imports``."""

    serializer_class = CountSerializer
    filterset_class = CountFilter
    permission_rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "create": "monitor.add_count",
        "update": CHANGE,
        "partial_update": CHANGE,
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return Count.objects.none()
        return selectors.count_list(region=self.region)

    def perform_create(self, serializer):
        serializer.instance = services.count_create(
            region=self.region, created_by=self.request.user, **serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = services.count_update(
            count=serializer.instance, **serializer.validated_data
        )


class CountVersionFilter(django_filters.FilterSet):
    class Meta:
        model = CountVersion
        fields = ["count"]


class CountVersionViewSet(
    RegionMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Every imported version of the region's counts (filter ``count``), newest first."""

    serializer_class = CountVersionSerializer
    filterset_class = CountVersionFilter
    permission_rules = {"list": VIEW, "retrieve": VIEW, "make_current": CHANGE}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return CountVersion.objects.none()
        return selectors.version_queryset(region=self.region).order_by("count", "-number")

    @extend_schema(request=None, responses=CountVersionSerializer)
    @action(detail=True, methods=["post"], url_path="make-current")
    def make_current(self, request, pk=None):
        """Make this version its count's current one again; 409 when it is current already."""
        version = self.get_object()
        services.count_version_make_current(version=version)
        version.count.refresh_from_db()
        return Response(self.get_serializer(version).data)


# --- Rows ----------------------------------------------------------------------------------------


class CountRowSerializer(serializers.ModelSerializer):
    count = serializers.IntegerField(source="version.count_id")
    version = serializers.IntegerField(source="version.number")
    municipality = serializers.CharField(source="municipality.cbs_code")
    category = serializers.CharField(source="category.code")
    age_band = serializers.CharField(source="age_band.code")
    gender = serializers.CharField(source="gender.code")
    finder = serializers.CharField(source="finder.code")

    class Meta:
        model = CountRow
        fields = [
            "id",
            "count",
            "version",
            "municipality",
            "category",
            "age_band",
            "gender",
            "finder",
            "people",
        ]
        read_only_fields = fields


def _code_filter(field: str) -> django_filters.CharFilter:
    return django_filters.CharFilter(field_name=f"{field}__code", help_text=f"The {field}'s code.")


class CountRowFilter(django_filters.FilterSet):
    count = django_filters.NumberFilter(
        method="filter_count",
        help_text="A count's id: the rows of its current version (unless `version` is given).",
    )
    version = django_filters.NumberFilter(field_name="version", help_text="A version's id.")
    municipality = django_filters.CharFilter(
        field_name="municipality__cbs_code", help_text="CBS code, e.g. GM0546."
    )
    category = _code_filter("category")
    age_band = _code_filter("age_band")
    gender = _code_filter("gender")
    finder = _code_filter("finder")

    class Meta:
        model = CountRow
        fields = ["count", "version", "municipality", "category", "age_band", "gender", "finder"]

    def filter_count(self, queryset, name, value):
        if self.form.cleaned_data.get("version") is not None:
            return queryset  # a version names its rows already
        return queryset.filter(version__current_of=value)


class CountRowViewSet(RegionMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """The raw rows of the region's counts, unsuppressed: for the regional coordinator only."""

    serializer_class = CountRowSerializer
    filterset_class = CountRowFilter
    permission_rules = {"list": "monitor.view_countrow"}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return CountRow.objects.none()
        return selectors.row_queryset(region=self.region).order_by("version", "id")


# --- Reference values ----------------------------------------------------------------------------


class ReferenceValueSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReferenceValue
        fields = ["id", "dimension", "code", "name", "name_en", "description", "order", "is_active"]
        read_only_fields = fields


class ReferenceValueFilter(django_filters.FilterSet):
    dimension = django_filters.ChoiceFilter(choices=Dimension.choices)

    class Meta:
        model = ReferenceValue
        fields = ["dimension", "is_active"]


class ReferenceValueViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The values of every breakdown (ETHOS category, age band, gender, finding organisation)
    that a count file may name by code or by its Dutch or English name."""

    serializer_class = ReferenceValueSerializer
    filterset_class = ReferenceValueFilter
    queryset = ReferenceValue.objects.order_by("dimension", "order", "code")
    permission_rules = {
        "list": "monitor.view_referencevalue",
        "retrieve": "monitor.view_referencevalue",
    }


def register(router) -> None:
    """Adds this part's viewsets to the monitor's router."""
    router.register("counts", CountViewSet, basename="count")
    router.register("count-versions", CountVersionViewSet, basename="count-version")
    router.register("count-rows", CountRowViewSet, basename="count-row")
    router.register("reference-values", ReferenceValueViewSet, basename="reference-value")
