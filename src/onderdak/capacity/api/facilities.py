"""Capacity API: the facility register and its monthly figures.

- ``facility-types``: the kinds of facility (reference data; kept in the management screens).
- ``facilities``: the region's facilities the caller sees (a care worker: their own care
  provider's), with filters; planners create and change them, and ``deactivate`` or
  ``reactivate`` one.
- ``monthly-figures``: the figures of those facilities; ``POST`` stores a facility's month (a new
  month answers 201, a month entered again is replaced and answers 200), ``PUT``/``PATCH`` change
  a stored month's figures. Planners enter every facility's, a care worker their own care
  provider's. Every answer to a write carries the ``warnings`` (the figures are stored anyway).
- A file of monthly figures is imported through the shared ``imports`` endpoint
  (``kind=monthly_figures``).

Writes go through the same services as the pages; lists hold only the caller's region.
"""

import django_filters
from django.utils.functional import cached_property
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from onderdak.accounts.selectors import region_for_user
from onderdak.capacity.models import Facility, FacilityType, MonthlyFigure
from onderdak.capacity.months import first_of_month
from onderdak.capacity.selectors import facilities as selectors
from onderdak.capacity.selectors.visibility import visible_figures
from onderdak.capacity.services import facilities as services
from onderdak.capacity.services import figures as figure_services
from onderdak.capacity.services.figures import FIGURE_FIELDS, FigureValues
from onderdak.contingent.api.serializers_nominations import CareProviderField, MunicipalityField
from onderdak.region.models import Level

VIEW_FACILITY = "capacity.view_facility"
CHANGE_FACILITY = "capacity.change_facility"
VIEW_FIGURES = "capacity.view_monthlyfigure"
CHANGE_FIGURES = "capacity.change_monthlyfigure"


class RegionMixin:
    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "region": self.region}


# --- Facility types ------------------------------------------------------------------------------


class FacilityTypeSerializer(serializers.ModelSerializer):
    class Meta:
        model = FacilityType
        fields = [
            "id",
            "code",
            "name",
            "name_en",
            "description",
            "default_level",
            "when_full",
            "order",
            "is_active",
        ]
        read_only_fields = fields


class FacilityTypeViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The kinds of facility a facility, a plan line or a file names by ``code``."""

    serializer_class = FacilityTypeSerializer
    queryset = FacilityType.objects.order_by("order", "code")
    filterset_fields = ["is_active"]
    permission_rules = {
        "list": "capacity.view_facilitytype",
        "retrieve": "capacity.view_facilitytype",
    }


# --- Facilities ----------------------------------------------------------------------------------


class FacilitySerializer(serializers.ModelSerializer):
    provider = CareProviderField(help_text="The care provider's id.")
    provider_name = serializers.CharField(source="provider.name", read_only=True)
    municipality = MunicipalityField(help_text="CBS code, e.g. GM0546.")
    municipality_name = serializers.CharField(source="municipality.name", read_only=True)
    facility_type = serializers.SlugRelatedField(
        slug_field="code", queryset=FacilityType.objects.all(), help_text="The type's code."
    )
    level = serializers.ChoiceField(
        choices=Level.choices,
        required=False,
        allow_blank=True,
        help_text="Empty or left out: the type's usual level.",
    )
    latest_month = serializers.DateField(
        read_only=True, allow_null=True, help_text="The latest month with figures (its first day)."
    )

    class Meta:
        model = Facility
        fields = [
            "id",
            "name",
            "provider",
            "provider_name",
            "municipality",
            "municipality_name",
            "facility_type",
            "level",
            "places",
            "contract_start",
            "contract_end",
            "tariff_per_day",
            "tariff_source",
            "notes",
            "is_active",
            "is_demo",
            "latest_month",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "is_active", "is_demo", "created_at", "updated_at"]


class FacilityFilter(django_filters.FilterSet):
    municipality = django_filters.CharFilter(
        field_name="municipality__cbs_code", help_text="CBS code, e.g. GM0546."
    )
    subregion = django_filters.NumberFilter(
        field_name="municipality__subregion", help_text="A subregion's id."
    )
    facility_type = django_filters.CharFilter(
        field_name="facility_type__code", help_text="The type's code."
    )

    class Meta:
        model = Facility
        fields = ["municipality", "subregion", "facility_type", "level", "provider", "is_active"]


class FacilityViewSet(
    RegionMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The region's facilities the caller sees, active and inactive (filter ``is_active``)."""

    serializer_class = FacilitySerializer
    filterset_class = FacilityFilter
    permission_rules = {
        "list": VIEW_FACILITY,
        "retrieve": VIEW_FACILITY,
        "create": "capacity.add_facility",
        **dict.fromkeys(("update", "partial_update", "deactivate", "reactivate"), CHANGE_FACILITY),
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return Facility.objects.none()
        return selectors.facility_list(
            user=self.request.user, region=self.region, filters=selectors.FacilityFilters(active="")
        )

    def perform_create(self, serializer):
        serializer.instance = services.facility_create(
            region=self.region, **serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = services.facility_update(
            facility=serializer.instance, **serializer.validated_data
        )

    @extend_schema(request=None, responses=FacilitySerializer)
    @action(detail=True, methods=["post"])
    def deactivate(self, request, pk=None):
        """Take the facility out of use; it stays with its figures. 409 when it is inactive."""
        return self._respond(services.facility_deactivate(facility=self.get_object()))

    @extend_schema(request=None, responses=FacilitySerializer)
    @action(detail=True, methods=["post"])
    def reactivate(self, request, pk=None):
        """Make the facility active again. 409 when it is active."""
        return self._respond(services.facility_reactivate(facility=self.get_object()))

    def _respond(self, facility: Facility) -> Response:
        found = self.get_queryset().get(pk=facility.pk)
        return Response(self.get_serializer(found).data)


# --- Monthly figures -----------------------------------------------------------------------------


class MonthField(serializers.DateField):
    """A month as ``2024-06`` (a date is taken as its month); written as ``2024-06``."""

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m", input_formats=["%Y-%m", "%Y-%m-%d"], **kwargs)

    def to_internal_value(self, value):
        return first_of_month(super().to_internal_value(value))


class ImportableFacilityField(serializers.PrimaryKeyRelatedField):
    """A facility the caller may enter figures for (others are not found)."""

    def get_queryset(self):
        request = self.context["request"]
        return selectors.importable_facilities(user=request.user, region=self.context["region"])


class MonthlyFigureSerializer(serializers.ModelSerializer):
    facility = ImportableFacilityField(help_text="The facility's id.")
    month = MonthField(help_text="The month, e.g. 2024-06.")
    outflow = serializers.IntegerField(read_only=True, help_text="The four outflows together.")
    entered_by = serializers.CharField(source="entered_by.username", read_only=True, default=None)
    warnings = serializers.SerializerMethodField(
        help_text="What looks off in the figures stored (in answers to a write only)."
    )

    class Meta:
        model = MonthlyFigure
        fields = [
            "id",
            "facility",
            "month",
            *FIGURE_FIELDS,
            "outflow",
            "entered_by",
            "updated_at",
            "warnings",
        ]
        read_only_fields = ["id", "updated_at"]
        validators = []  # a month entered again replaces it (``services.figures``)

    def get_warnings(self, figure) -> list[str]:
        return self.context.get("warnings", [])


class MonthlyFigureChangeSerializer(MonthlyFigureSerializer):
    """A stored month's figures changed: its facility and month stay."""

    facility = serializers.PrimaryKeyRelatedField(read_only=True)
    month = MonthField(read_only=True)


class MonthlyFigureFilter(django_filters.FilterSet):
    month_from = django_filters.DateFilter(
        field_name="month", lookup_expr="gte", help_text="From this month on (its first day)."
    )
    month_until = django_filters.DateFilter(
        field_name="month", lookup_expr="lte", help_text="Up to this month (its first day)."
    )
    municipality = django_filters.CharFilter(
        field_name="facility__municipality__cbs_code", help_text="CBS code, e.g. GM0546."
    )
    facility_type = django_filters.CharFilter(
        field_name="facility__facility_type__code", help_text="The type's code."
    )

    class Meta:
        model = MonthlyFigure
        fields = ["facility", "month_from", "month_until", "municipality", "facility_type"]


class MonthlyFigureViewSet(
    RegionMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The monthly figures of the facilities the caller sees, by facility and month."""

    filterset_class = MonthlyFigureFilter
    permission_rules = {
        "list": VIEW_FIGURES,
        "retrieve": VIEW_FIGURES,
        **dict.fromkeys(("create", "update", "partial_update"), CHANGE_FIGURES),
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return MonthlyFigure.objects.none()
        figures = visible_figures(user=self.request.user, region=self.region)
        return figures.select_related("entered_by").order_by("facility", "-month")

    def get_serializer_class(self):
        if self.action in ("update", "partial_update"):
            return MonthlyFigureChangeSerializer
        return MonthlyFigureSerializer

    @extend_schema(responses={200: MonthlyFigureSerializer, 201: MonthlyFigureSerializer})
    def create(self, request, *args, **kwargs):
        """Store a facility's month: 201 for a new month, 200 when it replaced the month's
        figures."""
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        recorded = self._record(data["facility"], data["month"], data)
        answer = status.HTTP_201_CREATED if recorded.created else status.HTTP_200_OK
        return Response(self._shown(recorded), status=answer)

    def update(self, request, *args, partial=False, **kwargs):
        figure = self.get_object()
        serializer = self.get_serializer(figure, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = {name: getattr(figure, name) for name in FIGURE_FIELDS} | serializer.validated_data
        return Response(self._shown(self._record(figure.facility, figure.month, data)))

    def _record(self, facility, month, data) -> figure_services.RecordedMonth:
        values = FigureValues(*(data[name] for name in FIGURE_FIELDS))
        return figure_services.monthly_figure_record(
            facility=facility, month=month, values=values, by=self.request.user
        )

    def _shown(self, recorded: figure_services.RecordedMonth) -> dict:
        context = {**self.get_serializer_context(), "warnings": recorded.warnings}
        return MonthlyFigureSerializer(recorded.figure, context=context).data


def register(router) -> None:
    """Adds this part's viewsets to the module's router."""
    router.register("facility-types", FacilityTypeViewSet, basename="facility-type")
    router.register("facilities", FacilityViewSet, basename="facility")
    router.register("monthly-figures", MonthlyFigureViewSet, basename="monthly-figure")
