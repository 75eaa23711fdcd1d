"""ETHOS counts: a count, its versions (a re-import keeps the earlier one), rows and aggregates."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from onderdak.monitor.models.reference import ReferenceValue
from onderdak.region.models import Municipality, Region

TEXT_LENGTH = 200
SOURCE_LENGTH = 500


class Count(models.Model):
    """A count of homeless people on one date in an area, e.g. the ETHOS count of 11 April 2024.

    Its figures are those of its current version; every earlier version stays stored.
    """

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="counts", verbose_name=_("region")
    )
    title = models.CharField(pgettext_lazy("name of a count", "title"), max_length=TEXT_LENGTH)
    count_date = models.DateField(_("date of the count"))
    area = models.CharField(
        _("area"),
        max_length=TEXT_LENGTH,
        help_text=_("Where was counted, e.g. all municipalities."),
    )
    method = models.TextField(_("method"), help_text=_("How was counted, e.g. ETHOS Light."))
    source = models.CharField(_("source"), max_length=SOURCE_LENGTH)
    notes = models.TextField(_("notes"), blank=True)
    is_demo = models.BooleanField(
        _("fictitious demo figures"),
        default=False,
        help_text=_("Demo figures are always shown as fictitious, never as the region's own."),
    )
    current_version = models.OneToOneField(
        "monitor.CountVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="current_of",
        verbose_name=_("current version"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("count")
        verbose_name_plural = _("counts")
        ordering = ["region", "-count_date", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "count_date", "title"],
                name="monitor_count_unique",
                violation_error_message=_(
                    "The region already has a count with this date and title."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.count_date:%d-%m-%Y})"


class CountVersion(models.Model):
    """One imported file of a count. Numbered from 1; the count points at its current one."""

    count = models.ForeignKey(
        Count, on_delete=models.CASCADE, related_name="versions", verbose_name=_("count")
    )
    number = models.PositiveIntegerField(_("version"), validators=[MinValueValidator(1)])
    file_name = models.CharField(_("file name"), max_length=255)
    file_sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    row_count = models.PositiveIntegerField(_("rows"))
    people_total = models.PositiveIntegerField(_("people counted"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("count version")
        verbose_name_plural = _("count versions")
        ordering = ["count", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["count", "number"], name="monitor_count_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.count} v{self.number}"


class CountRow(models.Model):
    """Municipality x category x age band x gender x finding organisation → people, as imported."""

    version = models.ForeignKey(
        CountVersion, on_delete=models.CASCADE, related_name="rows", verbose_name=_("version")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    category = models.ForeignKey(
        ReferenceValue, on_delete=models.PROTECT, related_name="+", verbose_name=_("category")
    )
    age_band = models.ForeignKey(
        ReferenceValue, on_delete=models.PROTECT, related_name="+", verbose_name=_("age band")
    )
    gender = models.ForeignKey(
        ReferenceValue, on_delete=models.PROTECT, related_name="+", verbose_name=_("gender")
    )
    finder = models.ForeignKey(
        ReferenceValue,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("finding organisation"),
    )
    people = models.PositiveIntegerField(_("people"))

    class Meta:
        verbose_name = _("count row")
        verbose_name_plural = _("count rows")
        ordering = ["version", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "municipality", "category", "age_band", "gender", "finder"],
                name="monitor_count_row_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.version}: {self.people}"


class Breakdown(models.TextChoices):
    """The groupings stored per version at import, so a dashboard never sums raw rows."""

    CATEGORY_AGE = "category_age", _("category and age band")
    GENDER = "gender", _("gender")
    FINDER = "finder", _("finding organisation")


class CountAggregate(models.Model):
    """The people of one version per municipality and one grouping of the breakdowns.

    ``category_age`` rows fill ``category`` and ``age_band``; ``gender`` rows only ``value``;
    ``finder`` rows only ``value``. Written once, in the import's transaction.
    """

    version = models.ForeignKey(
        CountVersion,
        on_delete=models.CASCADE,
        related_name="aggregates",
        verbose_name=_("version"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("municipality")
    )
    breakdown = models.CharField(_("breakdown"), max_length=20, choices=Breakdown.choices)
    category = models.ForeignKey(
        ReferenceValue,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("category"),
    )
    age_band = models.ForeignKey(
        ReferenceValue,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("age band"),
    )
    value = models.ForeignKey(
        ReferenceValue,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("value"),
    )
    people = models.PositiveIntegerField(_("people"))

    class Meta:
        verbose_name = _("count aggregate")
        verbose_name_plural = _("count aggregates")
        indexes = [models.Index(fields=["version", "breakdown"], name="monitor_aggregate_lookup")]

    def __str__(self) -> str:
        return f"{self.version} {self.breakdown}: {self.people}"
