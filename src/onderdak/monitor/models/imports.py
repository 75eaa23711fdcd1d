"""An import of a file: checked as a whole, stored in one transaction or rejected with a report."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from onderdak.monitor.models.counts import Count, CountVersion
from onderdak.region.models import Region


class ImportKind(models.TextChoices):
    COUNT = "count", _("count")
    INDICATORS = "indicators", _("indicators")


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("waiting")
    CHECKING = "checking", _("checking")
    STORING = "storing", _("storing")
    DONE = "done", _("imported")
    REJECTED = "rejected", _("rejected")
    FAILED = "failed", _("failed")


class ImportJob(models.Model):
    """One uploaded file and what became of it. The file's bytes are kept only until the import
    ends; the row-by-row error report stays for the report's download."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    count = models.ForeignKey(
        Count,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="import_jobs",
        verbose_name=_("count"),
    )
    file_name = models.CharField(_("file name"), max_length=255)
    file_size = models.PositiveIntegerField(_("file size"))
    content = models.BinaryField(_("content"), null=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    error_count = models.PositiveIntegerField(_("number of errors"), default=0)
    version = models.ForeignKey(
        CountVersion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("version"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.REJECTED, ImportStatus.FAILED)
