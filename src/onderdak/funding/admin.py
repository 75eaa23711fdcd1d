from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdmin

from onderdak.funding.models import (
    BudgetLine,
    FundingScenario,
    IndicatorWeight,
    KeyShare,
    PhaseInStep,
    PlannedCost,
    RegionalCost,
    SubregionalPool,
)


class InputInline(admin.TabularInline):
    extra = 0


class BudgetLineInline(InputInline):
    model = BudgetLine


class KeyShareInline(InputInline):
    model = KeyShare


class IndicatorWeightInline(InputInline):
    model = IndicatorWeight


class PhaseInStepInline(InputInline):
    model = PhaseInStep


class RegionalCostInline(InputInline):
    model = RegionalCost


class SubregionalPoolInline(InputInline):
    model = SubregionalPool


class PlannedCostInline(InputInline):
    model = PlannedCost


@admin.register(FundingScenario)
class FundingScenarioAdmin(ObjectPermissionsModelAdmin):
    """Inputs are edited here one row at a time; keys are checked again when computed."""

    list_display = ["name", "region", "first_year", "last_year", "is_demo", "updated_at"]
    list_select_related = ["region"]
    list_filter = ["is_demo", "objective_method"]
    search_fields = ["name"]
    readonly_fields = ["created_by", "updated_at"]
    inlines = [
        BudgetLineInline,
        KeyShareInline,
        IndicatorWeightInline,
        PhaseInStepInline,
        RegionalCostInline,
        SubregionalPoolInline,
        PlannedCostInline,
    ]
