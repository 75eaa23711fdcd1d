"""Scenarios of the flow simulation, their runs, and runs of the plan optimisation.

Parameters, inputs and results are stored as JSON: the engines (``engines/flow``,
``engines/capacity_plan``) validate what goes in, and a run keeps the whole input it was solved
with, so it can be explained and repeated later whatever changed since.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from onderdak.capacity.models.plans import CapacityPlan
from onderdak.region.models import Region


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("waiting")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class Scenario(models.Model):
    """A named set of parameters of the flow simulation, e.g. "contingent 350 a year"."""

    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="capacity_scenarios",
        verbose_name=_("region"),
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    parameters = models.JSONField(
        _("parameters"),
        default=dict,
        blank=True,
        encoder=DjangoJSONEncoder,
        help_text=_("What differs from the defaults; empty: every default."),
    )
    is_demo = models.BooleanField(_("fictitious demo scenario"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        ordering = ["region", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"],
                name="capacity_scenario_unique_name",
                violation_error_message=_("The region already has a scenario by this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Run(models.Model):
    """What a simulation and an optimisation run share: who, when, status and the stored JSON."""

    status = models.CharField(
        _("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    input = models.JSONField(_("input"), default=dict, encoder=DjangoJSONEncoder)
    result = models.JSONField(_("result"), null=True, blank=True, encoder=DjangoJSONEncoder)
    error = models.CharField(_("error"), max_length=500, blank=True)
    engine_version = models.CharField(_("engine version"), max_length=40, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def is_finished(self) -> bool:
        return self.status in (RunStatus.DONE, RunStatus.FAILED)


class SimulationRun(Run):
    """One Monte Carlo run of a scenario: its bands per month, stored as JSON."""

    scenario = models.ForeignKey(
        Scenario, on_delete=models.CASCADE, related_name="runs", verbose_name=_("scenario")
    )
    runs = models.PositiveIntegerField(
        _("simulated runs"), validators=[MinValueValidator(1), MaxValueValidator(100_000)]
    )
    months = models.PositiveSmallIntegerField(
        _("months"), validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    seed = models.PositiveBigIntegerField(_("seed"))

    class Meta(Run.Meta):
        verbose_name = _("simulation run")
        verbose_name_plural = _("simulation runs")

    def __str__(self) -> str:
        return f"{self.scenario} ({self.created_at:%Y-%m-%d %H:%M})"


class OptimisationRun(Run):
    """One run of the plan optimisation: a proposed path of places beside the entered plan."""

    plan = models.ForeignKey(
        CapacityPlan,
        on_delete=models.CASCADE,
        related_name="optimisation_runs",
        verbose_name=_("plan"),
    )

    class Meta(Run.Meta):
        verbose_name = _("optimisation run")
        verbose_name_plural = _("optimisation runs")

    def __str__(self) -> str:
        return f"{self.plan} ({self.created_at:%Y-%m-%d %H:%M})"
