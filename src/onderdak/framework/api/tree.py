"""Framework API: the frameworks, their tree and their versions.

- ``frameworks``: the region's frameworks (list, retrieve; editors create and change them), with
  ``GET frameworks/{id}/tree/`` (the working copy as one document, the shape a version freezes)
  and ``GET frameworks/{id}/matrix/`` (themes by level, with the checks).
- ``framework-themes``, ``framework-ambitions``, ``framework-actions``: the working copy's items,
  filtered by framework (and actions by level and owner); editors create, change and delete them.
- ``framework-versions``: the versions (with their frozen content); ``POST`` freezes the working
  copy; ``consult``, ``propose`` and ``rework`` take a step of the transition table.

The working copy is for editors and municipality officers; a governance reader sees the
frameworks and the versions put to them only. Texts come back as the cleaned HTML they are stored
as. Writes go through the same services as the pages.
"""

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from onderdak.accounts.selectors import region_for_user
from onderdak.contingent.api.serializers_nominations import MunicipalityField, RegionScoped
from onderdak.core.errors import DomainError
from onderdak.framework.models import (
    Action,
    Ambition,
    Framework,
    FrameworkVersion,
    PolicyDomain,
    Theme,
)
from onderdak.framework.selectors import visibility
from onderdak.framework.selectors.content import framework_content
from onderdak.framework.selectors.matrix import COLUMNS, framework_matrix
from onderdak.framework.services import frameworks as framework_services
from onderdak.framework.services import tree as services
from onderdak.framework.services.versions import version_create, version_transition
from onderdak.region.models import Level, Organisation, Subregion

VIEW = "framework.view_framework"
WORKING_COPY = "framework.view_workingcopy"
CHANGE = "framework.change_framework"


class RegionMixin:
    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "region": self.region}

    def fake(self) -> bool:
        """Schema generation: no caller, no data."""
        return getattr(self, "swagger_fake_view", False)


class VisibleField(serializers.PrimaryKeyRelatedField):
    """A parent the caller sees in their region (``selector``: a ``visibility`` function)."""

    def __init__(self, selector=None, **kwargs):
        self.selector = selector
        super().__init__(**kwargs)

    def get_queryset(self):
        request = self.context["request"]
        return self.selector(user=request.user, region=self.context["region"])


# --- Frameworks ----------------------------------------------------------------------------------


class FrameworkSerializer(serializers.ModelSerializer):
    class Meta:
        model = Framework
        fields = ["id", "title", "first_year", "last_year", "vision", "is_demo"]
        read_only_fields = ["id", "is_demo"]
        extra_kwargs = {"vision": {"help_text": "HTML; cleaned before it is stored."}}
        validators = []  # the service checks the period (with a clear message)


