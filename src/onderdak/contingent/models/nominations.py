"""Clients and their nominations: the minimum personal data the scheme needs, and no more.

A client is known by name, date of birth and the care provider's own client number; never by
BSN. Diagnoses are not recorded at all; documents go to private storage (``documents.py``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from onderdak.contingent.models.base import Case, reason_field
from onderdak.contingent.models.choices import (
    CurrentSituation,
    GuidanceIntensity,
    IncomeBand,
    NominationStatus,
    Stream,
)
from onderdak.contingent.models.years import ContingentYear, EligibilityCriterion
from onderdak.region.models import Municipality, Organisation, OrganisationKind


class Client(models.Model):
    provider = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="contingent_clients",
        verbose_name=_("care provider"),
    )
    name = models.CharField(_("name"), max_length=200)
    date_of_birth = models.DateField(_("date of birth"))
    client_number = models.CharField(
        _("client number"), max_length=50, help_text=_("The care provider's own client number.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        ordering = ["provider", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "client_number"],
                name="contingent_client_number_unique",
                violation_error_message=_("This client number is already in use here."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Nomination(Case):
    """A care provider's nomination (aanmelding) of a client for a dwelling of the contingent."""

    contingent_year = models.ForeignKey(
        ContingentYear,
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("contingent year"),
    )
    client = models.ForeignKey(
        Client, on_delete=models.PROTECT, related_name="nominations", verbose_name=_("client")
    )
    provider = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="contingent_nominations",
        verbose_name=_("nominating care provider"),
    )
    stream = models.CharField(_("stream"), max_length=20, choices=Stream.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=NominationStatus.choices,
        default=NominationStatus.DRAFT,
    )
    # Household and the affordability rule (passend toewijzen)
    household_adults = models.PositiveSmallIntegerField(
        _("adults in the household"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    household_children = models.PositiveSmallIntegerField(
        _("children in the household"), default=0, validators=[MaxValueValidator(15)]
    )
    income_band = models.CharField(_("income"), max_length=20, choices=IncomeBand.choices)
    # Needs
    rooms_needed = models.PositiveSmallIntegerField(
        _("rooms needed"), default=1, validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    needs_ground_floor_or_lift = models.BooleanField(_("needs a ground floor or lift"))
    needs_wheelchair_access = models.BooleanField(_("needs wheelchair access"))
    urgent = models.BooleanField(
        _("urgent"), default=False, help_text=_("Counts in the allocation's priority.")
    )
    # Ties and the current situation
    tie_municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="tied_nominations",
        verbose_name=_("municipality of regional ties"),
    )
    current_situation = models.CharField(
        _("current situation"), max_length=20, choices=CurrentSituation.choices
    )
    current_facility = models.CharField(
        _("facility"),
        max_length=200,
        blank=True,
        help_text=_("The facility the client lives in now, when in a facility."),
    )
    # The guidance arrangement
    guidance_provider = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="contingent_guidance",
        verbose_name=_("guidance provider"),
    )
    guidance_intensity = models.CharField(
        _("guidance intensity"), max_length=20, choices=GuidanceIntensity.choices
    )
    guidance_months = models.PositiveSmallIntegerField(
        _("expected guidance (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    preferred_municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="preferred_by_nominations",
        verbose_name=_("preferred municipalities"),
    )
    criteria_met = models.ManyToManyField(
        EligibilityCriterion,
        blank=True,
        related_name="nominations",
        verbose_name=_("eligibility criteria met"),
    )
    # The review and what followed
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(
        _("approved at"), null=True, blank=True, help_text=_("The waiting time starts here.")
    )
    decision_reason = reason_field(_("reason of the review"))
    withdrawal_reason = reason_field(_("reason for withdrawal"))
    refusals = models.PositiveSmallIntegerField(_("refusals without a valid reason"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    submission_key = models.UUIDField(
        _("submission key"),
        null=True,
        blank=True,
        unique=True,
        help_text=_("Sent with the form, so a double submission creates one nomination."),
    )

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["contingent_year", "status"], name="nomination_year_status"),
            models.Index(fields=["provider", "status"], name="nomination_provider_status"),
            models.Index(fields=["tie_municipality", "status"], name="nomination_tie_status"),
            models.Index(fields=["status", "status_changed_at"], name="nomination_stalled"),
        ]

    def __str__(self) -> str:
        return _("Nomination %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("contingent:nomination_detail", args=[self.pk])

    @property
    def household_size(self) -> int:
        return self.household_adults + self.household_children

    def clean(self) -> None:
        errors = {}
        if self.provider_id and self.provider.kind != OrganisationKind.CARE_PROVIDER:
            errors["provider"] = _("Choose a care provider.")
        if self.guidance_provider_id and (
            self.guidance_provider.kind != OrganisationKind.CARE_PROVIDER
        ):
            errors["guidance_provider"] = _("Choose a care provider.")
        if (
            self.tie_municipality_id
            and self.contingent_year_id
            and self.tie_municipality.region_id != self.contingent_year.region_id
        ):
            errors["tie_municipality"] = _("This municipality is not part of the region.")
        if self.current_situation == CurrentSituation.INSTITUTION and not self.current_facility:
            errors["current_facility"] = _("Name the facility the client lives in now.")
        if errors:
            raise ValidationError(errors)


class ExcludedMunicipality(models.Model):
    """A municipality the client must not be housed in, with the reason (e.g. safety)."""

    nomination = models.ForeignKey(
        Nomination,
        on_delete=models.CASCADE,
        related_name="exclusions",
        verbose_name=_("nomination"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        verbose_name = _("excluded municipality")
        verbose_name_plural = _("excluded municipalities")
        ordering = ["nomination", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "municipality"],
                name="contingent_exclusion_unique",
                violation_error_message=_("This municipality is already excluded."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.municipality)
