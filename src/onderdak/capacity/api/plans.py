"""Capacity API: the region's op- en afbouw plan (``capacity-plans``) with its checks, its lines
(``plan-lines``, with filters), cells of its grid set at once (``PUT
capacity-plans/{id}/lines/``), and the plan optimisation (``optimisation-runs``: create = run).

Readers of the capacity module read the plan; planners make it and change its period; a
municipality officer changes only their own municipality's lines (the service refuses others
with 403). Writes go through the same services as the pages.
"""

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from onderdak.accounts.selectors import region_for_user
from onderdak.capacity.models import CapacityPlan, FacilityType, OptimisationRun, PlanLine
from onderdak.capacity.models.facilities import MAX_PLACES
from onderdak.capacity.models.plans import MAX_YEAR, MIN_YEAR
from onderdak.capacity.selectors import plans as selectors
from onderdak.capacity.selectors import plans_optimisation as optimisation_selectors
from onderdak.capacity.selectors.plans_checks import plan_checks
from onderdak.capacity.services import optimisation as optimisation_services
from onderdak.capacity.services import plans as services
from onderdak.capacity.services.optimisation import OptimisationSettings, TypeLimits
from onderdak.capacity.views import optimisation_presentation
from onderdak.capacity.views.plans_presentation import check_label
from onderdak.core.errors import DomainError
from onderdak.region.models import Municipality

VIEW = "capacity.view_capacityplan"
CHANGE = "capacity.change_capacityplan"


class RegionMixin:
    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    def _valid(self, serializer_class, **kwargs):
        serializer = serializer_class(data=self.request.data, context={"view": self}, **kwargs)
        serializer.is_valid(raise_exception=True)
        return serializer


class CapacityPlanSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region.slug", read_only=True)

    class Meta:
        model = CapacityPlan
        fields = ["id", "region", "first_year", "last_year", "notes", "updated_at"]
        read_only_fields = ["id", "region", "updated_at"]


class PlanPeriodSerializer(serializers.Serializer):
    first_year = serializers.IntegerField(
        min_value=MIN_YEAR, max_value=MAX_YEAR, help_text="The baseline year (default 2023)."
    )
    last_year = serializers.IntegerField(
        min_value=MIN_YEAR, max_value=MAX_YEAR, help_text="The target year (default 2032)."
    )
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class PlanLineSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.cbs_code")
    municipality_name = serializers.CharField(source="municipality.name")
    subregion = serializers.CharField(source="municipality.subregion.slug")
    facility_type = serializers.CharField(source="facility_type.code")

    class Meta:
        model = PlanLine
        fields = [
            "municipality",
            "municipality_name",
            "subregion",
            "facility_type",
            "year",
            "places",
            "note",
            "updated_at",
        ]


class PlanEntrySerializer(serializers.Serializer):
    municipality = serializers.SlugRelatedField(
        slug_field="cbs_code",
        queryset=Municipality.objects.defer("boundary"),
        help_text="The municipality's CBS code, e.g. GM0546.",
    )
    facility_type = serializers.SlugRelatedField(
        slug_field="code",
        queryset=FacilityType.objects.all(),
        help_text="The facility type's code, e.g. housing-first.",
    )
    year = serializers.IntegerField(help_text="A year of the plan.")
    places = serializers.IntegerField(
        allow_null=True,
        max_value=MAX_PLACES,
        help_text="The places planned; null clears the cell. Negative numbers are refused.",
    )
    note = serializers.CharField(
        required=False,
        allow_null=True,
        allow_blank=True,
        max_length=500,
        help_text="Left out or null: the line keeps its note.",
    )


class PlanLinesSerializer(serializers.Serializer):
    lines = PlanEntrySerializer(many=True, allow_empty=False)

    def entries(self) -> list[services.PlanEntry]:
        return [
            services.PlanEntry(
                line["municipality"],
                line["facility_type"],
                line["year"],
                line["places"],
                line.get("note"),
            )
            for line in self.validated_data["lines"]
        ]


class LinesSavedSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    changed = serializers.IntegerField()
    cleared = serializers.IntegerField()


class PlanCheckSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=["below_demand", "faster_than_outflow"],
        help_text="below_demand: a municipality plans less than its measured demand; "
        "faster_than_outflow: the region closes more places of a type in a year than leave it.",
    )
    label = serializers.CharField()
    municipality = serializers.CharField(allow_null=True, help_text="CBS code, or null.")
    facility_type = serializers.CharField()
    year = serializers.IntegerField(help_text="The (first) year it happens.")
    places = serializers.IntegerField()
    measured = serializers.DecimalField(max_digits=12, decimal_places=1)
    message = serializers.CharField()


class PlanChecksSerializer(serializers.Serializer):
    first_month = serializers.DateField(allow_null=True, help_text="The window measured.")
    last_month = serializers.DateField(allow_null=True)
    checks = PlanCheckSerializer(many=True)
    unchecked_types = serializers.ListField(
        child=serializers.CharField(), help_text="Types without monthly figures: not checked."
    )