class FrameworkViewSet(
    RegionMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The frameworks of the caller's region."""

    serializer_class = FrameworkSerializer
    permission_rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "create": "framework.add_framework",
        "update": CHANGE,
        "partial_update": CHANGE,
        "tree": WORKING_COPY,
        "matrix": WORKING_COPY,
    }

    def get_queryset(self):
        if self.fake():
            return Framework.objects.none()
        frameworks = visibility.visible_frameworks(user=self.request.user, region=self.region)
        return frameworks.select_related("region").order_by("-first_year", "title")

    def perform_create(self, serializer):
        serializer.instance = framework_services.framework_create(
            user=self.request.user, region=self.region, **serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = framework_services.framework_update(
            user=self.request.user, framework=serializer.instance, **serializer.validated_data
        )

    @extend_schema(responses=OpenApiTypes.OBJECT)
    @action(detail=True, methods=["get"])
    def tree(self, request, pk=None):
        """The working copy as one document: themes → ambitions → actions with everything they
        carry (the shape of a version's ``content``)."""
        return Response(framework_content(self.get_object()))

    @extend_schema(responses=OpenApiTypes.OBJECT)
    @action(detail=True, methods=["get"])
    def matrix(self, request, pk=None):
        """Themes by level (``local``, ``subregional``, ``regional`` and ``""`` for none), each
        cell the actions with their owner; and the checks: actions without a level or owner,
        owners that do not fit the level, and the same task claimed at two levels."""
        return Response(matrix_document(framework_matrix(self.get_object())))


def _matrix_action(action) -> dict:
    return {"id": action.pk, "title": action.title, "level": action.level, "owner": action.owner}


def matrix_document(matrix) -> dict:
    return {
        "rows": [
            {
                "theme": row.theme.pk,
                "title": row.theme.title,
                "cells": {
                    column: [_matrix_action(a) for a in cell]
                    for column, cell in zip(COLUMNS, row.cells, strict=True)
                },
            }
            for row in matrix.rows
        ],
        "without_level": [a.pk for a in matrix.without_level],
        "without_owner": [a.pk for a in matrix.without_owner],
        "owner_mismatch": [a.pk for a in matrix.owner_mismatch],
        "claimed_twice": [[a.pk for a in group] for group in matrix.claimed_twice],
    }


# --- The tree's items ----------------------------------------------------------------------------


class FrameworkThemeSerializer(serializers.ModelSerializer):
    framework = VisibleField(visibility.visible_frameworks, help_text="The framework's id.")

    class Meta:
        model = Theme
        fields = ["id", "framework", "title", "description", "position"]
        read_only_fields = ["id", "position"]


class FrameworkAmbitionSerializer(serializers.ModelSerializer):
    theme = VisibleField(visibility.visible_themes, help_text="The theme's id (of the framework).")

    class Meta:
        model = Ambition
        fields = ["id", "theme", "title", "description", "position"]
        read_only_fields = ["id", "position"]


class SubregionField(RegionScoped, serializers.PrimaryKeyRelatedField):
    pass


class PartnerField(RegionScoped, serializers.PrimaryKeyRelatedField):
    pass


class FrameworkActionIndicatorSerializer(serializers.Serializer):
    code = serializers.CharField(source="indicator_code")
    targets = serializers.SerializerMethodField(help_text="Target value per year.")

    def get_targets(self, indicator) -> dict[str, str]:
        return {str(t.year): str(t.value) for t in indicator.targets.all()}


class FrameworkActionSerializer(serializers.ModelSerializer):
    ambition = VisibleField(visibility.visible_ambitions, help_text="The ambition's id.")
    owner_municipality = MunicipalityField(
        required=False, allow_null=True, help_text="CBS code, for a local action."
    )
    owner_subregion = SubregionField(
        queryset=Subregion.objects.all(),
        required=False,
        allow_null=True,
        help_text="The subregion's id, for a subregional action.",
    )
    partners = PartnerField(
        queryset=Organisation.objects.all(), many=True, required=False, help_text="Ids."
    )
    policy_domains = serializers.SlugRelatedField(
        slug_field="code", queryset=PolicyDomain.objects.all(), many=True, required=False
    )
    indicators = FrameworkActionIndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "ambition",
            "title",
            "description",
            "position",
            "level",
            "owner_municipality",
            "owner_subregion",
            "owned_by_region",
            "partners",
            "policy_domains",
            "starts_on",
            "ends_on",
            "status",
            "indicators",
        ]
        read_only_fields = ["id", "position"]
        validators = []  # the service checks dates and owners, with clear messages


class ActionFilter(django_filters.FilterSet):
    framework = django_filters.NumberFilter(
        field_name="ambition__theme__framework", help_text="The framework's id."
    )
    level = django_filters.ChoiceFilter(choices=Level.choices)
    owner_municipality = django_filters.CharFilter(
        field_name="owner_municipality__cbs_code", help_text="CBS code, e.g. GM0546."
    )

    class Meta:
        model = Action
        fields = ["framework", "ambition", "level", "owner_municipality", "owner_subregion"]


class ItemViewSet(RegionMixin, viewsets.ModelViewSet):
    """The shared part of the item endpoints: rights, deleting and moving through the services."""

    http_method_names = ["get", "post", "put", "patch", "delete"]
    permission_rules = {
        "list": WORKING_COPY,
        "retrieve": WORKING_COPY,
        **dict.fromkeys(("create", "update", "partial_update", "destroy"), CHANGE),
    }
    selector = staticmethod(visibility.visible_themes)
    related: tuple[str, ...] = ()

    def get_queryset(self):
        model = self.get_serializer_class().Meta.model
        if self.fake():
            return model.objects.none()
        items = self.selector(user=self.request.user, region=self.region)
        return items.select_related(*self.related).order_by("position", "pk")

    def perform_destroy(self, instance):
        services.item_delete(user=self.request.user, item=instance)


