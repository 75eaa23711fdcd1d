"""The breakdowns of a count as reference data: a later count with other bands needs no code."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CODE_LENGTH = 30
NAME_LENGTH = 150


class Dimension(models.TextChoices):
    """The breakdowns a count row has besides its municipality."""

    CATEGORY = "category", _("ETHOS category")
    AGE_BAND = "age_band", _("age band")
    GENDER = "gender", _("gender")
    FINDER = "finder", _("finding organisation")


class ReferenceValue(models.Model):
    """One value of a breakdown: an ETHOS Light category, an age band, a gender, or a type of
    organisation that found the people counted.

    A file names a value by its code or by its Dutch or English name (case does not matter).
    Values are never deleted once a count uses them; ``is_active`` takes one out of the
    template and of new imports.
    """

    dimension = models.CharField(_("breakdown"), max_length=20, choices=Dimension.choices)
    code = models.CharField(_("code"), max_length=CODE_LENGTH)
    name = models.CharField(_("name (Dutch)"), max_length=NAME_LENGTH)
    name_en = models.CharField(_("name (English)"), max_length=NAME_LENGTH, blank=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, validators=[MaxValueValidator(999)]
    )
    is_active = models.BooleanField(_("in use for new imports"), default=True)

    class Meta:
        verbose_name = _("breakdown value")
        verbose_name_plural = _("breakdown values")
        ordering = ["dimension", "order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "code"],
                name="monitor_reference_value_unique",
                violation_error_message=_("This breakdown already has a value with this code."),
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the interface's language (Dutch when there is no English name)."""
        if self.name_en and (get_language() or "nl").startswith("en"):
            return self.name_en
        return self.name
