"""API shapes of proposals. The corporation gets ``CorporationProposalSerializer``: the dwelling,
the household, its needs and the guidance arrangement, never the nomination or any reason."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from onderdak.contingent.api.serializers_dwellings import StepSerializer
from onderdak.contingent.models import DeclineReason, Dwelling, LeaseType, Nomination, Proposal
from onderdak.contingent.models.base import REASON_LENGTH
from onderdak.contingent.selectors.proposals import ProposalSummary, client_visible


class HouseholdSerializer(serializers.Serializer):
    household_adults = serializers.IntegerField()
    household_children = serializers.IntegerField()
    household_size = serializers.IntegerField()
    rooms_needed = serializers.IntegerField()
    needs_ground_floor_or_lift = serializers.BooleanField()
    needs_wheelchair_access = serializers.BooleanField()
    stream = serializers.CharField(help_text="The stream, as shown to users.")
    guidance_provider = serializers.CharField()
    guidance_intensity = serializers.CharField()
    guidance_months = serializers.IntegerField()


class CorporationProposalSerializer(serializers.ModelSerializer):
    household = serializers.SerializerMethodField()

    class Meta:
        model = Proposal
        fields = [
            "id",
            "dwelling",
            "status",
            "origin",
            "created_at",
            "provider_answered_at",
            "corporation_answered_at",
            "decline_reason",
            "version",
            "status_changed_at",
            "household",
        ]
        read_only_fields = fields

    @extend_schema_field(HouseholdSerializer)
    def get_household(self, proposal) -> dict:
        return HouseholdSerializer(ProposalSummary.of(proposal.nomination)).data


class ProposalSerializer(CorporationProposalSerializer):
    """For those who may open the nomination; a row they may not (a corporation's, for a user
    with both roles) comes out as ``CorporationProposalSerializer``'s."""

    class Meta(CorporationProposalSerializer.Meta):
        fields = [
            *CorporationProposalSerializer.Meta.fields,
            "nomination",
            "reason",
            "made_by",
            "decline_note",
        ]
        read_only_fields = fields

    def to_representation(self, instance):
        if not client_visible(instance):
            return CorporationProposalSerializer(instance, context=self.context).data
        return super().to_representation(instance)


class ScopedPrimaryKeyField(serializers.PrimaryKeyRelatedField):
    """A primary key looked up in ``context[scope]``: only the cases the caller may propose
    (``queryset`` gives the model, for the schema)."""

    def __init__(self, scope: str, **kwargs):
        self.scope = scope
        super().__init__(**kwargs)

    def get_queryset(self):
        return self.context[self.scope]


class ProposalCreateSerializer(serializers.Serializer):
    nomination = ScopedPrimaryKeyField(
        "nominations",
        queryset=Nomination.objects.all(),
        help_text="An approved nomination of your region (in the pool).",
    )
    dwelling = ScopedPrimaryKeyField(
        "dwellings", queryset=Dwelling.objects.all(), help_text="A dwelling of your region."
    )
    reason = serializers.CharField(max_length=REASON_LENGTH)


class DeclineSerializer(StepSerializer):
    reason = serializers.PrimaryKeyRelatedField(
        queryset=DeclineReason.objects.all(),
        help_text="A reason to decline from the region's list, for your party.",
    )
    note = serializers.CharField(max_length=REASON_LENGTH, required=False, default="")


class CorporationAcceptSerializer(StepSerializer):
    lease_type = serializers.ChoiceField(choices=LeaseType.choices)
    lease_start = serializers.DateField()
    guidance_end = serializers.DateField()
