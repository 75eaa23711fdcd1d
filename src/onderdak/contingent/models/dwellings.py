"""Dwellings the corporations offer for the contingent."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from onderdak.contingent.models.base import Case, reason_field
from onderdak.contingent.models.choices import DwellingStatus, DwellingStream, DwellingType
from onderdak.contingent.models.years import ContingentYear
from onderdak.region.models import Municipality, Organisation, OrganisationKind

#: Monthly rents outside this range are typing errors, not social housing.
MIN_RENT = Decimal("100.00")
MAX_RENT = Decimal("2500.00")

postcode_validator = RegexValidator(
    r"^[1-9]\d{3} [A-Z]{2}$", _("A postcode is four digits and two capitals, e.g. 2311 AB.")
)


def normalised_postcode(postcode: str) -> str:
    """``2311ab`` and ``2311 AB`` alike as ``2311 AB``."""
    compact = postcode.replace(" ", "").upper()
    return f"{compact[:4]} {compact[4:]}" if len(compact) == 6 else postcode


class Dwelling(Case):
    corporation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="contingent_dwellings",
        verbose_name=_("corporation"),
    )
    contingent_year = models.ForeignKey(
        ContingentYear,
        on_delete=models.PROTECT,
        related_name="dwellings",
        verbose_name=_("counts towards the year"),
    )
    street = models.CharField(_("street"), max_length=200)
    house_number = models.CharField(_("house number"), max_length=20)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[postcode_validator])
    place = models.CharField(_("place"), max_length=100)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="contingent_dwellings",
        verbose_name=_("municipality"),
    )
    dwelling_type = models.CharField(_("type"), max_length=30, choices=DwellingType.choices)
    rooms = models.PositiveSmallIntegerField(
        _("rooms"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    floor = models.SmallIntegerField(
        _("floor"),
        default=0,
        validators=[MinValueValidator(-1), MaxValueValidator(40)],
        help_text=_("0 is the ground floor."),
    )
    has_lift = models.BooleanField(_("lift"), default=False)
    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    rent = models.DecimalField(
        _("rent per month"),
        max_digits=7,
        decimal_places=2,
        validators=[
            MinValueValidator(MIN_RENT, _("A rent below € 100 a month is not plausible.")),
            MaxValueValidator(MAX_RENT, _("A rent above € 2,500 a month is not plausible.")),
        ],
        help_text=_("The rent that counts for passend toewijzen (kale huur plus service costs)."),
    )
    available_from = models.DateField(_("available from"))
    stream = models.CharField(
        _("stream"), max_length=20, choices=DwellingStream.choices, default=DwellingStream.EITHER
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DwellingStatus.choices,
        default=DwellingStatus.AVAILABLE,
    )
    withdrawal_reason = reason_field(_("reason for withdrawal"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("dwelling")
        verbose_name_plural = _("dwellings")
        ordering = ["-available_from", "-pk"]
        indexes = [
            models.Index(fields=["corporation", "status"], name="dwelling_corporation_status"),
            models.Index(fields=["contingent_year", "status"], name="dwelling_year_status"),
        ]

    def __str__(self) -> str:
        return f"{self.street} {self.house_number}, {self.place}"

    def get_absolute_url(self) -> str:
        return reverse("contingent:dwelling_detail", args=[self.pk])

    @property
    def ground_floor_or_lift(self) -> bool:
        return self.floor <= 0 or self.has_lift

    def clean(self) -> None:
        errors = {}
        if self.corporation_id and self.corporation.kind != OrganisationKind.HOUSING_CORPORATION:
            errors["corporation"] = _("Choose a housing corporation.")
        if (
            self.municipality_id
            and self.contingent_year_id
            and self.municipality.region_id != self.contingent_year.region_id
        ):
            errors["municipality"] = _("This municipality is not part of the region.")
        if errors:
            raise ValidationError(errors)
