"""API of the contingent scheme: proposals, their answers and cancelling.

Lists start from the caller's visible proposals. A corporation officer gets the limited shape
(household, needs, guidance); the steps go through the same services as the pages.
"""

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from onderdak.contingent.api import serializers_proposals as serializers
from onderdak.contingent.api.dwellings import CaseFilter, ViewSetHelpers
from onderdak.contingent.api.serializers_dwellings import ReasonStepSerializer, StepSerializer
from onderdak.contingent.api.serializers_placements import PlacementSerializer
from onderdak.contingent.models import Proposal, ProposalStatus, Stream
from onderdak.contingent.rules import region_ids
from onderdak.contingent.selectors import proposals as selectors
from onderdak.contingent.selectors.dwellings import dwelling_queryset
from onderdak.contingent.services import proposals as services
from onderdak.contingent.views.proposals import CLIENT_ROLES

ANSWER_PROVIDER = "contingent.answer_proposal_as_provider"
ANSWER_CORPORATION = "contingent.answer_proposal_as_corporation"


class ProposalFilter(CaseFilter):
    status = django_filters.ChoiceFilter(choices=ProposalStatus.choices)
    year = django_filters.NumberFilter(field_name="dwelling__contingent_year__year")
    municipality = django_filters.CharFilter(
        field_name="dwelling__municipality__cbs_code", help_text="CBS code, e.g. GM0546."
    )
    corporation = django_filters.NumberFilter(field_name="dwelling__corporation")
    stream = django_filters.ChoiceFilter(field_name="nomination__stream", choices=Stream.choices)

    class Meta:
        model = Proposal
        fields = ["status", "year", "municipality", "corporation", "stream"]


def _answer_action(name: str, service, serializer_class, response=serializers.ProposalSerializer):
    """A POST step through ``service`` with the body's fields; answers with the proposal."""

    @extend_schema(request=serializer_class, responses=response)
    def step(self, request, pk=None):
        proposal = self.get_object()
        data = dict(self._valid(serializer_class).validated_data)
        result = service(
            proposal=proposal, expected_version=data.pop("version"), by=request.user, **data
        )
        return self._answer(result)

    step.__name__ = name
    step.__doc__ = service.__doc__
    return action(detail=True, methods=["post"], url_path=name.replace("_", "-"))(step)


class ProposalViewSet(
    ViewSetHelpers, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    filterset_class = ProposalFilter
    permission_rules = {
        "list": "contingent.view_proposal",
        "retrieve": "contingent.view_proposal",
        "create": "contingent.add_proposal",
        "provider_accept": ANSWER_PROVIDER,
        "provider_decline": ANSWER_PROVIDER,
        "corporation_accept": ANSWER_CORPORATION,
        "corporation_decline": ANSWER_CORPORATION,
        "cancel": "contingent.cancel_proposal",
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return Proposal.objects.none()
        return selectors.proposal_queryset(self.request.user)

    def get_serializer_class(self):
        user = self.request.user
        if getattr(self, "swagger_fake_view", False) or user.has_role(*CLIENT_ROLES):
            return serializers.ProposalSerializer
        return serializers.CorporationProposalSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "create":
            user = self.request.user
            context["nominations"] = selectors.pool(user)
            context["dwellings"] = dwelling_queryset(user).filter(
                contingent_year__region__in=region_ids(user)
            )
        return context

    def _answer(self, case, status_code=status.HTTP_200_OK) -> Response:
        if not isinstance(case, Proposal):  # an accepted proposal answers with its placement
            return Response(PlacementSerializer(case).data, status=status_code)
        fresh = selectors.proposal_queryset(self.request.user).get(pk=case.pk)
        return Response(self.get_serializer_class()(fresh).data, status=status_code)

    @extend_schema(
        request=serializers.ProposalCreateSerializer,
        responses={201: serializers.ProposalSerializer},
    )
    def create(self, request, *args, **kwargs):
        """Propose a dwelling for a nomination of the pool by hand, with the reason."""
        data = self._valid(serializers.ProposalCreateSerializer).validated_data
        proposal = services.proposal_create(
            nomination=data["nomination"],
            dwelling=data["dwelling"],
            reason=data["reason"],
            by=request.user,
        )
        return self._answer(proposal, status.HTTP_201_CREATED)

    provider_accept = _answer_action(
        "provider_accept", services.proposal_provider_accept, StepSerializer
    )
    provider_decline = _answer_action(
        "provider_decline", services.proposal_provider_decline, serializers.DeclineSerializer
    )
    corporation_accept = _answer_action(
        "corporation_accept",
        services.proposal_corporation_accept,
        serializers.CorporationAcceptSerializer,
        response=PlacementSerializer,
    )
    corporation_decline = _answer_action(
        "corporation_decline",
        services.proposal_corporation_decline,
        serializers.DeclineSerializer,
        response=serializers.CorporationProposalSerializer,
    )
    cancel = _answer_action("cancel", services.proposal_cancel, ReasonStepSerializer)


def register(router) -> None:
    """Add this part's viewsets to the scheme's router (``onderdak.contingent.api.urls``)."""
    router.register("proposals", ProposalViewSet, basename="proposal")
