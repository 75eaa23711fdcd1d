"""API shapes of dwellings, and the step bodies the dwelling, proposal and placement endpoints
share (the version read, with a reason where the step needs one)."""

from django.utils.translation import gettext as _
from rest_framework import serializers

from onderdak.contingent.models import Dwelling, normalised_postcode
from onderdak.contingent.models.base import REASON_LENGTH
from onderdak.contingent.services.dwellings import EDITABLE_FIELDS
from onderdak.region.models import Municipality


class StepSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        min_value=1, help_text="The version you read; a case changed since is refused (409)."
    )


class ReasonStepSerializer(StepSerializer):
    reason = serializers.CharField(max_length=REASON_LENGTH)


class DwellingSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(
        slug_field="cbs_code",
        queryset=Municipality.objects.all(),
        help_text="CBS code, e.g. GM0546.",
    )
    postcode = serializers.CharField(
        max_length=7, help_text="Four digits and two letters, with or without a space."
    )

    class Meta:
        model = Dwelling
        fields = [
            "id",
            "corporation",
            "contingent_year",
            *sorted(EDITABLE_FIELDS),
            "status",
            "withdrawal_reason",
            "version",
            "status_changed_at",
        ]
        read_only_fields = ["status", "withdrawal_reason", "version", "status_changed_at"]
        extra_kwargs = {
            "corporation": {
                "required": False,
                "help_text": "Your corporation; needed only when you work for more than one.",
            }
        }

    def validate_postcode(self, value: str) -> str:
        """``2311ab`` as ``2311 AB``; the model's check follows in the service."""
        return normalised_postcode(value)


class DwellingUpdateSerializer(DwellingSerializer):
    """A change while the dwelling is available; ``version`` is the one read."""

    version = serializers.IntegerField(min_value=1)

    class Meta(DwellingSerializer.Meta):
        fields = ["version", *sorted(EDITABLE_FIELDS)]
        read_only_fields = []
        extra_kwargs = {}

    def validate(self, attrs):
        if "version" not in attrs:  # a partial update still says which version it changes
            raise serializers.ValidationError({"version": [_("This field is required.")]})
        return attrs

    def service_arguments(self) -> dict:
        return {k: v for k, v in self.validated_data.items() if k in EDITABLE_FIELDS}
