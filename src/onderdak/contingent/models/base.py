"""What every case record of the scheme has: a status with its date and a version to lock with."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MIN_YEAR = 2000
MAX_YEAR = 2100
year_validators = [MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
REASON_LENGTH = 1000
SOURCE_LENGTH = 500


def reason_field(label=None) -> models.TextField:
    return models.TextField(label or _("reason"), max_length=REASON_LENGTH, blank=True)


class Case(models.Model):
    """A record that moves through a workflow (``onderdak.core.workflow``).

    ``version`` grows with every change; a form or API call that sends the version it read is
    refused when someone else changed the record in between (optimistic locking).
    ``status_changed_at`` tells how long the current step has been waiting (stalled steps).
    """

    version = models.PositiveIntegerField(_("version"), default=1)
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True
