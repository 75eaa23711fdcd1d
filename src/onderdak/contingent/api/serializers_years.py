"""API shapes of contingent years, their key and split, spread, checklists and reasons to decline.

Corporations are named by id, municipalities by CBS code; both are looked up in the caller's
region only. Writes that change a year send the ``version`` they read.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from onderdak.contingent.models import (
    ContingentYear,
    CorporationStock,
    CorporationTarget,
    DeclineReason,
    EligibilityCriterion,
    SpreadTarget,
    Stream,
)
from onderdak.contingent.models.base import MAX_YEAR, MIN_YEAR, REASON_LENGTH, SOURCE_LENGTH
from onderdak.contingent.models.years import MAX_DWELLINGS
from onderdak.region.models import Municipality, Organisation, OrganisationKind

POLICY_FIELDS = [
    "refusals_before_closing",
    "review_days",
    "answer_days",
    "placement_days",
    "evaluation_months",
]


def version_field() -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=1,
        help_text="The version of the year you read; refused (409) when it changed since.",
    )


def confirm_field() -> serializers.BooleanField:
    return serializers.BooleanField(
        default=False,
        help_text=(
            "Discard targets changed by hand when the split is computed again; without it, "
            "such a change is refused (409, code `confirm_recompute`)."
        ),
    )


def count_field(**kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=0, max_value=MAX_DWELLINGS, **kwargs)


class RegionCorporationField(serializers.PrimaryKeyRelatedField):
    """A housing corporation of the caller's region, by id."""

    def get_queryset(self):
        return Organisation.objects.filter(
            region=self.context["region"], kind=OrganisationKind.HOUSING_CORPORATION
        )


