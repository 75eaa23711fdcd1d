"""Monitor API: the region's indicators (``indicators``) and the imported values
(``indicator-values``).

Built-in indicators are computed by Onderdak and read-only; an imported indicator's name, unit,
description and ``counts_people`` can be changed by policy officers (the same service as the
page). Values of an indicator that counts people are suppressed for every reader but the
regional coordinator over all municipalities and totals of their period, whatever the filters:
a hidden value is ``null`` and ``hidden`` says why (``small``: from 1 to 4; ``derived``: hidden
so that a small one cannot be derived from a total).
"""

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from onderdak.accounts.selectors import region_for_user
from onderdak.core.errors import Forbidden, NotFound
from onderdak.monitor.models import Indicator, IndicatorValue
from onderdak.monitor.selectors import indicators as selectors
from onderdak.monitor.selectors.dashboard_data import geography
from onderdak.monitor.selectors.indicators_catalogue import (
    IndicatorKind,
    Level,
    imported_indicator,
    is_built_in_code,
)
from onderdak.monitor.services.indicators import EDITABLE, indicator_update

VIEW = "monitor.view_indicator"
CHANGE = "monitor.change_indicator"
UNSUPPRESSED = "monitor.view_unsuppressed"
HIDDEN_HELP = "Empty when shown; 'small' or 'derived' when the value is hidden (null)."


def number(value):
    """Whole numbers as integers, decimals as numbers (not strings); ``None`` stays."""
    return float(value) if hasattr(value, "as_tuple") else value


class IndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(help_text="In the language of the request.")
    unit = serializers.CharField()
    kind = serializers.ChoiceField(
        choices=IndicatorKind.choices,
        help_text="Where the figures come from: the ETHOS counts (per count), the contingent "
        "scheme (per year), or imported (per period).",
    )
    built_in = serializers.BooleanField(help_text="Computed by Onderdak; cannot be changed.")
    level = serializers.ChoiceField(
        choices=Level.choices,
        help_text="The smallest area the indicator has figures for.",
    )
    description = serializers.CharField()
    counts_people = serializers.BooleanField(
        help_text="Values are numbers of people: values under 5 are hidden from everyone but the "
        "regional coordinator."
    )
    is_demo = serializers.BooleanField(help_text="Fictitious demo figures, not the region's.")
    latest_period = serializers.CharField(help_text="The latest count date, year or period.")


class IndicatorUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = list(EDITABLE)


class IndicatorFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=IndicatorKind.choices, method="of_kind")
    counts_people = django_filters.BooleanFilter()

    class Meta:
        model = Indicator
        fields = ["kind", "counts_people"]

    def of_kind(self, queryset, name, value):
        return queryset if value == IndicatorKind.IMPORTED else queryset.none()


def _keep(info, filters: dict) -> bool:
    """A built-in indicator passes the same filters as the imported ones."""
    kind, counts_people = filters.get("kind"), filters.get("counts_people")
    return (not kind or info.kind == kind) and (
        counts_people is None or info.counts_people == counts_people
    )


class RegionMixin:
    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    @property
    def suppressed(self) -> bool:
        return not self.request.user.has_perm(UNSUPPRESSED)


class IndicatorViewSet(RegionMixin, viewsets.GenericViewSet):
    """The region's indicators: built-in (computed, read-only) and imported."""

    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter
    lookup_field = "code"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    permission_rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "update": CHANGE,
        "partial_update": CHANGE,
    }

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return Indicator.objects.none()
        return selectors.indicator_list(region=self.region)

    def _filters(self) -> dict:
        filterset = IndicatorFilter(self.request.query_params, queryset=self.get_queryset())
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        return filterset.form.cleaned_data

    def list(self, request, *args, **kwargs):
        """Built-in indicators first, then the imported ones by name."""
        filters = self._filters()
        catalogue = selectors.region_catalogue(region=self.region) if self.region else []
        found = [info for info in catalogue if _keep(info, filters)]
        page = self.paginate_queryset(found)
        return self.get_paginated_response(IndicatorSerializer(page, many=True).data)

    def retrieve(self, request, *args, code=None, **kwargs):
        catalogue = selectors.region_catalogue(region=self.region) if self.region else []
        info = next((i for i in catalogue if i.code == code), None)
        if info is None:
            raise NotFound
        return Response(IndicatorSerializer(info).data)

    @extend_schema(request=IndicatorUpdateSerializer, responses=IndicatorSerializer)
    def update(self, request, *args, code=None, partial=False, **kwargs):
        """Change an imported indicator's name, unit, description or ``counts_people``."""
        if is_built_in_code(code):
            raise Forbidden(
                _("A built-in indicator is computed by Onderdak and cannot be changed.")
            )
        indicator = self.get_object()
        serializer = IndicatorUpdateSerializer(indicator, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        saved = indicator_update(indicator=indicator, **serializer.validated_data)
        latest = self.get_queryset().filter(pk=saved.pk).values_list("latest_period", flat=True)
        return Response(IndicatorSerializer(imported_indicator(saved, latest.first())).data)

    @extend_schema(request=IndicatorUpdateSerializer, responses=IndicatorSerializer)
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)


class IndicatorValueFilter(django_filters.FilterSet):
    indicator = django_filters.CharFilter(
        field_name="indicator__code", help_text="The indicator's code."
    )
    municipality = django_filters.CharFilter(
        field_name="municipality__cbs_code", help_text="The municipality's CBS code, e.g. GM0546."
    )
    period = django_filters.CharFilter(help_text="A year (2024), quarter (2024-Q2) or month.")
    year = django_filters.NumberFilter()

    class Meta:
        model = IndicatorValue
        fields = ["indicator", "municipality", "period", "year"]


class IndicatorValueSerializer(serializers.Serializer):
    indicator = serializers.CharField(source="indicator.code")
    municipality = serializers.CharField(source="municipality.cbs_code")
    municipality_name = serializers.CharField(source="municipality.name")
    period = serializers.CharField()
    year = serializers.IntegerField()
    value = serializers.SerializerMethodField(help_text="null when hidden.")
    hidden = serializers.SerializerMethodField(help_text=HIDDEN_HELP)
    unit = serializers.CharField(source="indicator.unit")
    source = serializers.CharField()

    def _figure(self, value):
        return self.context["figures"][value.pk]

    @extend_schema_field(serializers.FloatField(allow_null=True))
    def get_value(self, value):
        return number(self._figure(value).shown)

    def get_hidden(self, value) -> str:
        return str(self._figure(value).hidden)


class IndicatorValueViewSet(RegionMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """The imported values per indicator, municipality and period."""

    serializer_class = IndicatorValueSerializer
    filterset_class = IndicatorValueFilter
    permission_rules = {"list": VIEW}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return IndicatorValue.objects.none()
        return (
            IndicatorValue.objects.filter(indicator__region=self.region)
            .select_related("indicator", "municipality")
            .order_by("indicator__code", "period", "municipality__cbs_code")
        )

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        places, _boundaries = geography(region=self.region)
        figures = selectors.value_figures(page, places, suppressed=self.suppressed)
        body = IndicatorValueSerializer(page, many=True, context={"figures": figures})
        return self.get_paginated_response(body.data)


def register(router) -> None:
    """Adds this part's viewsets to the monitor's router (``onderdak.monitor.api.urls``)."""
    router.register("indicators", IndicatorViewSet, basename="indicator")
    router.register("indicator-values", IndicatorValueViewSet, basename="indicator-value")
