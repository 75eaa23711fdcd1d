"""The kinds of facility (reference data, editable): no code names a type."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from onderdak.region.models import Level


class WhenFull(models.TextChoices):
    """What happens to a newcomer when every place of a facility is taken."""

    WAITING_LIST = "waiting_list", _("joins the waiting list")
    UNSHELTERED = "unsheltered", _("stays without shelter")


class FacilityType(models.Model):
    """A kind of facility: night shelter, protected housing with 24/7 supervision, Housing First…

    Types are never deleted once a facility or plan line uses them; ``is_active`` takes one out of
    new facilities, plans and imports.
    """

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        error_messages={"unique": _("A facility type with this code already exists.")},
    )
    name = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    default_level = models.CharField(
        _("usual level"), max_length=20, choices=Level.choices, default=Level.LOCAL
    )
    when_full = models.CharField(
        _("when full, a newcomer"),
        max_length=20,
        choices=WhenFull.choices,
        default=WhenFull.WAITING_LIST,
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, validators=[MaxValueValidator(999)]
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("facility type")
        verbose_name_plural = _("facility types")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the interface's language (Dutch when there is no English name)."""
        if self.name_en and (get_language() or "nl").startswith("en"):
            return self.name_en
        return self.name
