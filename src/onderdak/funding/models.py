"""The funding model (bekostigingsmodel): scenarios for distributing the regional budget.

A scenario holds only what a user entered, each amount and key with its source; nothing here
invents a figure. The distribution itself is computed by ``onderdak.engines.funding``.
Money is ``Decimal`` with two decimals, never a float.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from onderdak.region.models import Municipality, Region, Subregion

MIN_YEAR = 2000
MAX_YEAR = 2100
#: A scenario spans at most this many years.
MAX_SCENARIO_YEARS = 30
#: Money: up to a trillion euro minus a cent, in cents.
MONEY = {"max_digits": 14, "decimal_places": 2}
SOURCE_LENGTH = 500

ZERO = Decimal("0")
ONE = Decimal("1")
HUNDRED = Decimal("100")

year_validators = [MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
fraction_validators = [MinValueValidator(ZERO), MaxValueValidator(ONE)]
non_negative = [MinValueValidator(ZERO)]


def source_field() -> models.CharField:
    """Where a figure comes from: required, so no amount or key is entered without it."""
    return models.CharField(
        _("source"),
        max_length=SOURCE_LENGTH,
        help_text=_("Where this figure comes from: a document, decision or web page."),
    )


class ObjectiveMethod(models.TextChoices):
    ENTERED = "entered", _("shares entered from a published model")
    INDICATORS = "indicators", _("computed from indicators with weights")


class KeyKind(models.TextChoices):
    HISTORICAL = "historical", _("historical key")
    OBJECTIVE = "objective", _("objective key")
    USE = "use", _("use of regional care")


class Indicator(models.TextChoices):
    """Indicators an objective key can be computed from; monitor figures can be added later."""

    POPULATION = "population", _("population")


class FundingScenario(models.Model):
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="funding_scenarios",
        verbose_name=_("region"),
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    first_year = models.PositiveSmallIntegerField(_("first year"), validators=year_validators)
    last_year = models.PositiveSmallIntegerField(_("last year"), validators=year_validators)
    phase_in_start_year = models.PositiveSmallIntegerField(
        _("phase-in start year"),
        validators=year_validators,
        help_text=_("The year the move from the historical to the objective key starts."),
    )
    phase_in_years = models.PositiveSmallIntegerField(
        _("phase-in years"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_SCENARIO_YEARS)],
        help_text=_("Over how many years the objective key is phased in, in equal steps."),
    )
    cap_percent = models.DecimalField(
        _("cap on change (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(HUNDRED)],
        help_text=_("The most a municipality's amount may change from one year to the next."),
    )
    objective_method = models.CharField(
        _("objective key"),
        max_length=20,
        choices=ObjectiveMethod.choices,
        default=ObjectiveMethod.ENTERED,
    )
    solidarity_population_weight = models.DecimalField(
        _("solidarity: weight of population"),
        max_digits=5,
        decimal_places=4,
        default=ONE,
        validators=fraction_validators,
        help_text=_("How regional costs are shared: 1 by population, 0 by use, in between a mix."),
    )
    is_demo = models.BooleanField(_("demo values"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("funding scenario")
        verbose_name_plural = _("funding scenarios")
        ordering = ["region_id", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"],
                name="funding_scenario_unique_name",
                violation_error_message=_("A scenario with this name already exists."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    def clean(self) -> None:
        if self.first_year is None or self.last_year is None:
            return
        if self.last_year < self.first_year:
            raise ValidationError({"last_year": _("The last year comes before the first year.")})
        if self.last_year - self.first_year + 1 > MAX_SCENARIO_YEARS:
            raise ValidationError(
                {
                    "last_year": _("A scenario spans at most %(years)d years.")
                    % {"years": MAX_SCENARIO_YEARS}
                }
            )
        if self.phase_in_start_year and self.phase_in_start_year > self.last_year:
            raise ValidationError(
                {"phase_in_start_year": _("The phase-in starts after the scenario's last year.")}
            )


class ScenarioInput(models.Model):
    """Something entered for a scenario; a year, municipality or subregion must fit it."""

    scenario = models.ForeignKey(
        FundingScenario, on_delete=models.CASCADE, verbose_name=_("scenario")
    )

    class Meta:
        abstract = True

    def clean(self) -> None:
        year = getattr(self, "year", None)
        if self.scenario_id and year is not None and year not in self.scenario.years:
            raise ValidationError(
                {
                    "year": _("The year %(year)d is outside the scenario (%(first)d to %(last)d).")
                    % {
                        "year": year,
                        "first": self.scenario.first_year,
                        "last": self.scenario.last_year,
                    }
                }
            )
        for name in ("municipality", "subregion"):
            if getattr(self, f"{name}_id", None) and not self._in_region(name):
                raise ValidationError({name: _("This is not part of the scenario's region.")})

    def _in_region(self, name: str) -> bool:
        return getattr(self, name).region_id == self.scenario.region_id


class BudgetLine(ScenarioInput):
    """An amount the region has to distribute in a year, from one funding source."""

    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators)
    funding_source = models.CharField(
        _("funding source"),
        max_length=200,
        help_text=_("E.g. the integration payment for protected housing, or own contributions."),
    )
    amount = models.DecimalField(_("amount"), **MONEY, validators=non_negative)
    source = source_field()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["scenario_id", "year", "funding_source"]
        default_related_name = "budget_lines"
        constraints = [
            models.UniqueConstraint(
                fields=["scenario", "year", "funding_source"],
                name="funding_budget_line_unique",
                violation_error_message=_("This funding source is already entered for this year."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.funding_source}: {self.amount}"


class KeyShare(ScenarioInput):
    """A municipality's share in a key, in percent; a key's shares add up to 100."""

    kind = models.CharField(_("key"), max_length=20, choices=KeyKind.choices)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    share_percent = models.DecimalField(
        _("share (%)"),
        max_digits=7,
        decimal_places=4,
        validators=[MinValueValidator(ZERO), MaxValueValidator(HUNDRED)],
    )
    source = source_field()

    class Meta:
        verbose_name = _("key share")
        verbose_name_plural = _("key shares")
        ordering = ["scenario_id", "kind", "municipality__name"]
        default_related_name = "key_shares"
        constraints = [
            models.UniqueConstraint(
                fields=["scenario", "kind", "municipality"],
                name="funding_key_share_unique",
                violation_error_message=_("This municipality already has a share in this key."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.municipality_id}: {self.share_percent}%"


class IndicatorWeight(ScenarioInput):
    """The weight of an indicator in a computed objective key; the weights add up to 1."""

    indicator = models.CharField(_("indicator"), max_length=30, choices=Indicator.choices)
    weight = models.DecimalField(
        _("weight"), max_digits=5, decimal_places=4, validators=fraction_validators
    )
    explanation = models.CharField(
        _("explanation"),
        max_length=SOURCE_LENGTH,
        help_text=_("Why this indicator weighs this much: the documented choice."),
    )

    class Meta:
        verbose_name = _("indicator weight")
        verbose_name_plural = _("indicator weights")
        ordering = ["scenario_id", "indicator"]
        default_related_name = "indicator_weights"
        constraints = [
            models.UniqueConstraint(
                fields=["scenario", "indicator"],
                name="funding_indicator_weight_unique",
                violation_error_message=_("This indicator already has a weight."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_indicator_display()}: {self.weight}"


class PhaseInStep(ScenarioInput):
    """The objective key's weight in one year, instead of equal steps."""

    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators)
    objective_weight = models.DecimalField(
        _("weight of the objective key"),
        max_digits=5,
        decimal_places=4,
        validators=fraction_validators,
    )

    class Meta:
        verbose_name = _("phase-in step")
        verbose_name_plural = _("phase-in steps")
        ordering = ["scenario_id", "year"]
        default_related_name = "phase_in_steps"
        constraints = [
            models.UniqueConstraint(
                fields=["scenario", "year"],
                name="funding_phase_in_step_unique",
                violation_error_message=_("This year already has a phase-in step."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.objective_weight}"


class RegionalCost(ScenarioInput):
    """The costs of regional specialist care (24/7 supervision) in a year, shared by all."""

    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators)
    amount = models.DecimalField(_("amount"), **MONEY, validators=non_negative)
    source = source_field()

    class Meta:
        verbose_name = _("regional cost")
        verbose_name_plural = _("regional costs")
        ordering = ["scenario_id", "year"]
        default_related_name = "regional_costs"
        constraints = [
            models.UniqueConstraint(
                fields=["scenario", "year"],
                name="funding_regional_cost_unique",
                violation_error_message=_("Regional costs are already entered for this year."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.amount}"


class SubregionalPool(ScenarioInput):
    """The costs a subregion shares among its municipalities in a year."""

    subregion = models.ForeignKey(
        Subregion, on_delete=models.PROTECT, related_name="+", verbose_name=_("subregion")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators)
    amount = models.DecimalField(_("amount"), **MONEY, validators=non_negative)
    source = source_field()

    class Meta:
        verbose_name = _("subregional pool")
        verbose_name_plural = _("subregional pools")
        ordering = ["scenario_id", "subregion__position", "year"]
        default_related_name = "subregional_pools"
        constraints = [
            models.UniqueConstraint(
                fields=["scenario", "subregion", "year"],
                name="funding_subregional_pool_unique",
                violation_error_message=_(
                    "This subregion's pool is already entered for this year."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subregion_id} {self.year}: {self.amount}"


class PlannedCost(ScenarioInput):
    """What a municipality plans to spend on its own (local) care in a year."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators)
    amount = models.DecimalField(_("amount"), **MONEY, validators=non_negative)
    source = source_field()

    class Meta:
        verbose_name = _("planned cost")
        verbose_name_plural = _("planned costs")
        ordering = ["scenario_id", "municipality__name", "year"]
        default_related_name = "planned_costs"
        constraints = [
            models.UniqueConstraint(
                fields=["scenario", "municipality", "year"],
                name="funding_planned_cost_unique",
                violation_error_message=_("Planned costs are already entered for this year."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.year}: {self.amount}"


#: Everything entered for a scenario, by related name: what a copy copies and a detail prefetches.
INPUT_MODELS: dict[str, type[ScenarioInput]] = {
    "budget_lines": BudgetLine,
    "key_shares": KeyShare,
    "indicator_weights": IndicatorWeight,
    "phase_in_steps": PhaseInStep,
    "regional_costs": RegionalCost,
    "subregional_pools": SubregionalPool,
    "planned_costs": PlannedCost,
}