def checks_body(checks) -> dict:
    return {
        "first_month": checks.demand.first_month,
        "last_month": checks.demand.last_month,
        "checks": [
            {
                "kind": str(check.kind),
                "label": check_label(check.kind),
                "municipality": check.municipality.cbs_code if check.municipality else None,
                "facility_type": check.facility_type.code,
                "year": check.year,
                "places": check.places,
                "measured": check.measured,
                "message": message,
            }
            for check, message in checks.messages()
        ],
        "unchecked_types": [t.code for t in checks.unchecked_types],
    }


class PlanLineFilter(django_filters.FilterSet):
    municipality = django_filters.CharFilter(
        field_name="municipality__cbs_code", help_text="CBS code, e.g. GM0546."
    )
    subregion = django_filters.CharFilter(
        field_name="municipality__subregion__slug", help_text="The subregion's slug."
    )
    facility_type = django_filters.CharFilter(
        field_name="facility_type__code", help_text="The type's code."
    )
    year = django_filters.NumberFilter()

    class Meta:
        model = PlanLine
        fields = ["municipality", "subregion", "facility_type", "year"]


class CapacityPlanViewSet(
    RegionMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """The region's build-up and phase-down plan (at most one per region)."""

    serializer_class = CapacityPlanSerializer
    permission_rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "create": CHANGE,
        "partial_update": CHANGE,
        "put_lines": "capacity.change_planline",
        "checks": VIEW,
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return CapacityPlan.objects.none()
        return CapacityPlan.objects.filter(region=self.region).select_related("region")

    def get_object(self):
        """The region's plan. Its rules have no object part: which municipalities' lines a
        municipality officer may set is checked by the service."""
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    @extend_schema(request=PlanPeriodSerializer, responses={201: CapacityPlanSerializer})
    def create(self, request, *args, **kwargs):
        """Make the region's plan; 409 when it has one."""
        data = self._valid(PlanPeriodSerializer).validated_data
        plan = services.capacity_plan_create(region=self.region, **data)
        return Response(CapacityPlanSerializer(plan).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=PlanPeriodSerializer, responses=CapacityPlanSerializer)
    def partial_update(self, request, *args, **kwargs):
        """Change the period or the notes; refused while lines lie outside a shorter period."""
        plan = self.get_object()
        current = {"first_year": plan.first_year, "last_year": plan.last_year, "notes": plan.notes}
        data = {**current, **self._valid(PlanPeriodSerializer, partial=True).validated_data}
        plan = services.capacity_plan_update(plan=plan, **data)
        return Response(CapacityPlanSerializer(plan).data)

    @extend_schema(request=PlanLinesSerializer, responses=LinesSavedSerializer)
    @action(detail=True, methods=["put"], url_path="lines")
    def put_lines(self, request, pk=None):
        """Set cells of the grid (municipality x type x year): all of them or, with an error
        per line (``lines.<index>.<field>``), none. ``places: null`` clears a cell; cells not
        named keep their places. A municipality officer may name only their own municipality.
        The lines are read from ``plan-lines``."""
        plan = self.get_object()
        entries = self._valid(PlanLinesSerializer).entries()
        saved = services.plan_lines_save(plan=plan, entries=entries, by=request.user)
        return Response(LinesSavedSerializer(saved).data)

    @extend_schema(responses=PlanChecksSerializer)
    @action(detail=True, methods=["get"], pagination_class=None)
    def checks(self, request, pk=None):
        """What the plan's checks flag: plans below measured demand, regional totals that
        shrink faster than outflow allows."""
        grid = selectors.plan_grid(plan=self.get_object())
        return Response(PlanChecksSerializer(checks_body(plan_checks(grid=grid))).data)


class PlanLineViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The lines of the region's plan: one per municipality, type and year with places."""

    serializer_class = PlanLineSerializer
    filterset_class = PlanLineFilter
    permission_rules = {"list": VIEW}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return PlanLine.objects.none()
        plan = selectors.region_plan(region=region_for_user(self.request.user))
        return selectors.plan_line_list(plan=plan) if plan else PlanLine.objects.none()


# --- The plan optimisation -----------------------------------------------------------------------


class TypeLimitsSerializer(serializers.Serializer):
    cost_per_place = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        required=False,
        allow_null=True,
        help_text="Euro per place per year; default the tariff x 365.",
    )
    max_increase = serializers.IntegerField(
        required=False, allow_null=True, help_text="Places that may be added a year."
    )
    max_decrease = serializers.IntegerField(
        required=False, allow_null=True, help_text="Places that may be closed a year."
    )


