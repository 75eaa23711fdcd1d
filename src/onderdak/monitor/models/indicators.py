"""Indicators the region keeps elsewhere, imported per municipality and period."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from onderdak.region.models import Municipality, Region

#: A year (2024), a quarter (2024-Q2) or a month (2024-06).
PERIOD_PATTERN = r"^(19|20)\d\d(-Q[1-4]|-(0[1-9]|1[0-2]))?$"


class Indicator(models.Model):
    """An imported indicator, e.g. the number of evictions. Built-in indicators (per 10,000
    inhabitants, shares, changes) are computed from Onderdak's own data and are not stored."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="indicators", verbose_name=_("region")
    )
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=150)
    unit = models.CharField(_("unit"), max_length=50)
    description = models.TextField(_("description"), blank=True)
    counts_people = models.BooleanField(
        _("counts people"),
        default=False,
        help_text=_(
            "Values are numbers of people: values under 5 are hidden from everyone but the "
            "regional coordinator."
        ),
    )
    is_demo = models.BooleanField(_("fictitious demo figures"), default=False)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["region", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "code"],
                name="monitor_indicator_unique",
                violation_error_message=_("The region already has an indicator with this code."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    """One figure: indicator x municipality x period → value, with its unit and source."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    period = models.CharField(
        _("period"),
        max_length=7,
        validators=[RegexValidator(PERIOD_PATTERN, _("Use a year, a quarter or a month."))],
        help_text=_("A year (2024), a quarter (2024-Q2) or a month (2024-06)."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    source = models.CharField(_("source"), max_length=500)
    import_job = models.ForeignKey(
        "imports.ImportJob",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("import"),
    )

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "period", "municipality"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "municipality", "period"],
                name="monitor_indicator_value_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period}: {self.value}"
