"""Funding API shapes. Amounts are strings with two decimals (exact, never floats); bounds are
explicit, so the schema is the same on every database."""

from decimal import Decimal

from django.utils.translation import gettext as _
from rest_framework import serializers

from onderdak.funding.models import (
    MAX_SCENARIO_YEARS,
    MAX_YEAR,
    MIN_YEAR,
    SOURCE_LENGTH,
    BudgetLine,
    FundingScenario,
    Indicator,
    IndicatorWeight,
    KeyShare,
    ObjectiveMethod,
    PhaseInStep,
    PlannedCost,
    RegionalCost,
    SubregionalPool,
)
from onderdak.region.models import Municipality, Subregion

MONEY_DIGITS = 14  # as stored
RESULT_MONEY_DIGITS = 16  # sums of stored amounts
MAX_AMOUNT = 10**12 - 1


def year_field(**kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=MIN_YEAR, max_value=MAX_YEAR, **kwargs)


def amount_field(**kwargs) -> serializers.DecimalField:
    """An amount entered in euro, in whole cents, never negative."""
    return serializers.DecimalField(
        max_digits=MONEY_DIGITS, decimal_places=2, min_value=0, max_value=MAX_AMOUNT, **kwargs
    )


def fraction_field(**kwargs) -> serializers.DecimalField:
    """A weight from 0 to 1 with up to four decimals."""
    return serializers.DecimalField(
        max_digits=5, decimal_places=4, min_value=0, max_value=1, **kwargs
    )


def result_money_field(**kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=RESULT_MONEY_DIGITS, decimal_places=2, read_only=True, **kwargs
    )


def source_field() -> serializers.CharField:
    return serializers.CharField(max_length=SOURCE_LENGTH)


class RegionScopedSlugField(serializers.SlugRelatedField):
    """A municipality or subregion named by code or slug, looked up in the caller's region only."""

    def get_queryset(self):
        return self.queryset.filter(region=self.context["region"])


# --- Scenarios -----------------------------------------------------------------------------------


class FundingScenarioSerializer(serializers.ModelSerializer):
    first_year = year_field()
    last_year = year_field()
    phase_in_start_year = year_field(
        required=False, help_text="The year the phase-in starts; the first year when left out."
    )
    phase_in_years = serializers.IntegerField(
        min_value=1, max_value=MAX_SCENARIO_YEARS, required=False
    )
    cap_percent = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Decimal(100),
        allow_null=True,
        required=False,
        help_text="The most a municipality's amount may change a year, in percent; null: no cap.",
    )
    objective_method = serializers.ChoiceField(choices=ObjectiveMethod.choices, required=False)
    solidarity_population_weight = fraction_field(
        required=False,
        help_text="Regional costs shared by population (1), by use (0), or a mix.",
    )
    created_by = serializers.SlugRelatedField(read_only=True, slug_field="username")

    class Meta:
        model = FundingScenario
        fields = [
            "id",
            "name",
            "description",
            "first_year",
            "last_year",
            "phase_in_start_year",
            "phase_in_years",
            "cap_percent",
            "objective_method",
            "solidarity_population_weight",
            "is_demo",
            "created_by",
            "updated_at",
        ]
        read_only_fields = ["id", "is_demo", "created_by", "updated_at"]
        validators = []  # uniqueness within the region is checked by the service


class ScenarioCopySerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150, help_text="The name of the copy.")


# --- Inputs: one item serializer and one wrapper per kind ----------------------------------------


class BudgetLineSerializer(serializers.ModelSerializer):
    year = year_field()
    amount = amount_field()

    class Meta:
        model = BudgetLine
        fields = ["year", "funding_source", "amount", "source"]


class KeyShareItemSerializer(serializers.ModelSerializer):
    municipality = RegionScopedSlugField(slug_field="cbs_code", queryset=Municipality.objects)
    share_percent = serializers.DecimalField(
        max_digits=7, decimal_places=4, min_value=0, max_value=100
    )

    class Meta:
        model = KeyShare
        fields = ["municipality", "share_percent"]


class KeyShareSerializer(KeyShareItemSerializer):
    """A share as it is stored: with its key and source."""

    class Meta(KeyShareItemSerializer.Meta):
        fields = ["kind", "municipality", "share_percent", "source"]


class IndicatorWeightSerializer(serializers.ModelSerializer):
    indicator = serializers.ChoiceField(choices=Indicator.choices)
    weight = fraction_field()

    class Meta:
        model = IndicatorWeight
        fields = ["indicator", "weight", "explanation"]


class PhaseInStepSerializer(serializers.ModelSerializer):
    year = year_field()
    objective_weight = fraction_field()

    class Meta:
        model = PhaseInStep
        fields = ["year", "objective_weight"]


class RegionalCostSerializer(serializers.ModelSerializer):
    year = year_field()
    amount = amount_field()

    class Meta:
        model = RegionalCost
        fields = ["year", "amount", "source"]


class SubregionalPoolSerializer(serializers.ModelSerializer):
    subregion = RegionScopedSlugField(
        slug_field="slug",
        queryset=Subregion.objects,
    )
    year = year_field()
    amount = amount_field()

    class Meta:
        model = SubregionalPool
        fields = ["subregion", "year", "amount", "source"]


