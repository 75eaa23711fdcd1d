"""Capacity API: scenarios of the flow simulation (``scenarios``: CRUD, ``run``, ``compare``),
their runs (``simulation-runs``: status, key figures, the quotable text and the bands), and the
calibration they start from (``calibration``: read).

Readers of the capacity module read; planners make, change, run and delete scenarios. Writes go
through the same services as the pages; a scenario's ``parameters`` are checked by the same
service and its errors name the parameter (``parameters.horizon_months``).
"""

import django_filters
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from onderdak.capacity.api.plans import RegionMixin
from onderdak.capacity.models import RunStatus, Scenario, SimulationRun
from onderdak.capacity.selectors import scenarios as selectors
from onderdak.capacity.selectors import scenarios_results as results
from onderdak.capacity.selectors.calibration import region_calibration
from onderdak.capacity.services import runs as run_services
from onderdak.capacity.services import scenarios as services
from onderdak.capacity.views.calibration import note_text
from onderdak.core.errors import DomainError
from onderdak.monitor.api.dashboard import OneObjectSchema

VIEW = "capacity.view_scenario"
MODEL_FIELDS = {"name", "description", "non_field_errors"}
PARAMETERS_HELP = (
    "What differs from the defaults (an empty object: every default): horizon_months, "
    "start_month (YYYY-MM), runs, seed, contingent_per_year, contingent_split "
    "(population | spread_targets), inflow_multiplier, stay_multiplier, stay_distribution "
    "(exponential | lognormal), stay_spread, plan_changes (a list of {action: add | pace, "
    "facility_type, municipality or subregion, places, from_year, factor}), plan_places "
    '({"GM0546/housing-first": {"2027": 12}}), types ({code: {inflow_per_10000, '
    "mean_stay_months, tariff_per_day, destinations: {contingent, housing, institution, "
    "unknown}}})."
)


def _parameters_errors(error: DomainError) -> DomainError:
    """The service's parameter errors under ``parameters.``, as the API names them."""
    fields = {
        (name if name in MODEL_FIELDS else f"parameters.{name}"): messages
        for name, messages in error.fields.items()
    }
    return DomainError(error.message, code=error.code, fields=fields)


class ScenarioSerializer(serializers.ModelSerializer):
    parameters = serializers.JSONField(help_text=PARAMETERS_HELP)
    latest_run = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="The latest run's id, or null."
    )

    class Meta:
        model = Scenario
        fields = [
            "id",
            "name",
            "description",
            "parameters",
            "is_demo",
            "latest_run",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "is_demo", "latest_run", "created_at", "updated_at"]


class ScenarioWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    parameters = serializers.JSONField(required=False, default=dict, help_text=PARAMETERS_HELP)


class RunSummarySerializer(serializers.ModelSerializer):
    scenario = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = SimulationRun
        fields = [
            "id",
            "scenario",
            "status",
            "progress",
            "error",
            "runs",
            "months",
            "seed",
            "engine_version",
            "created_at",
            "finished_at",
        ]
        read_only_fields = fields


class SimulationKeyFiguresSerializer(serializers.Serializer):
    scope = serializers.CharField(help_text="region, subregion:<slug> or type:<code>.")
    label = serializers.CharField()
    waiting_p50 = serializers.FloatField(help_text="The last year's average of the monthly P50.")
    waiting_p90 = serializers.FloatField()
    unsheltered_p50 = serializers.FloatField(help_text="People turned away a month.")
    unsheltered_p90 = serializers.FloatField()
    ready_p50 = serializers.FloatField(help_text="Ready to leave care, without a dwelling.")
    ready_p90 = serializers.FloatField()
    occupied_p50 = serializers.FloatField()
    cost_last_year = serializers.FloatField(help_text="Expected cost of the last year, euro.")
    cost_total = serializers.FloatField(help_text="Expected cost of the whole horizon, euro.")


class SimulationBandSerializer(serializers.Serializer):
    p10 = serializers.ListField(child=serializers.FloatField())
    p50 = serializers.ListField(child=serializers.FloatField())
    p90 = serializers.ListField(child=serializers.FloatField())
    mean = serializers.ListField(child=serializers.FloatField())


