"""Allocation: the rent limits of passend toewijzen, and the runs of the allocation engine."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from onderdak.contingent.models.base import SOURCE_LENGTH, year_validators
from onderdak.contingent.models.choices import IncomeBand, Stream
from onderdak.contingent.models.dwellings import MAX_RENT, MIN_RENT
from onderdak.contingent.models.years import ContingentYear
from onderdak.region.models import Region, Subregion

HOUSEHOLD_SIZE = [MinValueValidator(1), MaxValueValidator(25)]


class AffordabilityLimit(models.Model):
    """The highest monthly rent for a household of an income band and size (passend toewijzen).

    ``household_to`` empty: this size and larger. The band above the income limit has no rent
    limit, so it has no rows.
    """

    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="affordability_limits",
        verbose_name=_("region"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=year_validators)
    income_band = models.CharField(
        _("income"), max_length=20, choices=IncomeBand.choices, default=IncomeBand.WITHIN_LIMIT
    )
    household_from = models.PositiveSmallIntegerField(
        _("household size from"), validators=HOUSEHOLD_SIZE
    )
    household_to = models.PositiveSmallIntegerField(
        _("household size to"),
        null=True,
        blank=True,
        validators=HOUSEHOLD_SIZE,
        help_text=_("Empty: this size and larger."),
    )
    max_rent = models.DecimalField(
        _("highest rent per month"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(MIN_RENT), MaxValueValidator(MAX_RENT)],
    )
    source = models.CharField(_("source"), max_length=SOURCE_LENGTH)

    class Meta:
        verbose_name = _("rent limit")
        verbose_name_plural = _("rent limits")
        ordering = ["region", "-year", "income_band", "household_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "income_band", "household_from"],
                name="affordability_limit_unique",
                violation_error_message=_("There is already a limit for this household size."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.income_band} {self.household_from}: {self.max_rent}"


class RunMode(models.TextChoices):
    HOUSED_THEN_SCORE = "housed_then_score", _("house as many people as possible, then the score")
    SCORE_ONLY = "score_only", _("the highest total score only")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done, to review")
    FAILED = "failed", _("failed")
    PUBLISHED = "published", _("published")


class AllocationRun(models.Model):
    """A run of the allocation engine on a pool of a contingent year.

    ``input`` is the engine's ``AllocationInput`` and ``result`` / ``baseline`` its
    ``AllocationResult`` (without the input) of the optimum and of the greedy baseline, as JSON:
    a run can be replayed and explained later. Changes by hand are in ``changes``.
    """

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="allocation_runs", verbose_name=_("region")
    )
    contingent_year = models.ForeignKey(
        ContingentYear,
        on_delete=models.PROTECT,
        related_name="allocation_runs",
        verbose_name=_("contingent year"),
    )
    stream = models.CharField(_("stream"), max_length=20, choices=Stream.choices, blank=True)
    subregion = models.ForeignKey(
        Subregion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("subregion"),
    )
    approved_from = models.DateField(_("approved from"), null=True, blank=True)
    approved_to = models.DateField(_("approved up to"), null=True, blank=True)
    weights = models.JSONField(_("weights"), default=dict)
    mode = models.CharField(
        _("objective"), max_length=30, choices=RunMode.choices, default=RunMode.HOUSED_THEN_SCORE
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress"), default=0, validators=[MaxValueValidator(100)]
    )
    input = models.JSONField(_("input"), null=True, blank=True, encoder=DjangoJSONEncoder)
    result = models.JSONField(_("result"), null=True, blank=True, encoder=DjangoJSONEncoder)
    baseline = models.JSONField(
        _("greedy baseline"), null=True, blank=True, encoder=DjangoJSONEncoder
    )
    changes = models.JSONField(_("changes by hand"), default=list, encoder=DjangoJSONEncoder)
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("allocation run")
        verbose_name_plural = _("allocation runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return _("Allocation run %(number)s") % {"number": self.pk}