class PlannedCostSerializer(serializers.ModelSerializer):
    municipality = RegionScopedSlugField(
        slug_field="cbs_code",
        queryset=Municipality.objects,
    )
    year = year_field()
    amount = amount_field()

    class Meta:
        model = PlannedCost
        fields = ["municipality", "year", "amount", "source"]


class KeySharesSerializer(serializers.Serializer):
    """One whole key: a share for every municipality of the region, together 100 %."""

    source = source_field()
    shares = KeyShareItemSerializer(many=True)

    def validate_shares(self, shares: list[dict]) -> list[dict]:
        codes = [share["municipality"].cbs_code for share in shares]
        if len(codes) != len(set(codes)):
            raise serializers.ValidationError(
                _("This municipality already has a share in this key.")
            )
        return shares


class BudgetLinesSerializer(serializers.Serializer):
    lines = BudgetLineSerializer(many=True)


class IndicatorWeightsSerializer(serializers.Serializer):
    weights = IndicatorWeightSerializer(many=True)


class PhaseInStepsSerializer(serializers.Serializer):
    steps = PhaseInStepSerializer(many=True)


class RegionalCostsSerializer(serializers.Serializer):
    costs = RegionalCostSerializer(many=True)


class SubregionalPoolsSerializer(serializers.Serializer):
    pools = SubregionalPoolSerializer(many=True)


class PlannedCostsSerializer(serializers.Serializer):
    costs = PlannedCostSerializer(many=True)


class FundingScenarioDetailSerializer(FundingScenarioSerializer):
    """A scenario with everything entered for it."""

    budget_lines = BudgetLineSerializer(many=True, read_only=True)
    key_shares = KeyShareSerializer(many=True, read_only=True)
    indicator_weights = IndicatorWeightSerializer(many=True, read_only=True)
    phase_in_steps = PhaseInStepSerializer(many=True, read_only=True)
    regional_costs = RegionalCostSerializer(many=True, read_only=True)
    subregional_pools = SubregionalPoolSerializer(many=True, read_only=True)
    planned_costs = PlannedCostSerializer(many=True, read_only=True)

    class Meta(FundingScenarioSerializer.Meta):
        fields = [
            *FundingScenarioSerializer.Meta.fields,
            "budget_lines",
            "key_shares",
            "indicator_weights",
            "phase_in_steps",
            "regional_costs",
            "subregional_pools",
            "planned_costs",
        ]


# --- Results -------------------------------------------------------------------------------------


class MunicipalityNameField(serializers.CharField):
    """The name of the municipality whose CBS code is the value (names from the context)."""

    def to_representation(self, value) -> str:
        return self.context["names"].get(value, value)


class ResultRowSerializer(serializers.Serializer):
    year = serializers.IntegerField(read_only=True)
    code = serializers.CharField(read_only=True, help_text="CBS code of the municipality.")
    municipality = MunicipalityNameField(source="code", read_only=True)
    subregion = serializers.CharField(read_only=True, help_text="Slug of the subregion.")
    key_share = serializers.DecimalField(
        max_digits=12,
        decimal_places=10,
        read_only=True,
        help_text="The share of the budget used this year, as a fraction.",
    )
    allocation = result_money_field()
    regional_contribution = result_money_field()
    subregional_contribution = result_money_field()
    planned_costs = result_money_field()
    balance = result_money_field(help_text="Allocation minus contributions and planned costs.")


class ResultTotalSerializer(serializers.Serializer):
    year = serializers.IntegerField(read_only=True)
    scope = serializers.CharField(read_only=True, help_text="`region`, or the slug of a subregion.")
    allocation = result_money_field()
    regional_contribution = result_money_field()
    subregional_contribution = result_money_field()
    planned_costs = result_money_field()
    balance = result_money_field()


class CapConflictSerializer(serializers.Serializer):
    year = serializers.IntegerField(read_only=True)
    message = serializers.CharField(read_only=True)
    codes = serializers.ListField(child=serializers.CharField(), read_only=True)


class FundingResultSerializer(serializers.Serializer):
    rows = ResultRowSerializer(many=True, read_only=True)
    totals = ResultTotalSerializer(many=True, read_only=True)
    conflicts = CapConflictSerializer(
        many=True,
        read_only=True,
        help_text="Years in which the cap cannot hold and still distribute the whole budget.",
    )


class CompareQuerySerializer(serializers.Serializer):
    a = serializers.IntegerField(min_value=1, help_text="Id of scenario A.")
    b = serializers.IntegerField(min_value=1, help_text="Id of scenario B.")


class ComparisonRowSerializer(serializers.Serializer):
    year = serializers.IntegerField(read_only=True)
    code = serializers.CharField(read_only=True)
    municipality = serializers.CharField(read_only=True)
    allocation_a = result_money_field(allow_null=True)
    allocation_b = result_money_field(allow_null=True)
    difference = result_money_field(allow_null=True, help_text="Allocation B minus A.")
    balance_a = result_money_field(allow_null=True)
    balance_b = result_money_field(allow_null=True)


class ComparisonSerializer(serializers.Serializer):
    a = serializers.IntegerField(read_only=True)
    b = serializers.IntegerField(read_only=True)
    rows = ComparisonRowSerializer(many=True, read_only=True)
