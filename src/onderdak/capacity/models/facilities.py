"""The facility register and each facility's monthly figures."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from onderdak.capacity.models.reference import FacilityType
from onderdak.region.models import Level, Municipality, Organisation, OrganisationKind, Region

SOURCE_LENGTH = 500
MAX_PLACES = 10_000
MAX_TARIFF = 10_000  # euro per place per day
#: People in one month's figure of one facility: far above any real facility, below any typo's.
MAX_PEOPLE = 100_000
PEOPLE = [MaxValueValidator(MAX_PEOPLE)]


class Facility(models.Model):
    """A facility of a care provider in a municipality: its type, level, places and tariff."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="facilities", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=150)
    provider = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="facilities",
        limit_choices_to={"kind": OrganisationKind.CARE_PROVIDER},
        verbose_name=_("care provider"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="facilities",
        verbose_name=_("municipality"),
    )
    facility_type = models.ForeignKey(
        FacilityType, on_delete=models.PROTECT, related_name="facilities", verbose_name=_("type")
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    places = models.PositiveIntegerField(_("places"), validators=[MaxValueValidator(MAX_PLACES)])
    contract_start = models.DateField(_("contract from"))
    contract_end = models.DateField(_("contract until"), null=True, blank=True)
    tariff_per_day = models.DecimalField(
        _("tariff per place per day (euro)"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_TARIFF)],
    )
    tariff_source = models.CharField(_("source of the tariff"), max_length=SOURCE_LENGTH)
    notes = models.TextField(_("notes"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_demo = models.BooleanField(
        _("fictitious demo facility"),
        default=False,
        help_text=_("Demo facilities are always shown as fictitious, never as the region's own."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("capacity", "facility")
        verbose_name_plural = _("facilities")
        ordering = ["region", "municipality__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "provider", "name"],
                name="capacity_facility_unique_name",
                violation_error_message=_(
                    "This care provider already has a facility by this name."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(contract_end__isnull=True)
                | models.Q(contract_end__gte=models.F("contract_start")),
                name="capacity_facility_contract_order",
                violation_error_message=_("The contract cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """The municipality and the care provider belong to the facility's region."""
        errors = {}
        if self.municipality_id and self.municipality.region_id != self.region_id:
            errors["municipality"] = _("This municipality is not part of the region.")
        if self.provider_id and self.provider.region_id != self.region_id:
            errors["provider"] = _("This care provider is not part of the region.")
        if self.provider_id and self.provider.kind != OrganisationKind.CARE_PROVIDER:
            errors["provider"] = _("Choose a care provider.")
        if errors:
            raise ValidationError(errors)


class MonthlyFigure(models.Model):
    """One facility's month: occupied places, waiting list, inflow and outflow by destination.

    ``month`` is the first day of the month. Stock figures (occupied, waiting list) are at the end
    of the month; flows (inflow, outflow) are over the month.
    """

    facility = models.ForeignKey(
        Facility,
        on_delete=models.CASCADE,
        related_name="monthly_figures",
        verbose_name=pgettext_lazy("capacity", "facility"),
    )
    month = models.DateField(_("month"))
    occupied = models.PositiveIntegerField(_("occupied places"), validators=PEOPLE)
    waiting_list = models.PositiveIntegerField(_("waiting list"), validators=PEOPLE)
    inflow = models.PositiveIntegerField(_("inflow"), validators=PEOPLE)
    outflow_contingent = models.PositiveIntegerField(
        _("outflow to a contingent dwelling"), validators=PEOPLE
    )
    outflow_housing = models.PositiveIntegerField(_("outflow to other housing"), validators=PEOPLE)
    outflow_institution = models.PositiveIntegerField(
        _("outflow to another institution"), validators=PEOPLE
    )
    outflow_unknown = models.PositiveIntegerField(
        _("outflow to an unknown destination"), validators=PEOPLE
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("monthly figure")
        verbose_name_plural = _("monthly figures")
        ordering = ["facility", "-month"]
        constraints = [
            models.UniqueConstraint(
                fields=["facility", "month"],
                name="capacity_monthly_figure_unique",
                violation_error_message=_("This facility already has figures for this month."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.facility} {self.month:%Y-%m}"

    @property
    def outflow(self) -> int:
        return (
            self.outflow_contingent
            + self.outflow_housing
            + self.outflow_institution
            + self.outflow_unknown
        )

    def clean(self) -> None:
        if self.month and self.month.day != 1:
            raise ValidationError({"month": _("A month is given by its first day.")})
