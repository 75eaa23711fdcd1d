"""API of the contingent scheme: nominations, their steps and their documents.

Lists start from the caller's visible nominations; a nomination outside them is "not found".
Every write and step goes through the same services as the pages. Reading one nomination (and
downloading a document) is logged as access to personal data.
"""

import django_filters
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from onderdak.accounts.selectors import region_for_user
from onderdak.audit.services import record_access
from onderdak.contingent.api import serializers_nominations as serializers
from onderdak.contingent.models import Nomination, NominationDocument, NominationStatus, Stream
from onderdak.contingent.selectors import nominations as selectors
from onderdak.contingent.services import documents as document_services
from onderdak.contingent.services import nominations as services
from onderdak.contingent.views.nominations import document_response

VIEW = "contingent.view_nomination"
REVIEW = "contingent.review_nomination"
VIEW_DOCUMENT = "contingent.view_nominationdocument"


class NominationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=NominationStatus.choices)
    year = django_filters.NumberFilter(field_name="contingent_year__year")
    stream = django_filters.ChoiceFilter(choices=Stream.choices)
    tie_municipality = django_filters.CharFilter(
        field_name="tie_municipality__cbs_code", help_text="CBS code, e.g. GM0546."
    )
    search = django_filters.CharFilter(
        method="search_clients", help_text="A client number (exact) or part of a client's name."
    )

    class Meta:
        model = Nomination
        fields = ["status", "year", "stream", "tie_municipality", "search"]

    def search_clients(self, queryset, name, value):
        return queryset.filter(selectors.client_search(value)) if value.strip() else queryset


def _step_action(name: str, service, serializer_class):
    """A POST action that takes one step through ``service`` and answers with the nomination."""

    @extend_schema(request=serializer_class, responses=serializers.NominationDetailSerializer)
    def step(self, request, pk=None):
        nomination = self.get_object()
        data = self._valid(serializer_class).validated_data
        moved = service(
            nomination=nomination,
            expected_version=data["version"],
            by=request.user,
            **({"reason": data["reason"]} if "reason" in data else {}),
        )
        return self._detail(moved.pk)

    step.__name__ = name
    step.__doc__ = service.__doc__
    return action(detail=True, methods=["post"], url_path=name.replace("_", "-"))(step)


class NominationViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    filterset_class = NominationFilter
    permission_rules = {
        "list": VIEW,
        "retrieve": VIEW,
        "create": "contingent.add_nomination",
        "partial_update": "contingent.change_nomination",
        "submit": "contingent.submit_nomination",
        "approve": REVIEW,
        "reject": REVIEW,
        "request_info": REVIEW,
        "withdraw": "contingent.withdraw_nomination",
        "documents": VIEW_DOCUMENT,
        "upload_document": "contingent.add_nominationdocument",
    }

    @cached_property
    def region(self):
        return region_for_user(self.request.user)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no caller, no data
            return Nomination.objects.none()
        if self.action == "list":
            return selectors.nomination_list(user=self.request.user)
        return selectors.nomination_details(self.request.user)

    def get_serializer_class(self):
        return {
            "list": serializers.NominationSerializer,
            "create": serializers.NominationCreateSerializer,
            "partial_update": serializers.NominationUpdateSerializer,
        }.get(self.action, serializers.NominationDetailSerializer)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "region": self.region}

    def _valid(self, serializer_class, **kwargs):
        serializer = serializer_class(
            data=self.request.data, context=self.get_serializer_context(), **kwargs
        )
        serializer.is_valid(raise_exception=True)
        return serializer

    def _detail(self, pk: int, status_code: int = status.HTTP_200_OK) -> Response:
        nomination = selectors.nomination_detail(user=self.request.user, pk=pk)
        body = serializers.NominationDetailSerializer(
            nomination, context=self.get_serializer_context()
        )
        return Response(body.data, status=status_code)

    def retrieve(self, request, *args, **kwargs):
        """One nomination with its client, checklist and documents; the read is logged."""
        nomination = self.get_object()
        record_access(instance=nomination)
        return Response(self.get_serializer(nomination).data)

    @extend_schema(
        request=serializers.NominationCreateSerializer,
        responses={201: serializers.NominationDetailSerializer},
    )
    def create(self, request, *args, **kwargs):
        """A draft nomination of a client of your own care provider."""
        serializer = self._valid(serializers.NominationCreateSerializer)
        data = serializer.validated_data
        nomination = services.nomination_create(
            contingent_year=data["contingent_year"],
            provider=data["provider"],
            stream=data["stream"],
            submission_key=data.get("submission_key"),
            by=request.user,
            **{"data": {}, **serializer.service_arguments()},
        )
        return self._detail(nomination.pk, status.HTTP_201_CREATED)

    @extend_schema(
        request=serializers.NominationUpdateSerializer,
        responses=serializers.NominationDetailSerializer,
    )
    def partial_update(self, request, *args, **kwargs):
        """Change a draft or a nomination sent back for more information; send the version
        you read."""
        nomination = self.get_object()
        serializer = self._valid(serializers.NominationUpdateSerializer, partial=True)
        services.nomination_update(
            nomination=nomination,
            expected_version=serializer.validated_data["version"],
            by=request.user,
            **serializer.service_arguments(),
        )
        return self._detail(nomination.pk)

    submit = _step_action("submit", services.nomination_submit, serializers.StepSerializer)
    approve = _step_action("approve", services.nomination_approve, serializers.StepSerializer)
    reject = _step_action("reject", services.nomination_reject, serializers.ReasonStepSerializer)
    request_info = _step_action(
        "request_info", services.nomination_request_info, serializers.ReasonStepSerializer
    )
    withdraw = _step_action(
        "withdraw", services.nomination_withdraw, serializers.ReasonStepSerializer
    )

    @extend_schema(responses=serializers.DocumentSerializer(many=True))
    @action(
        detail=True,
        methods=["get"],
        pagination_class=None,
        parser_classes=[MultiPartParser],
    )
    def documents(self, request, pk=None):
        """The nomination's documents (their details; each downloads from its own address)."""
        nomination = self.get_object()
        body = serializers.DocumentSerializer(nomination.documents.all(), many=True)
        return Response(body.data)

    @extend_schema(
        request={"multipart/form-data": serializers.DocumentUploadSerializer},
        responses={201: serializers.DocumentSerializer},
    )
    @documents.mapping.post
    def upload_document(self, request, pk=None):
        """Upload a document (multipart): a PDF, DOCX, ODT, JPEG or PNG of at most 10 MB."""
        nomination = self.get_object()
        data = self._valid(serializers.DocumentUploadSerializer).validated_data
        document = document_services.document_upload(
            nomination=nomination, kind=data["kind"], uploaded_file=data["file"], by=request.user
        )
        return Response(
            serializers.DocumentSerializer(document).data, status=status.HTTP_201_CREATED
        )


class NominationDocumentViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A document's details and its file, for whoever may see its nomination."""

    serializer_class = serializers.DocumentSerializer
    permission_rules = {"retrieve": VIEW_DOCUMENT, "download": VIEW_DOCUMENT}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return NominationDocument.objects.none()
        return selectors.visible_documents(self.request.user)

    def get_object(self):
        document = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object_permissions(self.request, document.nomination)
        return document

    @extend_schema(
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                OpenApiTypes.BINARY, description="The file, as an attachment."
            )
        }
    )
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        """The file under its original name; the download is logged."""
        document = self.get_object()
        record_access(instance=document)
        return document_response(document)


def register(router) -> None:
    """Add this part's viewsets to the scheme's router (``onderdak.contingent.api.urls``)."""
    router.register("nominations", NominationViewSet, basename="nomination")
    router.register(
        "nomination-documents", NominationDocumentViewSet, basename="nomination-document"
    )
