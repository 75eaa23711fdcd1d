"""API of the contingent scheme: the year's report (``GET /api/v1/contingent-reports/{year}/``).

The same tables as the report page, from the same selector; for every reader but the regional
coordinator a hidden figure is ``null`` and its flag in ``hidden`` says why (``small``: a count
from 1 to 4; ``derived``: hidden so that such a count cannot be derived from a total).
"""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from onderdak.accounts.selectors import region_for_user
from onderdak.contingent.selectors import reports


class ContingentReportRowSerializer(serializers.Serializer):
    label = serializers.CharField()
    is_total = serializers.BooleanField()
    values = serializers.SerializerMethodField(
        help_text="The figures in the order of the table's columns; null when hidden."
    )
    hidden = serializers.SerializerMethodField(
        help_text="Per figure: empty when shown, 'small' or 'derived' when hidden."
    )

    @extend_schema_field(serializers.ListField(child=serializers.JSONField(allow_null=True)))
    def get_values(self, row) -> list:
        return [_number(cell.shown) for cell in row.cells]

    def get_hidden(self, row) -> list[str]:
        return [cell.hidden for cell in row.cells]


def _number(value):
    """Decimals (waiting days) as numbers, not strings; text cells (a subregion) as they are."""
    return float(value) if hasattr(value, "as_tuple") else value


class ContingentReportTableSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    row_header = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    rows = ContingentReportRowSerializer(many=True)


class ContingentReportSerializer(serializers.Serializer):
    year = serializers.IntegerField(source="contingent_year.year")
    suppressed = serializers.BooleanField(
        help_text="Whether small counts are hidden (every reader but the regional coordinator)."
    )
    tables = ContingentReportTableSerializer(many=True)


class ContingentReportViewSet(viewsets.ViewSet):
    """The year's report: target against realised, the funnel, waiting times, refusals,
    outcomes and figures per care provider."""

    permission_rules = {"retrieve": "contingent.view_report"}
    lookup_field = "year"
    lookup_value_regex = r"\d{4}"

    @extend_schema(
        parameters=[OpenApiParameter("year", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses=ContingentReportSerializer,
    )
    def retrieve(self, request, year=None):
        region = region_for_user(request.user)
        contingent_year = reports.year_list(region=region).filter(year=int(year)).first()
        if contingent_year is None:
            raise Http404
        report = reports.year_report(
            contingent_year=contingent_year,
            suppressed=not reports.reads_unsuppressed(request.user),
        )
        return Response(ContingentReportSerializer(report).data)


def register(router) -> None:
    """Add this part's viewsets to the scheme's router (``onderdak.contingent.api.urls``)."""
    router.register("contingent-reports", ContingentReportViewSet, basename="contingent-report")
