"""API shapes of placements and their evaluations. No client data: the nomination is reached
through the proposal by those who may open it."""

from rest_framework import serializers

from onderdak.contingent.api.serializers_dwellings import ReasonStepSerializer, StepSerializer
from onderdak.contingent.models import EndReason, Evaluation, Placement, Rating
from onderdak.contingent.models.base import REASON_LENGTH


class EvaluationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evaluation
        fields = [
            "month",
            "due_on",
            "held_on",
            "living",
            "rent_payment",
            "tenancy",
            "guidance",
            "goals",
            "note",
        ]
        read_only_fields = fields


class PlacementSerializer(serializers.ModelSerializer):
    evaluations = EvaluationSerializer(many=True, read_only=True)

    class Meta:
        model = Placement
        fields = [
            "id",
            "proposal",
            "dwelling",
            "status",
            "lease_type",
            "lease_start",
            "guidance_end",
            "transfer_date",
            "ended_on",
            "end_reason",
            "note",
            "version",
            "status_changed_at",
            "evaluations",
        ]
        read_only_fields = fields


class ExtendSerializer(ReasonStepSerializer):
    guidance_end = serializers.DateField(help_text="The new, later end of the guidance.")


class TransferSerializer(StepSerializer):
    transfer_date = serializers.DateField(help_text="Not before the lease start.")


class EndSerializer(StepSerializer):
    ended_on = serializers.DateField()
    end_reason = serializers.ChoiceField(choices=EndReason.choices)
    note = serializers.CharField(max_length=REASON_LENGTH, required=False, default="")


class EvaluationRecordSerializer(serializers.Serializer):
    held_on = serializers.DateField()
    living = serializers.ChoiceField(choices=Rating.choices)
    rent_payment = serializers.ChoiceField(choices=Rating.choices)
    tenancy = serializers.ChoiceField(choices=Rating.choices)
    guidance = serializers.ChoiceField(choices=Rating.choices)
    goals = serializers.ChoiceField(choices=Rating.choices)
    note = serializers.CharField(max_length=REASON_LENGTH, required=False, default="")