class RegionMunicipalityField(serializers.SlugRelatedField):
    """A municipality of the caller's region, by CBS code."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="cbs_code", **kwargs)

    def get_queryset(self):
        return Municipality.objects.filter(region=self.context["region"])


# --- The year ------------------------------------------------------------------------------------


class EvaluationMonthsField(serializers.ListField):
    child = serializers.IntegerField(min_value=1, max_value=60)


class ContingentYearSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(min_value=MIN_YEAR, max_value=MAX_YEAR)
    total = count_field()
    outflow_target = count_field()
    prevention_target = count_field()
    evaluation_months = EvaluationMonthsField(
        required=False, help_text="Months after the lease start, rising, e.g. [3, 6, 12]."
    )

    class Meta:
        model = ContingentYear
        fields = [
            "id",
            "year",
            "total",
            "outflow_target",
            "prevention_target",
            "key_source",
            *POLICY_FIELDS,
            "version",
            "updated_at",
        ]
        read_only_fields = ["id", "version", "updated_at"]
        validators = []  # one year per region: checked by the service


class ContingentYearUpdateSerializer(ContingentYearSerializer):
    """A change: any of the fields, with the version read; the year itself stays."""

    version = version_field()
    confirm_recompute = confirm_field()

    class Meta(ContingentYearSerializer.Meta):
        fields = [*ContingentYearSerializer.Meta.fields, "confirm_recompute"]
        read_only_fields = ["id", "year", "updated_at"]

    def validate(self, attrs):
        if "version" not in attrs:  # a partial change still names the version it read
            raise serializers.ValidationError({"version": [self.error_messages["required"]]})
        return attrs


class StockSerializer(serializers.ModelSerializer):
    corporation = RegionCorporationField()
    corporation_name = serializers.CharField(source="corporation.name", read_only=True)
    dwellings = serializers.IntegerField(min_value=0, max_value=10_000_000)

    class Meta:
        model = CorporationStock
        fields = ["corporation", "corporation_name", "dwellings"]


class TargetSerializer(serializers.ModelSerializer):
    corporation = RegionCorporationField()
    corporation_name = serializers.CharField(source="corporation.name", read_only=True)
    stream = serializers.ChoiceField(choices=Stream.choices)
    computed = serializers.IntegerField(read_only=True, help_text="The share the key gives.")
    target = count_field()
    change_reason = serializers.CharField(
        max_length=REASON_LENGTH,
        allow_blank=True,
        default="",
        help_text="Required when the target differs from the share the key gives.",
    )

    class Meta:
        model = CorporationTarget
        fields = [
            "corporation",
            "corporation_name",
            "stream",
            "computed",
            "target",
            "change_reason",
        ]


class SpreadTargetSerializer(serializers.ModelSerializer):
    municipality = RegionMunicipalityField()
    target = count_field()

    class Meta:
        model = SpreadTarget
        fields = ["municipality", "target"]


class CriterionSerializer(serializers.ModelSerializer):
    class Meta:
        model = EligibilityCriterion
        fields = ["id", "stream", "text", "position"]


class StreamTotalSerializer(serializers.Serializer):
    stream = serializers.ChoiceField(choices=Stream.choices)
    target = serializers.IntegerField()
    assigned = serializers.IntegerField(help_text="The corporations' targets together.")
    realised = serializers.IntegerField(
        allow_null=True,
        help_text=(
            "Placements in dwellings of this year; null for all but the coordinator, who read "
            "them in the report with small counts hidden."
        ),
    )


class RealisedSerializer(serializers.Serializer):
    corporation = serializers.IntegerField(source="corporation.pk")
    corporation_name = serializers.CharField(source="corporation.name")
    stream = serializers.ChoiceField(choices=Stream.choices)
    target = serializers.IntegerField(allow_null=True)
    realised = serializers.IntegerField()


class ContingentYearDetailSerializer(ContingentYearSerializer):
    """The year with its key, split, spread, checklists, and realised against the targets."""

    stocks = StockSerializer(many=True, read_only=True)
    targets = TargetSerializer(many=True, read_only=True)
    spread_targets = SpreadTargetSerializer(many=True, read_only=True)
    criteria = CriterionSerializer(many=True, read_only=True)
    streams = serializers.SerializerMethodField()
    realised = serializers.SerializerMethodField()

    class Meta(ContingentYearSerializer.Meta):
        fields = [
            *ContingentYearSerializer.Meta.fields,
            "stocks",
            "targets",
            "spread_targets",
            "criteria",
            "streams",
            "realised",
        ]

    def _detail(self):
        return self.context["detail"]

    @extend_schema_field(StreamTotalSerializer(many=True))
    def get_streams(self, year) -> list[dict]:
        return StreamTotalSerializer(self._detail().streams, many=True).data

    @extend_schema_field(RealisedSerializer(many=True))
    def get_realised(self, year) -> list[dict]:
        """Target and realised per corporation and stream; empty for all but the coordinator."""
        if not self._detail().shows_realised:
            return []
        rows = [
            {
                "corporation": row.corporation,
                "stream": share.stream,
                "target": share.target,
                "realised": share.realised,
            }
            for row in self._detail().rows
            for share in row.shares.values()
        ]
        return RealisedSerializer(rows, many=True).data


# --- The parts of a year, each replaced as a whole -----------------------------------------------


class StocksSerializer(serializers.Serializer):
    key_source = serializers.CharField(max_length=SOURCE_LENGTH)
    stocks = StockSerializer(many=True)
    version = version_field()
    confirm_recompute = confirm_field()


class TargetsSerializer(serializers.Serializer):
    targets = TargetSerializer(many=True)
    version = version_field()


class SpreadTargetsSerializer(serializers.Serializer):
    targets = SpreadTargetSerializer(many=True)
    version = version_field()


class CriteriaSerializer(serializers.Serializer):
    stream = serializers.ChoiceField(choices=Stream.choices)
    texts = serializers.ListField(
        child=serializers.CharField(max_length=300), help_text="The checklist, in order."
    )
    version = version_field()


# --- Reasons to decline --------------------------------------------------------------------------


class DeclineReasonSerializer(serializers.ModelSerializer):
    position = serializers.IntegerField(min_value=0, max_value=32767, required=False)

    class Meta:
        model = DeclineReason
        fields = ["id", "label", "party", "is_valid", "is_active", "position"]
        validators = []  # a label once per region: checked by the service