class FrameworkThemeViewSet(ItemViewSet):
    """The themes of the working copies (filter ``framework``)."""

    serializer_class = FrameworkThemeSerializer
    filterset_fields = ["framework"]

    def perform_create(self, serializer):
        serializer.instance = services.theme_create(
            user=self.request.user, **serializer.validated_data
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        if data.pop("framework", serializer.instance.framework) != serializer.instance.framework:
            raise DomainError(
                _("A theme stays in its framework."),
                fields={"framework": [_("A theme stays in its framework.")]},
            )
        serializer.instance = services.theme_update(
            user=self.request.user, theme=serializer.instance, **data
        )


class FrameworkAmbitionViewSet(ItemViewSet):
    """The ambitions (filter ``theme`` or ``framework``); a changed ``theme`` moves one within
    its framework."""

    serializer_class = FrameworkAmbitionSerializer
    selector = staticmethod(visibility.visible_ambitions)
    filterset_fields = {"theme": ["exact"], "theme__framework": ["exact"]}

    def perform_create(self, serializer):
        serializer.instance = services.ambition_create(
            user=self.request.user, **serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = services.ambition_update(
            user=self.request.user, ambition=serializer.instance, **serializer.validated_data
        )


class FrameworkActionViewSet(ItemViewSet):
    """The actions (filter by framework, ambition, level, owner)."""

    serializer_class = FrameworkActionSerializer
    selector = staticmethod(visibility.visible_actions)
    filterset_class = ActionFilter
    related = ("owner_municipality",)

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related("partners", "policy_domains", "indicators__targets")
        )

    def perform_create(self, serializer):
        serializer.instance = services.action_create(
            user=self.request.user, **serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = services.action_update(
            user=self.request.user, action=serializer.instance, **serializer.validated_data
        )


# --- Versions ------------------------------------------------------------------------------------


class FrameworkVersionSerializer(serializers.ModelSerializer):
    framework = VisibleField(visibility.visible_frameworks, help_text="The framework's id.")
    content = serializers.JSONField(read_only=True, help_text="The frozen working copy.")

    class Meta:
        model = FrameworkVersion
        fields = [
            "id",
            "framework",
            "number",
            "label",
            "status",
            "status_changed_at",
            "version",
            "content",
            "created_at",
        ]
        read_only_fields = [
            "id",
            "number",
            "status",
            "status_changed_at",
            "version",
            "created_at",
        ]
        extra_kwargs = {"version": {"help_text": "The revision, for ``expected_version``."}}


class FrameworkVersionStepSerializer(serializers.Serializer):
    expected_version = serializers.IntegerField(
        required=False, help_text="The revision read; a version changed since is refused (409)."
    )


class FrameworkVersionViewSet(
    RegionMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """The versions the caller sees (a governance reader: those put to them)."""

    serializer_class = FrameworkVersionSerializer
    filterset_fields = ["framework", "status"]
    permission_rules = {
        "list": "framework.view_frameworkversion",
        "retrieve": "framework.view_frameworkversion",
        "create": "framework.add_frameworkversion",
        **dict.fromkeys(("consult", "propose", "rework"), "framework.change_frameworkversion"),
    }

    def get_queryset(self):
        if self.fake():
            return FrameworkVersion.objects.none()
        versions = visibility.visible_versions(user=self.request.user, region=self.region)
        return versions.order_by("framework", "-number")

    def perform_create(self, serializer):
        serializer.instance = version_create(user=self.request.user, **serializer.validated_data)

    def _step(self, request, step: str) -> Response:
        version = self.get_object()
        body = FrameworkVersionStepSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        version = version_transition(
            version=version,
            action=step,
            expected_version=body.validated_data.get("expected_version"),
        )
        return Response(self.get_serializer(version).data, status=status.HTTP_200_OK)

    @extend_schema(request=FrameworkVersionStepSerializer, responses=FrameworkVersionSerializer)
    @action(detail=True, methods=["post"])
    def consult(self, request, pk=None):
        """Put the draft out for consultation. 409 from another state."""
        return self._step(request, "consult")

    @extend_schema(request=FrameworkVersionStepSerializer, responses=FrameworkVersionSerializer)
    @action(detail=True, methods=["post"])
    def propose(self, request, pk=None):
        """Propose the version for adoption. 409 from another state."""
        return self._step(request, "propose")

    @extend_schema(request=FrameworkVersionStepSerializer, responses=FrameworkVersionSerializer)
    @action(detail=True, methods=["post"])
    def rework(self, request, pk=None):
        """Take the version back to draft. 409 from another state."""
        return self._step(request, "rework")


def register(router) -> None:
    """Adds this part's viewsets to the module's router."""
    router.register("frameworks", FrameworkViewSet, basename="framework")
    router.register("framework-themes", FrameworkThemeViewSet, basename="framework-theme")
    router.register("framework-ambitions", FrameworkAmbitionViewSet, basename="framework-ambition")
    router.register("framework-actions", FrameworkActionViewSet, basename="framework-action")
    router.register("framework-versions", FrameworkVersionViewSet, basename="framework-version")
