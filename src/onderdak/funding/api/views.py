"""Funding API: scenarios, their inputs (each replaced as a whole), result and comparison.

Readable by every policy and governance role; built by policy officers. Writes go through the same
services as the pages; lists hold only the caller's region.
"""

from django.utils.functional import cached_property
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from onderdak.accounts.selectors import region_for_user
from onderdak.funding import selectors, services
from onderdak.funding.api import serializers
from onderdak.funding.api.filters import FundingScenarioFilter
from onderdak.funding.models import FundingScenario, KeyKind

VIEW = "funding.view_fundingscenario"
CHANGE = "funding.change_fundingscenario"

#: The input endpoints: action → (request serializer, service, the service's keyword for rows).
INPUTS = {
    "budget_lines": (serializers.BudgetLinesSerializer, services.budget_lines_replace, "lines"),
    "indicator_weights": (
        serializers.IndicatorWeightsSerializer,
        services.indicator_weights_replace,
        "weights",
    ),
    "phase_in_steps": (
        serializers.PhaseInStepsSerializer,
        services.phase_in_steps_replace,
        "steps",
    ),
    "regional_costs": (
        serializers.RegionalCostsSerializer,
        services.regional_costs_replace,
        "costs",
    ),
    "subregional_pools": (
        serializers.SubregionalPoolsSerializer,
        services.subregional_pools_replace,
        "pools",
    ),
    "planned_costs": (
        serializers.PlannedCostsSerializer,
        services.planned_costs_replace,
        "costs",
    ),
}
KIND = OpenApiParameter("kind", OpenApiTypes.STR, OpenApiParameter.PATH, enum=KeyKind.values)


def _input_action(name: str):
    """A ``PUT`` action that replaces one kind of input and answers with what was saved."""
    serializer_class, service, keyword = INPUTS[name]

    @extend_schema(request=serializer_class, responses=serializer_class)
    def replace(self, request, pk=None):
        scenario = self.get_object()
        serializer = self._valid(serializer_class)
        saved = service(scenario=scenario, **serializer.validated_data)
        return Response(
            serializer_class({keyword: saved}, context=self.get_serializer_context()).data
        )

    replace.__name__ = name
    replace.__doc__ = service.__doc__
    return action(detail=True, methods=["put"], url_path=name.replace("_", "-"))(replace)


class FundingScenarioViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    filterset_class = FundingScenarioFilter
    permission_rules = {
        **dict.fromkeys(("list", "retrieve", "result", "compare"), VIEW),
        **dict.fromkeys(("create", "copy"), "funding.add_fundingscenario"),
        **dict.fromkeys(("update", "partial_update", "key_shares", *INPUTS), CHANGE),
        "destroy": "funding.delete_fundingscenario",
    }

    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return FundingScenario.objects.none()
        with_inputs = self.action in ("retrieve", "result")
        return selectors.scenario_list(region=self.region, with_inputs=with_inputs)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.FundingScenarioDetailSerializer
        return serializers.FundingScenarioSerializer

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "region": self.region}

    def _valid(self, serializer_class, data=None):
        serializer = serializer_class(
            data=self.request.data if data is None else data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        return serializer

    def perform_create(self, serializer):
        serializer.instance = services.scenario_create(
            region=self.region, created_by=self.request.user, **serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = services.scenario_update(
            scenario=serializer.instance, **serializer.validated_data
        )

    def perform_destroy(self, instance):
        services.scenario_delete(scenario=instance)

    @extend_schema(
        request=serializers.ScenarioCopySerializer,
        responses={201: serializers.FundingScenarioSerializer},
    )
    @action(detail=True, methods=["post"])
    def copy(self, request, pk=None):
        """Copy the scenario with everything entered for it, e.g. to make a variant to compare."""
        scenario = self.get_object()
        data = self._valid(serializers.ScenarioCopySerializer).validated_data
        copy = services.scenario_copy(scenario=scenario, created_by=request.user, **data)
        body = serializers.FundingScenarioSerializer(copy, context=self.get_serializer_context())
        return Response(body.data, status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[KIND],
        request=serializers.KeySharesSerializer,
        responses=serializers.KeySharesSerializer,
    )
    @action(
        detail=True,
        methods=["put"],
        url_path=rf"key-shares/(?P<kind>{'|'.join(KeyKind.values)})",
        url_name="key-shares",
    )
    def key_shares(self, request, pk=None, kind=None):
        """Replace one key: a share for every municipality of the region, together 100 %."""
        scenario = self.get_object()
        serializer = self._valid(serializers.KeySharesSerializer)
        data = serializer.validated_data
        shares = {item["municipality"]: item["share_percent"] for item in data["shares"]}
        saved = services.key_shares_replace(
            scenario=scenario, kind=kind, shares=shares, source=data["source"]
        )
        body = {"source": data["source"], "shares": saved}
        return Response(serializers.KeySharesSerializer(body).data)

    budget_lines = _input_action("budget_lines")
    indicator_weights = _input_action("indicator_weights")
    phase_in_steps = _input_action("phase_in_steps")
    regional_costs = _input_action("regional_costs")
    subregional_pools = _input_action("subregional_pools")
    planned_costs = _input_action("planned_costs")

    @extend_schema(responses=serializers.FundingResultSerializer)
    @action(detail=True, methods=["get"])
    def result(self, request, pk=None):
        """The distribution per municipality and year, with totals and cap conflicts."""
        result = selectors.scenario_result(scenario=self.get_object())
        names = selectors.municipality_names(region=self.region)
        return Response(serializers.FundingResultSerializer(result, context={"names": names}).data)

    @extend_schema(
        parameters=[serializers.CompareQuerySerializer],
        responses=serializers.ComparisonSerializer,
    )
    @action(detail=False, methods=["get"])
    def compare(self, request):
        """Two scenarios side by side: allocation and balance per municipality and year."""
        query = self._valid(serializers.CompareQuerySerializer, request.query_params).validated_data
        a, b = selectors.scenario_pair(region=self.region, a=query["a"], b=query["b"])
        rows = selectors.scenario_comparison(a=a, b=b)
        return Response(serializers.ComparisonSerializer({"a": a.pk, "b": b.pk, "rows": rows}).data)
