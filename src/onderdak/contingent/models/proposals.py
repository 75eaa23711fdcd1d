"""Proposals: a nomination offered a dwelling, answered first by the care provider (with the
client), then by the corporation."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from onderdak.contingent.models.base import Case, reason_field
from onderdak.contingent.models.choices import (
    OPEN_PROPOSAL_STATUSES,
    ProposalOrigin,
    ProposalStatus,
)
from onderdak.contingent.models.dwellings import Dwelling
from onderdak.contingent.models.nominations import Nomination
from onderdak.contingent.models.years import DeclineReason

OPEN = Q(status__in=OPEN_PROPOSAL_STATUSES)


class Proposal(Case):
    nomination = models.ForeignKey(
        Nomination, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("nomination")
    )
    dwelling = models.ForeignKey(
        Dwelling, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("dwelling")
    )
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=ProposalStatus.choices,
        default=ProposalStatus.AWAITING_PROVIDER,
    )
    origin = models.CharField(_("made"), max_length=20, choices=ProposalOrigin.choices)
    reason = reason_field(_("reason for the proposal"))
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("made by"),
    )
    provider_answered_at = models.DateTimeField(_("care provider answered"), null=True, blank=True)
    corporation_answered_at = models.DateTimeField(_("corporation answered"), null=True, blank=True)
    decline_reason = models.ForeignKey(
        DeclineReason,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("reason to decline"),
    )
    decline_note = reason_field(_("explanation"))

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "dwelling"],
                name="proposal_pair_once",
                violation_error_message=_(
                    "This dwelling was proposed for this nomination before; a pair is never "
                    "proposed twice."
                ),
            ),
            models.UniqueConstraint(
                fields=["nomination"],
                condition=OPEN,
                name="proposal_one_open_per_nomination",
                violation_error_message=_("This nomination already has an open proposal."),
            ),
            models.UniqueConstraint(
                fields=["dwelling"],
                condition=OPEN,
                name="proposal_one_open_per_dwelling",
                violation_error_message=_("This dwelling already has an open proposal."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "status_changed_at"], name="proposal_stalled"),
        ]

    def __str__(self) -> str:
        return _("Proposal %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("contingent:proposal_detail", args=[self.pk])
