"""Monitor API: the region dashboard's figures as JSON (``GET /api/v1/monitor-dashboard/``).

The same figures, suppression and flags as the page and its downloads, from the same selector:
for a count, an indicator and year on the map, and the region or a subregion. For every reader
but the regional coordinator a hidden figure is ``null`` and its flag says why (``small``: a
count from 1 to 4, or a figure computed from one; ``derived``: hidden so that a small count
cannot be derived).
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from onderdak.accounts.selectors import region_for_user
from onderdak.core.api.schema import AutoSchema
from onderdak.core.errors import DomainError
from onderdak.monitor.api.indicators import (
    HIDDEN_HELP,
    UNSUPPRESSED,
    IndicatorSerializer,
    number,
)
from onderdak.monitor.selectors import dashboard as selectors


class DashboardQuerySerializer(serializers.Serializer):
    count = serializers.IntegerField(
        required=False, min_value=1, help_text="The count's id; default the latest count."
    )
    indicator = serializers.CharField(
        required=False, help_text="The map's indicator code; default ethos-per-10000."
    )
    year = serializers.IntegerField(
        required=False, help_text="The map's year; default the count's (or the latest) year."
    )
    subregion = serializers.SlugField(
        required=False, help_text="A subregion's slug; default the whole region."
    )


class FiguresMixin(serializers.Serializer):
    @extend_schema_field(serializers.ListField(child=serializers.FloatField(allow_null=True)))
    def get_values(self, row) -> list:
        return [number(cell.shown) for cell in row.cells]

    @extend_schema_field(
        serializers.ListField(child=serializers.CharField(), help_text=HIDDEN_HELP)
    )
    def get_hidden(self, row) -> list:
        return [str(cell.hidden) for cell in row.cells]


class TableRowSerializer(FiguresMixin):
    label = serializers.CharField()
    code = serializers.CharField(help_text="The breakdown value's code or the area's key.")
    is_total = serializers.BooleanField()
    values = serializers.SerializerMethodField(help_text="In the order of the columns.")
    hidden = serializers.SerializerMethodField()


class TableSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The chart's name, as in its Excel download's address.")
    kind = serializers.ChoiceField(choices=["bar", "line"])
    title = serializers.CharField()
    unit = serializers.CharField()
    source = serializers.CharField()
    is_demo = serializers.BooleanField()
    row_header = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    rows = TableRowSerializer(many=True)


class MapRowSerializer(serializers.Serializer):
    municipality = serializers.CharField(source="municipality.code", help_text="CBS code.")
    name = serializers.CharField(source="municipality.name")
    subregion = serializers.CharField(source="subregion.code", help_text="The subregion's slug.")
    value = serializers.SerializerMethodField(help_text="null when hidden or without data.")
    hidden = serializers.CharField(source="figure.hidden", help_text=HIDDEN_HELP)

    @extend_schema_field(serializers.FloatField(allow_null=True))
    def get_value(self, row):
        return number(row.figure.shown)


class MapSerializer(serializers.Serializer):
    indicator = IndicatorSerializer()
    period = serializers.CharField(source="period.label", allow_null=True, default=None)
    source = serializers.CharField()
    is_demo = serializers.BooleanField()
    rows = MapRowSerializer(many=True)


class KeyFigureSerializer(serializers.Serializer):
    indicator = serializers.CharField(source="indicator.code")
    name = serializers.CharField(source="indicator.name")
    unit = serializers.CharField(source="indicator.unit")
    value = serializers.SerializerMethodField()
    hidden = serializers.CharField(source="figure.hidden", help_text=HIDDEN_HELP)

    @extend_schema_field(serializers.FloatField(allow_null=True))
    def get_value(self, item):
        return number(item.figure.shown)


class DashboardCountSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    title = serializers.CharField()
    count_date = serializers.DateField()
    source = serializers.CharField()
    is_demo = serializers.BooleanField()
    version = serializers.IntegerField(source="version_number")


class DashboardSerializer(serializers.Serializer):
    region = serializers.CharField(source="region.name")
    suppressed = serializers.BooleanField(
        help_text="Whether small counts are hidden (every reader but the regional coordinator)."
    )
    is_demo = serializers.BooleanField(help_text="Whether any figure is a fictitious demo one.")
    count = DashboardCountSerializer(allow_null=True)
    previous_count = DashboardCountSerializer(source="previous", allow_null=True)
    counts = DashboardCountSerializer(many=True)
    subregion = serializers.SerializerMethodField(help_text="The subregion's slug, or null.")
    indicator = serializers.CharField(source="indicator.code", allow_null=True, default=None)
    year = serializers.IntegerField(allow_null=True)
    years = serializers.ListField(child=serializers.IntegerField())
    key_figures = KeyFigureSerializer(many=True)
    map = MapSerializer(allow_null=True)
    tables = TableSerializer(many=True)

    def get_subregion(self, dashboard) -> str | None:
        return dashboard.area.code if dashboard.area.parent else None


class OneObjectSchema(AutoSchema):
    """The dashboard is one object, though a viewset serves it on its list route."""

    def _is_list_view(self, serializer=None) -> bool:
        return False


class DashboardViewSet(viewsets.ViewSet):
    """The dashboard's series: key figures, the map, and each chart's table."""

    permission_rules = {"list": "monitor.view_dashboard"}
    schema = OneObjectSchema()

    @extend_schema(parameters=[DashboardQuerySerializer], responses=DashboardSerializer)
    def list(self, request):
        query = DashboardQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        region = region_for_user(request.user)
        if region is None:
            raise DomainError(_("No region has been loaded yet."))
        dashboard = selectors.dashboard(
            region=region,
            suppressed=not request.user.has_perm(UNSUPPRESSED),
            query=selectors.DashboardQuery(**query.validated_data),
            with_boundaries=False,
        )
        if dashboard.errors:
            raise DomainError(_("The dashboard cannot show this."), fields=dashboard.errors)
        return Response(DashboardSerializer(dashboard).data)


def register(router) -> None:
    """Adds this part's viewsets to the monitor's router (``onderdak.monitor.api.urls``)."""
    router.register("monitor-dashboard", DashboardViewSet, basename="monitor-dashboard")
