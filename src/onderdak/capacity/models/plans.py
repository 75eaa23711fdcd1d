"""The op- en afbouw plan: places per municipality x facility type x year."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from onderdak.capacity.models.facilities import MAX_PLACES
from onderdak.capacity.models.reference import FacilityType
from onderdak.region.models import Municipality, Region

MIN_YEAR, MAX_YEAR = 2000, 2100
YEAR = [MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
#: The longest plan period: a plan runs for at most this many years.
MAX_PLAN_YEARS = 30


class CapacityPlan(models.Model):
    """A region's plan of places (one per region): the first year is the baseline, the last year
    the target, the years between the path of building up and phasing down."""

    region = models.OneToOneField(
        Region, on_delete=models.PROTECT, related_name="capacity_plan", verbose_name=_("region")
    )
    first_year = models.PositiveSmallIntegerField(_("baseline year"), validators=YEAR)
    last_year = models.PositiveSmallIntegerField(_("target year"), validators=YEAR)
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("capacity plan")
        verbose_name_plural = _("capacity plans")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_year__gt=models.F("first_year")),
                name="capacity_plan_year_order",
                violation_error_message=_("The target year comes after the baseline year."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.first_year}-{self.last_year}"

    @property
    def years(self) -> range:
        return range(self.first_year, self.last_year + 1)

    def clean(self) -> None:
        if (
            self.first_year
            and self.last_year
            and self.last_year - self.first_year >= MAX_PLAN_YEARS
        ):
            raise ValidationError(
                {"last_year": _("A plan runs for at most %(n)s years.") % {"n": MAX_PLAN_YEARS}}
            )


class PlanLine(models.Model):
    """The places of one facility type in one municipality in one year of the plan."""

    plan = models.ForeignKey(
        CapacityPlan, on_delete=models.CASCADE, related_name="lines", verbose_name=_("plan")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="plan_lines",
        verbose_name=_("municipality"),
    )
    facility_type = models.ForeignKey(
        FacilityType, on_delete=models.PROTECT, related_name="plan_lines", verbose_name=_("type")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR)
    places = models.PositiveIntegerField(_("places"), validators=[MaxValueValidator(MAX_PLACES)])
    note = models.CharField(_("note"), max_length=500, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("plan line")
        verbose_name_plural = _("plan lines")
        ordering = ["plan", "municipality__name", "facility_type__order", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "municipality", "facility_type", "year"],
                name="capacity_plan_line_unique",
                violation_error_message=_(
                    "The plan already has places for this municipality, type and year."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.facility_type} {self.year}: {self.places}"

    def clean(self) -> None:
        """The year lies in the plan's period; the municipality in the plan's region."""
        errors = {}
        if self.plan_id and self.year and self.year not in self.plan.years:
            errors["year"] = _("The plan runs from %(first)s to %(last)s.") % {
                "first": self.plan.first_year,
                "last": self.plan.last_year,
            }
        if (
            self.plan_id
            and self.municipality_id
            and self.municipality.region_id != self.plan.region_id
        ):
            errors["municipality"] = _("This municipality is not part of the region.")
        if errors:
            raise ValidationError(errors)
