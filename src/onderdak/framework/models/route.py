"""The decision route: the steps a framework version takes through the governance bodies and the
municipal colleges and councils, each with its dates, papers and outcome."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from onderdak.framework.models.frameworks import LONG_TEXT, FrameworkVersion
from onderdak.framework.models.reference import TITLE_LENGTH, DecisionBody, Outcome
from onderdak.region.models import Municipality

#: The largest paper file, in bytes.
MAX_PAPER_SIZE = 20 * 1024 * 1024


class DecisionStep(models.Model):
    version = models.ForeignKey(
        FrameworkVersion,
        on_delete=models.CASCADE,
        related_name="steps",
        verbose_name=_("framework version"),
    )
    position = models.PositiveSmallIntegerField(_("position"))
    body = models.CharField(_("body"), max_length=20, choices=DecisionBody.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="framework_decisions",
        verbose_name=_("municipality"),
    )
    planned_on = models.DateField(_("planned on"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=30, choices=Outcome.choices, default=Outcome.PENDING
    )
    note = models.TextField(_("note"), blank=True, validators=LONG_TEXT)

    class Meta:
        verbose_name = _("decision step")
        verbose_name_plural = _("decision steps")
        ordering = ["version", "position", "pk"]

    def __str__(self) -> str:
        where = f" {self.municipality}" if self.municipality_id else ""
        return f"{self.get_body_display()}{where}"


class DecisionPaper(models.Model):
    """A paper put to a body with a step: an uploaded file (PDF, Word or ODF), served only through
    a view that checks the reader's rights."""

    step = models.ForeignKey(
        DecisionStep, on_delete=models.CASCADE, related_name="papers", verbose_name=_("step")
    )
    title = models.CharField(pgettext_lazy("heading of a text", "title"), max_length=TITLE_LENGTH)
    file = models.FileField(_("file"), upload_to="framework/papers/%Y/")
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("paper")
        verbose_name_plural = _("papers")
        ordering = ["step", "title"]

    def __str__(self) -> str:
        return self.title
