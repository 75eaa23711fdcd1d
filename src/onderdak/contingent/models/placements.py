"""Placements: the lease, the guidance period, its evaluations, the lease transfer, the outcome."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from onderdak.contingent.models.base import Case, reason_field
from onderdak.contingent.models.choices import EndReason, LeaseType, PlacementStatus, Rating
from onderdak.contingent.models.dwellings import Dwelling
from onderdak.contingent.models.nominations import Nomination
from onderdak.contingent.models.proposals import Proposal


class Placement(Case):
    proposal = models.OneToOneField(
        Proposal, on_delete=models.PROTECT, related_name="placement", verbose_name=_("proposal")
    )
    nomination = models.OneToOneField(
        Nomination,
        on_delete=models.PROTECT,
        related_name="placement",
        verbose_name=_("nomination"),
    )
    dwelling = models.OneToOneField(
        Dwelling, on_delete=models.PROTECT, related_name="placement", verbose_name=_("dwelling")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PlacementStatus.choices,
        default=PlacementStatus.ACTIVE,
    )
    lease_type = models.CharField(_("lease"), max_length=20, choices=LeaseType.choices)
    lease_start = models.DateField(_("lease start"))
    guidance_end = models.DateField(
        _("end of the guidance agreement"), help_text=_("Typically one to two years on.")
    )
    transfer_date = models.DateField(_("lease transferred on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(
        _("reason it ended"), max_length=20, choices=EndReason.choices, blank=True
    )
    note = reason_field(_("note"))

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-lease_start", "-pk"]
        indexes = [
            models.Index(fields=["status", "lease_start"], name="placement_status_start"),
        ]

    def __str__(self) -> str:
        return _("Placement %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("contingent:placement_detail", args=[self.pk])

    def clean(self) -> None:
        if self.lease_start and self.guidance_end and self.guidance_end <= self.lease_start:
            raise ValidationError(
                {"guidance_end": _("The guidance agreement ends after the lease starts.")}
            )


class Evaluation(models.Model):
    """An evaluation moment of a placement (e.g. 3, 6 and 12 months after the lease start)."""

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="evaluations", verbose_name=_("placement")
    )
    month = models.PositiveSmallIntegerField(_("month"))
    due_on = models.DateField(_("due on"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    living = models.CharField(_("living"), max_length=20, choices=Rating.choices, blank=True)
    rent_payment = models.CharField(
        _("rent payment"), max_length=20, choices=Rating.choices, blank=True
    )
    tenancy = models.CharField(_("tenancy"), max_length=20, choices=Rating.choices, blank=True)
    guidance = models.CharField(_("guidance"), max_length=20, choices=Rating.choices, blank=True)
    goals = models.CharField(_("goals"), max_length=20, choices=Rating.choices, blank=True)
    note = reason_field(_("note"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["placement", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "month"],
                name="evaluation_once_per_month",
                violation_error_message=_("This evaluation moment already exists."),
            ),
        ]
        indexes = [models.Index(fields=["held_on", "due_on"], name="evaluation_due")]

    def __str__(self) -> str:
        return _("Evaluation after %(month)d months") % {"month": self.month}
