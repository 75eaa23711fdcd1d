"""An import of a file: checked as a whole, stored in one transaction or rejected with a report.

A job belongs to a kind of import (``kinds``: a count, indicators, monthly figures …), registered
by the module that stores the rows. What a kind needs besides the file (the count to import into)
is kept in ``options``, what it made (the count's new version) in ``outcome``: small JSON
objects, so this app never refers to another module's models.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from onderdak.imports.kinds import registry
from onderdak.region.models import Region


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
    kind = models.CharField(_("kind"), max_length=40)
    options = models.JSONField(
        _("options"), default=dict, blank=True, help_text=_("What the kind needs besides the file.")
    )
    outcome = models.JSONField(
        _("outcome"), default=dict, blank=True, help_text=_("What the import made.")
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
        indexes = [models.Index(fields=["region", "kind"], name="imports_job_region_kind")]

    def __str__(self) -> str:
        return self.file_name

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.REJECTED, ImportStatus.FAILED)

    @property
    def kind_label(self) -> str:
        """The kind's name, e.g. "count" (the key itself for a kind no module registers now)."""
        found = registry.get(self.kind)
        return str(found.label) if found else self.kind
