"""API shapes of nominations and their documents.

Municipalities are named by CBS code and the contingent year by its number, both looked up in the
caller's region only. Writes are validated here for types and bounds, and by the services for
everything else (``services.nominations``).
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import serializers

from onderdak.contingent.models import (
    Client,
    ContingentYear,
    DocumentKind,
    EligibilityCriterion,
    ExcludedMunicipality,
    Nomination,
    NominationDocument,
    Stream,
)
from onderdak.contingent.models.base import REASON_LENGTH
from onderdak.contingent.services.nominations import DETAIL_FIELDS
from onderdak.region.models import Municipality, Organisation, OrganisationKind


class RegionScoped:
    """A related field whose choices are the caller's region's (``context["region"]``)."""

    def get_queryset(self):
        return super().get_queryset().filter(region=self.context["region"])


class MunicipalityField(RegionScoped, serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Municipality.objects.all())
        super().__init__(slug_field="cbs_code", **kwargs)


class YearField(RegionScoped, serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="year", queryset=ContingentYear.objects.all(), **kwargs)


class CareProviderField(RegionScoped, serializers.PrimaryKeyRelatedField):
    def __init__(self, **kwargs):
        queryset = Organisation.objects.filter(kind=OrganisationKind.CARE_PROVIDER)
        super().__init__(queryset=queryset, **kwargs)


class ClientSerializer(serializers.ModelSerializer):
    class Meta:
        model = Client
        fields = ["name", "date_of_birth", "client_number"]
        extra_kwargs = {"client_number": {"validators": []}}  # reuse is the service's decision


class ExclusionSerializer(serializers.ModelSerializer):
    municipality = MunicipalityField(help_text="CBS code, e.g. GM0546.")

    class Meta:
        model = ExcludedMunicipality
        fields = ["municipality", "reason"]


class DocumentSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = NominationDocument
        fields = ["id", "kind", "original_name", "content_type", "size", "uploaded_at"]
        fields += ["download_url"]
        read_only_fields = fields

    def get_download_url(self, document) -> str:
        return reverse("nomination-document-download", args=[document.pk])


class DocumentUploadSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    file = serializers.FileField(help_text="PDF, DOCX, ODT, JPEG or PNG; at most 10 MB.")


# --- Reading -------------------------------------------------------------------------------------


class NominationSerializer(serializers.ModelSerializer):
    """A row of the list: what the list page shows."""

    contingent_year = serializers.IntegerField(source="contingent_year.year", read_only=True)
    client_name = serializers.CharField(source="client.name", read_only=True)
    client_number = serializers.CharField(source="client.client_number", read_only=True)
    provider_name = serializers.CharField(source="provider.name", read_only=True)
    tie_municipality = serializers.CharField(source="tie_municipality.cbs_code", read_only=True)

    class Meta:
        model = Nomination
        fields = [
            "id",
            "contingent_year",
            "stream",
            "status",
            "status_changed_at",
            "version",
            "client_name",
            "client_number",
            "provider",
            "provider_name",
            "tie_municipality",
            "submitted_at",
            "approved_at",
        ]
        read_only_fields = fields


class NominationDetailSerializer(serializers.ModelSerializer):
    """Everything about one nomination, for its provider and its reviewers."""

    contingent_year = serializers.IntegerField(source="contingent_year.year", read_only=True)
    client = ClientSerializer(read_only=True)
    tie_municipality = serializers.CharField(source="tie_municipality.cbs_code", read_only=True)
    preferred_municipalities = serializers.SlugRelatedField(
        slug_field="cbs_code", many=True, read_only=True
    )
    exclusions = ExclusionSerializer(many=True, read_only=True)
    criteria_met = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    documents = DocumentSerializer(many=True, read_only=True)

    class Meta:
        model = Nomination
        fields = [
            "id",
            "contingent_year",
            "provider",
            "stream",
            "status",
            "status_changed_at",
            "version",
            "client",
            *DETAIL_FIELDS,
            "preferred_municipalities",
            "exclusions",
            "criteria_met",
            "submitted_at",
            "approved_at",
            "decision_reason",
            "withdrawal_reason",
            "documents",
        ]
        read_only_fields = fields


# --- Writing -------------------------------------------------------------------------------------


#: What the services take besides ``data`` (the details).
RELATED = ("client", "preferred_municipalities", "exclusions", "criteria_met")


class NominationWriteSerializer(serializers.ModelSerializer):
    """The nomination's details, the client, the municipalities and the checklist."""

    client = ClientSerializer()
    tie_municipality = MunicipalityField(help_text="CBS code, e.g. GM0546.")
    guidance_provider = CareProviderField()
    preferred_municipalities = MunicipalityField(many=True, required=False)
    exclusions = ExclusionSerializer(many=True, required=False)
    criteria_met = serializers.PrimaryKeyRelatedField(
        many=True, required=False, queryset=EligibilityCriterion.objects.all()
    )

    class Meta:
        model = Nomination
        fields = [
            "client",
            *DETAIL_FIELDS,
            "preferred_municipalities",
            "exclusions",
            "criteria_met",
        ]

    def service_arguments(self) -> dict:
        """The validated data as the services take it; what was not sent is left out."""
        data = self.validated_data
        arguments = {name: data[name] for name in RELATED if name in data}
        details = {name: data[name] for name in DETAIL_FIELDS if name in data}
        return {**arguments, "data": details} if details else arguments


class NominationCreateSerializer(NominationWriteSerializer):
    contingent_year = YearField(help_text="The year of the contingent, e.g. 2025.")
    provider = CareProviderField(help_text="The nominating care provider: one of your own.")
    stream = serializers.ChoiceField(choices=Stream.choices)
    submission_key = serializers.UUIDField(
        required=False,
        allow_null=True,
        help_text="Send the same key again (e.g. after a time-out) to get the same nomination.",
    )

    class Meta(NominationWriteSerializer.Meta):
        fields = [
            "contingent_year",
            "provider",
            "stream",
            "submission_key",
            *NominationWriteSerializer.Meta.fields,
        ]


class NominationUpdateSerializer(NominationWriteSerializer):
    """A change of a draft or of a nomination sent back; ``version`` is the one read."""

    version = serializers.IntegerField(min_value=1)

    class Meta(NominationWriteSerializer.Meta):
        fields = ["version", *NominationWriteSerializer.Meta.fields]

    def validate(self, attrs):
        if "version" not in attrs:
            raise serializers.ValidationError({"version": [_("This field is required.")]})
        return attrs


class StepSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; a nomination changed since is refused."
    )


class ReasonStepSerializer(StepSerializer):
    reason = serializers.CharField(max_length=REASON_LENGTH)
