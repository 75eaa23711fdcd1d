"""The ``imports`` endpoint: import jobs of every kind a module registers (``kinds``); a job is
found among those the caller may see (``selectors.visible_jobs``)."""

from django.utils.functional import cached_property
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from onderdak.accounts.selectors import region_for_user
from onderdak.core.api.schema import ERROR
from onderdak.core.errors import Forbidden
from onderdak.core.exports import CONTENT_TYPE as XLSX
from onderdak.imports import selectors
from onderdak.imports.kinds import registry
from onderdak.imports.models import ImportJob
from onderdak.imports.services import import_job_start
from onderdak.imports.views import error_report

VIEW = "imports.view_importjob"


class ImportErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField(allow_null=True, help_text="Row as numbered in the sheet.")
    column = serializers.CharField(help_text="The column as named in the file's header.")
    value = serializers.CharField(help_text="The value found.")
    message = serializers.CharField()


class ImportJobSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(
        choices=registry.choices, read_only=True, help_text="What the file holds."
    )
    options = serializers.DictField(
        read_only=True,
        help_text="What the kind needs besides the file, e.g. `count` (the count's id).",
    )
    outcome = serializers.DictField(
        read_only=True,
        help_text="What the import made, e.g. `version` (the count's new version number).",
    )

    class Meta:
        model = ImportJob
        fields = [
            "id",
            "kind",
            "options",
            "outcome",
            "file_name",
            "file_size",
            "status",
            "progress",
            "rows_total",
            "error_count",
            "created_at",
            "finished_at",
        ]
        read_only_fields = fields


class ImportJobDetailSerializer(ImportJobSerializer):
    errors = serializers.SerializerMethodField(
        help_text="The errors (at most 10,000 are kept; `error_count` is the exact number)."
    )

    class Meta(ImportJobSerializer.Meta):
        fields = [*ImportJobSerializer.Meta.fields, "errors"]
        read_only_fields = fields

    @extend_schema_field(ImportErrorSerializer(many=True))
    def get_errors(self, job) -> list:
        return job.errors


class ImportStartSerializer(serializers.Serializer):
    """A file to import: ``kind``, ``file`` and the fields its kind needs (``count`` for a count
    file; each optional here, since only its kind needs it)."""

    kind = serializers.ChoiceField(choices=registry.choices)
    file = serializers.FileField(help_text="A CSV file or an Excel workbook (.xlsx).")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in registry:
            for name, help_text in kind.option_fields.items():
                self.fields[name] = serializers.IntegerField(
                    required=False, allow_null=True, help_text=help_text
                )


class ImportJobViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Imports of files of every kind (``kind``: a count, indicators, …). ``POST`` (multipart)
    starts one: a small file is checked and stored at once, a large one in the background (follow
    ``status`` and ``progress``). A file with any error is rejected as a whole: the job ends
    ``rejected`` with its errors, and nothing is stored. Each kind takes its own fields besides
    ``kind`` and ``file`` (``count`` for a count file). The list holds the caller's own imports."""

    parser_classes = [MultiPartParser]
    permission_rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "report": VIEW,
        "create": "imports.add_importjob",  # and the kind's own right, checked in ``create``
    }

    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return ImportJob.objects.none()
        if self.action == "list":
            return selectors.recent_jobs(region=self.region, user=self.request.user)
        return selectors.visible_jobs(region=self.region, user=self.request.user)

    def get_serializer_class(self):
        return ImportJobDetailSerializer if self.action == "retrieve" else ImportJobSerializer

    @extend_schema(
        request={"multipart/form-data": ImportStartSerializer},
        responses={201: ImportJobDetailSerializer, 415: ERROR},
    )
    def create(self, request, *args, **kwargs):
        starting = ImportStartSerializer(data=request.data)
        starting.is_valid(raise_exception=True)
        data = starting.validated_data
        kind = registry.get(data["kind"])
        if not request.user.has_perm(kind.import_permission):
            raise Forbidden()
        job = import_job_start(
            region=self.region,
            kind=kind.key,
            uploaded=data["file"],
            by=request.user,
            options={name: data.get(name) for name in kind.option_fields},
        )
        return Response(ImportJobDetailSerializer(job).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        responses={
            (200, XLSX): OpenApiResponse(OpenApiTypes.BINARY, description="The error report.")
        }
    )
    @action(detail=True, methods=["get"])
    def report(self, request, pk=None):
        """Every stored error of the job as an Excel workbook."""
        return error_report(self.get_object())


def register(router) -> None:
    router.register("imports", ImportJobViewSet, basename="import")
