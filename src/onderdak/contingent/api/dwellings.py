"""API of the contingent scheme: dwellings.

Lists start from the caller's visible dwellings; writes go through the same services as the
pages, with the version the caller read.
"""

import django_filters
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from onderdak.accounts.models import Role
from onderdak.contingent.api import serializers_dwellings as serializers
from onderdak.contingent.models import Dwelling, DwellingStatus, DwellingStream
from onderdak.contingent.selectors import dwellings as selectors
from onderdak.contingent.services import dwellings as services
from onderdak.core.errors import DomainError

VIEW = "contingent.view_dwelling"


class CaseFilter(django_filters.FilterSet):
    """``year``, ``municipality`` (CBS code), ``corporation`` (id) and ``stream``; subclasses
    give ``status`` and the paths."""

    year = django_filters.NumberFilter(field_name="contingent_year__year")
    municipality = django_filters.CharFilter(
        field_name="municipality__cbs_code", help_text="CBS code, e.g. GM0546."
    )
    corporation = django_filters.NumberFilter(field_name="corporation")


class DwellingFilter(CaseFilter):
    status = django_filters.ChoiceFilter(choices=DwellingStatus.choices)
    stream = django_filters.ChoiceFilter(choices=DwellingStream.choices)

    class Meta:
        model = Dwelling
        fields = ["status", "year", "municipality", "corporation", "stream"]


class ViewSetHelpers:
    def _valid(self, serializer_class, **kwargs):
        serializer = serializer_class(
            data=self.request.data, context=self.get_serializer_context(), **kwargs
        )
        serializer.is_valid(raise_exception=True)
        return serializer


class DwellingViewSet(
    ViewSetHelpers, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    filterset_class = DwellingFilter
    permission_rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "create": "contingent.add_dwelling",
        "partial_update": "contingent.change_dwelling",
        "withdraw": "contingent.withdraw_dwelling",
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return Dwelling.objects.none()
        return selectors.dwelling_queryset(self.request.user)

    def get_serializer_class(self):
        if self.action == "partial_update":
            return serializers.DwellingUpdateSerializer
        return serializers.DwellingSerializer

    def _answer(self, dwelling, status_code=status.HTTP_200_OK) -> Response:
        fresh = selectors.dwelling_queryset(self.request.user).get(pk=dwelling.pk)
        return Response(serializers.DwellingSerializer(fresh).data, status=status_code)

    @extend_schema(
        request=serializers.DwellingSerializer, responses={201: serializers.DwellingSerializer}
    )
    def create(self, request, *args, **kwargs):
        """Offer a dwelling of your corporation for a contingent year."""
        data = dict(self._valid(serializers.DwellingSerializer).validated_data)
        dwelling = services.dwelling_create(
            corporation=data.pop("corporation", None) or self._only_corporation(),
            contingent_year=data.pop("contingent_year"),
            data=data,
            by=request.user,
        )
        return self._answer(dwelling, status.HTTP_201_CREATED)

    def _only_corporation(self):
        corporations = self.request.user.organisations_for(Role.CORPORATION_OFFICER)
        if len(corporations) != 1:
            message = _("Name the corporation of the dwelling.")
            raise DomainError(message, fields={"corporation": [message]})
        return corporations[0]

    @extend_schema(
        request=serializers.DwellingUpdateSerializer, responses=serializers.DwellingSerializer
    )
    def partial_update(self, request, *args, **kwargs):
        """Change a dwelling while it is available; send the version you read."""
        dwelling = self.get_object()
        serializer = self._valid(serializers.DwellingUpdateSerializer, partial=True)
        services.dwelling_update(
            dwelling=dwelling,
            expected_version=serializer.validated_data["version"],
            by=request.user,
            **serializer.service_arguments(),
        )
        return self._answer(dwelling)

    @extend_schema(
        request=serializers.ReasonStepSerializer, responses=serializers.DwellingSerializer
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """Withdraw the dwelling, with a reason; an open proposal for it is cancelled."""
        dwelling = self.get_object()
        data = self._valid(serializers.ReasonStepSerializer).validated_data
        services.dwelling_withdraw(
            dwelling=dwelling,
            reason=data["reason"],
            expected_version=data["version"],
            by=request.user,
        )
        return self._answer(dwelling)


def register(router) -> None:
    """Add this part's viewsets to the scheme's router (``onderdak.contingent.api.urls``)."""
    router.register("dwellings", DwellingViewSet, basename="dwelling")
