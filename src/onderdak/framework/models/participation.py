"""The participation plan and the input log: who takes part how far in each phase, the sessions
held, every contribution and what was done with it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from onderdak.framework.models.frameworks import LONG_TEXT, Action, Framework, Theme
from onderdak.framework.models.project import ProjectPhase
from onderdak.framework.models.reference import (
    TITLE_LENGTH,
    Ladder,
    PolicyDomain,
    ResponseKind,
    StakeholderKind,
)
from onderdak.region.models import Organisation


class Stakeholder(models.Model):
    """An organisation from the registry or a group (experts by experience, residents, a client
    council, an adjacent domain) that takes part in making the framework."""

    framework = models.ForeignKey(
        Framework,
        on_delete=models.CASCADE,
        related_name="stakeholders",
        verbose_name=_("framework"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=StakeholderKind.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="framework_stakeholders",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=TITLE_LENGTH, blank=True)
    policy_domain = models.ForeignKey(
        PolicyDomain,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stakeholders",
        verbose_name=_("policy domain"),
    )
    notes = models.TextField(_("notes"), blank=True, validators=LONG_TEXT)

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["framework", "kind", "name", "pk"]

    def __str__(self) -> str:
        return self.name or str(self.organisation or "")


class StakeholderLevel(models.Model):
    """How far a stakeholder takes part in one phase of the process (a rung of the ladder)."""

    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.CASCADE, related_name="levels", verbose_name=_("stakeholder")
    )
    phase = models.ForeignKey(
        ProjectPhase,
        on_delete=models.CASCADE,
        related_name="participation_levels",
        verbose_name=_("phase"),
    )
    level = models.CharField(_("participation level"), max_length=20, choices=Ladder.choices)

    class Meta:
        verbose_name = _("participation level")
        verbose_name_plural = _("participation levels")
        ordering = ["stakeholder", "phase"]
        constraints = [
            models.UniqueConstraint(
                fields=["stakeholder", "phase"],
                name="framework_stakeholder_phase_unique",
                violation_error_message=_("This stakeholder already has a level in this phase."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.stakeholder} / {self.phase}: {self.get_level_display()}"


class ParticipationSession(models.Model):
    """A meeting, workshop or round of conversations held to gather input."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("framework")
    )
    title = models.CharField(pgettext_lazy("heading of a text", "title"), max_length=TITLE_LENGTH)
    held_on = models.DateField(_("held on"))
    phase = models.ForeignKey(
        ProjectPhase,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("phase"),
    )
    participants = models.ManyToManyField(
        Stakeholder, blank=True, related_name="sessions", verbose_name=_("who took part")
    )
    topics = models.TextField(_("topics"), blank=True, validators=LONG_TEXT)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["framework", "-held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d-%m-%Y})"


class InputItem(models.Model):
    """One contribution to the framework and the response to it: what was done with it, and
    where in the framework (a theme or an action), so the document can account for all input."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="input_items", verbose_name=_("framework")
    )
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.PROTECT, related_name="input_items", verbose_name=_("from")
    )
    session = models.ForeignKey(
        ParticipationSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="input_items",
        verbose_name=_("session"),
    )
    received_on = models.DateField(_("received on"))
    theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="input_items",
        verbose_name=_("about theme"),
    )
    action = models.ForeignKey(
        Action,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="input_items",
        verbose_name=_("about action"),
    )
    text = models.TextField(_("contribution"), validators=LONG_TEXT)
    response = models.CharField(
        _("response"), max_length=20, choices=ResponseKind.choices, default=ResponseKind.OPEN
    )
    response_text = models.TextField(_("what was done with it"), blank=True, validators=LONG_TEXT)
    response_theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responses",
        verbose_name=_("taken up in theme"),
    )
    response_action = models.ForeignKey(
        Action,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responses",
        verbose_name=_("taken up in action"),
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responded by"),
    )
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("input item")
        verbose_name_plural = _("input items")
        ordering = ["framework", "-received_on", "-pk"]
        indexes = [models.Index(fields=["framework", "response"], name="framework_input_response")]

    def __str__(self) -> str:
        return f"{self.stakeholder}, {self.received_on:%d-%m-%Y}"
