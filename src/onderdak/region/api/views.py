"""Region API: reference data for every member; organisations and population writable by the
regional coordinator and the administrator. Writes go through the same services as the pages."""

from django.utils.functional import cached_property
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from onderdak.accounts.selectors import region_for_user
from onderdak.region import selectors, services
from onderdak.region.api import serializers
from onderdak.region.api.filters import OrganisationFilter
from onderdak.region.models import GovernanceBody, Municipality, Organisation, Subregion

READ = {"list", "retrieve"}


class RegionScopedViewSet(viewsets.GenericViewSet):
    """Lists hold only the caller's region. ``scoped_queryset`` is what subclasses implement."""

    model = None

    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return self.model.objects.none()
        return self.scoped_queryset()


class SubregionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, RegionScopedViewSet):
    model = Subregion
    serializer_class = serializers.SubregionSerializer
    permission_rules = dict.fromkeys(READ, "region.view_subregion")

    def scoped_queryset(self):
        return selectors.subregion_list(region=self.region)


class MunicipalityViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, RegionScopedViewSet):
    model = Municipality
    lookup_field = "cbs_code"
    permission_rules = {
        **dict.fromkeys(READ, "region.view_municipality"),
        "population_figures": "region.add_populationfigure",
    }

    def scoped_queryset(self):
        qs = selectors.municipality_list(region=self.region)
        if self.action == "retrieve":
            return qs.prefetch_related("population_figures")
        return qs.defer("boundary")

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.MunicipalityDetailSerializer
        if self.action == "population_figures":
            return serializers.PopulationFigureSerializer
        return serializers.MunicipalitySerializer

    @action(detail=True, methods=["post"], url_path="population-figures")
    def population_figures(self, request, cbs_code=None):
        """Record a newer population figure for this municipality, with its source."""
        municipality = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        figure = services.population_figure_record(
            municipality=municipality, **serializer.validated_data
        )
        return Response(self.get_serializer(figure).data, status=status.HTTP_201_CREATED)


class OrganisationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    RegionScopedViewSet,
):
    model = Organisation
    serializer_class = serializers.OrganisationSerializer
    filterset_class = OrganisationFilter
    permission_rules = {
        **dict.fromkeys(READ, "region.view_organisation"),
        "create": "region.add_organisation",
        "update": "region.change_organisation",
        "partial_update": "region.change_organisation",
    }

    def scoped_queryset(self):
        return selectors.organisation_list(region=self.region, active_only=False)

    def perform_create(self, serializer):
        serializer.instance = services.organisation_create(
            region=self.region, **serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = services.organisation_update(
            organisation=serializer.instance, **serializer.validated_data
        )


class GovernanceBodyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, RegionScopedViewSet):
    model = GovernanceBody
    serializer_class = serializers.GovernanceBodySerializer
    permission_rules = dict.fromkeys(READ, "region.view_governancebody")

    def scoped_queryset(self):
        return selectors.governance_body_list(region=self.region)