class RunDetailSerializer(RunSummarySerializer):
    month_list = serializers.SerializerMethodField(help_text="The months simulated (YYYY-MM).")
    notes = serializers.SerializerMethodField(help_text="What the input left out or assumed.")
    key_figures = serializers.SerializerMethodField()
    quote = serializers.SerializerMethodField(help_text="The key figures as a text to quote.")
    bands = serializers.SerializerMethodField(
        help_text="Per area (region, subregion:<slug>, type:<code>) and measure (occupied, "
        "waiting, ready_no_dwelling, unsheltered, inflow, outflow, cost, …) the band per month."
    )

    class Meta(RunSummarySerializer.Meta):
        fields = [
            *RunSummarySerializer.Meta.fields,
            "month_list",
            "notes",
            "key_figures",
            "quote",
            "bands",
        ]
        read_only_fields = fields

    def get_month_list(self, run) -> list[str]:
        return run.input.get("months", [])

    def get_notes(self, run) -> list[str]:
        return run.input.get("notes", [])

    @extend_schema_field(SimulationKeyFiguresSerializer(many=True))
    def get_key_figures(self, run):
        if run.status != RunStatus.DONE:
            return []
        figures = [results.key_figures(run, name) for name, _label in results.scopes(run)]
        return SimulationKeyFiguresSerializer(figures, many=True).data

    def get_quote(self, run) -> str:
        return results.scenario_quote(run) if run.status == RunStatus.DONE else ""

    @extend_schema_field(
        serializers.DictField(child=serializers.DictField(child=SimulationBandSerializer()))
    )
    def get_bands(self, run):
        return (run.result or {}).get("groups", {})


class ScenarioComparisonSerializer(serializers.Serializer):
    scope = serializers.CharField()
    runs = RunSummarySerializer(many=True)
    key_figures = SimulationKeyFiguresSerializer(many=True)


class ScenarioViewSet(
    RegionMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """The region's scenarios: named parameter sets of the flow simulation."""

    serializer_class = ScenarioSerializer
    permission_rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "create": "capacity.add_scenario",
        "partial_update": "capacity.change_scenario",
        "destroy": "capacity.delete_scenario",
        "run": "capacity.run_simulation",
        "compare": VIEW,
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return Scenario.objects.none()
        return selectors.scenario_list(region=self.region)

    def _detail(self, pk: int) -> Response:
        return Response(ScenarioSerializer(self.get_queryset().get(pk=pk)).data)

    @extend_schema(request=ScenarioWriteSerializer, responses={201: ScenarioSerializer})
    def create(self, request, *args, **kwargs):
        data = self._valid(ScenarioWriteSerializer).validated_data
        try:
            scenario = services.scenario_create(region=self.region, by=request.user, **data)
        except DomainError as error:
            raise _parameters_errors(error) from error
        response = self._detail(scenario.pk)
        response.status_code = status.HTTP_201_CREATED
        return response

    @extend_schema(request=ScenarioWriteSerializer, responses=ScenarioSerializer)
    def partial_update(self, request, *args, **kwargs):
        """Change the name, description or parameters (replaced as a whole)."""
        scenario = self.get_object()
        data = self._valid(ScenarioWriteSerializer, partial=True).validated_data
        try:
            services.scenario_update(scenario=scenario, **data)
        except DomainError as error:
            raise _parameters_errors(error) from error
        return self._detail(scenario.pk)

    def perform_destroy(self, instance):
        services.scenario_delete(scenario=instance)

    @extend_schema(request=None, responses={201: RunSummarySerializer})
    @action(detail=True, methods=["post"])
    def run(self, request, pk=None):
        """Start a run: small runs finish in the request, larger ones go on in the background
        (follow them at ``simulation-runs/{id}``)."""
        run = run_services.simulation_run_start(scenario=self.get_object(), by=request.user)
        return Response(RunSummarySerializer(run).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "s",
                OpenApiTypes.INT,
                many=True,
                required=True,
                description="Scenario ids, two or more.",
            ),
            OpenApiParameter(
                "scope",
                OpenApiTypes.STR,
                description="region (default), subregion:<slug> or type:<code>.",
            ),
        ],
        responses=ScenarioComparisonSerializer,
    )
    @action(detail=False, methods=["get"], pagination_class=None, filter_backends=[])
    def compare(self, request):
        """The key figures of several scenarios' latest finished runs, for one area."""
        ids = [int(v) for v in request.query_params.getlist("s") if v.isdigit()]
        runs = selectors.latest_results(region=self.region, scenario_ids=ids)
        if len(runs) < 2:
            message = _("Choose two or more scenarios with a finished run.")
            raise DomainError(message, fields={"s": [message]})
        scope = request.query_params.get("scope", results.REGION)
        if any(scope not in run.result["groups"] for run in runs):
            raise DomainError(
                _("Not every scenario has this area."),
                fields={"scope": [_("Not every scenario has this area.")]},
            )
        body = {
            "scope": scope,
            "runs": runs,
            "key_figures": [results.key_figures(run, scope) for run in runs],
        }
        return Response(ScenarioComparisonSerializer(body).data)


