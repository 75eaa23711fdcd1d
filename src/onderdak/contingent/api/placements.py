"""API of the contingent scheme: placements, their steps and their evaluations."""

import django_filters
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from onderdak.contingent.api import serializers_placements as serializers
from onderdak.contingent.api.dwellings import CaseFilter, ViewSetHelpers
from onderdak.contingent.api.proposals import ProposalFilter
from onderdak.contingent.models import Placement, PlacementStatus
from onderdak.contingent.selectors import placements as selectors
from onderdak.contingent.services import placements as services

CHANGE = "contingent.change_placement"
MONTH = OpenApiParameter("month", OpenApiTypes.INT, OpenApiParameter.PATH)


class PlacementFilter(CaseFilter):
    status = django_filters.ChoiceFilter(choices=PlacementStatus.choices)
    year = ProposalFilter.base_filters["year"]
    municipality = ProposalFilter.base_filters["municipality"]
    corporation = ProposalFilter.base_filters["corporation"]
    stream = ProposalFilter.base_filters["stream"]

    class Meta:
        model = Placement
        fields = ["status", "year", "municipality", "corporation", "stream"]


def _step_action(name: str, service, serializer_class):
    """A POST step through ``service`` with the body's fields; answers with the placement."""

    @extend_schema(request=serializer_class, responses=serializers.PlacementSerializer)
    def step(self, request, pk=None):
        placement = self.get_object()
        data = dict(self._valid(serializer_class).validated_data)
        service(placement=placement, expected_version=data.pop("version"), by=request.user, **data)
        return self._answer(placement)

    step.__name__ = name
    step.__doc__ = service.__doc__
    return action(detail=True, methods=["post"])(step)


class PlacementViewSet(
    ViewSetHelpers, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    filterset_class = PlacementFilter
    serializer_class = serializers.PlacementSerializer
    permission_rules = {
        "list": "contingent.view_placement",
        "retrieve": "contingent.view_placement",
        "extend": CHANGE,
        "transfer": "contingent.transfer_lease",
        "end": CHANGE,
        "record_evaluation": "contingent.change_evaluation",
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return Placement.objects.none()
        return selectors.placement_detail_queryset(self.request.user)

    def _answer(self, placement) -> Response:
        fresh = self.get_queryset().get(pk=placement.pk)
        return Response(serializers.PlacementSerializer(fresh).data)

    extend = _step_action("extend", services.placement_extend, serializers.ExtendSerializer)
    transfer = _step_action("transfer", services.placement_transfer, serializers.TransferSerializer)
    end = _step_action("end", services.placement_end, serializers.EndSerializer)

    @extend_schema(
        parameters=[MONTH],
        request=serializers.EvaluationRecordSerializer,
        responses=serializers.PlacementSerializer,
    )
    @action(detail=True, methods=["post"], url_path=r"evaluations/(?P<month>\d+)")
    def record_evaluation(self, request, pk=None, month=None):
        """Record (or correct) the evaluation after ``month`` months."""
        placement = self.get_object()
        evaluation = selectors.evaluation_of(placement, int(month))
        if evaluation is None:
            raise Http404
        data = self._valid(serializers.EvaluationRecordSerializer).validated_data
        services.evaluation_record(evaluation=evaluation, by=request.user, **data)
        return self._answer(placement)


def register(router) -> None:
    """Add this part's viewsets to the scheme's router (``onderdak.contingent.api.urls``)."""
    router.register("placements", PlacementViewSet, basename="placement")