class OptimisationStartSerializer(serializers.Serializer):
    budget = serializers.DictField(
        child=serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True),
        required=False,
        default=dict,
        help_text='Euro per year, e.g. {"2025": 12000000}; a year left out or null: no limit.',
    )
    types = serializers.DictField(
        child=TypeLimitsSerializer(), required=False, default=dict, help_text="Per type code."
    )
    demand_growth = serializers.FloatField(
        required=False, default=0.0, help_text="A share a year: 0.02 is 2 % more each year."
    )
    unsheltered_weight = serializers.FloatField(
        required=False,
        default=1.0,
        help_text="A person left unsheltered against 1 on a waiting list (1 to 100).",
    )
    integer = serializers.BooleanField(required=False, default=True, help_text="Whole places.")
    within_outflow = serializers.BooleanField(
        required=False,
        default=True,
        help_text="Per type, close no more places a year region-wide than people leave it.",
    )

    def validate_budget(self, value):
        try:
            return {int(year): amount for year, amount in value.items()}
        except ValueError as error:
            raise serializers.ValidationError(_("Name each year as a number.")) from error

    def settings(self) -> OptimisationSettings:
        data = self.validated_data
        return OptimisationSettings(
            budget=data["budget"],
            types={code: TypeLimits(**limits) for code, limits in data["types"].items()},
            demand_growth=data["demand_growth"],
            unsheltered_weight=data["unsheltered_weight"],
            integer=data["integer"],
            within_outflow=data["within_outflow"],
        )


class OptimisationRunSerializer(serializers.ModelSerializer):
    class Meta:
        model = OptimisationRun
        fields = [
            "id",
            "status",
            "progress",
            "error",
            "engine_version",
            "created_at",
            "finished_at",
        ]
        read_only_fields = fields


class OptimisationRunDetailSerializer(OptimisationRunSerializer):
    years = serializers.SerializerMethodField()
    notes = serializers.SerializerMethodField(help_text="Cells left out, and why.")
    entered = serializers.SerializerMethodField(help_text="Per cell the entered plan's places.")
    result = serializers.JSONField(
        help_text="The engine's answer: status, places, shortage and cost per year of the "
        "proposal and of the entered plan, findings."
    )
    binding = serializers.SerializerMethodField(help_text="Why the proposal is as it is.")
    broken = serializers.SerializerMethodField(help_text="Limits the entered plan does not keep.")

    class Meta(OptimisationRunSerializer.Meta):
        fields = [
            *OptimisationRunSerializer.Meta.fields,
            "years",
            "notes",
            "entered",
            "result",
            "binding",
            "broken",
        ]
        read_only_fields = fields

    def _outcome(self, run):
        return optimisation_presentation.outcome(run) if run.result else None

    def get_years(self, run) -> list[int]:
        return run.input["problem"]["years"]

    def get_notes(self, run) -> list[str]:
        return run.input["notes"]

    @extend_schema_field(
        serializers.DictField(child=serializers.ListField(child=serializers.IntegerField()))
    )
    def get_entered(self, run):
        return {cell["key"]: cell["entered"] for cell in run.input["problem"]["cells"]}

    def get_binding(self, run) -> list[str]:
        out = self._outcome(run)
        return [*out.conflicts, *out.binding] if out else []

    def get_broken(self, run) -> list[str]:
        out = self._outcome(run)
        return out.broken if out else []


class OptimisationRunViewSet(
    RegionMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Runs of the plan optimisation: the proposed path of places beside the entered plan."""

    permission_rules = {"list": VIEW, "retrieve": VIEW, "create": "capacity.run_optimisation"}

    def get_serializer_class(self):
        return (
            OptimisationRunDetailSerializer
            if self.action == "retrieve"
            else OptimisationRunSerializer
        )

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return OptimisationRun.objects.none()
        if self.action == "retrieve":
            return OptimisationRun.objects.filter(plan__region=self.region)
        return optimisation_selectors.optimisation_runs(region=self.region)

    @extend_schema(request=OptimisationStartSerializer, responses={201: OptimisationRunSerializer})
    def create(self, request, *args, **kwargs):
        """Optimise the region's plan: small problems are solved in the request, larger ones in
        the background (follow them at ``optimisation-runs/{id}``)."""
        plan = selectors.region_plan(region=self.region)
        if plan is None:
            raise DomainError(_("The region has no plan yet."), code="no_plan")
        settings = self._valid(OptimisationStartSerializer).settings()
        run = optimisation_services.optimisation_run_start(
            plan=plan, settings=settings, by=request.user
        )
        return Response(OptimisationRunSerializer(run).data, status=status.HTTP_201_CREATED)


def register(router) -> None:
    """Adds this part's viewsets to the module's router."""
    router.register("capacity-plans", CapacityPlanViewSet, basename="capacity-plan")
    router.register("plan-lines", PlanLineViewSet, basename="plan-line")
    router.register("optimisation-runs", OptimisationRunViewSet, basename="optimisation-run")