class SimulationRunFilter(django_filters.FilterSet):
    class Meta:
        model = SimulationRun
        fields = ["scenario", "status"]


class SimulationRunViewSet(
    RegionMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Runs of the region's scenarios; a run's record holds its key figures and bands."""

    filterset_class = SimulationRunFilter
    permission_rules = {"list": VIEW, "retrieve": VIEW}

    def get_serializer_class(self):
        return RunDetailSerializer if self.action == "retrieve" else RunSummarySerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return SimulationRun.objects.none()
        if self.action == "retrieve":
            return SimulationRun.objects.filter(scenario__region=self.region).select_related(
                "scenario"
            )
        return selectors.run_list(region=self.region)


# --- The calibration -----------------------------------------------------------------------------


class IntervalSerializer(serializers.Serializer):
    estimate = serializers.FloatField()
    low = serializers.FloatField()
    high = serializers.FloatField()


class CalibrationNoteSerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text="too_few_months, no_outflow, no_exposure, no_common_months, often_full or "
        "shrinking_waiting_list."
    )
    message = serializers.SerializerMethodField()

    def get_message(self, note) -> str:
        return note_text(note)


class FitSerializer(serializers.Serializer):
    months = serializers.ListField(child=serializers.DateField())
    occupied = serializers.ListField(child=serializers.IntegerField())
    fitted_occupied = serializers.ListField(child=serializers.FloatField())
    waiting = serializers.ListField(child=serializers.IntegerField())
    fitted_waiting = serializers.ListField(child=serializers.FloatField())
    occupied_error = serializers.FloatField(help_text="Mean absolute error, people.")
    relative_error = serializers.FloatField(help_text="The same, as a share of the occupancy.")
    waiting_error = serializers.FloatField()


class EstimateSerializer(serializers.Serializer):
    key = serializers.CharField(
        help_text="A cell (GM0546/housing-first), a facility's id or a type's code."
    )
    label = serializers.SerializerMethodField()
    months = serializers.IntegerField()
    inflow = IntervalSerializer(allow_null=True, help_text="Newcomers a month.")
    stay = IntervalSerializer(allow_null=True, help_text="Mean length of stay, months.")
    shares = serializers.DictField(
        child=IntervalSerializer(), allow_null=True, help_text="Per destination."
    )
    full_share = serializers.FloatField(help_text="Share of the months with every place taken.")
    fit = FitSerializer(allow_null=True)
    problems = CalibrationNoteSerializer(many=True, help_text="Why there are no figures.")
    notes = CalibrationNoteSerializer(many=True)

    def get_label(self, estimate) -> str:
        return self.context["labels"].get(estimate.key, estimate.key)


class CalibrationSerializer(serializers.Serializer):
    level = serializers.FloatField(help_text="The intervals' level (0.9).")
    population = serializers.IntegerField(help_text="The region's inhabitants.")
    cells = EstimateSerializer(many=True)
    types = EstimateSerializer(many=True, help_text="Pooled over the region, per type.")
    facilities = EstimateSerializer(many=True)


class CalibrationViewSet(RegionMixin, viewsets.ViewSet):
    """The flow model's estimates from the monthly figures: per municipality and type, per type
    over the region, and per facility, each with its 90 % interval and the fitted model against
    history."""

    permission_rules = {"list": "capacity.view_calibration"}
    schema = OneObjectSchema()

    @extend_schema(responses=CalibrationSerializer)
    def list(self, request):
        found = region_calibration(region=self.region)
        labels = {
            **{key: found.cell_label(key) for key in found.cells.cells},
            **found.type_labels,
            **found.facility_names,
        }
        body = {
            "level": found.cells.level,
            "population": found.population,
            "cells": list(found.cells.cells.values()),
            "types": list(found.types.cells.values()),
            "facilities": list(found.cells.facilities.values()),
        }
        return Response(CalibrationSerializer(body, context={"labels": labels}).data)


def register(router) -> None:
    """Adds this part's viewsets to the module's router."""
    router.register("scenarios", ScenarioViewSet, basename="scenario")
    router.register("simulation-runs", SimulationRunViewSet, basename="simulation-run")
    router.register("calibration", CalibrationViewSet, basename="calibration")
